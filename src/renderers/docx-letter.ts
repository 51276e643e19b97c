import { BorderStyle, Paragraph, TextRun } from 'docx'
import type { LetterView } from '../core/letter-view.js'
import type { View } from '../core/view.js'
import { type BodyShape, blockParagraphs, CLASSIC_BODY, masthead } from './docx-body.js'
import { inlineRuns } from './docx-inline.js'
import { BULLETS, STYLE } from './docx-styles.js'

const pt = (points: number): number => Math.round(points * 20)

/**
 * A cover letter as Word paragraphs, in the PDF's reading order: the resume's masthead as the
 * letterhead (ruled off below), date, recipient, subject, salutation, body, closing, name. Body
 * text takes the theme's Summary style, so its fonts and colours are the resume's.
 */
export function docxLetterBody(view: View, letter: LetterView, shape: BodyShape & { accent?: string } = CLASSIC_BODY): Paragraph[] {
  // The PDF's rule under the letterhead: an empty paragraph's bottom border, in the text's width.
  const rule = new Paragraph({
    spacing: { before: 0, after: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: shape.accent ?? 'auto' } },
    children: [],
  })
  const letterhead = [...masthead(view, shape), rule]
  const text = (value: string, after: number, before = 0) =>
    new Paragraph({ style: STYLE.summary, spacing: { before: pt(before), after: pt(after) }, children: [new TextRun(value)] })
  const out: Paragraph[] = [...letterhead, text(letter.date, 12, 20)]
  letter.recipient.forEach((line, i) => out.push(text(line, i === letter.recipient.length - 1 ? 14 : 0)))
  if (letter.subject) out.push(new Paragraph({ style: STYLE.summary, spacing: { after: pt(10) }, children: inlineRuns(letter.subject, { bold: true }) }))
  out.push(text(letter.salutation, 8))
  for (const p of blockParagraphs(letter.body, STYLE.summary)) {
    out.push(new Paragraph({ style: p.style, children: p.children, spacing: { after: pt(p.bullet ? 2 : 8) }, numbering: p.bullet ? { reference: BULLETS, level: 0 } : undefined }))
  }
  out.push(new Paragraph({ style: STYLE.summary, spacing: { before: pt(8), after: pt(26) }, keepNext: true, children: [new TextRun(letter.closing)] }))
  out.push(new Paragraph({ style: STYLE.summary, children: [new TextRun({ text: letter.signature, bold: true })] }))
  return out
}
