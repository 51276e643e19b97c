import { VitaeError } from '../diagnostics/diagnostic.js'
import { pageTwips as geometryTwips, type PageSettings, type PageTwips } from '../page/geometry.js'

export type { PageTwips }

/** The page in twips for Word, refusing margins that leave no room to write. */
export function pageTwips(page: PageSettings): PageTwips {
  const twips = geometryTwips(page)
  if (twips.textWidth < 1440 || twips.textHeight < 1440) {
    throw new VitaeError('render', [
      { code: 'DOCX', severity: 'error', message: 'the margins leave less than an inch of the page for text', hint: 'use smaller margins (the margins option)' },
    ])
  }
  return twips
}
