import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { DEFAULT_THEME, DEFAULT_TIMEOUT_MS, plan, prepareTarget } from '../core/build.js'
import { parseMargins } from '../core/page.js'
import type { TailorFlags } from '../core/plan.js'
import { VitaeError, isVitaeError, type Diagnostic } from '../diagnostics/diagnostic.js'
import { rendererFactory } from '../renderers/registry.js'
import type { PageSize, Renderer } from '../renderers/renderer.js'
import { findTheme } from '../themes/theme.js'
import { FreshTheme } from './fresh-theme.js'

/** One rebuild's outcome: the document (and its PDF), or why there is none. */
export type DevResult =
  | { ok: true; html: string; pdf?: Uint8Array; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; sources: Map<string, string> }

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
  page?: PageSize
  margins?: string
  strict?: boolean
  /** Milliseconds a render may take. */
  timeout?: number
  browserPath?: string
  /** At most one variant: dev shows one document. */
  tailor?: TailorFlags
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
 * The first implementation, on today's library API (core/build.ts: plan and prepareTarget; the
 * PDF renderer from the registry, made once so its Chrome stays warm). The pipeline refactor
 * re-implements this function on its build-scoped services; nothing else in src/dev changes.
 */
export function createDevRebuilder(file: string, options: DevOptions = {}): DevRebuilder {
  const log = options.log ?? (() => undefined)
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS
  const themes = new FreshTheme()
  const resumeDir = dirname(resolve(file))
  let themeDir: string | undefined
  let pdf: Promise<Renderer> | undefined
  // One tab prints: a rebuild that supersedes another waits for its print to finish.
  let printing: Promise<unknown> = Promise.resolve()

  const renderer = (): Promise<Renderer> =>
    (pdf ??= rendererFactory('pdf').then((make) => make({ browserPath: options.browserPath, timeout, log })))

  async function dropRenderer(): Promise<void> {
    const made = pdf
    pdf = undefined
    if (made) await (await made.catch(() => undefined))?.dispose?.()
  }

  async function rebuild(signal: AbortSignal): Promise<DevResult> {
    try {
      if (options.margins !== undefined) parseMargins(options.margins)
      const p = await plan(file, options.tailor, { strict: options.strict })
      check(signal)
      const target = p.targets[0]!
      const name = options.theme ?? target.variant?.def.theme ?? p.resume.meta?.theme ?? DEFAULT_THEME
      themeDir = findTheme(name, p.resumeDir)
      const themePath = themes.pathFor(themeDir)
      const { ctx } = await prepareTarget(p, target, { theme: themePath === themeDir ? options.theme : themePath, page: options.page, margins: options.margins })
      const html = await ctx.html()
      check(signal)
      const warnings = p.diagnostics.filter((d) => d.severity === 'warning')
      if (!options.pdf) return { ok: true, html, warnings }
      const job = printing.then(async () => {
        check(signal)
        return (await renderer()).render({ ...ctx, timeout, log })
      })
      printing = job.catch(() => undefined)
      const artifact = await job
      check(signal)
      return { ok: true, html, pdf: artifact.bytes, warnings }
    } catch (error) {
      if (error instanceof AbortError || signal.aborted) throw new AbortError()
      if (!isVitaeError(error)) throw error
      // A browser that died or hung is not worth keeping for the hours a dev session runs: the
      // next rebuild starts a fresh one.
      if (error.kind === 'render' && pdf) await dropRenderer()
      return failure(error)
    }
  }

  function failure(error: VitaeError): DevResult {
    const diagnostics = error.diagnostics.map((d) => (d.file ? { ...d, file: themes.realPath(d.file) } : d))
    const sources = new Map<string, string>()
    for (const d of diagnostics) {
      if (!d.file || d.line === undefined || sources.has(d.file)) continue
      try {
        const text = readFileSync(d.file, 'utf8')
        if (!text.includes('\u0000')) sources.set(d.file, text)
      } catch {
        // No code frame for a file we cannot read; the position still stands.
      }
    }
    return { ok: false, diagnostics, sources }
  }

  return {
    rebuild,
    watchPaths: () => [resolve(file), join(resumeDir, 'variants'), ...(themeDir ? [themeDir] : [])],
    async dispose() {
      themes.dispose()
      await dropRenderer()
    },
  }
}
