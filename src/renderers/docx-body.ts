import { Paragraph, type ParagraphChild, Tab, TextRun } from 'docx'
import type { Block } from '../core/inline.js'
import type { ContactItem, View, ViewEntry, ViewSection } from '../core/view.js'
import { inlineRuns, styledText } from './docx-inline.js'
import { BULLETS, STYLE } from './docx-styles.js'
import type { DocxShapeTokens } from './docx-tokens.js'

/** What of the theme's Word shape the body itself has to follow; the rest is in the styles. */
export type BodyShape = Pick<DocxShapeTokens, 'labelPlacement' | 'locationItalic'>
export const CLASSIC_BODY: BodyShape = { labelPlacement: 'below', locationItalic: false }

/**
 * The view model as Word paragraphs, in the order and shape of the HTML theme's partials
 * (header, text, entries, groups): one column, no tables, nothing in headers or footers,
 * so a reader, Word's navigation pane and an applicant tracking system all read it top down.
 */
export function docxBody(view: View, shape: BodyShape = CLASSIC_BODY): Paragraph[] {
  return [...masthead(view, shape), ...view.sections.flatMap((s) => section(s, shape))]
}

export function masthead(view: View, shape: BodyShape): Paragraph[] {
  const out: Paragraph[] = []
  // Beside the name, the label is a run of its own after an em space (the PDF's 10pt gap), so
  // whoever reads the runs still finds the name alone in the first one.
  const beside = shape.labelPlacement === 'beside' && view.name && view.label
  if (view.name) out.push(new Paragraph({ style: STYLE.title, children: [new TextRun(view.name), ...(beside ? [styledText(`\u2003${view.label}`, STYLE.inlineLabel)] : [])] }))
  if (view.label && !beside) out.push(new Paragraph({ style: STYLE.label, children: [new TextRun(view.label)] }))
  if (view.contact.length > 0) out.push(new Paragraph({ style: STYLE.contact, children: contactLine(view.contact) }))
  return out
}

// The HTML's en space, bullet, en space between items: a separator, not a list. The space after
// the bullet does not break (two no-break spaces are about an en), so a line never ends on "•".
const CONTACT_SEPARATOR = '\u2002\u2022\u00A0\u00A0'

function contactLine(items: readonly ContactItem[]): ParagraphChild[] {
  return items.flatMap((item, i) => [...(i > 0 ? [styledText(CONTACT_SEPARATOR, STYLE.separator)] : []), contactItem(item)])
}

const contactItem = (item: ContactItem): ParagraphChild => (item.href ? styledText(item.text, STYLE.link, item.href) : new TextRun(item.text))

function section(s: ViewSection, shape: BodyShape): Paragraph[] {
  const heading = s.heading ? [new Paragraph({ style: STYLE.heading, children: [new TextRun(s.heading)] })] : []
  switch (s.layout) {
    case 'text':
      return [
        ...heading,
        ...blockParagraphs(s.text ?? [], STYLE.summary).map(
          (p) => new Paragraph({ style: p.style, children: p.children, numbering: p.bullet ? { reference: BULLETS, level: 0 } : undefined }),
        ),
      ]
    case 'groups':
      return [...heading, ...s.entries.map(group)]
    case 'entries':
      return [...heading, ...s.entries.flatMap((e) => entry(e, shape))]
  }
}

/** Paragraphs in the given style; list items as real Word bullets. */
export function blockParagraphs(blocks: readonly Block[], style: string): Array<{ style: string; children: ParagraphChild[]; bullet?: boolean }> {
  return blocks.flatMap((b) =>
    b.type === 'paragraph' ? [{ style, children: inlineRuns(b.content) }] : b.items.map((item) => ({ style: STYLE.bullet, children: inlineRuns(item), bullet: true })),
  )
}

/** "Programming Languages: Python, C/C++, …": the name in bold, the keywords after it. */
function group(e: ViewEntry): Paragraph {
  // No colon when nothing follows it: "Python (Advanced)".
  const name = `${e.title}${e.note ? ` (${e.note})` : ''}${e.keywords?.length ? ':' : ''}`
  const keywords = e.keywords?.length ? [new TextRun(` ${e.keywords.join(', ')}`)] : []
  return new Paragraph({ style: STYLE.group, children: [styledText(name, STYLE.groupName), ...keywords] })
}

function entry(e: ViewEntry, shape: BodyShape): Paragraph[] {
  const body: Array<{ style: string; children: ParagraphChild[]; bullet?: boolean }> = []
  if (e.subtitle) body.push({ style: STYLE.entryText, children: [new TextRun({ text: e.subtitle, italics: true })] })
  body.push(...blockParagraphs(e.summary ?? [], STYLE.entryText))
  if (e.keywords?.length) body.push({ style: STYLE.entryText, children: [new TextRun(e.keywords.join(', '))] })
  for (const bullet of e.bullets) body.push({ style: STYLE.bullet, children: inlineRuns(bullet), bullet: true })
  return [
    new Paragraph({ style: STYLE.entry, children: entryHead(e, shape) }),
    // As in the PDF: the head keeps with the first line (its style), a summary with what follows
    // it, and a long entry may break between its bullets, not jump whole to the next page.
    ...body.map(
      (p, i) =>
        new Paragraph({
          style: p.style,
          children: p.children,
          keepNext: (!p.bullet && i < body.length - 1) || undefined,
          numbering: p.bullet ? { reference: BULLETS, level: 0 } : undefined,
        }),
    ),
  ]
}

/** Title | organisation (note), then a tab to the right edge: place | dates. */
function entryHead(e: ViewEntry, shape: BodyShape): ParagraphChild[] {
  const separator = () => styledText(' | ', STYLE.separator)
  const head: ParagraphChild[] = [styledText(e.title, STYLE.entryTitle, e.url)]
  if (e.organization) head.push(separator(), styledText(e.organization, STYLE.organization))
  if (e.note) head.push(styledText(` (${e.note})`, STYLE.note))
  if (e.location || e.dates) {
    head.push(new TextRun({ children: [new Tab()] }))
    if (e.location) head.push(styledText(e.location, shape.locationItalic ? STYLE.place : STYLE.meta))
    if (e.location && e.dates) head.push(separator())
    if (e.dates) head.push(styledText(e.dates, STYLE.meta))
  }
  return head
}
