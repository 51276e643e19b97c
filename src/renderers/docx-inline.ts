import { ExternalHyperlink, type ParagraphChild, TextRun } from 'docx'
import type { Inline } from '../core/inline.js'
import { safeHref } from '../core/links.js'
import { STYLE } from './docx-styles.js'

interface Marks {
  bold?: boolean
  italics?: boolean
  strike?: boolean
  code?: boolean
  link?: boolean
  /** A character style for plain text, e.g. the entry title. */
  style?: string
}

/**
 * Inline Markdown as Word runs: emphasis as run properties (what Word's own B and I buttons
 * write, and what readers such as mammoth take for <strong>), links as clickable hyperlinks.
 */
export function inlineRuns(nodes: readonly Inline[], marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'text':
        return [run(node.text, marks)]
      case 'code':
        return [run(node.text, { ...marks, code: true })]
      case 'break':
        return [new TextRun({ break: 1 })]
      case 'strong':
        return inlineRuns(node.children, { ...marks, bold: true })
      case 'em':
        return inlineRuns(node.children, { ...marks, italics: true })
      case 'strike':
        return inlineRuns(node.children, { ...marks, strike: true })
      case 'link': {
        const href = safeHref(node.href)
        // A link inside a link is not a thing Word can hold: the inner one stays text.
        if (!href || marks.link) return inlineRuns(node.children, marks)
        return [new ExternalHyperlink({ link: href, children: inlineRuns(node.children, { ...marks, link: true }) })]
      }
    }
  })
}

/** A run of plain text in a character style, optionally a link. */
export function styledText(text: string, style: string, href?: string): ParagraphChild {
  const link = safeHref(href)
  const textRun = run(text, { style, link: Boolean(link) })
  return link ? new ExternalHyperlink({ link, children: [textRun] }) : textRun
}

function run(text: string, marks: Marks): TextRun {
  // A run has one character style: inside a link the link's wins, as the reader must see it is one.
  const style = marks.link && !marks.style ? STYLE.link : marks.code ? STYLE.code : marks.style
  return new TextRun({
    text,
    style,
    bold: marks.bold || undefined,
    italics: marks.italics || undefined,
    strike: marks.strike || undefined,
  })
}
