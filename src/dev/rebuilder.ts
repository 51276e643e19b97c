import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { type Diagnostic, isVitaeError, type VitaeError } from '../diagnostics/diagnostic.js'
import { fitDocument, fitLimit } from '../pipeline/fit.js'
import { type BuildOptions, DEFAULT_TIMEOUT_MS } from '../pipeline/options.js'
import { plan } from '../pipeline/plan.js'
import { prepareTarget } from '../pipeline/prepare.js'
import { renderContext, renderDocument } from '../pipeline/render-document.js'
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

/** The build's options that apply to a preview (`tailor` names at most one variant: dev shows one document). */
export type DevOptions = Pick<BuildOptions, 'theme' | 'page' | 'strict' | 'fit' | 'timeoutMs' | 'browserPath' | 'tailor' | 'log'> & {
  /** Also print the PDF, in one browser kept warm across rebuilds. */
  pdf?: boolean
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
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  // Each save replaces the document in the print tab: the tab collects what it no longer shows.
  const browser = new BrowserHolder({ browserPath: options.browserPath, timeoutMs, log, collect: true })
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
      // A letter, when one is previewed; else the resume.
      const target = p.targets.find((t) => t.letter) ?? p.targets[0]!
      let { document } = await prepareTarget(p, target, options, services)
      themeDir = document.theme.dir
      // The preview shows the page the build would print: fitted when the resume or --fit asks.
      const limit = fitLimit(options, target, document)
      if (limit !== undefined) ({ document } = await fitDocument(document, limit, { plan: p, target, options, services, log }))
      check(signal)
      // The build's own per-document render (src/pipeline/render-document.ts): the same context,
      // deadline and recovery as `resume build`, so a preview shows what a build would write.
      const ctx = renderContext(document, { ...options, timeoutMs, log }, services)
      const [page] = await renderDocument(await loadRenderer('html'), ctx, 'the preview', services)
      const html = Buffer.from(page!.bytes).toString('utf8')
      check(signal)
      const warnings = p.diagnostics.filter((d) => d.severity === 'warning')
      if (!options.pdf) return { ok: true, html, warnings: [...warnings, ...services.warnings] }
      const job = printing.then(async () => {
        check(signal)
        return renderDocument(await loadRenderer('pdf'), ctx, 'the preview PDF', services)
      })
      printing = job.catch(() => undefined)
      const [printed] = await job
      check(signal)
      return { ok: true, html, pdf: printed!.bytes, warnings: [...warnings, ...services.warnings] }
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
    watchPaths: () => [resolve(file), join(resumeDir, 'variants'), join(resumeDir, 'letters'), ...(themeDir ? [themeDir] : [])],
    dispose: () => browser.close(),
  }
}
