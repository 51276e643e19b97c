import type { Block, Inline } from '../core/inline.js'
import type { LetterView } from '../core/letter-view.js'
import type { View, ViewEntry, ViewSection } from '../core/view.js'

/** Characters that would start Markdown inside running text. */
const escapeText = (text: string): string => text.replace(/([\\`*_[\]<>~|])/g, '\\$1')

/** At the start of a block, text that would read as a heading, list or quote. */
const escapeStart = (line: string): string => line.replace(/^(#|[-+] |\d+[.)] |>)/, '\\$1')

const codeSpan = (text: string): string => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** Inline nodes as GitHub Markdown: bold, italic, strikethrough, code and links kept. */
export function inlineMarkdown(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeText(node.text)
        case 'code':
          return codeSpan(node.text)
        case 'break':
          return '<br>'
        case 'strong':
          return `**${inlineMarkdown(node.children)}**`
        case 'em':
          return `_${inlineMarkdown(node.children)}_`
        case 'strike':
          return `~~${inlineMarkdown(node.children)}~~`
        case 'link':
          return `[${inlineMarkdown(node.children)}](<${node.href.replace(/[<>]/g, encodeURIComponent)}>)`
      }
    })
    .join('')
}

const link = (text: string, href?: string): string => (href ? `[${escapeText(text)}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : escapeText(text))

function entryLines(entry: ViewEntry, layout: ViewSection['layout']): string[] {
  if (layout === 'groups') {
    const note = entry.note ? ` (${escapeText(entry.note)})` : ''
    const words = entry.keywords?.length ? `: ${entry.keywords.map(escapeText).join(', ')}` : ''
    return [`- **${escapeText(entry.title)}**${note}${words}`]
  }
  const head = [`**${link(entry.title, entry.url)}**`]
  if (entry.organization) head.push(escapeText(entry.organization))
  if (entry.note) head.push(`_${escapeText(entry.note)}_`)
  const place = [entry.location, entry.dates]
    .filter(Boolean)
    .map((p) => escapeText(p!))
    .join(' · ')
  const lines = [escapeStart(head.join(', ')) + (place ? `  \n${place}` : '') + (entry.subtitle ? `  \n_${escapeText(entry.subtitle)}_` : '')]
  if (entry.summary?.length) lines.push('', ...blocksMarkdown(entry.summary))
  if (entry.keywords?.length) lines.push('', `_${entry.keywords.map(escapeText).join(', ')}_`)
  if (entry.bullets.length) lines.push('', ...entry.bullets.map((b) => `- ${inlineMarkdown(b)}`))
  return lines
}

/** Paragraphs as paragraphs, lists as lists, a blank line between blocks. */
function blocksMarkdown(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b, i) => [
    ...(i ? [''] : []),
    ...(b.type === 'paragraph' ? [escapeStart(inlineMarkdown(b.content))] : b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '-'} ${inlineMarkdown(item)}`)),
  ])
}

/**
 * The view as Markdown that reads well on GitHub: the name as `#`, the label, a contact line
 * with links, `##` per section, each entry with its title in bold, organisation, place and
 * dates, then its summary and bullets; bold, italic, code and links in the text kept.
 */
export function toMarkdown(view: View): string {
  const out: string[] = [`# ${escapeText(view.name)}`]
  if (view.label) out.push('', `**${escapeText(view.label)}**`)
  if (view.contact.length) out.push('', view.contact.map((c) => link(c.text, c.href)).join(' · '))
  for (const section of view.sections) {
    out.push('')
    if (section.heading) out.push(`## ${escapeText(section.heading)}`, '')
    if (section.layout === 'text') {
      out.push(...blocksMarkdown(section.text ?? []))
      continue
    }
    if (section.layout === 'groups') {
      out.push(...section.entries.flatMap((e) => entryLines(e, 'groups')))
      continue
    }
    section.entries.forEach((entry, i) => {
      if (i > 0) out.push('')
      out.push(...entryLines(entry, section.layout))
    })
  }
  return `${out.join('\n')}\n`
}

/** A cover letter as Markdown: the resume's header as the letterhead, then the letter in reading order. */
export function letterMarkdown(view: View, letter: LetterView): string {
  const out = [toMarkdown({ ...view, sections: [] }).trimEnd(), '', '---', '', escapeStart(escapeText(letter.date))]
  if (letter.recipient.length) out.push('', letter.recipient.map((line) => escapeStart(escapeText(line))).join('  \n'))
  if (letter.subject) out.push('', `**${inlineMarkdown(letter.subject)}**`)
  out.push('', escapeStart(escapeText(letter.salutation)), '', ...blocksMarkdown(letter.body), '', escapeStart(escapeText(letter.closing)), '', escapeText(letter.signature))
  return `${out.join('\n')}\n`
}
