import { existsSync, statSync } from 'node:fs'
import { dirname, resolve, sep } from 'node:path'

/** Editors write a file twice (truncate, then write; or a temporary file, then a rename): one rebuild. */
export const DEBOUNCE_MS = 30
/** How much longer a file found empty after a change is given to be written (see fire). */
const EMPTY_WAIT_MS = 100
/** Past chokidar's 50 ms throttle of change events for one file. */
const RECHECK_MS = 60

export interface Watcher {
  /** Watches these files and folders (folders with everything in them), replacing the previous set. */
  update(paths: readonly string[]): void
  close(): Promise<void>
}

/**
 * Calls `onChange` once per burst of changes under `paths` (a path may not exist yet: a folder
 * created later is picked up). Each path's parent folder is what is watched, filtered down to the
 * path, so an editor's save by rename, which replaces the file, is seen too.
 */
export async function watchPaths(initial: readonly string[], onChange: (paths: string[]) => void, debounceMs = DEBOUNCE_MS): Promise<Watcher> {
  const { watch } = await import('chokidar')
  let targets: string[] = []
  let timer: NodeJS.Timeout | undefined
  let changed = new Set<string>()

  const relevant = (path: string): boolean => targets.some((t) => path === t || path.startsWith(t + sep) || t.startsWith(path + sep))

  const watcher = watch([], {
    ignoreInitial: true,
    // chokidar would hold an unlink back 100 ms to see if an add follows (an editor's save by
    // rename); the debounce already folds the two into one rebuild, without the wait.
    atomic: false,
    // Only the targets, the folders that lead to them, and what is inside target folders.
    ignored: (path: string) => !relevant(resolve(path)),
  })
  // chokidar throttles on the leading edge: a second write to a file within 50 ms of the first
  // (an editor's truncate-then-write) raises no event of its own. So the files of each burst are
  // looked at again once that window has passed, and if they differ from what the rebuild read,
  // that is one more change.
  const read = new Map<string, string>()
  let recheck: NodeJS.Timeout | undefined
  const fire = (path: string, waited = false) => {
    changed.add(resolve(path))
    clearTimeout(timer)
    timer = setTimeout(() => {
      // A file found empty just after a change is most often an editor between truncating and
      // writing it (or a slow disk): looked at once more before a rebuild reports it empty.
      if (!waited && [...changed].some(isEmptyFile)) {
        timer = setTimeout(() => fire(path, true), EMPTY_WAIT_MS)
        return
      }
      const paths = [...changed]
      changed = new Set()
      for (const p of paths) read.set(p, statKey(p))
      clearTimeout(recheck)
      recheck = setTimeout(() => {
        // A file with an event waiting in the debounce is rebuilt anyway.
        const stale = [...read].filter(([p, key]) => !changed.has(p) && statKey(p) !== key).map(([p]) => p)
        read.clear()
        for (const p of stale) fire(p)
      }, RECHECK_MS)
      onChange(paths)
    }, debounceMs)
  }
  // Not addDir: a folder appears with its files, or empty (nothing to build yet).
  for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) watcher.on(event, (path: string) => fire(path))
  // A folder we cannot read is no reason to stop previewing.
  watcher.on('error', () => undefined)

  const roots = (paths: string[]): string[] => {
    const set = new Set<string>()
    for (const p of paths) set.add(isDir(p) ? p : dirname(p))
    return [...set]
  }
  let watched: string[] = []
  const update = (paths: readonly string[]) => {
    const next = [...new Set(paths.map((p) => resolve(p)))].sort()
    if (next.join('\0') === targets.join('\0')) return
    targets = next
    const nextRoots = roots(next)
    const gone = watched.filter((r) => !nextRoots.includes(r))
    const added = nextRoots.filter((r) => !watched.includes(r))
    if (gone.length) watcher.unwatch(gone)
    if (added.length) watcher.add(added)
    watched = nextRoots
  }
  update(initial)
  await new Promise<void>((ready) => watcher.once('ready', () => ready()))
  return {
    update,
    async close() {
      clearTimeout(timer)
      clearTimeout(recheck)
      await watcher.close()
    },
  }
}

/** What a rebuild would have read: a save changes the time, the size, or (saved by rename) the inode. */
function statKey(path: string): string {
  try {
    const st = statSync(path)
    return `${st.mtimeMs}:${st.size}:${st.ino}`
  } catch {
    return 'missing'
  }
}

const isEmptyFile = (path: string): boolean => {
  try {
    const st = statSync(path)
    return st.isFile() && st.size === 0
  } catch {
    return false
  }
}

const isDir = (path: string): boolean => {
  try {
    return existsSync(path) && statSync(path).isDirectory()
  } catch {
    return false
  }
}
