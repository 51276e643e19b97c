import type { PageSettings } from '../page/geometry.js'

/** The build's browser, as a renderer sees it: started on first use, shared by every format. */
export interface BuildBrowser {
  /** Prints `html` to PDF bytes; `lap` marks the steps for verbose timings. */
  print(html: string, page: PageSettings, lap?: (step: string) => void): Promise<Uint8Array>
  /**
   * Prints `html` as `print` does and returns each page of that PDF as a PNG, `dpi` pixels per
   * inch (Letter at 150 dpi is 1275 × 1650). A document printed just before is not printed again.
   */
  printPng(html: string, page: PageSettings, dpi: number, lap?: (step: string) => void): Promise<Uint8Array[]>
  /** Gets the browser ready for printPng (PDF.js loaded in its tab) while other work goes on. */
  warmPng?(): void
  /** How far down its last page a printed PDF's text reaches, in points: what a fit reports when it cannot fit. */
  pageExtent?(pdf: Uint8Array): Promise<{ pages: number; height: number; bottom: number }>
  /** URLs the page asked for and was refused since the last call (builds are offline). */
  takeBlocked(): string[]
}
