import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'

/**
 * WORKAROUND, to go with the pipeline refactor: src/themes/theme.ts caches each theme per process,
 * keyed by its folder path, with no way to drop an entry. So a dev process would never see a theme
 * edit. When the theme's files change (a fingerprint of their paths, sizes and times), the next
 * build names it by a fresh symlink to the same folder: a new key, so a fresh read. Each theme
 * edit leaves one stale cache entry behind (not each resume edit); `dispose` removes the links.
 */
export class FreshTheme {
  private links: string | undefined
  private generation = 0
  private readonly fingerprints = new Map<string, string>()
  /** Link path -> real folder, to put real paths back into diagnostics. */
  private readonly real = new Map<string, string>()
  /** Real folder -> the name to load it by now. */
  private readonly current = new Map<string, string>()

  /** The path to load the theme in `dir` by: `dir` itself until its files change. */
  pathFor(dir: string): string {
    const print = fingerprint(dir)
    const before = this.fingerprints.get(dir)
    this.fingerprints.set(dir, print)
    if (before === undefined || before === print) return this.current.get(dir) ?? dir
    this.links ??= mkdtempSync(join(tmpdir(), `vitae-dev-themes-${process.pid}-`))
    const link = join(this.links, String(++this.generation))
    symlinkSync(dir, link, process.platform === 'win32' ? 'junction' : 'dir')
    const previous = this.current.get(dir)
    if (previous && previous !== dir) rmSync(previous, { force: true })
    this.current.set(dir, link)
    this.real.set(link, dir)
    return link
  }

  /** A path under one of our links, as the real path the user knows. */
  realPath(path: string): string {
    for (const [link, dir] of this.real) {
      if (path === link || path.startsWith(link + sep)) return join(dir, relative(link, path))
    }
    return path
  }

  dispose(): void {
    if (this.links) rmSync(this.links, { recursive: true, force: true })
    this.links = undefined
  }
}

/** Paths, sizes and modification times of every file under `dir`: cheap (a theme is a few dozen files). */
export function fingerprint(dir: string): string {
  const parts: string[] = []
  const walk = (d: string, depth: number) => {
    let names: string[]
    try {
      names = readdirSync(d).sort()
    } catch {
      return
    }
    for (const name of names) {
      const full = join(d, name)
      try {
        const st = statSync(full)
        if (st.isDirectory()) {
          if (depth < 8) walk(full, depth + 1)
        } else {
          parts.push(`${relative(dir, full)}\0${st.size}\0${st.mtimeMs}`)
        }
      } catch {
        // Gone between the listing and the stat: the next save will tell.
      }
    }
  }
  walk(dir, 0)
  return parts.join('\n')
}
