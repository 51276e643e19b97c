import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * A small layout reader for the ATS tests: a PDF's text as a rule-based resume parser sees it
 * (OpenResume's reader, for one): PDF.js text items with positions and their fonts' real names,
 * grouped into lines top down. Coordinates are in points, y from the top of the page.
 */
export interface LayoutItem {
  page: number
  str: string
  /** Left edge and baseline, from the page's top-left corner. */
  x: number
  y: number
  width: number
  height: number
  /** The font size the text is set in: the height of the text matrix. */
  size: number
  fontName: string
  /** The embedded font's PostScript name without its subset prefix, e.g. "SourceSans3-Bold". */
  font: string
  bold: boolean
  italic: boolean
}

export interface LayoutLine {
  page: number
  y: number
  items: LayoutItem[]
  text: string
}

export interface LayoutPage {
  number: number
  width: number
  height: number
  items: LayoutItem[]
  lines: LayoutLine[]
}

export interface Layout {
  pages: LayoutPage[]
  /** All lines of all pages, in order. */
  lines: LayoutLine[]
}

const BOLD_NAME = /(bold|black|heavy|semibold|demibold|extrabold)/i
const ITALIC_NAME = /(italic|oblique)/i

/** Reads every page's text items. Whitespace-only items are dropped, as resume parsers drop them. */
export async function readLayout(bytes: Uint8Array): Promise<Layout> {
  const doc: PDFDocumentProxy = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  try {
    const pages: LayoutPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const { width, height } = page.getViewport({ scale: 1 })
      // The operator list loads the fonts into commonObjs, where their real names are.
      await page.getOperatorList()
      const content = await page.getTextContent()
      const items: LayoutItem[] = []
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str.trim() === '') continue
        const [a, b, c, d, e, f] = raw.transform as number[]
        let name = raw.fontName
        let bold = false
        let italic = false
        try {
          const font = page.commonObjs.get(raw.fontName) as { name?: string; bold?: boolean; black?: boolean; italic?: boolean }
          name = (font.name ?? name).replace(/^[A-Z]{6}\+/, '')
          bold = Boolean(font.bold || font.black) || BOLD_NAME.test(name)
          italic = Boolean(font.italic) || ITALIC_NAME.test(name)
        } catch {
          // a font PDF.js could not load: keep its resource name
        }
        items.push({
          page: n,
          str: raw.str,
          x: e,
          y: height - f,
          width: raw.width,
          height: raw.height,
          size: Math.hypot(c, d) || Math.hypot(a, b),
          fontName: raw.fontName,
          font: name,
          bold,
          italic,
        })
      }
      pages.push({ number: n, width, height, items, lines: groupLines(items) })
    }
    return { pages, lines: pages.flatMap((p) => p.lines) }
  } finally {
    await doc.destroy()
  }
}

/**
 * The layout of a two-column page's main column alone (the items from `mainLeft` on, left to
 * right): its lines as a parser finds them once it has told the columns apart.
 */
export function mainColumn(full: Layout, mainLeft: number): Layout {
  const pages = full.pages.map((p) => {
    const items = p.items.filter((i) => i.x >= mainLeft)
    return { ...p, items, lines: groupLines(items) }
  })
  return { pages, lines: pages.flatMap((p) => p.lines) }
}

/**
 * Items whose baselines are within a fraction of their size of each other form one line, left to
 * right; lines run top down. A place set smaller beside a title still shares the title's line.
 */
export function groupLines(items: readonly LayoutItem[]): LayoutLine[] {
  const lines: LayoutLine[] = []
  const sorted = [...items].sort((p, q) => p.page - q.page || p.y - q.y || p.x - q.x)
  for (const item of sorted) {
    const line = lines.find((l) => l.page === item.page && Math.abs(l.y - item.y) < item.size * 0.35)
    if (line) line.items.push(item)
    else lines.push({ page: item.page, y: item.y, items: [item], text: '' })
  }
  for (const line of lines) {
    line.items.sort((p, q) => p.x - q.x)
    line.text = line.items
      .map((i) => i.str)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
  }
  return lines.sort((p, q) => p.page - q.page || p.y - q.y)
}

/** The horizontal gap between two items on one line: the next one's left edge minus this one's right edge. */
export const gapBetween = (left: LayoutItem, right: LayoutItem): number => right.x - (left.x + left.width)

/** Text with its runs of whitespace made single spaces, for comparing with the source. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * The width a resume parser takes for "a character" when it decides whether two neighbouring
 * items are one piece of text (OpenResume's rule): the average width per character of the items
 * in the most used font at the most used height. Two items closer than this are merged.
 */
export function typicalCharWidth(items: readonly LayoutItem[]): number {
  const byHeight = new Map<number, number>()
  const byFont = new Map<string, number>()
  for (const i of items) {
    byHeight.set(i.height, (byHeight.get(i.height) ?? 0) + i.str.length)
    byFont.set(i.fontName, (byFont.get(i.fontName) ?? 0) + i.str.length)
  }
  const top = <K>(m: Map<K, number>): K => [...m].sort((p, q) => q[1] - p[1])[0]![0]
  const height = top(byHeight)
  const font = top(byFont)
  const common = items.filter((i) => i.height === height && i.fontName === font)
  return common.reduce((s, i) => s + i.width, 0) / common.reduce((s, i) => s + i.str.length, 0)
}
