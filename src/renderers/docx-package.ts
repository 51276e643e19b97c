import { type Document, Packer } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { zip } from './docx-zip.js'

/** The package's parts by path, as docx compiles them: XML as strings, anything else as bytes. */
export type Parts = Map<string, string | Uint8Array>

interface Compiler {
  compile(file: Document): unknown
}

/**
 * The document's parts before they are zipped. docx keeps its compiler off its public types, but
 * going through it spares a zip and an unzip (a good part of a DOCX build's time); should a later
 * docx move it, the public Packer path gives the same parts.
 */
export async function compileParts(doc: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler
  const parts = typeof compiler?.compile === 'function' ? compiler.compile(doc) : undefined
  if (parts instanceof Map) return parts as Parts
  return new Map(Object.entries(unzipSync(await Packer.toBuffer(doc))))
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
