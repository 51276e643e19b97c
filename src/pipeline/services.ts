import { renderTimeout } from '../browser/errors.js'
import type { BrowserSession, SessionOptions } from '../browser/session.js'
import { DateFormatter } from '../core/dates.js'
import type { BlockCache, InlineCache } from '../core/inline.js'
import { createLabelStore, type LabelOverrides, type LabelStore, type Labels, labelsFor } from '../core/labels.js'
import { loadTimeout } from '../core/limits.js'
import { type Diagnostic, isVitaeError, VitaeError } from '../diagnostics/diagnostic.js'
import { createFontStore, type FontStore } from '../fonts/faces.js'
import { Sandbox, sandboxModule } from '../sandbox/sandbox.js'
import { type TemplateContext, themeSources } from '../themes/template-context.js'
import type { PdfRenderOptions, Theme, ThemeCache, ThemeManifest } from '../themes/types.js'
import { readFontBytes } from './fonts.js'

const isOwnCompiledTheme = async (theme: Theme): Promise<boolean> => Boolean(await (await import('../themes/precompiled.js')).loadPrecompiled(theme))

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
  /** Who hears about refused requests: the build using the browser now. */
  private onBlocked: (url: string) => void = () => undefined

  constructor(private readonly options: Omit<ServiceOptions, 'browser'> & Pick<SessionOptions, 'collect'>) {}

  /** Refused requests go to `listener` from now on (each build of a dev session sets its own). */
  listen(listener: (url: string) => void): void {
    this.onBlocked = listener
  }

  get(): Promise<BrowserSession> {
    if (this.closed) return Promise.reject(new Error('the build is over: its browser is closed'))
    if (!this.session) {
      const { browserPath, timeoutMs, log, collect } = this.options
      this.session = import('../browser/session.js').then(
        ({ BrowserSession }) => new BrowserSession({ browserPath, timeoutMs, log, collect, onBlocked: (url) => this.onBlocked(url) }),
      )
      // Whoever awaits it sees a failure; this keeps an unawaited start from crashing the process.
      this.session.catch(() => undefined)
    }
    return this.session
  }

  /** Kills the browser (after a hung render or a crash); the next request starts a new one. */
  async reset(): Promise<void> {
    const closing = this.session
    this.session = undefined
    await closing?.then(
      (s) => s.close(),
      () => undefined,
    )
  }

  async close(): Promise<void> {
    this.closed = true
    await this.reset()
  }
}

const THEME_RENDER = 'theme-render'

/**
 * What one build shares between its documents, created when the build starts and disposed at its
 * end: the browser (started on first request, one however many formats print with it), the
 * sandbox theme code runs in, loaded themes, parsed Markdown, date formatters, locale tables and
 * font files. Nothing of it lives at module level, so two builds in one process (a `dev` server
 * rebuilding on every save) share nothing.
 */
export class BuildServices {
  readonly themes: ThemeCache = new Map()
  /** Themes' manifests read alone, by folder: tailoring without drawing reads no more (chooseManifest). */
  readonly manifests = new Map<string, ThemeManifest>()
  readonly inline: InlineCache = new Map()
  readonly blocks: BlockCache = new Map()
  readonly fonts: FontStore = createFontStore()
  /** Where theme code runs: a worker thread a deadline or a signal can stop. */
  readonly sandbox: Sandbox
  /** URLs a document asked for and did not get (builds are offline), for the build's one warning. */
  readonly refused = new Set<string>()
  /** Warnings found while preparing and rendering (a missing theme, a photo left out), each once. */
  readonly warnings: Diagnostic[] = []
  private readonly labelStore: LabelStore = createLabelStore()
  private readonly fontFiles = new Map<string, Uint8Array>()
  private readonly dateFormatters = new Map<string, DateFormatter>()
  private readonly holder: BrowserHolder
  private readonly ownsBrowser: boolean

  constructor(private readonly options: ServiceOptions) {
    this.sandbox = new Sandbox(options.log)
    this.holder = options.browser ?? new BrowserHolder(options)
    this.ownsBrowser = options.browser === undefined
    this.holder.listen((url) => this.refused.add(url))
  }

  /** The build's browser, started on the first call; a missing browser rejects every call. */
  browser(): Promise<BrowserSession> {
    return this.holder.get()
  }

  /** Kills the browser (after a hung render); the next request starts a new one. */
  resetBrowser(): Promise<void> {
    return this.holder.reset()
  }

  /** Starts the sandbox now for a theme from outside, so that its start overlaps other work. */
  async warmFor(theme: Theme): Promise<void> {
    if (theme.jsonResume) this.sandbox.warm(sandboxModule('jsonresume-render'))
    else if (!(await isOwnCompiledTheme(theme))) this.sandbox.warm(sandboxModule(THEME_RENDER))
  }

  /**
   * Renders a Handlebars theme. A theme of vitae's own, compiled when vitae was installed and
   * unchanged since (its sources match the compiled hash), is our code, linear in the resume (whose
   * size is capped): it renders here, sparing the worker's start. Any other theme (the user's, an
   * edited one, a package) is code from outside and renders in the sandbox, within the timeout.
   */
  async renderTemplate(theme: Theme, context: TemplateContext, what: string): Promise<string> {
    if (await isOwnCompiledTheme(theme)) {
      const { themeTemplate } = await import('../themes/handlebars.js')
      return (await themeTemplate(theme))(context)
    }
    const call = { module: sandboxModule(THEME_RENDER), name: 'renderTheme', args: [themeSources(theme), context] }
    const ms = this.options.timeoutMs
    try {
      return (await this.sandbox.run(call, { timeoutMs: ms, onTimeout: () => renderTimeout(what, ms) })) as string
    } catch (error) {
      if (isVitaeError(error)) throw error
      // The worker died under the template (out of memory, say): the theme's fault, not ours.
      const message = `the theme ${theme.name} stopped its render: ${(error as Error).message}`
      throw new VitaeError('theme', [{ code: 'TEMPLATE', severity: 'error', message, file: theme.dir, hint: 'the problem is in the theme, not in your resume' }], { cause: error })
    }
  }

  /** Renders a JSON Resume theme package in the sandbox, within the build's timeout. */
  async renderJsonResume(packageDir: string, resume: unknown, what: string): Promise<string> {
    const call = { module: sandboxModule('jsonresume-render'), name: 'renderJsonResumeTheme', args: [packageDir, resume] }
    const ms = this.options.timeoutMs
    try {
      return (await this.sandbox.run(call, { timeoutMs: ms, onTimeout: () => renderTimeout(what, ms) })) as string
    } catch (error) {
      if (isVitaeError(error)) throw error
      const message = `the JSON Resume theme in ${packageDir} stopped its render: ${(error as Error).message}`
      throw new VitaeError('theme', [{ code: 'THEME', severity: 'error', message, file: packageDir, hint: 'the problem is in the theme, not in your resume' }], { cause: error })
    }
  }

  /** A JSON Resume theme package's pdfRenderOptions, read by loading its module in the sandbox: its top level may loop. */
  async jsonResumePdfOptions(packageDir: string, packageName: string): Promise<PdfRenderOptions | undefined> {
    const call = { module: sandboxModule('jsonresume-render'), name: 'jsonResumePdfOptions', args: [packageDir] }
    const ms = this.options.timeoutMs
    try {
      return (await this.sandbox.run(call, { timeoutMs: ms, onTimeout: () => loadTimeout('THEME', `the JSON Resume theme ${packageName}`, ms, packageDir) })) as
        | PdfRenderOptions
        | undefined
    } catch (error) {
      if (isVitaeError(error)) throw error
      const message = `the JSON Resume theme ${packageName} stopped while loading: ${(error as Error).message}`
      throw new VitaeError('theme', [{ code: 'THEME', severity: 'error', message, file: packageDir, hint: 'the problem is in the theme package, not in your resume' }], {
        cause: error,
      })
    }
  }

  /** The words of a locale, with the theme's headings and the resume's own words over them. */
  labels(locale: string, overrides?: LabelOverrides): Readonly<Labels> {
    return labelsFor(locale, overrides, this.labelStore)
  }

  /** A font file's bytes, read once per build. */
  fontBytes(file: string): Uint8Array {
    return readFontBytes(this.fontFiles, file)
  }

  /** Records a warning found while preparing or rendering, once. */
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

  /** Closes the browser (unless it outlives the build), stops the sandbox and drops every cache. */
  async dispose(): Promise<void> {
    this.holder.listen(() => undefined)
    await Promise.all([this.ownsBrowser ? this.holder.close() : undefined, this.sandbox.dispose()])
    this.themes.clear()
    this.manifests.clear()
    this.inline.clear()
    this.blocks.clear()
    this.dateFormatters.clear()
    this.fontFiles.clear()
  }
}
