import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { importBuilt } from '../core/import-built.js'
import { PACKAGE_ROOT } from '../core/schema.js'
import type { Precompiled, Theme } from './types.js'

/** What the compiled code depends on: the sources, by name. A change anywhere means a new hash. */
export function sourceHash(theme: Pick<Theme, 'template' | 'partials'>): string {
  const hash = createHash('sha256').update(theme.template)
  for (const name of Object.keys(theme.partials).sort()) hash.update(`\0${name}\0${theme.partials[name]}`)
  return hash.digest('hex').slice(0, 32)
}

/** Where a compiled theme is, under lib/. */
const precompiledPath = (themeName: string): string => `precompiled/${themeName}.js`
export const precompiledFile = (themeName: string): string => join(PACKAGE_ROOT, 'lib', precompiledPath(themeName))

/**
 * The templates of a shipped theme, compiled when vitae was installed (scripts/precompile-themes.mjs),
 * if they still match its sources; a theme of the user's own, or an edited one, compiles at run time.
 */
export function loadPrecompiled(theme: Theme): Promise<Precompiled | undefined> {
  // Asked for by the build and by the compiler: hashed and imported once per loaded theme.
  theme.precompiled ??= findPrecompiled(theme)
  return theme.precompiled
}

async function findPrecompiled(theme: Theme): Promise<Precompiled | undefined> {
  if (dirname(resolve(theme.dir)) !== join(PACKAGE_ROOT, 'templates')) return undefined
  const name = theme.document === 'letter' ? `${theme.name}.letter` : theme.name
  if (!existsSync(precompiledFile(name))) return undefined
  const module = await importBuilt<Precompiled>(precompiledPath(name))
  return module.hash === sourceHash(theme) ? module : undefined
}
