import type { Letter } from '../types/resume.js'
import { DateFormatter } from './dates.js'
import { type Block, type BlockCache, type Inline, type InlineCache, parseBlocks, parseInline, plainText } from './inline.js'
import type { Labels } from './labels.js'
import type { DocumentProperties, View } from './view.js'

/**
 * A cover letter as every renderer sees it, in reading order: (the letterhead is the resume's
 * header, from the resume's view) date, recipient, subject, salutation, body, closing, signature.
 * Text the user wrote is parsed into inline nodes and blocks here, never handed to a template as code.
 */
export interface LetterView {
  /** The date as the locale writes it in full: "December 6, 2026", "6. Dezember 2026". */
  date: string
  /** Recipient lines, in order: name, title, company, address lines; empty ones left out. */
  recipient: string[]
  subject?: Inline[]
  salutation: string
  body: Block[]
  closing: string
  /** The sender's name under the closing. */
  signature: string
  properties: DocumentProperties
}

/** `date` (YYYY, YYYY-MM or YYYY-MM-DD) or the build's day, in the locale's long form, in UTC so every machine agrees. */
export function letterDate(value: string | undefined, today: Date, locale: string): string {
  return new DateFormatter(locale).letterDate(value, today)
}

export function buildLetterView(
  letter: Letter,
  resumeView: Pick<View, 'name' | 'label' | 'properties'>,
  labels: Labels,
  options: { locale: string; today: Date; inline?: InlineCache; blocks?: BlockCache },
): LetterView {
  const r = letter.recipient ?? {}
  const recipient = [r.name, r.title, r.company, ...(r.address ?? [])].filter((line): line is string => typeof line === 'string' && line.trim() !== '')
  const subject = letter.subject?.trim() ? parseInline(letter.subject, options.inline) : undefined
  const body = parseBlocks(letter.body, options.blocks)
  const name = resumeView.name.trim()
  const title = name ? labels.letter.documentTitle.replace('{name}', name) : labels.letter.documentTitle.replace('{name}', '').replace(/^[\s–-]+|[\s–-]+$/g, '')
  return {
    date: letterDate(letter.date, options.today, options.locale),
    recipient,
    subject,
    salutation: letter.salutation ?? labels.letter.salutation,
    body,
    closing: letter.closing ?? labels.letter.closing,
    signature: name,
    properties: {
      title,
      author: resumeView.properties.author,
      subject: subject ? plainText(subject) : (r.company ?? resumeView.properties.subject),
      keywords: resumeView.properties.keywords,
    },
  }
}
