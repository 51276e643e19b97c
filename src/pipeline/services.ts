import type { BrowserSession } from '../browser/session.js'
import { DateFormatter } from '../core/dates.js'
import type { BlockCache, InlineCache } from '../core/inline.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { createFontStore, type FontStore } from '../fonts/faces.js'
import { createLabelStore, labelsFor, type LabelOverrides, type LabelStore, type Labels } from '../i18n/labels.js'
import type { ThemeCache } from '../themes/theme.js'
import { readFontBytes } from './fonts.js'

export interface ServiceOptions {
  browserPath?: string
  /** Milliseconds any one browser call may take. */
  timeoutMs: number
  log(message: string): void
  /**
   * A browser that outlives this build (a `dev` session reprinting on every save). The build uses
   * it and does not close it; without one, the build starts its own and closes it at the end.
   */
  browser?: BrowserHolder
}

/** One lazily started browser, replaced after a hang, closed by whoever made the holder. */
export class BrowserHolder {
  private session: Promise<BrowserSession> | undefined
  private closed = false

  constructor(private readonly options: Omit<ServiceOptions, 'browser'>) {}

  get(): Promise<BrowserSession> {
    if (this.closed) return Promise.reject(new Error('the build is over: its browser is closed'))
    if (!this.session) {
      const { browserPath, timeoutMs, log } = this.options
      this.session = import('../browser/session.js').then(({ BrowserSession }) => new BrowserSession({ browserPath, timeout: timeoutMs, log }))
      // Whoever awaits it sees a failure; this keeps an unawaited start from crashing the process.
      this.session.catch(() => undefined)
    }
    return this.session
  }

  get started(): boolean {
    return this.session !== undefined
  }

  /** Kills the browser (after a hung render or a crash); the next request starts a new one. */
  async reset(): Promise<void> {
    const closing = this.session
    this.session = undefined
    await closing?.then((s) => s.close(), () => undefined)
  }

  async close(): Promise<void> {
    this.closed = true
    await this.reset()
  }
}

/**
 * What one build shares between its documents, created when the build starts and disposed at its
 * end: the browser (started on first request, one however many formats print with it), loaded
 * themes, parsed Markdown, date formatters, locale tables and font files. Nothing of it lives at module level, so two builds
 * in one process (a `dev` server rebuilding on every save) share nothing.
 */
export class BuildServices {
  readonly themes: ThemeCache = new Map()
  readonly inline: InlineCache = new Map()
  readonly blocks: BlockCache = new Map()
  /** Warnings found while preparing and rendering (a missing theme, refused URLs), each once. */
  readonly warnings: Diagnostic[] = []
  private readonly labelStore: LabelStore = createLabelStore()
  readonly fonts: FontStore = createFontStore()
  private readonly fontFiles = new Map<string, Uint8Array>()
  private readonly dateFormatters = new Map<string, DateFormatter>()
  private readonly holder: BrowserHolder
  private readonly ownsBrowser: boolean

  constructor(options: ServiceOptions) {
    this.holder = options.browser ?? new BrowserHolder(options)
    this.ownsBrowser = options.browser === undefined
  }

  /** The build's browser, started on the first call; a missing browser rejects every call. */
  browser(): Promise<BrowserSession> {
    return this.holder.get()
  }

  /** Kills the browser (after a hung render); the next request starts a new one. */
  resetBrowser(): Promise<void> {
    return this.holder.reset()
  }

  /** The words of a locale, with the resume's own `meta.labels` over them. */
  labels(locale: string, overrides?: LabelOverrides['labels']): Readonly<Labels> {
    return labelsFor(locale, { labels: overrides }, this.labelStore)
  }

  /** A font file's bytes, read once per build. */
  fontBytes(file: string): Uint8Array {
    return readFontBytes(this.fontFiles, file)
  }

  /** Records a warning found while preparing or rendering (a missing theme, refused URLs), once. */
  warn(d: Diagnostic): void {
    const same = (w: Diagnostic) => w.code === d.code && w.message === d.message && w.file === d.file && w.line === d.line
    if (!this.warnings.some(same)) this.warnings.push(d)
  }

  dates(locale: string): DateFormatter {
    let f = this.dateFormatters.get(locale)
    if (!f) {
      f = new DateFormatter(locale)
      this.dateFormatters.set(locale, f)
    }
    return f
  }

  /** Closes the browser and drops every cache; safe to call twice. */
  async dispose(): Promise<void> {
    if (this.ownsBrowser) await this.holder.close()
    this.themes.clear()
    this.inline.clear()
    this.blocks.clear()
    this.dateFormatters.clear()
    this.fontFiles.clear()
  }
}
