import type { PageSize } from './geometry.js'

// Regions that print on US Letter; everyone else uses A4.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR'])

/** The paper a locale's readers print on: Letter in the Americas' Letter countries, A4 elsewhere. */
export function paperForLocale(locale: string): PageSize {
  try {
    const region = new Intl.Locale(locale).maximize().region
    return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4'
  } catch {
    return 'a4'
  }
}
