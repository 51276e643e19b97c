import { unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { isAlive } from './process-alive.js'
import { removeFilesWhere } from './remove-files.js'

/**
 * Temporary files of atomic writes: named so that a later build can tell whose they were, and
 * removed when the process exits in the middle of writing one (Ctrl-C, SIGTERM: the CLI's signal
 * handler calls process.exit, which runs 'exit' listeners synchronously). The set is process-wide
 * on purpose: so is the exit it guards against.
 */
const inFlight = new Set<string>()
let hooked = false

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/

/**
 * `.resume.pdf.<pid>.<hex>.tmp` beside `target`. The hex only keeps two writes of one process
 * apart, so Math.random does: node:crypto would cost every build about 2.5 ms to load.
 */
export function tempPathFor(target: string): string {
  const hex = Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0')
  return join(dirname(target), `.${basename(target)}.${process.pid}.${hex}.tmp`)
}

/** Removes `path` if the process exits before the returned function is called. */
export function trackTemp(path: string): () => void {
  if (!hooked) {
    hooked = true
    process.on('exit', removeInFlight)
  }
  inFlight.add(path)
  return () => {
    inFlight.delete(path)
  }
}

function removeInFlight(): void {
  for (const path of inFlight) {
    try {
      unlinkSync(path)
    } catch {
      // Renamed into place already, or never created.
    }
  }
  inFlight.clear()
}

/**
 * Removes temporary files of our naming in `dir` whose process is gone: left by a build killed
 * outright (SIGKILL, a power cut), which no exit hook could clean up.
 */
export function sweepStaleTemps(dir: string): void {
  removeFilesWhere(dir, (name) => {
    const pid = Number(TEMP_NAME.exec(name)?.[2])
    return Boolean(pid) && pid !== process.pid && !isAlive(pid)
  })
}
