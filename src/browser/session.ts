import { setTimeout as delay } from 'node:timers/promises'
import type { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer-core'
import { nowMs } from '../core/clock.js'
import { importModule } from '../core/import-module.js'
import { isVitaeError } from '../diagnostics/diagnostic.js'
import { knownPapers, type PageSettings } from '../page/geometry.js'
import { ChromeProcess } from './chrome-process.js'
import { showDocument, withShellText } from './document.js'
import { browserLaunchFailed, browserNotFound, printFailed } from './errors.js'
import { type FoundBrowser, findBrowser } from './find.js'
import { sandboxOffReason } from './flags.js'
import { lastPageExtent, type PageExtent } from './page-extent.js'
import { PipeTransport } from './pipe-transport.js'
import { printToPdf } from './print.js'
import { openRasterTab, rasterizePdf, vendoredPage } from './rasterize.js'

interface Tab {
  page: Page
  /** Our own CDP session on the tab, for printing. */
  cdp: CDPSession
}

/** Why this browser, for --verbose: where it was found and, for a headless shell, what it was preferred to. */
function describeChoice(found: FoundBrowser): string {
  if (!found.headlessShell) return found.source
  const over = found.preferredTo ? `, preferred to the full browser ${found.preferredTo}` : ''
  return `${found.source}; a headless shell, made for printing: it starts in a fraction of a full browser's time and memory${over}`
}

/** Asks the tab to collect what it no longer shows, without waiting (see SessionOptions.collect). */
function collectGarbage(cdp: CDPSession): void {
  cdp.send('HeapProfiler.collectGarbage').catch(() => undefined)
}

/** Documents one tab shows before it is replaced by a fresh one. */
const RECYCLE_TAB_AFTER = 20

export interface SessionOptions {
  browserPath?: string
  /** Milliseconds any one CDP call may take before it is abandoned. */
  timeoutMs: number
  log(message: string): void
  /** Each request the page made and was refused, as it happens. */
  onBlocked?(url: string): void
  /**
   * After each print that replaced a document in the tab, have the tab collect its garbage (for a
   * session that reprints for hours: `resume dev`). A replaced document (a swap keeps the head's
   * sheets: src/browser/document.ts) leaves its DOM and the document it was parsed into behind,
   * and a tab with scripts off and nothing else to do never collects them: Chrome's renderer grew
   * by 1.6 MiB with each reprint of the seed, 33 MiB by the time the tab was recycled. The
   * collection (about 10 ms of the renderer's time) is not waited for: the PDF is out, and a print
   * sent meanwhile waits its turn. A build leaves it off: its tabs are recycled or closed soon
   * enough, and 10 ms is a good part of a print in a batch.
   */
  collect?: boolean
}

/**
 * One browser for a build, with one tab that prints every PDF. Starting is eager: the constructor
 * spawns Chrome and sets up the tab in the background, so the browser starts while the caller
 * does other work. Tabs are offline by construction: no JavaScript, and every request but an
 * inline data: URL refused.
 */
export class BrowserSession {
  readonly executablePath: string
  private readonly chrome: ChromeProcess
  private readonly browser: Promise<Browser>
  private tab: Promise<Tab>
  private printsInTab = 0
  /** The style signature of the document in the tab, when we put it there. */
  private shown: string | undefined
  private blocked: string[] = []
  /** Set when the browser broke the DevTools protocol: what it did, for the error message. */
  private protocolError: string | undefined
  /** The tab PDF.js draws page images in, opened on the first printPng. */
  private rasterTab: Promise<Page> | undefined
  /** The last document printed and its PDF: a build with pdf and png prints each document once. */
  private lastPrint: { html: string; settings: string; pdf: Uint8Array } | undefined
  /** Set once the DevTools connection is up. */
  private connected = false
  /** raster.html's URL, when the browser was asked to open it before the connection was up. */
  private earlyRaster: string | undefined
  /** The browser is a headless shell (it says HeadlessChrome): its text needs withShellText. */
  private headlessShell = false

  /** Throws BROWSER_NOT_FOUND (exit 6) when there is no browser; anything later, `print` reports. */
  constructor(private readonly options: SessionOptions) {
    const search = findBrowser({ browserPath: options.browserPath })
    if (!search.found) throw browserNotFound(search)
    this.executablePath = search.found.path
    options.log(`pdf: browser ${search.found.path} (${describeChoice(search.found)})`)
    const sandboxOff = sandboxOffReason()
    if (sandboxOff) options.log(`pdf: ${sandboxOff}, so Chrome's sandbox is off (--no-sandbox)`)
    this.chrome = new ChromeProcess(search.found.path, { noSandbox: sandboxOff !== undefined })
    this.browser = this.connect()
    this.tab = this.openTab()
    // Whoever awaits print() sees a failure; these keep an unawaited one from crashing the process.
    this.browser.catch(() => undefined)
    this.tab.catch(() => undefined)
  }

  /** Prints `html` in the tab; `lap` marks the steps, for --verbose timings. */
  async print(html: string, settings: PageSettings, lap: (step: string) => void = () => undefined): Promise<Uint8Array> {
    const key = JSON.stringify(settings)
    const last = this.lastPrint
    // A copy: the caller may hand the bytes to a library that takes them over.
    if (last && last.html === html && last.settings === key) return last.pdf.slice()
    // A tab that has shown many documents keeps some of each (a `resume dev` session reprints on
    // every save): a fresh one now and then keeps Chrome's memory flat.
    if (++this.printsInTab > RECYCLE_TAB_AFTER) {
      this.discardTab()
      this.printsInTab = 1
    }
    const replacing = this.printsInTab > 1
    const { page, cdp } = await this.tab
    lap('browser')
    try {
      const previous = this.shown
      this.shown = undefined
      this.lastPrint = undefined
      this.shown = await showDocument(page, this.headlessShell ? withShellText(html) : html, previous, this.options.timeoutMs)
      lap('load')
      const pdf = await printToPdf(cdp, settings)
      this.lastPrint = { html, settings: key, pdf: pdf.slice() }
      if (replacing && this.options.collect) collectGarbage(cdp)
      return pdf
    } catch (error) {
      this.discardTab()
      if (this.protocolError) throw printFailed(this.protocolError, error)
      throw error
    }
  }

  /**
   * Prints `html` and draws each page of the PDF as a PNG, `dpi` pixels per inch: the images are
   * the PDF's pages, so they paginate exactly as it does. The raster tab opens (and parses PDF.js)
   * while the print runs.
   */
  async printPng(html: string, settings: PageSettings, dpi: number, lap: (step: string) => void = () => undefined): Promise<Uint8Array[]> {
    const tab = this.raster()
    const pdf = await this.print(html, settings, lap)
    lap('print')
    let page: Page | undefined
    try {
      page = await tab
      lap('raster tab')
      return await rasterizePdf(page, pdf, dpi, knownPapers(dpi))
    } catch (error) {
      // Its state is unknown: the next document gets a fresh one.
      if (this.rasterTab === tab) this.rasterTab = undefined
      page?.close().catch(() => undefined)
      if (this.protocolError) throw printFailed(this.protocolError, error)
      throw error
    }
  }

  /** How far down its last page a printed PDF's text reaches (PDF.js, in the raster tab). */
  async pageExtent(pdf: Uint8Array): Promise<PageExtent> {
    const tab = this.raster()
    try {
      return await lastPageExtent(await tab, pdf)
    } catch (error) {
      if (this.rasterTab === tab) this.rasterTab = undefined
      if (this.protocolError) throw printFailed(this.protocolError, error)
      throw error
    }
  }

  /** Opens the raster tab now, so PDF.js is parsed while other documents render and print. */
  warmPng(): void {
    // Before the connection is up, the browser can open the tab and parse PDF.js while Puppeteer loads.
    if (!this.rasterTab && !this.connected) {
      const page = vendoredPage()
      if (page) {
        this.earlyRaster = page.href
        this.chrome.openEarly(page.href)
      }
    }
    this.raster()
  }

  /** The raster tab, opened on first use. */
  private raster(): Promise<Page> {
    if (!this.rasterTab) {
      this.rasterTab = this.openRaster()
      // Whoever awaits it sees a failure; this keeps an unawaited one from crashing the process.
      this.rasterTab.catch(() => undefined)
    }
    return this.rasterTab
  }

  private async openRaster(): Promise<Page> {
    const browser = await this.browser
    const early = this.earlyRaster
    this.earlyRaster = undefined
    // Asked for before the connection, it is among the targets Puppeteer found; if not, a new tab.
    const target = early ? await browser.waitForTarget((t) => t.url() === early, { timeout: Math.min(this.options.timeoutMs, 3000) }).catch(() => undefined) : undefined
    const page = (await target?.page()) ?? (await browser.newPage())
    return openRasterTab(page, (url) => this.options.log(`png: refused ${url} in the raster tab (builds are offline)`))
  }

  /** After a failed print the tab's state is unknown: the next print gets a fresh one. */
  private discardTab(): void {
    const old = this.tab
    this.shown = undefined
    this.lastPrint = undefined
    this.tab = this.openTab(true)
    this.tab.catch(() => undefined)
    old.then(({ page }) => page.close()).catch(() => undefined)
  }

  /**
   * What the print tab holds now (Chrome's DOM counters: documents and nodes, the shown one and
   * any not yet collected), once what was sent to it before has run. For the tests.
   */
  async printTabCounters(): Promise<{ documents: number; nodes: number }> {
    const { cdp } = await this.tab
    const { documents, nodes } = await cdp.send('Memory.getDOMCounters')
    return { documents, nodes }
  }

  /** URLs refused since the last call, for --verbose. */
  takeBlocked(): string[] {
    const list = this.blocked
    this.blocked = []
    return list
  }

  async close(): Promise<void> {
    await this.chrome.close()
  }

  private async connect(): Promise<Browser> {
    const started = nowMs()
    const exited = this.chrome.exited.then(async () => {
      await this.chrome.close()
      throw browserLaunchFailed(this.executablePath, this.protocolError ?? (await this.chrome.failureReason()))
    })
    exited.catch(() => undefined)
    const connecting = (async () => {
      // Loaded while Chrome starts: the two together take little longer than Chrome alone.
      const { default: puppeteer } = await importModule<typeof import('puppeteer-core')>('puppeteer-core')
      const { write, read } = this.chrome.pipe
      return puppeteer.connect({
        transport: new PipeTransport(write, read, (reason) => {
          this.protocolError = reason
          // A browser that speaks nonsense is not one to keep talking to.
          this.chrome.killNow()
        }),
        defaultViewport: null,
        issuesEnabled: false,
        protocolTimeout: this.options.timeoutMs,
      })
    })()
    try {
      const browser = await Promise.race([connecting, exited])
      this.connected = true
      // Known by what it says, not by where it was found: VITAE_BROWSER may name one too.
      const product = await browser.version()
      this.headlessShell = product.startsWith('HeadlessChrome/')
      this.options.log(`pdf: browser ready in ${Math.round(nowMs() - started)} ms (${product})`)
      return browser
    } catch (error) {
      connecting
        .then(
          (b) => b.disconnect(),
          () => undefined,
        )
        .catch(() => undefined)
      if (isVitaeError(error)) throw error
      if (this.protocolError) {
        await this.chrome.close()
        throw browserLaunchFailed(this.executablePath, this.protocolError, error)
      }
      // A closed pipe usually means Chrome died: its last words say more than Puppeteer's.
      const died = await Promise.race([this.chrome.exited.then(() => true), delay(250, false, { ref: false })])
      await this.chrome.close()
      throw browserLaunchFailed(this.executablePath, died ? await this.chrome.failureReason() : (error as Error).message, error)
    }
  }

  /** The browser's first tab (a new one after a failure), with scripts off and the network shut. */
  private async openTab(fresh = false): Promise<Tab> {
    const browser = await this.browser
    // The tab the browser started with, not a raster tab it may have opened since. Found among the
    // targets, not browser.pages(): that sets up every tab, the raster tab too, whose renderer is
    // busy loading PDF.js and drawing its warm-up page, and the print would wait for it.
    const first = fresh ? undefined : browser.targets().find((t) => t.type() === 'page' && t.url() === 'about:blank')
    const page = (await first?.page()) ?? (await browser.newPage())
    const [cdp] = await Promise.all([page.createCDPSession(), page.setJavaScriptEnabled(false), page.setRequestInterception(true)])
    page.on('request', (request: HTTPRequest) => {
      const url = request.url()
      if (url.startsWith('data:')) return void request.continue().catch(() => undefined)
      this.blocked.push(url)
      this.options.onBlocked?.(url)
      request.abort('blockedbyclient').catch(() => undefined)
    })
    return { page, cdp }
  }
}
