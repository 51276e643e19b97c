/**
 * Page geometry, owned here and nowhere else: paper sizes, the one length parser, and conversions
 * to what each format speaks (CSS for HTML, inches for Chrome's printer, twips for Word).
 * A leaf of the module graph: it imports nothing of ours.
 */

export type PageSize = 'letter' | 'a4'

export type LengthUnit = 'in' | 'mm' | 'cm' | 'pt' | 'px'

/** A parsed length. `0` may be written without a unit; anything else needs one. */
export interface Length {
  value: number
  unit: LengthUnit
}

export interface Margins<T = Length> {
  top: T
  right: T
  bottom: T
  left: T
}

export interface PageSettings {
  size: PageSize
  margins: Margins
}

const POINTS_PER: Record<LengthUnit, number> = { in: 72, pt: 1, px: 0.75, cm: 72 / 2.54, mm: 72 / 25.4 }

/** Paper in points, as Chrome prints it; Word's twips are derived and rounded the way Word writes them. */
const PAPER_POINTS: Record<PageSize, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.44, height: 841.68 },
}
const PAPER_TWIPS: Record<PageSize, { width: number; height: number }> = {
  letter: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 },
}
/** Paper as named (ISO A4 is 210 × 297 mm exactly): what a page image's pixels are counted from. */
const PAPER_INCHES: Record<PageSize, { width: number; height: number }> = {
  letter: { width: 8.5, height: 11 },
  a4: { width: 210 / 25.4, height: 297 / 25.4 },
}
const CSS_PAGE_NAMES: Record<PageSize, string> = { letter: 'Letter', a4: 'A4' }

/**
 * A length as every input writes it (`0`, `0.5in`, `.5in`, `12mm`): the one pattern, which the
 * schemas' `length` is generated from (scripts/gen-schemas.mjs), so validation and parsing agree.
 */
export const LENGTH_PATTERN = '^(0|(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?:in|mm|cm|pt|px))$'
const VALID_LENGTH = new RegExp(LENGTH_PATTERN)

/** `0.5in`, `12mm`, `36pt`, `0`: a typed length, or undefined when the text is not one. */
export function parseLength(text: string): Length | undefined {
  const t = text.trim()
  if (!VALID_LENGTH.test(t)) return undefined
  if (t === '0') return { value: 0, unit: 'pt' }
  // Every unit is two letters.
  return { value: Number(t.slice(0, -2)), unit: t.slice(-2) as LengthUnit }
}

export type MarginsResult = { ok: true; margins: Margins } | { ok: false; bad: string[] }

/** One to four lengths, clockwise from the top like CSS: `0.5in`, `0.5in 0.6in`, `0.5in,0.6in`. */
export function parseMarginList(text: string): MarginsResult {
  const parts = text.split(/[\s,]+/).filter(Boolean)
  const lengths = parts.map(parseLength)
  const bad = parts.filter((_, i) => !lengths[i])
  if (parts.length === 0 || parts.length > 4 || bad.length) return { ok: false, bad: bad.length ? bad : [text] }
  const [top, right = top, bottom = top, left = right] = lengths as [Length, ...Length[]]
  return { ok: true, margins: { top, right, bottom, left } }
}

export const toPoints = (l: Length): number => l.value * POINTS_PER[l.unit]
export const toInches = (l: Length): number => toPoints(l) / 72
export const toTwips = (l: Length): number => Math.round(toPoints(l) * 20)
/** As CSS writes it; the unit is kept, so the HTML says what the user wrote. */
export const toCss = (l: Length): string => (l.value === 0 ? '0' : `${l.value}${l.unit}`)

export const paperInches = (size: PageSize) => ({ width: PAPER_POINTS[size].width / 72, height: PAPER_POINTS[size].height / 72 })
/** Every paper size we know, in the order messages list them. */
export const PAGE_SIZES = Object.keys(PAPER_POINTS) as PageSize[]

/** Less than this (an inch, in points) across or down, and a page has no room left to write on. */
const MIN_TEXT_POINTS = 72

/**
 * The one check of "room left for text": margins that leave less than an inch across or down on
 * any of `sizes` (the pages a resume may print on). Returns the page that fails, so the caller can
 * say which, or undefined when every size leaves room.
 */
export function pageWithoutRoom(sizes: readonly PageSize[], margins: Partial<Margins>): PageSize | undefined {
  const side = (l: Length | undefined) => (l ? toPoints(l) : 0)
  const across = side(margins.left) + side(margins.right)
  const down = side(margins.top) + side(margins.bottom)
  return sizes.find((size) => PAPER_POINTS[size].width - across < MIN_TEXT_POINTS || PAPER_POINTS[size].height - down < MIN_TEXT_POINTS)
}
/** Pixels per inch of page images (png), when not chosen; and the range one may choose from. */
export const DEFAULT_DPI = 150
export const DPI_RANGE = { min: 36, max: 600 } as const
export const isDpi = (n: number): boolean => Number.isInteger(n) && n >= DPI_RANGE.min && n <= DPI_RANGE.max

/** A page image's size: the paper's inches times `dpi`, rounded (Letter at 150 dpi: 1275 × 1650; A4: 1240 × 1754). */
export const paperPixels = (size: PageSize, dpi: number) => ({ width: Math.round(PAPER_INCHES[size].width * dpi), height: Math.round(PAPER_INCHES[size].height * dpi) })
/** Every paper we know, as Chrome prints it (points) and as an image at `dpi` (pixels). */
export const knownPapers = (dpi: number) => (Object.keys(PAPER_POINTS) as PageSize[]).map((size) => ({ points: PAPER_POINTS[size], pixels: paperPixels(size, dpi) }))
export const cssPageName = (size: PageSize): string => CSS_PAGE_NAMES[size]

export const isPageSize = (value: unknown): value is PageSize => typeof value === 'string' && Object.hasOwn(PAPER_POINTS, value)

export const DEFAULT_MARGINS: Margins = {
  top: { value: 0.5, unit: 'in' },
  right: { value: 0.5, unit: 'in' },
  bottom: { value: 0.5, unit: 'in' },
  left: { value: 0.5, unit: 'in' },
}

/** Page size and margins as CSS, so printing the HTML from a browser matches the PDF. */
export function pageCss(page: PageSettings): string {
  const { top, right, bottom, left } = page.margins
  const [t, r, b, l] = [top, right, bottom, left].map(toCss)
  return [
    `@page { size: ${cssPageName(page.size)}; margin: ${t} ${r} ${b} ${l}; }`,
    `:root { --page-margin-top: ${t}; --page-margin-right: ${r}; --page-margin-bottom: ${b}; --page-margin-left: ${l}; }`,
  ].join('\n')
}

export interface PageTwips {
  width: number
  height: number
  margins: Margins<number>
  /** The right edge of the text: where a right-aligned tab stop for places and dates goes. */
  textWidth: number
  textHeight: number
}

export function pageTwips(page: PageSettings): PageTwips {
  const { width, height } = PAPER_TWIPS[page.size]
  const margins = {
    top: toTwips(page.margins.top),
    right: toTwips(page.margins.right),
    bottom: toTwips(page.margins.bottom),
    left: toTwips(page.margins.left),
  }
  return { width, height, margins, textWidth: width - margins.left - margins.right, textHeight: height - margins.top - margins.bottom }
}
