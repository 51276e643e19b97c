import { realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'

export type Containment =
  | { ok: true; real: string }
  /** `real` is where the path leads outside `root`; absent when the path does not exist. */
  | { ok: false; reason: 'outside'; real: string }
  | { ok: false; reason: 'missing' }

/**
 * Whether `path` (absolute, or relative to `root`) is inside `root` once every symlink on the way
 * is resolved, in both: a folder's file that is a link to /etc/passwd is outside it, whatever its
 * name says. The check a theme's files and a resume's photo pass before they are read.
 */
export function containedPath(root: string, path: string): Containment {
  let real: string
  let realRoot: string
  try {
    // The native realpath: one system call, where the JavaScript one lstat()s every component.
    realRoot = realpathSync.native(root)
    real = realpathSync.native(resolve(root, path))
  } catch {
    return { ok: false, reason: 'missing' }
  }
  const rel = relative(realRoot, real)
  const inside = rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
  return inside ? { ok: true, real } : { ok: false, reason: 'outside', real }
}
