import type * as PdfLib from 'pdf-lib'
import { importModule } from '../core/import-module.js'
import type { DocumentProperties } from '../core/view.js'
import { type InfoValue, patchInfo } from './pdf-info.js'

/**
 * pdf-lib's single-file build: the package's main entry loads a few hundred modules, which takes
 * three times as long as this.
 */
const PDF_LIB_BUNDLE = 'pdf-lib/dist/pdf-lib.esm.min.js'

export interface PdfFacts {
  bytes: Uint8Array
  pages: number
}

/**
 * Chrome writes only a Title, its user agent as Creator, and the current time. This sets the
 * properties a reader or an applicant tracking system looks at, and dates from SOURCE_DATE_EPOCH
 * when given: the two dates are the only bytes that differ between two prints of the same HTML
 * (Chrome writes no document /ID), so the output is then reproducible.
 */
export async function finishPdf(raw: Uint8Array, properties: DocumentProperties, date: Date | undefined): Promise<PdfFacts> {
  const stamp = date ?? new Date()
  const info: Record<string, InfoValue> = { Title: properties.title }
  if (properties.author) info.Author = properties.author
  if (properties.subject) info.Subject = properties.subject
  // Commas: "Spring Boot" is one keyword, not two.
  if (properties.keywords.length > 0) info.Keywords = properties.keywords.join(', ')
  Object.assign(info, { Creator: 'vitae', CreationDate: stamp, ModDate: stamp })
  return patchInfo(raw, info) ?? (await withPdfLib(raw, info))
}

/** The general way, for a file laid out other than Chrome lays it out today. */
async function withPdfLib(raw: Uint8Array, info: Record<string, InfoValue>): Promise<PdfFacts> {
  const { PDFDocument, ParseSpeeds } = await importModule<typeof PdfLib>(PDF_LIB_BUNDLE)
  // Fastest: pdf-lib otherwise yields a timer tick every few dozen objects, for a UI we do not have.
  const doc = await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })
  const text = (key: string): string | undefined => (typeof info[key] === 'string' ? (info[key] as string) : undefined)
  doc.setTitle(text('Title') ?? '', { showInWindowTitleBar: true })
  if (text('Author')) doc.setAuthor(text('Author')!)
  if (text('Subject')) doc.setSubject(text('Subject')!)
  if (text('Keywords')) doc.setKeywords([text('Keywords')!])
  doc.setCreator(text('Creator') ?? 'vitae')
  doc.setCreationDate(info.CreationDate as Date)
  doc.setModificationDate(info.ModDate as Date)
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity })
  return { bytes, pages: doc.getPageCount() }
}
