import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { type Diagnostic, isVitaeError, type VitaeError } from '../diagnostics/diagnostic.js'
import type { Margins, PageSize } from '../page/geometry.js'
import { DEFAULT_TIMEOUT_MS, type TailorOptions } from '../pipeline/options.js'
import { plan } from '../pipeline/plan.js'
import { prepareTarget } from '../pipeline/prepare.js'
import { BrowserHolder, BuildServices } from '../pipeline/services.js'
import { loadRenderer } from '../renderers/registry.js'

/** One rebuild's outcome: the document (and its PDF), or why there is none. */
export type DevResult = { ok: true; html: string; pdf?: Uint8Array; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[]; sources: Map<string, string> }

/**
 * What `resume dev` needs from the build, and nothing more: the server, the watcher and the
 * terminal output never see the pipeline. `rebuild` reads everything afresh; when `signal` aborts,
 * it may stop early and reject with an AbortError (its result is discarded either way).
 */
export interface DevRebuilder {
  rebuild(signal: AbortSignal): Promise<DevResult>
  /** Files and folders whose change calls for a rebuild; may change after each rebuild (a new theme). */
  watchPaths(): string[]
  /** Closes what lives across rebuilds (the browser). */
  dispose(): Promise<void>
}

export interface DevOptions {
  /** Also print the PDF, in one browser kept warm across rebuilds. */
  pdf?: boolean
  theme?: string
  page?: { size?: PageSize; margins?: Margins }
  strict?: boolean
  /** Milliseconds a render may take. */
  timeout?: number
  browserPath?: string
  /** At most one variant: dev shows one document. */
  tailor?: TailorOptions
  log?(message: string): void
}

export class AbortError extends Error {
  override name = 'AbortError'
  constructor() {
    super('superseded')
  }
}

const check = (signal: AbortSignal): void => {
  if (signal.aborted) throw new AbortError()
}

/**
 * Each rebuild is a build of its own (fresh services: themes, Markdown, fonts read anew, so an
 * edited theme shows); the browser is the one thing kept across rebuilds, so the PDF reprints
 * in a warm Chrome.
 */
export function createDevRebuilder(file: string, options: DevOptions = {}): DevRebuilder {
  const log = options.log ?? (() => undefined)
  const timeoutMs = options.timeout ?? DEFAULT_TIMEOUT_MS
  const browser = new BrowserHolder({ browserPath: options.browserPath, timeoutMs, log })
  const resumeDir = dirname(resolve(file))
  let themeDir: string | undefined
  // One tab prints: a rebuild that supersedes another waits for its print to finish.
  let printing: Promise<unknown> = Promise.resolve()

  async function rebuild(signal: AbortSignal): Promise<DevResult> {
    const services = new BuildServices({ browserPath: options.browserPath, timeoutMs, log, browser })
    // Superseded or stopped (Ctrl-C): theme code looping in the sandbox stops now, not at its deadline, and none starts.
    signal.addEventListener('abort', () => void services.sandbox.dispose(), { once: true })
    try {
      const p = await plan(file, options.tailor, { strict: options.strict })
      check(signal)
      const { document } = await prepareTarget(p, p.targets[0]!, { theme: options.theme, page: options.page }, services)
      document.warn = (d) => services.warn(d)
      themeDir = document.theme.dir
      const html = await document.html()
      check(signal)
      const warnings = p.diagnostics.filter((d) => d.severity === 'warning')
      if (!options.pdf) return { ok: true, html, warnings: [...warnings, ...services.warnings] }
      const job = printing.then(async () => {
        check(signal)
        return (await loadRenderer('pdf')).render({ ...document, timeout: timeoutMs, log })
      })
      printing = job.catch(() => undefined)
      const printed = await job
      check(signal)
      const artifact = Array.isArray(printed) ? printed[0]! : printed
      return { ok: true, html, pdf: artifact.bytes, warnings: [...warnings, ...services.warnings] }
    } catch (error) {
      if (error instanceof AbortError || signal.aborted) throw new AbortError()
      if (!isVitaeError(error)) throw error
      // A browser that died or hung is not worth keeping for the hours a dev session runs: the
      // next rebuild starts a fresh one.
      if (error.kind === 'render') await browser.reset()
      return failure(error)
    } finally {
      await services.dispose()
    }
  }

  function failure(error: VitaeError): DevResult {
    const sources = new Map<string, string>()
    for (const d of error.diagnostics) {
      if (!d.file || d.line === undefined || sources.has(d.file)) continue
      try {
        const text = readFileSync(d.file, 'utf8')
        if (!text.includes('\u0000')) sources.set(d.file, text)
      } catch {
        // No code frame for a file we cannot read; the position still stands.
      }
    }
    return { ok: false, diagnostics: error.diagnostics, sources }
  }

  return {
    rebuild,
    watchPaths: () => [resolve(file), join(resumeDir, 'variants'), ...(themeDir ? [themeDir] : [])],
    dispose: () => browser.close(),
  }
}
