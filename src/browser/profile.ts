import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isAlive } from '../core/process-alive.js'

/** Prefix of the throwaway profile folders, so a test (or a person) can find stray browsers. */
export const PROFILE_PREFIX = 'vitae-chrome-'

/** Older than this and its owner gone: left by a CLI that was killed outright (SIGKILL, power cut). */
const STALE_MS = 10 * 60_000

/** A fresh Chrome profile folder, named after this process so a later build can tell it was left behind. */
export function createProfile(): string {
  return mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`))
}

export function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 })
  } catch {
    // A leftover temp folder is not worth failing a build over.
  }
}

/**
 * Removes profiles whose process is gone. The age test also protects a live build in another PID
 * namespace (a container sharing /tmp), where our view of its process id means nothing.
 */
export function sweepStaleProfiles(now = Date.now()): void {
  let names: string[]
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(PROFILE_PREFIX))
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(/^\D+(\d+)-/.exec(name)?.[1])
    if (!pid || pid === process.pid || isAlive(pid)) continue
    const dir = join(tmpdir(), name)
    try {
      if (now - statSync(dir).mtimeMs > STALE_MS) removeProfile(dir)
    } catch {
      // Gone already, or not ours to read.
    }
  }
}
