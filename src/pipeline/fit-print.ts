import { VitaeError } from '../diagnostics/diagnostic.js'
import { toPoints } from '../page/geometry.js'
import type { BuildBrowser } from '../renderers/renderer.js'
import { type FitSettings, withFit } from '../themes/fit.js'
import type { DocumentContext } from './prepare.js'

// Printing for the fit search and its suggestions (src/pipeline/fit.ts, fit-suggest.ts).

/** Chrome's PDFs list each page as one `/Type /Page` object. */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0
}

/** Two body lines (24 pt) more at the foot of the page, for trying a setting with room to spare. */
const SPARE_POINTS = 24
export const withSpare = (s: FitSettings): FitSettings => ({ ...s, margins: { ...s.margins, bottom: { value: toPoints(s.margins.bottom) + SPARE_POINTS, unit: 'pt' } } })

/** Prints the document, under a fit when given one (the page's margins go with it, for a theme without @page). */
export function print(browser: BuildBrowser, html: string, document: Pick<DocumentContext, 'page'>, settings: FitSettings | undefined): Promise<Uint8Array> {
  if (!settings) return browser.print(html, document.page)
  return browser.print(withFit(html, settings), { ...document.page, margins: settings.margins })
}

/** "1.2": how many pages a printed PDF fills, its last one counted by how far down its text reaches. */
export async function pagesFilled(browser: BuildBrowser, pdf: Uint8Array, settings: FitSettings): Promise<number> {
  const pages = countPages(pdf)
  if (!browser.pageExtent) return pages
  const extent = await browser.pageExtent(pdf)
  const top = toPoints(settings.margins.top)
  const usable = extent.height - top - toPoints(settings.margins.bottom)
  const fill = Math.min(1, Math.max(0.1, (extent.bottom - top) / usable))
  return Math.round((extent.pages - 1 + fill) * 10) / 10
}

/** The error of a target that cannot fit, with the build's words for it. */
export function pageLimit(message: string, hint: string): VitaeError {
  return new VitaeError('render', [{ code: 'PAGE_LIMIT', severity: 'error', message, hint, options: ['fit', 'sections', 'variants'] }])
}
