import { readFileSync } from 'node:fs'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { formatDiagnostics, summarize } from '../diagnostics/format.js'
import { EXIT_CODES } from './exit-codes.js'
import { inFlagTerms } from './options.js'

/** The terminal, as the commands see it: two streams and whether they take colour. */
export interface Io {
  out(text: string): void
  err(text: string): void
  color: boolean
  debug: boolean
}

export function processIo(debug = false): Io {
  // A reader that stops early (`resume --help | head`) closes the pipe: that is the reader's choice,
  // not a crash with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(EXIT_CODES.ok)
      throw error
    })
  }
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color,
    debug,
  }
}

/** Prints diagnostics with code frames; reads each file's text for the frame if not given. */
export function printDiagnostics(io: Io, list: readonly Diagnostic[], sources = new Map<string, string>()): void {
  if (list.length === 0) return
  for (const d of list) {
    if (d.file && d.line !== undefined && !sources.has(d.file)) {
      try {
        const text = readFileSync(d.file, 'utf8')
        // A UTF-16 file read as UTF-8 is noise: no frame for it.
        if (!text.includes('\u0000')) sources.set(d.file, text)
      } catch {
        // No frame for a file we cannot read; the position still stands.
      }
    }
  }
  io.err(formatDiagnostics(list.map(inCliTerms), { sources, color: io.color }))
}

export { summarize }

export const formatBytes = (n: number): string => (n < 1000 ? `${n} B` : n < 1e6 ? `${(n / 1000).toFixed(1)} kB` : `${(n / 1e6).toFixed(2)} MB`)
export const formatMs = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`)

/** A diagnostic worded for the command line: options named by their flags (src/cli/options.ts). */
export const inCliTerms = inFlagTerms
