import type { CDPSession } from 'puppeteer-core'
import { type PageSettings, paperInches, toInches } from '../page/geometry.js'

/**
 * Prints the tab's document. Straight to CDP rather than page.pdf(): one round trip with the bytes
 * in the reply instead of a stream read in chunks, and lengths in points, which Puppeteer's
 * option parser refuses. The HTML's @page rule sets the same size and margins and wins
 * (preferCSSPageSize); these numbers serve a theme that leaves @page out.
 */
export async function printToPdf(cdp: CDPSession, settings: PageSettings): Promise<Uint8Array> {
  const paper = paperInches(settings.size)
  const { top, right, bottom, left } = settings.margins
  const { data } = await cdp.send('Page.printToPDF', {
    transferMode: 'ReturnAsBase64',
    paperWidth: paper.width,
    paperHeight: paper.height,
    marginTop: toInches(top),
    marginRight: toInches(right),
    marginBottom: toInches(bottom),
    marginLeft: toInches(left),
    preferCSSPageSize: true,
    printBackground: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  })
  return Buffer.from(data, 'base64')
}
