import { readFileSync, writeSync } from 'node:fs'
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
  let color: boolean | undefined
  return {
    out: writerTo(1, () => process.stdout),
    err: writerTo(2, () => process.stderr),
    // Asked only when something is printed in colour: process.stderr loads the stream modules.
    get color() {
      color ??= Boolean(process.stderr.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
      return color
    },
    debug,
  }
}

/**
 * A line to a file descriptor, written at once. process.stdout and process.stderr are made on first
 * use, and making one for a pipe loads Node's stream and net modules, about 4 ms of a command that
 * prints one line; a direct write needs none of that. A descriptor that would block (a non-blocking
 * pipe that is full), or fails otherwise, gets the rest through the stream, in order. A reader that
 * stops early (`resume --help | head`) closes the pipe: that is the reader's choice, not a crash.
 */
function writerTo(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let viaStream = false
  const onStreamError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_CODES.ok)
    throw error
  }
  return (text) => {
    const bytes = Buffer.from(`${text}\n`)
    let done = 0
    if (!viaStream) {
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done)
        return
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EPIPE') process.exit(EXIT_CODES.ok)
        // EAGAIN, or anything odd (a closed descriptor): the stream does what Node does with it.
        viaStream = true
        stream().on('error', onStreamError)
      }
    }
    stream().write(bytes.subarray(done))
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
