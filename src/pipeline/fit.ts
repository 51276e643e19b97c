import { canGive, type FitSettings, fitAt, fitPercent, fitRange, withFit } from '../themes/fit.js'
import { countPages, print, withSpare } from './fit-print.js'
import type { BuildOptions } from './options.js'
import type { Plan } from './plan.js'
import type { DocumentContext } from './prepare.js'
import type { BuildServices } from './services.js'
import type { Target } from './targets.js'

/** What fitting did to a document, for the build's report. */
export interface FitReport {
  /** The pages asked for. */
  limit: number
  /** Pages before fitting. */
  pagesBefore: number
  /** Pages after (at most `limit`). */
  pages: number
  /** Undefined when the document already fitted and was left as it was. */
  settings?: FitSettings
  /** The type's size in percent of normal: "fitted at 94%". */
  percent?: number
}

/** Halvings of the scale after the floor is known to fit: 1/32 of the way from normal to floor. */
const STEPS = 5

/** The fit the build asks of a target: the fit option, else its variant's, else the resume's meta.fit. */
export function fitLimit(options: Pick<BuildOptions, 'fit'>, target: Target, document: DocumentContext): number | undefined {
  return options.fit ?? (target.variant?.def as { fit?: number } | undefined)?.fit ?? (document.resume.meta as { fit?: number } | undefined)?.fit
}

/**
 * Fits a document into `limit` pages: prints it as it is, and if it runs longer, looks along the
 * theme's one scale (normal to floor) for the loosest setting that fits, printing in the build's
 * one browser. A document that fits is returned as it came, so its bytes are those of a build
 * without the option. Where even the floor does not fit, throws PAGE_LIMIT saying by how much
 * and what tailoring would fit (src/pipeline/fit-suggest.ts).
 */
export async function fitDocument(
  document: DocumentContext,
  limit: number,
  how: { plan: Plan; target: Target; options: Pick<BuildOptions, 'theme' | 'page' | 'strict'>; services: BuildServices; log(message: string): void },
): Promise<{ document: DocumentContext; report: FitReport }> {
  const browser = await document.browser()
  const html = await document.html()
  const pagesAt = async (settings: FitSettings | undefined): Promise<number> => countPages(await print(browser, html, document, settings))
  const pagesBefore = await pagesAt(undefined)
  if (pagesBefore <= limit) return { document, report: { limit, pagesBefore, pages: pagesBefore } }

  const range = fitRange(document.theme)
  const floor = fitAt(range, document.page, 1)
  const gives = canGive(range, document.page)
  // The search asks for a line to spare at the foot of the last page: the Word file is laid out
  // by another engine (Word, LibreOffice), whose lines and breaks fall a little apart from Chrome's (measured: up to two lines a page).
  const spared = async (settings: FitSettings) => (await pagesAt(withSpare(settings))) <= limit
  const floorFits = gives && ((await spared(floor)) || (await pagesAt(floor)) <= limit)
  if (!floorFits) {
    const { cannotFit } = await import('./fit-suggest.js')
    throw await cannotFit({ ...how, document, html, floor, limit })
  }
  // Page counts grow as the scale loosens: halve the interval between a setting that fits (hi)
  // and one that does not (lo), keeping the loosest that fits.
  let lo = 0
  let hi = 1
  let best = floor
  for (let i = 0; i < STEPS; i++) {
    const mid = (lo + hi) / 2
    const settings = fitAt(range, document.page, mid)
    if (await spared(settings)) {
      hi = mid
      best = settings
    } else lo = mid
  }
  how.log(`fit: ${pagesBefore} pages to ${limit} at ${fitPercent(best)}% (step ${best.step.toFixed(3)} of the way to ${document.theme.name}'s floor)`)
  const fitted = withFit(html, best)
  return {
    document: { ...document, page: { ...document.page, margins: best.margins }, html: () => Promise.resolve(fitted), fit: best },
    report: { limit, pagesBefore, pages: await pagesAt(best), settings: best, percent: fitPercent(best) },
  }
}
