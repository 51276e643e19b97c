import type { Block } from '../core/inline.js'
import { type Inline, plainText } from '../core/inline.js'
import type { LetterView } from '../core/letter-view.js'
import type { View, ViewEntry } from '../core/view.js'

export interface PlainTextOptions {
  /** Wrap at this many columns, counted by display width (default 80). */
  width?: number
}

/** Wide (East Asian) characters take two columns in a terminal or a form; combining marks none. */
export function charWidth(cp: number): number {
  if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2
  return 1
}

export const displayWidth = (text: string): number => [...text].reduce((n, ch) => n + charWidth(ch.codePointAt(0)!), 0)

const isWide = (ch: string): boolean => charWidth(ch.codePointAt(0)!) === 2

/** Words to wrap: runs of narrow non-space characters, and each wide character on its own (CJK breaks anywhere). */
function tokens(text: string): Array<{ text: string; space: boolean }> {
  const out: Array<{ text: string; space: boolean }> = []
  let word = ''
  let space = false
  const flush = () => {
    if (word) out.push({ text: word, space })
    word = ''
    space = false
  }
  for (const ch of text) {
    if (/\s/.test(ch)) {
      flush()
      space = true
    } else if (isWide(ch)) {
      // The space before a pending word is that word's, not this character's: "(前" stays joined.
      const s = word ? false : space
      flush()
      out.push({ text: ch, space: s })
    } else word += ch
  }
  flush()
  return out
}

/** Wraps text to `width` columns; later lines start with `indent` (a hanging indent for bullets). */
export function wrap(text: string, width: number, first = '', indent = ''): string[] {
  const lines: string[] = []
  let line = first
  let used = displayWidth(first)
  let empty = true
  const start = indent
  for (const token of tokens(text)) {
    const w = displayWidth(token.text)
    const gap = !empty && token.space ? 1 : 0
    if (!empty && used + gap + w > width) {
      lines.push(line)
      line = start
      used = displayWidth(start)
      empty = true
    }
    if (empty && w > width - used) {
      // A word longer than the line: cut it.
      let chunk = ''
      for (const ch of token.text) {
        if (used + displayWidth(chunk + ch) > width && chunk) {
          lines.push(line + chunk)
          line = start
          used = displayWidth(start)
          chunk = ''
        }
        chunk += ch
      }
      line += chunk
      used += displayWidth(chunk)
      empty = false
      continue
    }
    line += (!empty && token.space ? ' ' : '') + token.text
    used += (!empty && token.space ? 1 : 0) + w
    empty = false
  }
  lines.push(line)
  return lines.map((l) => l.replace(/\s+$/, ''))
}

/** Inline text without markup; a link whose text is not its address shows the address after it. */
export function inlinePlain(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'link') {
        const text = inlinePlain(node.children)
        const bare = node.href.replace(/^mailto:|^tel:/, '')
        return text === node.href || text === bare || node.href.replace(/^https?:\/\//, '').replace(/\/$/, '') === text ? text : `${text} (${bare})`
      }
      return plainText([node])
    })
    .join('')
}

function entryLines(entry: ViewEntry, groups: boolean, width: number): string[] {
  if (groups) {
    const head = entry.note ? `${entry.title} (${entry.note})` : entry.title
    const words = entry.keywords?.length ? `: ${entry.keywords.join(', ')}` : ''
    return wrap(`${head}${words}`, width, '', '  ')
  }
  const out: string[] = []
  const head = [entry.title, entry.organization].filter(Boolean).join(', ') + (entry.note ? ` (${entry.note})` : '')
  out.push(...wrap(head, width))
  const place = [entry.location, entry.dates].filter(Boolean).join(' | ')
  if (place) out.push(...wrap(place, width))
  if (entry.subtitle) out.push(...wrap(entry.subtitle, width))
  if (entry.url) out.push(...wrap(entry.url, width))
  if (entry.summary?.length) out.push(...blocksPlain(entry.summary, width))
  if (entry.keywords?.length) out.push(...wrap(entry.keywords.join(', '), width))
  for (const bullet of entry.bullets) out.push(...wrap(inlinePlain(bullet), width, '• ', '  '))
  return out
}

/** Paragraphs wrapped, list items as bullets with a hanging indent. */
function blocksPlain(blocks: readonly Block[], width: number): string[] {
  return blocks.flatMap((b) =>
    b.type === 'paragraph'
      ? wrap(inlinePlain(b.content), width)
      : b.items.flatMap((item, n) => wrap(inlinePlain(item), width, b.ordered ? `${n + 1}. ` : '• ', b.ordered ? '   ' : '  ')),
  )
}

/**
 * The view as plain text for pasting into application forms: every fact in reading order, no
 * markup, wrapped at `width` columns by display width (CJK characters count two), bullets as "• ",
 * dates as the view formats them.
 */
export function toPlainText(view: View, options: PlainTextOptions = {}): string {
  const width = options.width ?? 80
  const out: string[] = [...wrap(view.name, width)]
  if (view.label) out.push(...wrap(view.label, width))
  if (view.contact.length) {
    const items = view.contact.map((c) => (c.href && c.kind !== 'email' && c.kind !== 'phone' && !c.href.includes(c.text) ? `${c.text} (${c.href})` : c.text))
    out.push(...wrap(items.join(' | '), width))
  }
  for (const section of view.sections) {
    out.push('')
    if (section.heading) out.push(...wrap(section.heading.toUpperCase(), width))
    if (section.layout === 'text') {
      out.push(...blocksPlain(section.text ?? [], width))
      continue
    }
    section.entries.forEach((entry, i) => {
      if (i > 0 && section.layout === 'entries') out.push('')
      out.push(...entryLines(entry, section.layout === 'groups', width))
    })
  }
  return `${out.join('\n')}\n`
}

/** A cover letter as plain text: the resume's header, then the letter in reading order, wrapped at `width`. */
export function letterPlainText(view: View, letter: LetterView, options: PlainTextOptions = {}): string {
  const width = options.width ?? 80
  const out = [toPlainText({ ...view, sections: [] }, options).trimEnd(), '', ...wrap(letter.date, width)]
  if (letter.recipient.length) out.push('', ...letter.recipient.flatMap((line) => wrap(line, width)))
  if (letter.subject) out.push('', ...wrap(inlinePlain(letter.subject), width))
  out.push('', ...wrap(letter.salutation, width))
  for (const block of letter.body) out.push('', ...blocksPlain([block], width))
  out.push('', ...wrap(letter.closing, width), '', ...wrap(letter.signature, width))
  return `${out.join('\n')}\n`
}
