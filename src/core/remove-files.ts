import { readdirSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'

/** Removes the files in `dir` whose name `doomed` picks; a folder that cannot be read has none. */
export function removeFilesWhere(dir: string, doomed: (name: string) => boolean): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!doomed(name)) continue
    try {
      unlinkSync(join(dir, name))
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
