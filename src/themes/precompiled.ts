import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { importBuilt } from '../core/import-built.js'
import { PACKAGE_ROOT } from '../core/schema.js'
import type { Precompiled, Theme } from './types.js'

/**
 * What the compiled code depends on: the sources, by name. A change anywhere means a new hash.
 *
 * FNV-1a in two 32-bit lanes, not node:crypto: it tells an edited shipped theme from the one that
 * was compiled (nobody forges a template against themselves), and loading node:crypto for it cost
 * an HTML build about 2.5 ms of its 60.
 */
export function sourceHash(theme: Pick<Theme, 'template' | 'partials'>): string {
  let text = theme.template
  for (const name of Object.keys(theme.partials).sort()) text += `\0${name}\0${theme.partials[name]}`
  let a = 0x811c9dc5
  let b = 0x050c5d1f
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15)
  }
  return `${text.length.toString(16)}-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
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
