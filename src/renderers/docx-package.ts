import { type Document, Packer } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { stringifyPart, type Xmlable } from './docx-xml.js'
import { zip } from './docx-zip.js'

/** The package's parts by path, as docx compiles them: XML as strings, anything else as bytes. */
export type Parts = Map<string, string | Uint8Array>

interface Compiler {
  compile(file: Document): unknown
}

/** What of docx's compiler and file the shortcut below reads: not on docx's public types. */
interface Internals {
  formatter: { format(input: unknown, context: unknown): Xmlable }
  numberingReplacer: { replace(xml: string, concrete: unknown): string }
}
interface FileInternals {
  Document: { View: unknown; Relationships: { constructor: unknown; RelationshipCount: number } }
  CoreProperties: unknown
  Styles: unknown
  Numbering: { ConcreteNumbering: Array<{ reference: string; instance: number; restartedListId?: unknown; numId: number }> }
  Media: { Array: unknown[] }
  Headers: unknown[]
  Footers: unknown[]
  Comments: { IsEmpty: boolean }
  FontTable: { files: unknown[] }
  Macros?: unknown
  Bibliography?: unknown
}
interface RelationshipsClass {
  copy(from: unknown): { RelationshipCount: number; addRelationship(id: number, type: string, target: string): void }
}

const compilerOf = (): (Partial<Compiler> & Partial<Internals>) | undefined => (Packer as unknown as { compiler?: Partial<Compiler> & Partial<Internals> }).compiler

/**
 * The document's parts before they are zipped. docx keeps its compiler off its public types, but
 * going through it spares a zip and an unzip (a good part of a DOCX build's time); should a later
 * docx move it, the public Packer path gives the same parts.
 */
export async function compileParts(doc: Document): Promise<Parts> {
  const compiler = compilerOf()
  const parts = typeof compiler?.compile === 'function' ? compiler.compile(doc) : undefined
  if (parts instanceof Map) return parts as Parts
  return new Map(Object.entries(unzipSync(await Packer.toBuffer(doc))))
}

// The parts that differ between documents of the same styles: the text, its links, its title and dates.
const DOCUMENT = 'word/document.xml'
const DOCUMENT_RELS = 'word/_rels/document.xml.rels'
const CORE = 'docProps/core.xml'
const FONT_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable'

interface Shared {
  /** Every part but the three above, as docx wrote them for the first document of these styles. */
  parts: Parts
  /** That document's lists (reference, instance, id), which its numbering.xml and styles.xml name. */
  lists: string
}
/** The parts docx wrote the same for every document of one look, by that look; a few looks at most. */
const shared = new Map<string, Shared>()
const SHARED_LOOKS = 8

const listsOf = (file: FileInternals): string =>
  file.Numbering.ConcreteNumbering.map((n) => `${n.reference}\u0000${n.instance}\u0000${String(n.restartedListId)}\u0000${n.numId}`).join('\n')

/**
 * The parts of a document, with everything but its text, links and properties taken from an
 * earlier document of the same look (`look`: everything the Document was given but its
 * sections and core properties). A build of several variants or letters writes the styles, theme,
 * numbering, settings and the rest once. `make` builds the Document; it is called again when
 * the shortcut finds the document not like the earlier one after all (lists that differ,
 * headers, media), so the parts are always the ones docx would write.
 */
export async function compileLook(make: () => Document, look: string): Promise<Parts> {
  const compiler = compilerOf()
  const known = shared.get(look)
  if (known && compiler?.formatter && compiler.numberingReplacer) {
    const parts = compileText(make(), compiler as Internals, known)
    if (parts) return parts
  }
  const doc = make()
  const parts = await compileParts(doc)
  if (shared.size >= SHARED_LOOKS) shared.delete(shared.keys().next().value!)
  const kept: Parts = new Map([...parts].filter(([path]) => path !== DOCUMENT && path !== DOCUMENT_RELS && path !== CORE))
  shared.set(look, { parts: kept, lists: listsOf(doc as unknown as FileInternals) })
  return parts
}

/** What docx's compile does for document.xml, its relationships and core.xml, in the same order; undefined when the rest would differ. */
function compileText(doc: Document, compiler: Internals, known: Shared): Parts | undefined {
  const file = doc as unknown as FileInternals
  if (file.Media.Array.length > 0 || file.Headers.length > 0 || file.Footers.length > 0 || !file.Comments.IsEmpty) return undefined
  if (file.FontTable.files.length > 0 || file.Macros !== undefined || file.Bibliography !== undefined) return undefined
  const context = () => ({ viewWrapper: file.Document, file, stack: [] })
  const body = stringifyPart(compiler.formatter.format(file.Document.View, context()), true)
  // No media (checked above): no image placeholders to replace.
  // Styles name lists too (List Bullet): formatted, not written, so the lists are all made, in docx's order.
  compiler.formatter.format(file.Styles, context())
  if (listsOf(file) !== known.lists) return undefined
  const relationships = (file.Document.Relationships.constructor as RelationshipsClass).copy(file.Document.Relationships)
  relationships.addRelationship(relationships.RelationshipCount + 1, FONT_TABLE, 'fontTable.xml')
  const parts: Parts = new Map(known.parts)
  parts.set(DOCUMENT_RELS, stringifyPart(compiler.formatter.format(relationships, context()), false))
  parts.set(DOCUMENT, compiler.numberingReplacer.replace(body, file.Numbering.ConcreteNumbering))
  parts.set(CORE, stringifyPart(compiler.formatter.format(file.CoreProperties, context()), true))
  return parts
}

// docx names hyperlink relationships with random ids; Word only needs them unique.
const RANDOM_ID = /Id="(?!rId\d+")([^"]+)"/g

/**
 * The package as bytes that the same input always gives: dates from the build, stable
 * relationship ids, parts in a fixed order with a fixed time. Also names the application,
 * which docx leaves empty.
 */
export function packageBytes(parts: Parts, date: Date): Uint8Array {
  const text = (path: string): string => {
    const data = parts.get(path)
    if (data === undefined) throw new Error(`docx wrote no ${path}`)
    return typeof data === 'string' ? data : strFromU8(data)
  }

  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  parts.set('docProps/core.xml', text('docProps/core.xml').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`))
  parts.set('docProps/app.xml', text('docProps/app.xml').replace(/<Properties([^>]*)\/>/, '<Properties$1><Application>vitae</Application></Properties>'))

  const rels = 'word/_rels/document.xml.rels'
  const ids = [...text(rels).matchAll(RANDOM_ID)].map((m) => m[1]!)
  if (ids.length > 0) {
    const taken = [...text(rels).matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]))
    const first = Math.max(0, ...taken) + 1
    const renamed = new Map(ids.map((id, i) => [id, `rId${first + i}`]))
    const rename = (xml: string, attribute: string) =>
      xml.replace(new RegExp(`${attribute}="([^"]+)"`, 'g'), (whole, id: string) => (renamed.has(id) ? `${attribute}="${renamed.get(id)}"` : whole))
    parts.set(rels, rename(text(rels), 'Id'))
    parts.set('word/document.xml', rename(text('word/document.xml'), 'r:id'))
  }

  const names = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  return zip(
    names.map((name) => ({ name, data: parts.get(name)! })),
    date,
  )
}

/** [Content_Types].xml first, as Office writes it, then the package relationships, then every part by name. */
const rank = (name: string): number => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2)
