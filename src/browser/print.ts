import type { CDPSession } from 'puppeteer-core'
import type { PageSettings } from '../renderers/renderer.js'

/** Paper in inches, as Chrome's print dialog has it. */
const PAPER = { letter: { width: 8.5, height: 11 }, a4: { width: 8.27, height: 11.69 } } as const
const PER_INCH: Record<string, number> = { in: 1, pt: 72, px: 96, cm: 2.54, mm: 25.4 }

/** A margin as --margin and meta.margins write it (`0.5in`, `12mm`, `36pt`, `0`), in inches. */
export function inches(length: string): number {
  const m = /^([0-9]*\.?[0-9]+)(in|pt|px|cm|mm)?$/.exec(length.trim())
  if (!m) throw new Error(`not a length: ${length}`)
  return Number(m[1]) / (m[2] ? PER_INCH[m[2]]! : 1)
}

/**
 * Prints the tab's document. Straight to CDP rather than page.pdf(): one round trip with the bytes
 * in the reply instead of a stream read in chunks, and lengths in points, which Puppeteer's
 * option parser refuses. The HTML's @page rule sets the same size and margins and wins
 * (preferCSSPageSize); these numbers serve a theme that leaves @page out.
 */
export async function printToPdf(cdp: CDPSession, settings: PageSettings): Promise<Uint8Array> {
  const paper = PAPER[settings.size]
  const { top, right, bottom, left } = settings.margins
  const { data } = await cdp.send('Page.printToPDF', {
    transferMode: 'ReturnAsBase64',
    paperWidth: paper.width,
    paperHeight: paper.height,
    marginTop: inches(top),
    marginRight: inches(right),
    marginBottom: inches(bottom),
    marginLeft: inches(left),
    preferCSSPageSize: true,
    printBackground: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  })
  return Buffer.from(data, 'base64')
}
