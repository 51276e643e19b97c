import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { HTTPRequest, Page } from 'puppeteer-core'

// The code below runs inside the raster tab; these are its globals, not Node's.
declare const document: any
declare const FileReader: any

/**
 * Page images are the printed PDF's pages, drawn by PDF.js in a tab of their own: the same file the
 * PDF artifact is, so the PNG cannot disagree with it (pagination, @page margins, break rules).
 * PDF.js ships in lib/vendor/pdfjs/ (scripts/vendor-pdfjs.mjs writes it at build time: two classic
 * scripts and raster.html, 1.8 MB, rather than the 70 MB pdfjs-dist and its native canvas would
 * install), and the tab opens raster.html from disk: Chrome reads the scripts itself, where sending
 * them through the DevTools protocol cost more than drawing a page. A checkout that has not been
 * built hands the tab the dev dependency's modules as text instead.
 */
export function vendoredPage(): URL | undefined {
  // From lib/browser/ or lib/bundle/, and from src/browser/ when the tests run the sources.
  for (const relative of ['../vendor/pdfjs/raster.html', '../../lib/vendor/pdfjs/raster.html']) {
    const url = new URL(relative, import.meta.url)
    if (existsSync(url)) return url
  }
  return undefined
}

function pdfjsModules(): { lib: string; worker: string } {
  const read = (file: string): string => readFileSync(createRequire(import.meta.url).resolve(`pdfjs-dist/build/${file}`), 'utf8')
  return { lib: read('pdf.min.mjs'), worker: read('pdf.worker.min.mjs') }
}

/** A pixel size for each paper Chrome prints, from its point size (Chrome rounds A4 to 595.44 × 841.68 pt). */
export interface PaperPixels {
  points: { width: number; height: number }
  pixels: { width: number; height: number }
}

/**
 * Opens the raster tab: JavaScript on (PDF.js is JavaScript), the network as shut as the print
 * tab's (every request but data: and blob: refused, and none is expected: the document is our
 * own PDF, PDF.js is handed in as text, and no font or image comes from outside a PDF Chrome wrote).
 * PDF scripting and eval stay off. `refused` hears of anything refused.
 */
export async function openRasterTab(page: Page, refused: (url: string) => void): Promise<Page> {
  const vendored = vendoredPage()
  // raster.html and the two scripts beside it, and nothing else on disk.
  const folder = vendored ? new URL('.', vendored).href : undefined
  const files = new Set(['raster.html', 'pdf.js', 'pdf.worker.js', 'warm-up.js'].map((f) => (folder ? new URL(f, folder).href : '')))
  await page.setRequestInterception(true)
  page.on('request', (request: HTTPRequest) => {
    const url = request.url()
    if (url.startsWith('data:') || url.startsWith('blob:') || files.has(url)) return void request.continue().catch(() => undefined)
    refused(url)
    request.abort('blockedbyclient').catch(() => undefined)
  })
  if (vendored) {
    // A tab the browser opened on raster.html at start (BrowserSession.warmPng) is loading it already.
    if (page.url() === vendored.href) await page.evaluate(loaded)
    else await page.goto(vendored.href, { waitUntil: 'load' })
    if (!(await page.evaluate(() => typeof (globalThis as any).pdfjsLib?.getDocument === 'function' && Boolean((globalThis as any).pdfjsWorker)))) {
      throw new Error(`PDF.js did not load from ${vendored.href}`)
    }
    await warmUp(page)
    return page
  }
  await page.setContent('<!doctype html><title>vitae raster</title>', { waitUntil: 'load' })
  const { lib, worker } = pdfjsModules()
  await page.evaluate(loadPdfjs, lib, worker)
  await warmUp(page)
  return page
}

/**
 * Draws a third of a resume page Chrome printed (scripts/raster-warm-up.pdf, which raster.html
 * carries as `vitaeWarmUp`), once, as the tab opens. A tab's first drawing runs PDF.js code for the
 * first time (its parser, its TrueType font reader, its fake worker, the canvas paths) and V8
 * compiles it as it goes: done here, while the print tab loads and prints, that cost overlaps the
 * print instead of following it. A page like the ones we print, with embedded font subsets and
 * compressed streams, warms what a real page needs (a line of Helvetica left most of it to the real
 * drawing). It starts once Puppeteer has the tab, not as soon as raster.html has loaded: then it ran
 * while the browser started, and slowed that as much as it sped the drawing. Without the vendored
 * page, a one-page PDF of a line of text stands in. A failure here is left for the real drawing to meet.
 */
async function warmUp(page: Page): Promise<void> {
  const carried = await page.evaluate(() => typeof (globalThis as any).vitaeWarmUp === 'string').catch(() => false)
  if (carried) await page.evaluate(`(${drawPages})(globalThis.vitaeWarmUp, 150, [], false)`).catch(() => undefined)
  else await page.evaluate(drawPages, warmUpPdf(), 72, [], false).catch(() => undefined)
}

function warmUpPdf(): string {
  const content = 'BT /F1 12 Tf 10 30 Td (vitae) Tj ET 0 0 1 rg 5 5 20 10 re f'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((object, i) => {
    const at = pdf.length
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`
    return at
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1').toString('base64')
}

/** Runs in the tab: settles once the page and its scripts have loaded. */
function loaded(): Promise<void> {
  return new Promise((resolve) => (document.readyState === 'complete' ? resolve() : (globalThis as any).addEventListener('load', () => resolve(), { once: true })))
}

/**
 * Runs in the tab: PDF.js and its worker code as modules from blob: URLs; the worker runs in the page ("fake worker").
 * Written as text because a tool that compiles this file (the test runner running src/) rewrites
 * `import()` into a call of its own, which does not exist in the page.
 */
const loadPdfjs = new Function(
  'lib',
  'worker',
  `const url = (source) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  return import(url(lib)).then((pdfjsLib) => { globalThis.pdfjsLib = pdfjsLib; return import(url(worker)) }).then((pdfjsWorker) => { globalThis.pdfjsWorker = pdfjsWorker })`,
) as (lib: string, worker: string) => Promise<void>

/** Each page of `pdf` as PNG bytes, `dpi` pixels per inch; papers we know get their exact pixel size. */
export async function rasterizePdf(page: Page, pdf: Uint8Array, dpi: number, papers: PaperPixels[]): Promise<Uint8Array[]> {
  const images = await page.evaluate(drawPages, Buffer.from(pdf).toString('base64'), dpi, papers, true)
  return images.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')))
}

/**
 * Runs in the tab: draws each page on a white, opaque canvas and encodes it with Chrome's PNG
 * encoder; with `encode` false, draws the first page only (the warm-up).
 */
async function drawPages(b64: string, dpi: number, papers: PaperPixels[], encode: boolean): Promise<string[]> {
  // Chrome 140+ decodes base64 natively; atob and a copy a byte at a time took 5 ms for a page.
  const data: Uint8Array = (Uint8Array as any).fromBase64 ? (Uint8Array as any).fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
  const doc = await (globalThis as any).pdfjsLib.getDocument({ data, isEvalSupported: false, enableXfa: false, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const images: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const pdfPage = await doc.getPage(n)
      const viewport = pdfPage.getViewport({ scale: dpi / 72 })
      const [x0, y0, x1, y1] = pdfPage.view
      const known = papers.find((p) => Math.abs(p.points.width - (x1 - x0)) < 1 && Math.abs(p.points.height - (y1 - y0)) < 1)
      const canvas = document.createElement('canvas')
      canvas.width = known ? known.pixels.width : Math.round(viewport.width)
      canvas.height = known ? known.pixels.height : Math.round(viewport.height)
      // willReadFrequently keeps the canvas in memory, off any GPU: the same pixels on every machine.
      // PDF.js paints the page white first (background), over all of the canvas.
      const context = canvas.getContext('2d', { alpha: false, willReadFrequently: true })
      // Drawn in one task: the whole operator list first, then the 'print' intent, which runs
      // its time slices back to back (the 'display' intent yields to an animation frame after
      // each). A yield lets Chrome flush the canvas at a point that varies with the machine's
      // load, and antialiased edges then differ by a few levels from run to run.
      await pdfPage.getOperatorList({ intent: 'print', annotationMode: 0 })
      await pdfPage.render({ canvasContext: context, canvas, viewport, intent: 'print', background: '#ffffff', annotationMode: 0 }).promise
      pdfPage.cleanup()
      // The warm-up draws its first page and stops: Chrome's PNG encoder is native code, warm already.
      if (!encode) {
        canvas.width = 0
        break
      }
      const blob: any = await new Promise((resolve, reject) => canvas.toBlob((b: any) => (b ? resolve(b) : reject(new Error(`page ${n} did not encode`))), 'image/png'))
      const url: string = await new Promise((resolve, reject) => {
        const reader = new FileReader()
        reader.onload = () => resolve(reader.result)
        reader.onerror = () => reject(reader.error)
        reader.readAsDataURL(blob)
      })
      images.push(url.slice(url.indexOf(',') + 1))
      canvas.width = 0
    }
    return images
  } finally {
    await doc.destroy()
  }
}
