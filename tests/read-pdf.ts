import { readFileSync } from 'node:fs'
import { getDocument, OPS, type PDFDocumentProxy, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js'

// Reads a PDF back the way a reader (or an applicant tracking system) does, with PDF.js alone:
// no poppler, no system tools. Every PDF test goes through here.

/**
 * One run of text as PDF.js's `getTextContent()` gives it, empty runs left out.
 *
 * Coordinates are PDF points in the page's own space, as PDF.js reports them: the origin is the
 * page's BOTTOM-LEFT corner (made exact by subtracting the page box's lower-left corner, which is
 * 0,0 for every PDF Chrome writes) and y grows UPWARD. (x, y) is where the run's baseline starts;
 * the run spans x .. x + width and, roughly, y .. y + height (height is the font size, not the
 * glyph box). So on one page, a larger y is higher up; to read top to bottom, sort by -y then x.
 */
export interface PdfTextItem {
  /** 1-based page number. */
  page: number
  str: string
  x: number
  y: number
  width: number
  height: number
  /** The font's PostScript name without its subset tag: `SourceSerif4-SemiBold`, not `AAAAAA+SourceSerif4-SemiBold`. */
  fontName: string
  /** The CSS generic family PDF.js guesses for the font (`serif`, `sans-serif`, `monospace`). */
  fontFamily?: string
  /** True when the font's name says weight 600 or more (SemiBold, Bold, ExtraBold, Black, Heavy). */
  bold?: boolean
  /** A line ends after this run (PDF.js's `hasEOL`, moved here from the empty run that carries it). */
  hasEOL: boolean
  /** Writing direction PDF.js detected: 'ltr', 'rtl' or 'ttb'. */
  dir: string
}

export interface PdfFont {
  /** The PostScript name as the PDF writes it, subset tag included. */
  name: string
  /** The font program is inside the PDF (Type 3 fonts always are). */
  embedded: boolean
}

export interface ReadPdf {
  pages: number
  /** Each page's size in points (the crop box, turned by /Rotate as a viewer shows it). */
  pageSizes: Array<{ width: number; height: number }>
  /** The Info dictionary's text entries: Title, Author, Subject, Keywords, Creator, Producer, CreationDate (raw `D:...`), ... */
  info: Record<string, string>
  /** The document's MarkInfo says it is tagged. */
  tagged: boolean
  /** The whole document's text in content order (Chrome writes it in reading order); lines joined by \n, pages by \n. */
  text: string
  items: PdfTextItem[]
  /** The URI of every link annotation, in page order, exactly as written in the file. */
  links: string[]
  /** Every font a page draws text with, once each, in first-use order. */
  fonts: PdfFont[]
  /** What PDF.js had to warn about while reading (a broken cross-reference table, for one). Empty for a sound file. */
  warnings: string[]
}

const SUBSET_TAG = /^[A-Z]{6}\+/
const BOLD_NAME = /(semi|demi|extra|ultra)?bold|black|heavy/i

// PDF.js reports problems through console.warn. Reads run one at a time so that what is caught
// while one file is read belongs to that file.
let queue: Promise<unknown> = Promise.resolve()

export function readPdf(fileOrBytes: string | Uint8Array): Promise<ReadPdf> {
  const run = queue.then(() => read(fileOrBytes))
  queue = run.catch(() => undefined)
  return run
}

async function read(fileOrBytes: string | Uint8Array): Promise<ReadPdf> {
  // PDF.js takes ownership of (detaches) the buffer it is given: always hand it a copy.
  const data = typeof fileOrBytes === 'string' ? new Uint8Array(readFileSync(fileOrBytes)) : new Uint8Array(fileOrBytes)
  const warnings: string[] = []
  const saved = console.warn
  console.warn = (...args: unknown[]) => {
    const message = args
      .map(String)
      .join(' ')
      .replace(/^Warning: /, '')
    // Without standard font data (deliberately not given: see fonts below) PDF.js says so for every
    // font that is not embedded; that is a fact about the file, reported in `fonts`, not a warning.
    if (!/standardFontDataUrl|fetchStandardFontData|Unable to load font data|Setting up fake worker/.test(message)) warnings.push(message)
  }
  let doc: PDFDocumentProxy | undefined
  try {
    doc = await getDocument({
      data,
      verbosity: VerbosityLevel.WARNINGS,
      // No standard font data and no system fonts: a font that is not in the file then stays
      // `missingFile`, which is how `embedded` below tells. (Given the data, PDF.js would load its
      // own copy of Helvetica and the like, and a non-embedded font would look embedded.)
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      stopAtErrors: false,
    }).promise
    return await contents(doc, warnings)
  } finally {
    console.warn = saved
    await doc?.destroy()
  }
}

async function contents(doc: PDFDocumentProxy, warnings: string[]): Promise<ReadPdf> {
  const { info: rawInfo } = await doc.getMetadata()
  const info: Record<string, string> = {}
  for (const [key, value] of Object.entries(rawInfo as Record<string, unknown>)) if (typeof value === 'string') info[key] = value
  const markInfo = await doc.getMarkInfo()

  const pageSizes: ReadPdf['pageSizes'] = []
  const items: PdfTextItem[] = []
  const links: string[] = []
  const fonts = new Map<string, PdfFont>()
  const lines: string[] = []

  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const [x0, y0, x1, y1] = page.view as [number, number, number, number]
    const turned = page.rotate % 180 !== 0
    pageSizes.push(turned ? { width: y1 - y0, height: x1 - x0 } : { width: x1 - x0, height: y1 - y0 })

    // Fonts first: the operator list loads them into commonObjs, where the text items' names resolve.
    const ops = await page.getOperatorList()
    const fontOf = new Map<string, { name: string; embedded: boolean }>()
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.setFont) continue
      const id = (ops.argsArray[i] as [string])[0]
      if (fontOf.has(id)) continue
      const font = page.commonObjs.get(id) as { name?: string; isType3Font?: boolean; missingFile?: boolean }
      const name = font.name ?? id
      const embedded = Boolean(font.isType3Font) || font.missingFile === false
      fontOf.set(id, { name, embedded })
      if (!fonts.has(name)) fonts.set(name, { name, embedded })
    }

    const content = await page.getTextContent()
    let line = ''
    for (const raw of content.items) {
      if (!('str' in raw)) continue
      const item = raw as TextItem
      if (item.str === '') {
        // PDF.js marks a line break with an empty run; it belongs to the run before it.
        if (item.hasEOL) {
          const last = items.at(-1)
          if (last && last.page === n) last.hasEOL = true
          lines.push(line)
          line = ''
        }
        continue
      }
      const fontName = (fontOf.get(item.fontName)?.name ?? item.fontName).replace(SUBSET_TAG, '')
      items.push({
        page: n,
        str: item.str,
        x: item.transform[4]! - x0,
        y: item.transform[5]! - y0,
        width: item.width,
        height: item.height,
        fontName,
        fontFamily: content.styles[item.fontName]?.fontFamily,
        bold: BOLD_NAME.test(fontName.split('-').slice(1).join('-') || fontName),
        hasEOL: item.hasEOL,
        dir: item.dir,
      })
      line += item.str
      if (item.hasEOL) {
        lines.push(line)
        line = ''
      }
    }
    if (line !== '') lines.push(line)

    for (const annotation of await page.getAnnotations()) {
      const uri = (annotation.unsafeUrl ?? annotation.url) as string | undefined
      if (annotation.subtype === 'Link' && uri) links.push(uri)
    }
    page.cleanup()
  }

  return {
    pages: doc.numPages,
    pageSizes,
    info,
    tagged: Boolean(markInfo?.Marked),
    text: lines.join('\n'),
    items,
    links,
    fonts: [...fonts.values()],
    warnings,
  }
}

/** A PDF date (`D:20231114221320Z`, `D:20231114231320+01'00'`) as a Date, or undefined. */
export function pdfDate(value: string | undefined): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?'?$/.exec(value ?? '')
  if (!m) return undefined
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) : 0
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000)
}
