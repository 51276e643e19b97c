import { AlignmentType, BorderStyle, type INumberingOptions, type IStylesOptions, LevelFormat, LevelSuffix, LineRuleType } from 'docx'
import { type DocxScriptFonts, docxScriptFonts } from '../fonts/docx.js'
import type { ThemeDocxTokens } from './docx-tokens.js'

/**
 * Style ids the body refers to. Title, Heading1, Heading2 and ListBullet are Word's own ids, so
 * the navigation pane, screen readers and applicant tracking systems know what they are; the
 * rest are ours and show in Word's style gallery under readable names.
 */
export const STYLE = {
  title: 'Title',
  label: 'Subtitle',
  contact: 'Contact',
  heading: 'Heading1',
  entry: 'Heading2',
  summary: 'Summary',
  entryText: 'EntryText',
  bullet: 'ListBullet',
  group: 'SkillGroup',
  // character styles
  entryTitle: 'EntryTitle',
  organization: 'Organization',
  note: 'EntryNote',
  meta: 'EntryMeta',
  separator: 'Separator',
  groupName: 'GroupName',
  /** The label on the name's line (labelPlacement "beside"). */
  inlineLabel: 'SubtitleInline',
  /** The place before the dates, when the theme sets it apart (locationItalic). */
  place: 'EntryPlace',
  code: 'InlineCode',
  link: 'Hyperlink',
} as const

export const BULLETS = 'bullets'

const pt = (points: number): number => Math.round(points * 20)
const halfPt = (points: number): number => Math.round(points * 2)
/**
 * A theme font for Latin text, with the script fonts of the document's language beside it: Word
 * takes `eastAsia` for Han, Kana and Hangul and `cs` for Arabic, Hebrew and Devanagari, since
 * a Latin font has none of their glyphs.
 */
const fontFor = (scripts: DocxScriptFonts) => (name: string) => ({
  ascii: name,
  hAnsi: name,
  eastAsia: scripts.eastAsia ?? name,
  cs: scripts.cs ?? name,
  ...(scripts.hint ? { hint: scripts.hint } : {}),
})
/** Letter spacing, as the HTML's `letter-spacing: 0.09em`, in twips. */
const tracking = (em: number, size: number): number => Math.round(em * size * 20)

/** Paragraph and character styles from the theme's tokens; the body only names them. */
export function docxStyles(t: ThemeDocxTokens, options: { textWidth: number; lang: string; dir: 'ltr' | 'rtl' }): IStylesOptions {
  const scripts = docxScriptFonts(options.lang, options.dir)
  const font = fontFor(scripts)
  const line = Math.round(240 * t.lineSpacing)
  const masthead = t.mastheadAlign === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER
  // Letter spacing pulls Arabic's joined letters apart and leaves gaps in Han, Kana and Hangul;
  // none of these scripts has an italic either, and Word would slant them by shearing. As the
  // PDF's :lang() rules: tracking and italics only in Latin-script documents.
  const latin = !scripts.eastAsia && !scripts.cs
  const track = (em: number, size: number) => (latin ? { characterSpacing: tracking(em, size) } : {})
  const italic = latin ? { italics: true } : {}
  const label = t.labelCase === 'caps' ? { allCaps: true, ...track(0.06, t.labelSize) } : t.labelCase === 'italic' ? italic : {}
  const labelRun = { size: halfPt(t.labelSize), color: t.labelColor === 'accent' ? t.accent : t.muted, ...label }
  // Capitals tracked as the HTML's; Word's small capitals keep the heading's own case in the text.
  const headingCase =
    t.headingCase === 'caps' ? { allCaps: true, ...track(0.09, t.headingSize) } : t.headingCase === 'smallCaps' ? { smallCaps: true, ...track(0.05, t.headingSize) } : {}
  const headingRule = t.headingRule === 'below' ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: t.accent } } } : {}
  const mastheadRule = t.mastheadRule === 'accent' ? { border: { bottom: { style: BorderStyle.SINGLE, size: 20, space: 4, color: t.accent } } } : {}
  return {
    default: {
      document: {
        run: {
          font: font(t.font),
          size: halfPt(t.size),
          color: t.color,
          language: { value: scripts.lang.val, eastAsia: scripts.lang.eastAsia, bidirectional: scripts.lang.bidi },
          ...(scripts.rtl ? { rightToLeft: true } : {}),
        },
        // Right-to-left languages: every paragraph is a bidi paragraph, so Word lays it out from the right.
        // The rule said outright: LibreOffice reads a line with no rule as "at least", which holds
        // smaller type at the normal line's height (Word reads it as a multiple, as the spec does).
        paragraph: { spacing: { before: 0, after: 0, line, lineRule: LineRuleType.AUTO }, ...(scripts.rtl ? { bidirectional: true } : {}) },
      },
      title: {
        name: 'Title',
        basedOn: 'Normal',
        next: STYLE.label,
        quickFormat: true,
        run: { font: font(t.headingFont), size: halfPt(t.nameSize), bold: true, color: t.nameColor === 'ink' ? t.color : t.accent, ...track(0.01, t.nameSize) },
        paragraph: { alignment: masthead, spacing: { after: 0, line: 240 }, keepNext: true },
      },
      heading1: {
        name: 'Heading 1',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: halfPt(t.headingSize), bold: true, color: t.accent, ...headingCase },
        paragraph: {
          spacing: { before: pt(t.sectionSpacing), after: pt(4) },
          ...headingRule,
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
        },
      },
      heading2: {
        name: 'Heading 2',
        basedOn: 'Normal',
        next: STYLE.bullet,
        quickFormat: true,
        run: { size: halfPt(t.size), color: t.color },
        // Places and dates sit at a right-aligned tab stop on the text's right edge.
        paragraph: { spacing: { before: pt(t.entrySpacing) }, rightTabStop: options.textWidth, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.label,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: STYLE.contact,
        quickFormat: true,
        run: labelRun,
        paragraph: { alignment: masthead, spacing: { before: pt(2) }, keepNext: true },
      },
      {
        id: STYLE.contact,
        name: 'Contact',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: halfPt(t.smallSize), color: t.muted },
        paragraph: { alignment: masthead, spacing: { before: pt(4), after: pt(6) }, ...mastheadRule },
      },
      {
        id: STYLE.summary,
        name: 'Summary',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        // Ragged right, as the PDF: justified lines this short open rivers between words.
        paragraph: { alignment: AlignmentType.LEFT },
      },
      {
        id: STYLE.entryText,
        name: 'Entry Text',
        basedOn: 'Normal',
        next: STYLE.bullet,
        quickFormat: true,
        paragraph: { spacing: { before: pt(1) }, keepLines: true },
      },
      {
        id: STYLE.bullet,
        name: 'List Bullet',
        basedOn: 'Normal',
        next: STYLE.bullet,
        quickFormat: true,
        // The list in the style too, as Word's own List Bullet has it: Enter in Word makes another bullet.
        paragraph: { spacing: { after: pt(t.paragraphSpacing) }, indent: { left: pt(13), hanging: pt(9) }, keepLines: true, numbering: { reference: BULLETS, level: 0 } },
      },
      {
        id: STYLE.group,
        name: 'Skill Group',
        basedOn: 'Normal',
        next: STYLE.group,
        quickFormat: true,
        paragraph: { spacing: { after: pt(t.paragraphSpacing) } },
      },
    ],
    characterStyles: [
      { id: STYLE.entryTitle, name: 'Entry Title', run: { bold: true } },
      { id: STYLE.organization, name: 'Organization', run: t.organizationItalic ? italic : { color: t.accent } },
      { id: STYLE.note, name: 'Entry Note', run: { ...italic, color: t.muted } },
      { id: STYLE.meta, name: 'Entry Meta', run: { size: halfPt(t.smallSize), color: t.muted } },
      // The label after the name, as the PDF's masthead sets it: its own run, an em of space before it.
      ...(t.labelPlacement === 'beside' ? [{ id: STYLE.inlineLabel, name: 'Subtitle Inline', run: labelRun }] : []),
      ...(t.locationItalic ? [{ id: STYLE.place, name: 'Entry Place', basedOn: STYLE.meta, run: italic }] : []),
      { id: STYLE.separator, name: 'Separator', run: { color: t.rule } },
      { id: STYLE.groupName, name: 'Group Name', run: { bold: true } },
      { id: STYLE.code, name: 'Inline Code', run: { font: font(t.codeFont), size: halfPt(t.size * 0.92) } },
      // Links read as the PDF's: the accent colour, no underline (the contact line is all links).
      { id: STYLE.link, name: 'Hyperlink', run: { color: t.accent } },
    ],
  }
}

/** One bulleted list definition: a real Word list, so "•" is never typed into the text. */
export function docxNumbering(t: ThemeDocxTokens): INumberingOptions {
  return {
    config: [
      {
        reference: BULLETS,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '\u2022',
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.TAB,
            style: {
              run: { font: { ascii: t.font, hAnsi: t.font, cs: t.font }, color: t.accent },
              paragraph: { indent: { left: pt(13), hanging: pt(9) } },
            },
          },
        ],
      },
    ],
  }
}
