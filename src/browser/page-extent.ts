import type { Page } from 'puppeteer-core'

/** How far down the last page of a PDF its text reaches, in points from the page's top. */
export interface PageExtent {
  pages: number
  /** The last page's height. */
  height: number
  /** The lowest text on the last page: the bottom of its lowest line. */
  bottom: number
}

/**
 * Reads the last page's text positions with PDF.js in the raster tab (opened by openRasterTab):
 * how much of it the resume fills says "1.2 pages" where a page count says only "2".
 */
export async function lastPageExtent(page: Page, pdf: Uint8Array): Promise<PageExtent> {
  return page.evaluate(measure, Buffer.from(pdf).toString('base64'))
}

/** Runs in the raster tab, where PDF.js is loaded. */
async function measure(b64: string): Promise<PageExtent> {
  const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
  const doc = await (globalThis as any).pdfjsLib.getDocument({ data, isEvalSupported: false, enableXfa: false, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const last = await doc.getPage(doc.numPages)
    const [, y0, , y1] = last.view
    const height = y1 - y0
    const content = await last.getTextContent()
    let bottom = 0
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue
      // The baseline from the top, and a fifth of the size below it for descenders.
      const size = Math.hypot(item.transform[2], item.transform[3])
      bottom = Math.max(bottom, height - (item.transform[5] - y0) + size * 0.2)
    }
    return { pages: doc.numPages, height, bottom }
  } finally {
    await doc.destroy()
  }
}
