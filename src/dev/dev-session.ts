import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { formatDiagnostics } from '../diagnostics/format.js'
import type { DevRebuilder } from './rebuilder.js'
import { RebuildScheduler } from './scheduler.js'
import { type DevState, startServer } from './server.js'
import { type Watcher, watchPaths } from './watch.js'

/** What a dev session tells the terminal; the CLI decides how it looks. */
export interface DevReporter {
  rebuilt(ms: number, warnings: Diagnostic[]): void
  failed(diagnostics: Diagnostic[], sources: Map<string, string>): void
  crashed(error: unknown): void
}

export interface DevSessionOptions {
  rebuilder: DevRebuilder
  host: string
  port: number
  /** Shown in the page's title bar: the resume's name. */
  title: string
  pdf: boolean
  reporter: DevReporter
  debounceMs?: number
  /** Verbose progress: which files changed. */
  log?(message: string): void
}

export interface DevSession {
  url: string
  /** A rebuild is running (Ctrl-C interrupts it). */
  readonly busy: boolean
  close(): Promise<void>
}

/**
 * Serves the document, rebuilds it on every save and tells the open pages. Knows the build only
 * through DevRebuilder: the last good document stays up while the file has problems.
 */
export async function startDevSession(o: DevSessionOptions): Promise<DevSession> {
  const server = await startServer({ host: o.host, port: o.port, title: o.title, pdf: o.pdf })
  let state: DevState = { version: 0, pdfVersion: 0, at: 0, ms: 0 }
  let watcher: Watcher | undefined

  const scheduler = new RebuildScheduler(
    o.rebuilder,
    ({ result, ms }) => {
      if (result.ok) {
        const version = state.version + 1
        const warnings = result.warnings.length ? formatDiagnostics(result.warnings) : undefined
        state = { version, html: result.html, pdf: result.pdf ?? state.pdf, pdfVersion: result.pdf ? version : state.pdfVersion, warnings, at: Date.now(), ms }
        o.reporter.rebuilt(ms, result.warnings)
      } else {
        state = { ...state, problems: formatDiagnostics(result.diagnostics, { sources: result.sources }), warnings: undefined }
        o.reporter.failed(result.diagnostics, result.sources)
      }
      server.publish(state)
      watcher?.update(o.rebuilder.watchPaths())
    },
    (error) => {
      const message = error instanceof Error ? error.message : String(error)
      state = { ...state, problems: `internal error: ${message}\nThis is a bug in vitae; the preview keeps the last good version.` }
      server.publish(state)
      o.reporter.crashed(error)
    },
  )

  try {
    watcher = await watchPaths(
      o.rebuilder.watchPaths(),
      (paths) => {
        o.log?.(`changed: ${paths.join(', ')}`)
        scheduler.request()
      },
      o.debounceMs,
    )
  } catch (error) {
    await server.close()
    throw error
  }
  scheduler.request()

  return {
    url: server.url,
    get busy() {
      return scheduler.busy
    },
    async close() {
      await Promise.allSettled([watcher?.close(), server.close()])
      // A print in flight can take a while; the browser is killed below anyway.
      await Promise.race([scheduler.close(), new Promise((r) => setTimeout(r, 1000).unref())])
      await o.rebuilder.dispose()
    },
  }
}
