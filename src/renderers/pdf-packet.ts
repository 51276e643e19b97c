import type * as PdfLib from 'pdf-lib'
import { importModule } from '../core/import-module.js'
import type { DocumentProperties } from '../core/view.js'

/** pdf-lib's single-file build (see pdf-metadata.ts). */
const PDF_LIB_BUNDLE = 'pdf-lib/dist/pdf-lib.esm.min.js'

export interface PacketPart {
  /** The bookmark's title: "Cover letter", "Resume" in the document's words. */
  title: string
  bytes: Uint8Array
}

/**
 * Copies every page of each source, in order, with its structure (the tags Chrome writes), so the
 * packet is tagged as its parts are: one structure tree holding each part's, their parent trees
 * joined with the second part's keys moved past the first's. A part without tags is copied
 * untagged, and then the packet claims no tags. Returns each part's first page.
 */
function copyTagged(lib: typeof PdfLib, doc: PdfLib.PDFDocument, sources: PdfLib.PDFDocument[]): PdfLib.PDFRef[] {
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFObjectCopier, PDFPage } = lib
  const { context } = doc
  const name = (key: string) => PDFName.of(key)
  const treeOf = (source: PdfLib.PDFDocument) => source.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)
  const tagged = sources.every((s) => treeOf(s)?.lookupMaybe(name('ParentTree'), PDFDict)?.lookupMaybe(name('Nums'), PDFArray))
  const rootRef = context.nextRef()
  const kids: PdfLib.PDFObject[] = []
  const nums: PdfLib.PDFObject[] = []
  const firstPages: PdfLib.PDFRef[] = []
  let offset = 0
  for (const source of sources) {
    // One copier per source: a page and the tags that point at it are copied once, and meet again.
    const copier = PDFObjectCopier.for(source.context, context)
    const shift = (dict: PdfLib.PDFDict, key: string) => {
      const value = dict.lookupMaybe(name(key), PDFNumber)
      if (value) dict.set(name(key), PDFNumber.of(value.asNumber() + offset))
    }
    source.getPages().forEach((page, i) => {
      const ref = copier.copy(page.ref) as PdfLib.PDFRef
      const leaf = context.lookup(ref) as PdfLib.PDFPageLeaf
      doc.addPage(PDFPage.of(leaf, ref, doc))
      if (i === 0) firstPages.push(ref)
      if (!tagged) return
      shift(leaf, 'StructParents')
      for (const annotation of leaf.Annots()?.asArray() ?? []) {
        const dict = context.lookup(annotation)
        if (dict instanceof PDFDict) shift(dict, 'StructParent')
      }
    })
    if (!tagged) continue
    const tree = treeOf(source)!
    const top = tree.get(name('K'))
    for (const kid of top instanceof PDFArray ? top.asArray() : top ? [top] : []) {
      const copied = copier.copy(kid)
      const element = copied instanceof PDFDict ? copied : context.lookup(copied)
      if (element instanceof PDFDict) element.set(name('P'), rootRef)
      kids.push(copied)
    }
    const own = tree.lookup(name('ParentTree'), PDFDict).lookup(name('Nums'), PDFArray).asArray()
    let next = tree.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0
    for (let i = 0; i + 1 < own.length; i += 2) {
      const key = (own[i] as PdfLib.PDFNumber).asNumber()
      nums.push(PDFNumber.of(key + offset), copier.copy(own[i + 1]!))
      next = Math.max(next, key + 1)
    }
    // Past the part's highest key, not only its ParentTreeNextKey: Chromium up to 147 numbers link
    // annotations from 100000 and still says 1, and the next part's keys would land on them.
    offset += next
  }
  if (tagged) {
    const parentTree = context.obj({})
    parentTree.set(name('Nums'), context.obj(nums))
    const root = context.obj({})
    root.set(name('Type'), name('StructTreeRoot'))
    root.set(name('K'), context.obj(kids))
    root.set(name('ParentTree'), context.register(parentTree))
    root.set(name('ParentTreeNextKey'), PDFNumber.of(offset))
    context.assign(rootRef, root)
    doc.catalog.set(name('StructTreeRoot'), rootRef)
    const markInfo = context.obj({})
    markInfo.set(name('Marked'), context.obj(true))
    doc.catalog.set(name('MarkInfo'), markInfo)
    const lang = sources[0]!.catalog.get(name('Lang'))
    if (lang) doc.catalog.set(name('Lang'), lang)
  }
  return firstPages
}

/**
 * One PDF of an application: each part's pages in order (the letter, then the resume) with their
 * tags, a bookmark to the first page of each, and the application's document properties. Dated from
 * SOURCE_DATE_EPOCH when given, so the bytes are reproducible.
 */
export async function packetPdf(parts: readonly PacketPart[], properties: DocumentProperties, date: Date | undefined): Promise<{ bytes: Uint8Array; pages: number }> {
  const lib = await importModule<typeof PdfLib>(PDF_LIB_BUNDLE)
  const { PDFDocument, PDFHexString, PDFName, PDFNumber } = lib
  const doc = await PDFDocument.create({ updateMetadata: false })
  const sources = await Promise.all(parts.map((part) => PDFDocument.load(part.bytes, { updateMetadata: false })))
  const firstPages = copyTagged(lib, doc, sources)
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
