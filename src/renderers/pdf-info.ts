/**
 * Sets the document properties of a PDF as Chrome (Skia) writes it: one classic cross-reference
 * table, no incremental updates, no encryption. Anything else returns undefined, and the caller
 * falls back to pdf-lib. Replacing two objects and shifting the offsets after them takes a
 * millisecond; parsing and re-serialising the whole file with pdf-lib takes 30 to 100.
 */

export type InfoValue = string | Date

export interface PatchedPdf {
  bytes: Uint8Array
  pages: number
}

interface PdfObject {
  start: number
  end: number
  /** From `N 0 obj` up to, not including, `endobj`. */
  body: string
}

const XREF_ENTRY = /^(\d{10}) (\d{5}) ([nf])[ \r]?\n?$/

export function patchInfo(pdf: Uint8Array, info: Record<string, InfoValue>): PatchedPdf | undefined {
  // latin1 maps bytes to code units one to one, so string offsets are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const xref = readXref(text)
  if (!xref) return undefined
  const object = (n: number): PdfObject | undefined => {
    const start = xref.offsets[n]
    if (start === undefined || start < 0 || !text.startsWith(`${n} 0 obj`, start)) return undefined
    const close = text.indexOf('endobj', start)
    return close < 0 ? undefined : { start, end: close + 'endobj'.length, body: text.slice(start, close) }
  }
  const ref = (body: string | undefined, key: string): number => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(body ?? '')?.[1] ?? NaN)

  const infoRef = ref(xref.trailer, 'Info')
  const catalog = object(ref(xref.trailer, 'Root'))
  const pages = Number(/\/Count (\d+)/.exec(object(ref(catalog?.body, 'Pages'))?.body ?? '')?.[1] ?? NaN)
  const oldInfo = object(infoRef)
  if (!catalog || !oldInfo || !Number.isInteger(pages) || !catalog.body.includes('<<')) return undefined

  const entries = Object.entries(info).map(([key, value]) => `/${key} ${pdfString(value)}`)
  // The Producer stays: Skia wrote the bytes.
  const producer = /\/Producer (\([^()\\]*\)|<[0-9A-Fa-f]*>)/.exec(oldInfo.body)?.[0]
  if (producer && !('Producer' in info)) entries.push(producer)
  const edits = [{ ...oldInfo, text: `${infoRef} 0 obj\n<<${entries.join('\n')}>>\nendobj` }]
  if (!catalog.body.includes('/ViewerPreferences')) {
    // Viewers then show the title, not the file name (PDF/UA asks for it).
    const open = catalog.body.indexOf('<<') + 2
    edits.push({ ...catalog, text: `${catalog.body.slice(0, open)}/ViewerPreferences <</DisplayDocTitle true>>\n${catalog.body.slice(open)}endobj` })
  }
  edits.sort((a, b) => a.start - b.start)

  const shift = (at: number): number => at + edits.filter((e) => e.start < at).reduce((sum, e) => sum + e.text.length - (e.end - e.start), 0)
  let out = ''
  let from = 0
  for (const edit of edits) {
    out += text.slice(from, edit.start) + edit.text
    from = edit.end
  }
  const table = xref.lines.map((line, n) => (xref.offsets[n]! >= 0 ? `${String(shift(xref.offsets[n]!)).padStart(10, '0')}${line.slice(10)}` : line))
  out += `${text.slice(from, xref.at)}xref\n0 ${table.length}\n${table.join('')}${text.slice(xref.trailerAt, xref.startxref)}startxref\n${shift(xref.at)}\n%%EOF\n`
  return { bytes: Buffer.from(out, 'latin1'), pages }
}

/** The cross-reference table and trailer, if the file has exactly one of each, uncompressed. */
function readXref(text: string) {
  const startxref = text.indexOf('startxref')
  if (startxref < 0 || startxref !== text.lastIndexOf('startxref')) return undefined
  const at = Number(/^startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(startxref))?.[1] ?? NaN)
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(at, at + 32))
  if (!head) return undefined
  const first = at + head[0].length
  const lines: string[] = []
  const offsets: number[] = []
  for (let n = 0; n < Number(head[1]); n++) {
    const line = text.slice(first + n * 20, first + n * 20 + 20)
    const entry = XREF_ENTRY.exec(line)
    if (!entry) return undefined
    lines.push(line)
    offsets.push(entry[3] === 'n' ? Number(entry[1]) : -1)
  }
  const trailerAt = first + lines.length * 20
  const trailer = /^\s*trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(trailerAt))?.[1]
  if (trailer === undefined || /\/(Prev|Encrypt|XRefStm)\b/.test(trailer)) return undefined
  return { at, startxref, lines, offsets, trailerAt, trailer }
}

/** A text string as UTF-16BE hex, which needs no escaping and holds any character; a date as a PDF date. */
function pdfString(value: InfoValue): string {
  if (value instanceof Date) return `(D:${value.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`
  let hex = 'FEFF'
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}
