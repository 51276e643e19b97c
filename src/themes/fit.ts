import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import { type Length, type Margins, type PageSettings, parseLength, toCss, toPoints } from '../page/geometry.js'
import type { DocxTokens, Theme } from './types.js'

/**
 * What a theme lets give when a build fits a resume into fewer pages (theme.json `fit`, checked
 * by schema/theme.schema.json). Each part runs from the theme's normal look (step 0) to its floor
 * (step 1) along one scale, so a search has a single number to look for.
 */
export interface FitDeclaration {
  fontSize?: { normal: string; floor: string }
  lineHeight?: { normal: number; floor: number }
  /** Entry and section spacing may shrink to this fraction of normal. */
  spacing?: number
  /** No margin goes below this. */
  margins?: string
}

/** How far each part may give, as numbers: ratios to normal, and the margins' floor. */
export interface FitRange {
  /** The smallest zoom of the type (floor size / normal size). */
  type: number
  /** The tightest line height as a ratio to normal. */
  leading: number
  space: number
  margins?: Length
}

/** One point on the scale, as the page and the Word file apply it. */
export interface FitSettings {
  /** 0 is the theme's normal look, 1 its floor. */
  step: number
  /** Every type size and the spacing with it, as a ratio to normal (the page's zoom). */
  type: number
  /** Line heights as a ratio to normal. */
  leading: number
  /** Entry and section spacing as a ratio to normal (on top of the type's ratio). */
  space: number
  margins: Margins
}

const NOTHING_GIVES: FitRange = { type: 1, leading: 1, space: 1 }

/** The theme's declaration as numbers; a declaration that makes no sense is the theme's error (exit 5). */
export function fitRange(theme: Pick<Theme, 'dir' | 'manifest'>): FitRange {
  const fit = (theme.manifest as { fit?: FitDeclaration }).fit
  if (!fit) return NOTHING_GIVES
  const problems: string[] = []
  let type = 1
  if (fit.fontSize) {
    const normal = parseLength(fit.fontSize.normal)
    const floor = parseLength(fit.fontSize.floor)
    if (!normal || !floor || toPoints(normal) <= 0) problems.push('fit.fontSize needs normal and floor as lengths, like "10pt" and "9pt"')
    else type = toPoints(floor) / toPoints(normal)
  }
  const leading = fit.lineHeight ? fit.lineHeight.floor / fit.lineHeight.normal : 1
  const space = fit.spacing ?? 1
  const margins = fit.margins === undefined ? undefined : parseLength(fit.margins)
  if (fit.margins !== undefined && !margins) problems.push(`fit.margins must be a length, like "0.4in", not ${JSON.stringify(fit.margins)}`)
  for (const [name, value] of [
    ['fit.fontSize (floor/normal)', type],
    ['fit.lineHeight (floor/normal)', leading],
    ['fit.spacing', space],
  ] as const) {
    if (!(Number.isFinite(value) && value > 0 && value <= 1)) problems.push(`${name} must give no more than normal and stay above 0; it is ${value}`)
  }
  if (problems.length > 0) {
    const file = `${theme.dir}/theme.json`
    throw new VitaeError(
      'theme',
      problems.map((message): Diagnostic => ({ code: 'THEME', severity: 'error', message, file, hint: 'a floor is at most the normal value' })),
    )
  }
  return { type, leading, space, margins }
}

/** Whether the theme lets anything give at all. */
export const canGive = (range: FitRange, page: PageSettings): boolean =>
  range.type < 1 || range.leading < 1 || range.space < 1 || (range.margins !== undefined && sides(page.margins).some((m) => toPoints(m) > toPoints(range.margins!)))

const sides = (m: Margins): Length[] => [m.top, m.right, m.bottom, m.left]
const between = (normal: number, floor: number, step: number): number => normal - (normal - floor) * step

/** The settings `step` of the way from normal (0) to the floor (1). */
export function fitAt(range: FitRange, page: PageSettings, step: number): FitSettings {
  const margin = (m: Length): Length => {
    if (!range.margins || toPoints(m) <= toPoints(range.margins)) return m
    // In points, rounded to a hundredth: CSS, Chrome and Word all take that.
    return { value: Math.round(between(toPoints(m), toPoints(range.margins), step) * 100) / 100, unit: 'pt' }
  }
  const { top, right, bottom, left } = page.margins
  return {
    step,
    type: between(1, range.type, step),
    leading: between(1, range.leading, step),
    space: between(1, range.space, step),
    margins: { top: margin(top), right: margin(right), bottom: margin(bottom), left: margin(left) },
  }
}

/** The whole type's size in percent, as reports say it: "fitted at 94%" (down: a fitted page never reads 100%). */
export const fitPercent = (s: FitSettings): number => Math.floor(s.type * 100 + 1e-6)

/**
 * The style that applies a fit to a theme's page. Type scales as one (CSS zoom on the body: every
 * size, rule and gap of the theme, and so the line length too, which no list of selectors could
 * keep in step); the page's margins are restated; line height and spacing reach the theme through
 * custom properties its CSS multiplies by. It goes at the top of the body, after every sheet of
 * the head, so it wins, and so the head's sheets (the fonts) stay those of the normal document.
 */
export function fitCss(s: FitSettings): string {
  const [t, r, b, l] = [s.margins.top, s.margins.right, s.margins.bottom, s.margins.left].map(toCss)
  const n = (x: number) => String(Math.round(x * 10000) / 10000)
  return [
    `@page { margin: ${t} ${r} ${b} ${l}; }`,
    `:root { --page-margin-top: ${t}; --page-margin-right: ${r}; --page-margin-bottom: ${b}; --page-margin-left: ${l}; --vitae-fit-type: ${n(s.type)}; --vitae-fit-leading: ${n(s.leading)}; --vitae-fit-space: ${n(s.space)}; }`,
    `body { zoom: ${n(s.type)}; }`,
  ].join('\n')
}

/** `html` with the fit's style as the body's first element. */
export function withFit(html: string, s: FitSettings): string {
  const style = `<style data-vitae-fit>\n${fitCss(s)}\n</style>`
  const body = /<body\b[^>]*>/i.exec(html)
  if (!body) return html.replace(/<\/head\s*>/i, (m) => `${style}${m}`)
  const at = body.index + body[0].length
  return `${html.slice(0, at)}\n${style}${html.slice(at)}`
}

/** Word's sizes and spacing under the fit: the same ratios the page gets, rounded as Word stores them. */
export function fitDocxTokens<
  T extends Pick<DocxTokens, 'size' | 'smallSize' | 'nameSize' | 'labelSize' | 'headingSize' | 'lineSpacing' | 'paragraphSpacing' | 'entrySpacing' | 'sectionSpacing'>,
>(tokens: T, s: FitSettings): T {
  // Font sizes in half points, spacing in twentieths of a point: what the file can hold. Sizes
  // round down, so the Word file is never set larger than the PDF it must agree with on pages.
  const half = (pt: number) => Math.floor(pt * s.type * 2 + 1e-6) / 2
  const twip = (pt: number) => Math.round(pt * 20) / 20
  return {
    ...tokens,
    size: half(tokens.size),
    smallSize: half(tokens.smallSize),
    nameSize: half(tokens.nameSize),
    labelSize: half(tokens.labelSize),
    headingSize: half(tokens.headingSize),
    lineSpacing: Math.round(tokens.lineSpacing * s.leading * 1000) / 1000,
    paragraphSpacing: twip(tokens.paragraphSpacing * s.type),
    entrySpacing: twip(tokens.entrySpacing * s.type * s.space),
    sectionSpacing: twip(tokens.sectionSpacing * s.type * s.space),
  }
}
