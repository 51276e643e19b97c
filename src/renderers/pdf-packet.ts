import type * as PdfLib from 'pdf-lib'
import type { DocumentProperties } from '../core/view.js'

/** pdf-lib's single-file build (see pdf-metadata.ts). */
const PDF_LIB_BUNDLE = 'pdf-lib/dist/pdf-lib.esm.min.js'

export interface PacketPart {
  /** The bookmark's title: "Cover letter", "Resume" in the document's words. */
  title: string
  bytes: Uint8Array
}

/**
 * One PDF of an application: each part's pages in order (the letter, then the resume), a bookmark
 * to the first page of each, and the application's document properties. Dated from
 * SOURCE_DATE_EPOCH when given, so the bytes are reproducible.
 */
export async function packetPdf(parts: readonly PacketPart[], properties: DocumentProperties, date: Date | undefined): Promise<{ bytes: Uint8Array; pages: number }> {
  const { PDFDocument, PDFHexString, PDFName, PDFNumber } = (await import(PDF_LIB_BUNDLE)) as typeof PdfLib
  const doc = await PDFDocument.create({ updateMetadata: false })
  const firstPages: PdfLib.PDFRef[] = []
  for (const part of parts) {
    const source = await PDFDocument.load(part.bytes, { updateMetadata: false })
    const pages = await doc.copyPages(source, source.getPageIndices())
    pages.forEach((page, i) => {
      doc.addPage(page)
      if (i === 0) firstPages.push(page.ref)
    })
  }
  const { context } = doc
  const outlines = context.nextRef()
  const items = parts.map(() => context.nextRef())
  parts.forEach((part, i) => {
    const item = context.obj({})
    item.set(PDFName.of('Title'), PDFHexString.fromText(part.title))
    item.set(PDFName.of('Parent'), outlines)
    item.set(PDFName.of('Dest'), context.obj([firstPages[i]!, PDFName.of('Fit')]))
    if (i > 0) item.set(PDFName.of('Prev'), items[i - 1]!)
    if (i < items.length - 1) item.set(PDFName.of('Next'), items[i + 1]!)
    context.assign(items[i]!, item)
  })
  const root = context.obj({})
  root.set(PDFName.of('Type'), PDFName.of('Outlines'))
  root.set(PDFName.of('First'), items[0]!)
  root.set(PDFName.of('Last'), items[items.length - 1]!)
  root.set(PDFName.of('Count'), PDFNumber.of(items.length))
  context.assign(outlines, root)
  doc.catalog.set(PDFName.of('Outlines'), outlines)
  // Opens with the bookmarks showing: the reader sees at once that the file holds two documents.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
  const stamp = date ?? new Date()
  doc.setTitle(properties.title, { showInWindowTitleBar: true })
  if (properties.author) doc.setAuthor(properties.author)
  if (properties.subject) doc.setSubject(properties.subject)
  if (properties.keywords.length) doc.setKeywords([properties.keywords.join(', ')])
  doc.setCreator('vitae')
  doc.setProducer('vitae')
  doc.setCreationDate(stamp)
  doc.setModificationDate(stamp)
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity })
  return { bytes, pages: doc.getPageCount() }
}
