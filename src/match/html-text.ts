/** An HTML posting read as the text a browser shows, with the way back to the file's offsets. */
export interface HtmlText {
  text: string
  /** The file's offset of the text's character at `offset` (the file's length past the end). */
  sourceOffset(offset: number): number
  /** Offsets in `text` where a heading's (or a bold run's) text starts. */
  headings: Set<number>
  /** Bold runs' text (<strong>, <b>), as [start, end) offsets in `text`. */
  emphasis: [number, number][]
}

// Never shown as the posting's words: code, styling, navigation, footers, and the application
// form a board puts under the posting, or its controls where there is no form element ("Attach",
// "Dropbox", "Google Drive", "LinkedIn Profile").
const SKIPPED = /^(script|style|noscript|template|svg|nav|footer|form|label|button|select|textarea)$/i
// Tags that start a line of their own.
const BLOCK = /^(p|div|li|ul|ol|h[1-6]|br|tr|td|th|table|section|article|header|main|dd|dt|dl|blockquote|pre|hr|title)$/i
const HEADING = /^(h[1-6]|dt|strong|b|th)$/i
const BOLD = /^(strong|b)$/i
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/y
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/iy
const SPACE = /[ \t\n\r\f\u00a0]/
// A run of the text's own characters: up to the next tag, entity or space.
const RUN = /[^<& \t\n\r\f\u00a0]+/y
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  middot: '·',
  ndash: '–',
  mdash: '—',
  pound: '£',
  euro: '€',
  copy: '©',
  bull: '•',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
}

function decodeEntity(body: string): string | undefined {
  const code = /^#x/i.test(body) ? Number.parseInt(body.slice(2), 16) : body.startsWith('#') ? Number(body.slice(1)) : undefined
  if (code === undefined) return ENTITIES[body.toLowerCase()]
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}

/**
 * HTML as a browser lays out its words: runs of white space (line breaks of the file included) are
 * one space, inline tags are nothing ("<b>Kube</b>rnetes" is one word), block tags start a line
 * ("- " for a list item), entities are their characters ("ATT&amp;CK" is one word, "Google&nbsp;Cloud"
 * two words of one name), and scripts, styles, navigation and footers are gone. Nothing is fetched
 * or run. Each character remembers where it came from, so places are still the file's line:col.
 */
export function htmlAsText(html: string): HtmlText {
  // Pieces joined once at the end: asking a growing string for its last character flattens it
  // each time, which is quadratic on a 1 MiB posting.
  const pieces: string[] = []
  let length = 0
  let last = ''
  const from: number[] = []
  const headings = new Set<number>()
  const emphasis: [number, number][] = []
  // Where the open bold tags' text starts, innermost last.
  const bold: number[] = []
  // A run of white space not yet written: written as one space before the next word on its line.
  let space = -1
  const lineStarted = () => length > 0 && last !== '\n'
  // Whether the next word gets a space before it: one was read since the last word on this line.
  const spaceDue = () => space >= 0 && lineStarted() && last !== ' '
  // `s` stands for the file's characters at `at` (an entity, a bullet), or, with `run`, is copied
  // from there, each character from its own place (a code point's two halves from its first).
  const put = (s: string, at: number, run = false) => {
    if (spaceDue()) {
      pieces.push(' ')
      from.push(space)
      length++
    }
    space = -1
    bulletOnly = false
    if (run) {
      for (let k = 0; k < s.length; k++) {
        const unit = s.charCodeAt(k)
        from.push(k > 0 && unit >= 0xdc00 && unit <= 0xdfff ? at + k - 1 : at + k)
      }
    } else for (let k = 0; k < s.length; k++) from.push(at)
    pieces.push(s)
    length += s.length
    last = s[s.length - 1]!
  }
  // Right after a list item's bullet, before its text: a paragraph inside the item ("<li><p>")
  // starts no line of its own, as a browser shows the bullet beside its first line.
  let bulletOnly = false
  const newline = (at: number) => {
    space = -1
    if (lineStarted()) put('\n', at)
  }
  let i = 0
  while (i < html.length) {
    const c = html[i]!
    if (c === '<') {
      if (html.startsWith('<!--', i)) {
        const end = html.indexOf('-->', i + 4)
        i = end < 0 ? html.length : end + 3
        continue
      }
      if (html[i + 1] === '!' || html[i + 1] === '?') {
        const end = html.indexOf('>', i)
        i = end < 0 ? html.length : end + 1
        continue
      }
      TAG.lastIndex = i
      const tag = TAG.exec(html)
      if (tag) {
        const [whole, closing, name] = tag as unknown as [string, string, string]
        i += whole.length
        if (!closing && SKIPPED.test(name)) {
          const end = new RegExp(`</${name}\\s*>`, 'gi')
          end.lastIndex = i
          const found = end.exec(html)
          if (found) i = found.index + found[0].length
          continue
        }
        if (BLOCK.test(name)) {
          if (!(bulletOnly && /^(p|div)$/i.test(name))) newline(tag.index)
          if (!closing && /^li$/i.test(name)) {
            put('- ', tag.index)
            bulletOnly = true
          }
        }
        if (!closing && HEADING.test(name)) headings.add(spaceDue() ? length + 1 : length)
        if (BOLD.test(name)) {
          if (!closing) bold.push(spaceDue() ? length + 1 : length)
          else if (bold.length) emphasis.push([bold.pop()!, length])
        }
        continue
      }
    } else if (SPACE.test(c)) {
      if (space < 0) space = i
      i++
      continue
    } else if (c === '&') {
      ENTITY.lastIndex = i
      const entity = ENTITY.exec(html)
      const char = entity ? decodeEntity(entity[1]!) : undefined
      if (entity && char !== undefined) {
        if (SPACE.test(char)) {
          if (space < 0) space = i
        } else put(char, i)
        i += entity[0].length
        continue
      }
    }
    // The text up to the next tag, entity or space, at once (a '<' or '&' that starts neither is
    // text: the run is then at least that character).
    RUN.lastIndex = i + 1
    const end = RUN.test(html) ? RUN.lastIndex : i + 1
    put(html.slice(i, end), i, true)
    i = end
  }
  return {
    text: pieces.join(''),
    headings,
    emphasis,
    sourceOffset: (offset) => (offset < from.length ? from[offset]! : html.length),
  }
}
