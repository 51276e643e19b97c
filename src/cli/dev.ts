import { basename } from 'node:path'
import { startDevSession } from '../dev/dev-session.js'
import { holdDevHeap } from '../dev/heap.js'
import { createDevRebuilder } from '../dev/rebuilder.js'
import { isLoopback } from '../dev/server.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { summarize } from '../diagnostics/format.js'
import type { PageSize } from '../page/geometry.js'
import { EXIT_CODES, SIGNAL_EXIT_CODES } from './exit-codes.js'
import { formatMs, type Io, printDiagnostics } from './io.js'
import { type BuildFlags, buildOptions } from './options.js'

export interface DevFlags extends Omit<BuildFlags, 'format'> {
  format?: 'html' | 'pdf'
  port?: number
  host?: string
  page?: PageSize
}

const SIGNAL_CODES = { SIGINT: SIGNAL_EXIT_CODES.SIGINT, SIGTERM: SIGNAL_EXIT_CODES.SIGTERM } as const

/**
 * `resume dev`: serves the resume and rebuilds it on every save until Ctrl-C. Exits 0 when stopped
 * between builds, and 130 (143 for SIGTERM) only when the signal interrupts a build.
 */
export async function runDev(file: string, flags: DevFlags, io: Io): Promise<number> {
  if (flags.allVariants || (flags.variant?.length ?? 0) > 1) {
    throw new VitaeError('usage', [
      { code: 'BAD_FLAG', severity: 'error', message: 'resume dev shows one document: give at most one --variant', hint: 'run one resume dev per variant, each on its own --port' },
    ])
  }
  // The one mapping from flags to options, as build uses: a bad --margin is a usage error now,
  // not a problem shown on every rebuild.
  const { theme, page, strict, fit, timeoutMs, browserPath, tailor } = buildOptions(file, { ...flags, format: flags.format })
  const collect = holdDevHeap()
  const pdf = flags.format === 'pdf'
  const log = flags.verbose ? (m: string) => io.err(m) : undefined
  const rebuilder = createDevRebuilder(file, { pdf, theme, page, strict, fit, timeoutMs, browserPath, tailor, log })
  // Listening before anything starts: a Ctrl-C that came between the URL and the handler would
  // kill the process outright, and a browser with it half-started.
  const stopper = stopOnSignal()
  const time = () => new Date().toLocaleTimeString()
  let session: Awaited<ReturnType<typeof startDevSession>>
  try {
    session = await startDevSession({
      rebuilder,
      host: flags.host ?? '127.0.0.1',
      port: flags.port ?? 0,
      title: basename(file),
      pdf,
      log: flags.verbose ? (m) => io.err(m) : undefined,
      reporter: {
        rebuilt: (ms, warnings) => {
          printDiagnostics(io, warnings)
          io.out(`${time()} rebuilt in ${formatMs(ms)}${warnings.length ? ` (${summarize(warnings)})` : ''}`)
          collect()
        },
        failed: (diagnostics, sources) => {
          printDiagnostics(io, diagnostics, sources)
          io.err(`${time()} ${summarize(diagnostics)}; the page keeps the last good version`)
        },
        crashed: (error) => {
          const err = error instanceof Error ? error : new Error(String(error))
          io.err(`internal error: ${err.message}`)
          if (io.debug) io.err(err.stack ?? '')
        },
      },
    })
  } catch (error) {
    stopper.cancel()
    await rebuilder.dispose()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new VitaeError('usage', [
        {
          code: 'BAD_FLAG',
          severity: 'error',
          message: `cannot listen on ${flags.host ?? '127.0.0.1'}:${flags.port ?? 0} (${code})`,
          hint: 'choose another --port, or leave it out for a free one',
        },
      ])
    }
    throw error
  }
  io.out(`resume dev: serving ${session.url}  (Ctrl-C to stop)`)
  const host = flags.host ?? '127.0.0.1'
  if (!isLoopback(host)) {
    io.err(
      `warning: --host ${host} serves beyond this machine: anyone who can reach ${session.url} (your network, or further) sees your resume ` +
        `as you edit it (the preview, its HTML${pdf ? ' and PDF' : ''}, live updates), under any host name. Nothing else is served, and nothing can be changed. ` +
        'Leave --host out (127.0.0.1) to keep it to this machine.',
    )
  }
  return stopper.wait(session)
}

type StopSignal = keyof typeof SIGNAL_CODES

/**
 * Ctrl-C and SIGTERM, from the moment it is called; `wait` closes the session (server, watcher,
 * browser) on the first one and resolves the exit code. A signal before `wait` is kept for it.
 */
function stopOnSignal(): { wait(session: { busy: boolean; close(): Promise<void> }): Promise<number>; cancel(): void } {
  let early: StopSignal | undefined
  let handler: ((signal: StopSignal) => void) | undefined
  const listener = (signal: StopSignal) => (handler ? handler(signal) : (early ??= signal))
  process.on('SIGINT', listener)
  process.on('SIGTERM', listener)
  const cancel = () => {
    process.off('SIGINT', listener)
    process.off('SIGTERM', listener)
  }
  const wait = (session: { busy: boolean; close(): Promise<void> }) =>
    new Promise<number>((resolve) => {
      let code: number | undefined
      // The CLI's signal handler stands aside while this one listens (src/cli/signals.ts); should
      // anything else end the process, the code chosen here is the one that stands.
      const keepCode = () => {
        if (code !== undefined) process.exitCode = code
      }
      handler = (signal) => {
        // A second Ctrl-C: do not wait for anything.
        if (code !== undefined) process.exit(code)
        code = session.busy ? SIGNAL_CODES[signal] : EXIT_CODES.ok
        process.on('exit', keepCode)
        const done = () => {
          cancel()
          resolve(code!)
        }
        session.close().then(done, done)
      }
      if (early) handler(early)
    })
  return { wait, cancel }
}
