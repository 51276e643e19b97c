import type { Inline } from '../core/inline.js'
import { safeHref } from '../core/links.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)

/** Inline nodes to HTML; every piece of user text is escaped, links only with allowed schemes. */
export function inlineToHtml(nodes: readonly Inline[]): string {
  let out = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += escapeHtml(node.text)
        break
      case 'code':
        out += `<code>${escapeHtml(node.text)}</code>`
        break
      case 'break':
        out += '<br>'
        break
      case 'strong':
        out += `<strong>${inlineToHtml(node.children)}</strong>`
        break
      case 'em':
        out += `<em>${inlineToHtml(node.children)}</em>`
        break
      case 'strike':
        out += `<s>${inlineToHtml(node.children)}</s>`
        break
      case 'link': {
        const href = safeHref(node.href)
        out += href ? `<a href="${escapeHtml(href)}">${inlineToHtml(node.children)}</a>` : inlineToHtml(node.children)
        break
      }
    }
  }
  return out
}
