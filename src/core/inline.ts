import { createRequire } from 'node:module'
import type MarkdownIt from 'markdown-it'

/**
 * markdown-it, on first use: at load it builds its tables (HTML entities, link patterns), ~5 ms,
 * and most of a resume's text never needs it (the shortcuts below). In the bundled CLI esbuild
 * turns this `require` into the lazy start of its bundled copy; elsewhere (the library, the tests)
 * Node's require loads markdown-it's CommonJS build.
 */
function markdownIt(): typeof MarkdownIt {
  const loaded = (typeof require === 'function' ? require('markdown-it') : createRequire(import.meta.url)('markdown-it')) as { default?: typeof MarkdownIt }
  return loaded.default ?? (loaded as unknown as typeof MarkdownIt)
}

/**
 * Inline Markdown as a small tree, parsed once and rendered by every format (HTML strings,
 * DOCX runs), so bold in the PDF is bold in the Word file too.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'em' | 'strike'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }

// Raw HTML off: `<script>` in a resume is text. Links are checked by our own rules
// (validate.ts reports a bad scheme at its place), so markdown-it's silent filter is off.
// Made on first use: a MarkdownIt (and the LinkifyIt it always builds) costs a few milliseconds,
// and text with no Markdown in it never needs one.
let md: MarkdownIt | undefined
const inlineMd = (): MarkdownIt => {
  if (!md) {
    md = new (markdownIt())('zero', { html: false, linkify: false, typographer: false }).enable(['emphasis', 'backticks', 'link', 'escape', 'entity', 'newline', 'strikethrough'])
    md.validateLink = () => true
  }
  return md
}

/** Parsed text by source text: a build keeps one (its services own it), so nothing outlives the build. */
export type InlineCache = Map<string, Inline[]>

// Text none of the enabled rules can act on: no emphasis, code, link, escape or strikethrough
// mark, no `&` that could start an entity (`&amp;`, `&#65;`; "R&D" and "H&M" are text), no line
// break, no NUL (which markdown-it replaces). Most of a resume's text is such (names, places,
// dates, many highlights), and markdown-it gives it back as one text node.
const PLAIN = /^(?:[^*_`[\]\\&~\n\r\0]|&(?![#\w]*;))*$/
const NO_MARKS = /^[^*_`[\]\\&~\n\r\0]*$/
/** PLAIN's test, the common case first: with no `&` at all it is one scan of a character class. */
const isPlain = (text: string): boolean => NO_MARKS.test(text) || (text.includes('&') && PLAIN.test(text))
/** PLAIN_OR_STRONG's test, only for text with the marks. */
const isPlainOrStrong = (text: string): boolean => text.includes('**') && PLAIN_OR_STRONG.test(text)

// Plain text with bold in the one shape resumes use it, `**a few words**`, which markdown-it would
// read as strong whatever is around: the opening mark at the start or after a space, before a
// letter or digit; the closing one after no space, at the end or before a space or a mark of
// punctuation (so neither can be read the other way); nothing between them but plain text.
const STRONG = /(?<=^| )\*\*([\p{L}\p{N}](?:[^*_`[\]\\&~\n\r\0]|&(?![#\w]*;))*?(?<![\s\p{Z}]))\*\*(?=$|[ ,.;:!?)])/gu
const PLAIN_OR_STRONG = /^(?:[^*_`[\]\\&~\n\r\0]|&(?![#\w]*;)|(?<=^| )\*\*[\p{L}\p{N}](?:[^*_`[\]\\&~\n\r\0]|&(?![#\w]*;))*?(?<![\s\p{Z}])\*\*(?=$|[ ,.;:!?)]))*$/u

export function parseInline(text: string, cache?: InlineCache): Inline[] {
  const hit = cache?.get(text)
  if (hit) return hit
  const root = isPlain(text) ? plainInline(text) : isPlainOrStrong(text) ? strongInline(text) : markdownInline(text)
  cache?.set(text, root)
  return root
}

const plainInline = (text: string): Inline[] => (text === '' ? [] : [{ type: 'text', text }])

/** Text PLAIN_OR_STRONG accepts, as markdown-it reads it; markdown-it itself, loaded, costs ~5 ms. */
function strongInline(text: string): Inline[] {
  const out: Inline[] = []
  let at = 0
  for (const match of text.matchAll(STRONG)) {
    if (match.index > at) out.push({ type: 'text', text: text.slice(at, match.index) })
    out.push({ type: 'strong', children: [{ type: 'text', text: match[1]! }] })
    at = match.index + match[0].length
  }
  if (at < text.length) out.push({ type: 'text', text: text.slice(at) })
  return out
}

/** The inline tree as markdown-it reads it (parseInline takes a shortcut for plain text; tests compare the two). */
export const markdownInline = (text: string): Inline[] => inlineFromTokens(inlineMd().parseInline(text, {})[0]?.children ?? [])

type Token = ReturnType<MarkdownIt['parseInline']>[number]

function inlineFromTokens(children: readonly Token[]): Inline[] {
  const root: Inline[] = []
  const stack: Inline[][] = [root]
  const top = () => stack[stack.length - 1]!
  for (const token of children) {
    switch (token.type) {
      case 'text':
        appendText(top(), token.content)
        break
      case 'code_inline':
        top().push({ type: 'code', text: token.content })
        break
      case 'softbreak':
        appendText(top(), ' ')
        break
      case 'hardbreak':
        top().push({ type: 'break' })
        break
      case 'strong_open':
      case 'em_open':
      case 's_open':
      case 'link_open': {
        const node: Inline =
          token.type === 'link_open'
            ? { type: 'link', href: token.attrGet('href') ?? '', children: [] }
            : { type: token.type === 'strong_open' ? 'strong' : token.type === 'em_open' ? 'em' : 'strike', children: [] }
        top().push(node)
        stack.push(node.children)
        break
      }
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        if (stack.length > 1) stack.pop()
        break
      default:
        // Anything else markdown-it may emit in 'zero' mode is shown as the text it came from.
        if (token.content) appendText(top(), token.content)
    }
  }
  return root
}

/**
 * Text with paragraphs and lists: what a summary written over several lines means. One paragraph
 * of plain text comes back as one paragraph, so single-line text renders as it always did.
 */
export type Block = { type: 'paragraph'; content: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] }

// The block rules on top of the inline ones: paragraphs and lists, nothing else (no headings,
// tables or code blocks in a resume field; such lines stay text).
let blockMd: MarkdownIt | undefined
const blocksMd = (): MarkdownIt => {
  if (!blockMd) {
    blockMd = new (markdownIt())('zero', { html: false, linkify: false, typographer: false }).enable([
      'paragraph',
      'list',
      'emphasis',
      'backticks',
      'link',
      'escape',
      'entity',
      'newline',
      'strikethrough',
    ])
    blockMd.validateLink = () => true
  }
  return blockMd
}

export type BlockCache = Map<string, Block[]>

// One line of plain text, neither starting nor ending with a space (markdown-it trims a paragraph,
// with its own idea of a space) nor starting like a list item: one paragraph of that text.
const LIST_START = /^(?:[-+*]|\d{1,9}[.)])(?:\s|$)/
const isPlainLine = (text: string): boolean => /^\S(?:.*\S)?$/s.test(text) && !LIST_START.test(text) && (isPlain(text) || isPlainOrStrong(text))

export function parseBlocks(text: string, cache?: BlockCache): Block[] {
  const hit = cache?.get(text)
  if (hit) return hit
  const blocks = isPlainLine(text) ? [{ type: 'paragraph' as const, content: parseInline(text) }] : markdownBlocks(text)
  cache?.set(text, blocks)
  return blocks
}

/** The blocks as markdown-it reads them (parseBlocks takes a shortcut for one plain line; tests compare the two). */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let list: Extract<Block, { type: 'list' }> | undefined
  for (const token of blocksMd().parse(text, {})) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      list = { type: 'list', ordered: token.type === 'ordered_list_open', items: [] }
      blocks.push(list)
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      list = undefined
    } else if (token.type === 'inline') {
      const content = inlineFromTokens(token.children ?? [])
      if (content.length === 0) continue
      if (list) list.items.push(content)
      else blocks.push({ type: 'paragraph', content })
    }
  }
  return blocks
}

/** The inline text of blocks, paragraphs and items joined by spaces: for metadata and plain uses. */
export const blocksInline = (blocks: readonly Block[]): Inline[] =>
  blocks.flatMap((b, i) => [
    ...(i ? [{ type: 'text' as const, text: ' ' }] : []),
    ...(b.type === 'paragraph' ? b.content : b.items.flatMap((item, j) => [...(j ? [{ type: 'text' as const, text: ' ' }] : []), ...item])),
  ])

function appendText(list: Inline[], text: string): void {
  if (!text) return
  const last = list[list.length - 1]
  if (last?.type === 'text') last.text += text
  else list.push({ type: 'text', text })
}

/** The text without any Markdown: for PDF metadata, DOCX properties and plain-text uses. */
export function plainText(nodes: Inline[] | string): string {
  const list = typeof nodes === 'string' ? parseInline(nodes) : nodes
  return list.map((node) => (node.type === 'text' || node.type === 'code' ? node.text : node.type === 'break' ? ' ' : plainText(node.children))).join('')
}

export function linksOf(nodes: Inline[]): string[] {
  return nodes.flatMap((node) => (node.type === 'link' ? [node.href, ...linksOf(node.children)] : 'children' in node ? linksOf(node.children) : []))
}
