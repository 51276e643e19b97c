import type { BrowserSession } from '../browser/session.js'
import { DateFormatter } from '../core/dates.js'
import type { InlineCache } from '../core/inline.js'
import { renderTimeout } from '../browser/errors.js'
import { VitaeError, isVitaeError } from '../diagnostics/diagnostic.js'
import { Sandbox, sandboxModule } from '../sandbox/sandbox.js'
import { themeSources, type TemplateContext } from '../themes/template-context.js'
import type { Theme, ThemeCache } from '../themes/theme.js'

export interface ServiceOptions {
  browserPath?: string
  /** Milliseconds any one browser call may take. */
  timeoutMs: number
  log(message: string): void
}

const THEME_RENDER = 'theme-render'

/**
 * What one build shares between its documents, created when the build starts and disposed at its
 * end: the browser (started on first request, one however many formats print with it), loaded
 * themes, parsed Markdown and date formatters. Nothing of it lives at module level, so two builds
 * in one process (a `dev` server rebuilding on every save) share nothing.
 */
export class BuildServices {
  readonly themes: ThemeCache = new Map()
  readonly inline: InlineCache = new Map()
  private readonly dateFormatters = new Map<string, DateFormatter>()
  /** Where theme code runs: a worker thread a deadline or a signal can stop. */
  readonly sandbox = new Sandbox()
  /** URLs a document asked for and did not get (builds are offline), for the build's one warning. */
  readonly refused = new Set<string>()
  private session: Promise<BrowserSession> | undefined
  private disposed = false

  constructor(private readonly options: ServiceOptions) {}

  /** The build's browser, started on the first call; a missing browser rejects every call. */
  browser(): Promise<BrowserSession> {
    if (this.disposed) return Promise.reject(new Error('the build is over: its browser is closed'))
    if (!this.session) {
      this.session = import('../browser/session.js').then(
        ({ BrowserSession }) =>
          new BrowserSession({ browserPath: this.options.browserPath, timeout: this.options.timeoutMs, log: this.options.log, onBlocked: (url) => this.refused.add(url) }),
      )
      // Whoever awaits it sees a failure; this keeps an unawaited start from crashing the process.
      this.session.catch(() => undefined)
    }
    return this.session
  }

  /** Whether a browser was asked for (so a timeout knows whether there is one to replace). */
  get browserStarted(): boolean {
    return this.session !== undefined
  }

  /** Kills the browser (after a hung render); the next request starts a new one. */
  async resetBrowser(): Promise<void> {
    const closing = this.session
    this.session = undefined
    await closing?.then((s) => s.close(), () => undefined)
  }

  /** Loads the template renderer in the sandbox now, so that work overlaps validation. */
  warmTemplates(): void {
    this.sandbox.warm(sandboxModule(THEME_RENDER))
  }

  /** Renders a Handlebars theme in the sandbox, within the build's timeout. */
  async renderTemplate(theme: Theme, context: TemplateContext, what: string): Promise<string> {
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
    this.disposed = true
    await Promise.all([this.resetBrowser(), this.sandbox.dispose()])
    this.themes.clear()
    this.inline.clear()
    this.dateFormatters.clear()
  }
}
