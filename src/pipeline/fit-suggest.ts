import type { TailorLayer } from '../core/tailor.js'
import type { VitaeError } from '../diagnostics/diagnostic.js'
import type { FitSettings } from '../themes/fit.js'
import type { Section } from '../types/resume.js'
import { countPages, pageLimit, pagesFilled, print } from './fit-print.js'
import type { BuildOptions } from './options.js'
import type { Plan } from './plan.js'
import { type DocumentContext, prepareTarget } from './prepare.js'
import type { BuildServices } from './services.js'
import type { Target } from './targets.js'

interface Failed {
  plan: Plan
  target: Target
  options: Pick<BuildOptions, 'theme' | 'page' | 'strict'>
  services: BuildServices
  document: DocumentContext
  html: string
  floor: FitSettings
  limit: number
}

/**
 * The PAGE_LIMIT error of a document that does not fit even at the theme's floor: by how much
 * ("1.2 pages at the smallest size classic allows"), and a tailoring that would fit, found by
 * trying it: the loosest highlight cap, else the fewest sections dropped from the end of the
 * order. Each try tailors, renders and prints the document at the floor, as a fit would.
 */
export async function cannotFit(f: Failed): Promise<VitaeError> {
  const browser = await f.document.browser()
  const filled = await pagesFilled(browser, await print(browser, f.html, f.document, f.floor), f.floor)
  const theme = f.document.theme.name
  const asked = `${f.limit} page${f.limit === 1 ? '' : 's'}`
  const message = `${f.target.name} runs to ${filled} pages at the smallest size ${theme} allows; the fit option asks for ${asked}`
  const fits = async (layer: Omit<TailorLayer, 'source'>): Promise<boolean> => {
    const { document } = await prepareTarget(f.plan, { ...f.target, layers: [...f.target.layers, { source: 'the fit suggestion', ...layer }] }, f.options, f.services)
    return countPages(await print(browser, await document.html(), document, f.floor)) <= f.limit
  }

  const most = mostHighlights(f.document)
  // The loosest cap that fits: caps fit more as they tighten, so halve between one that fits and one that does not.
  if (most > 0 && (await fits({ maxHighlights: 0 }))) {
    let lo = 0
    let hi = most
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (await fits({ maxHighlights: mid })) lo = mid
      else hi = mid
    }
    if (lo > 0) {
      return pageLimit(
        message,
        `at most ${lo} highlight${lo === 1 ? '' : 's'} per entry fits it: add maxHighlights: ${lo} to a variant (and build it with the variants option), or shorten the longest entries`,
      )
    }
  }
  const shown = f.document.view.sections.map((s) => s.id as Section)
  for (let keep = shown.length - 1; keep >= 1; keep--) {
    const sections = shown.slice(0, keep)
    if (await fits({ sections })) {
      const dropped = shown.slice(keep)
      return pageLimit(message, `leaving out ${dropped.join(', ')} fits it: the sections option ${sections.join(',')} (or sections: in a variant), or tailor with tags`)
    }
  }
  return pageLimit(message, 'no highlight cap or section list fits it: shorten the text, or ask for more pages')
}

/** The most highlights any entry of the document shows. */
function mostHighlights(document: DocumentContext): number {
  let most = 0
  for (const section of document.view.sections as Array<{ entries?: Array<{ bullets?: unknown[] }> }>) {
    for (const entry of section.entries ?? []) most = Math.max(most, entry.bullets?.length ?? 0)
  }
  return most
}
