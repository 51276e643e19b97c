import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { PACKAGE_ROOT } from '../core/schema.js'
import { readPackageJson } from './package-entry.js'

export type ThemeKind = 'built-in' | 'local' | 'vitae package' | 'JSON Resume package'

export interface ThemeListing {
  /** What to give --theme or meta.theme. */
  name: string
  kind: ThemeKind
  version?: string
  description?: string
  /** Where it is. */
  dir: string
}

const THEME_PACKAGE = /^(vitae-theme-|jsonresume-theme-)/

function manifestOf(dir: string): { name?: string; version?: string; description?: string } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'theme.json'), 'utf8')) as { name?: string; version?: string; description?: string }
  } catch {
    return undefined
  }
}

/** node_modules folders from `dir` up to the root, as Node walks them, then vitae's own. */
function moduleFolders(dir: string): string[] {
  const out: string[] = []
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (!at.endsWith('node_modules')) out.push(join(at, 'node_modules'))
    if (dirname(at) === at) break
  }
  out.push(join(PACKAGE_ROOT, 'node_modules'))
  return out.filter((d, i) => existsSync(d) && out.indexOf(d) === i)
}

/**
 * The themes a resume in `resumeDir` can name: vitae's own, its own `templates/NAME` folders,
 * and the theme packages installed where Node would find them (`vitae-theme-*`,
 * `jsonresume-theme-*`, and scoped packages that hold a theme.json or are named like themes).
 * The first found of a name wins, as in resolution.
 */
export function listThemes(resumeDir: string): ThemeListing[] {
  const found = new Map<string, ThemeListing>()
  const add = (t: ThemeListing) => {
    if (!found.has(t.name)) found.set(t.name, t)
  }
  for (const [base, kind] of [
    [join(resolve(resumeDir), 'templates'), 'local'],
    [join(PACKAGE_ROOT, 'templates'), 'built-in'],
  ] as const) {
    if (!existsSync(base)) continue
    for (const name of readdirSync(base).sort()) {
      const m = manifestOf(join(base, name))
      if (m) add({ name, kind, version: m.version, description: m.description, dir: join(base, name) })
    }
  }
  for (const folder of moduleFolders(resumeDir)) {
    const entries: string[] = []
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('@')) {
        for (const inner of safeList(join(folder, name))) entries.push(`${name}/${inner}`)
      } else entries.push(name)
    }
    for (const pkgName of entries) {
      const scoped = pkgName.startsWith('@')
      const bare = scoped ? pkgName.slice(pkgName.indexOf('/') + 1) : pkgName
      if (!THEME_PACKAGE.test(bare)) continue
      let dir = join(folder, pkgName)
      try {
        dir = realpathSync(dir)
      } catch {
        continue
      }
      const pkg = readPackageJson(dir)
      if (!pkg) continue
      const vitae = existsSync(join(dir, 'theme.json'))
      // The short name resolves back to this package unless it is scoped.
      const name = scoped ? pkgName : bare.replace(THEME_PACKAGE, '')
      add({
        name,
        kind: vitae ? 'vitae package' : 'JSON Resume package',
        version: pkg.version,
        description: pkg.description ?? (vitae ? manifestOf(dir)?.description : undefined),
        dir,
      })
    }
  }
  return [...found.values()]
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort()
  } catch {
    return []
  }
}
