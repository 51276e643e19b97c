import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { PACKAGE_ROOT } from '../core/schema.js'
import { shippedThemes } from '../core/shipped-themes.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { type Length, type Margins, type PageSize, parseLength } from '../page/geometry.js'
import { findPackage, readPackageJson } from './package-entry.js'
import { loadManifest, loadTheme } from './theme.js'
import type { JsonResumeThemeInfo, PdfRenderOptions, Theme, ThemeCache, ThemeManifest } from './types.js'

const MANIFEST = 'theme.json'
/** The theme a JSON Resume theme's Word file borrows, and what a missing theme named in the file falls back to. */
export const FALLBACK_THEME = 'classic'

/** Where a theme name led: a vitae theme folder (maybe inside a package), or a JSON Resume theme package. */
export type ThemeLocation =
  | { kind: 'vitae'; dir: string; origin: 'path' | 'local' | 'built-in' | 'package'; packageName?: string }
  | { kind: 'jsonresume'; dir: string; packageName: string; version?: string }

const isPath = (name: string): boolean => name.startsWith('.') || name.startsWith('/') || name.includes('\\') || (name.includes('/') && !name.startsWith('@'))

/** The npm packages a theme name may be, in the order they are tried. */
export function packageNames(name: string): string[] {
  const names: string[] = []
  if (!name.startsWith('@') && !/^(vitae|jsonresume)-theme-/.test(name)) names.push(`vitae-theme-${name}`)
  if (/^(vitae-theme-|jsonresume-theme-|@[^/]+\/)/.test(name)) names.push(name)
  if (!name.startsWith('@') && !/^(vitae|jsonresume)-theme-/.test(name)) names.push(`jsonresume-theme-${name}`)
  return names
}

/** What to install for a theme that is not there. */
export const installHint = (name: string): string => {
  const pkg = name.startsWith('@') || /^(vitae|jsonresume)-theme-/.test(name) ? name : `jsonresume-theme-${name}`
  return `npm install ${pkg}`
}

/**
 * Finds a theme: a folder path; `templates/NAME` beside the resume; vitae's own `templates/NAME`;
 * then an installed package, looked up from the resume's folder as Node looks up modules:
 * `vitae-theme-NAME`, NAME itself when it is already a theme package name or scoped, then
 * `jsonresume-theme-NAME`. A package with a theme.json is a vitae theme; one without is a JSON
 * Resume theme. Undefined when nothing is found.
 */
export function locateTheme(name: string, resumeDir: string): ThemeLocation | undefined {
  if (isPath(name)) {
    const dir = resolve(resumeDir, name)
    if (existsSync(join(dir, MANIFEST))) return { kind: 'vitae', dir, origin: 'path' }
    const pkg = readPackageJson(dir)
    return pkg ? { kind: 'jsonresume', dir, packageName: pkg.name ?? name, version: pkg.version } : undefined
  }
  if (!name.includes('/')) {
    for (const [dir, origin] of [
      [join(resumeDir, 'templates', name), 'local'],
      [join(PACKAGE_ROOT, 'templates', name), 'built-in'],
    ] as const) {
      if (existsSync(join(dir, MANIFEST))) return { kind: 'vitae', dir, origin }
    }
  }
  for (const packageName of packageNames(name)) {
    const dir = findPackage(packageName, resumeDir)
    if (!dir) continue
    if (existsSync(join(dir, MANIFEST))) return { kind: 'vitae', dir, origin: 'package', packageName }
    return { kind: 'jsonresume', dir, packageName, version: readPackageJson(dir)?.version }
  }
  return undefined
}

export function themeNotFound(name: string, resumeDir: string): VitaeError {
  const looked = isPath(name)
    ? relative(process.cwd(), resolve(resumeDir, name)) || '.'
    : `templates/${name} beside the resume, vitae's own themes, and the packages ${packageNames(name).join(', ')} from ${relative(process.cwd(), resumeDir) || '.'}`
  return new VitaeError('theme', [
    {
      code: 'THEME',
      severity: 'error',
      message: `no theme named ${name}`,
      hint: `looked in ${looked}; vitae ships: ${shippedThemes().join(', ')}; install one with ${installHint(name)}, or run resume themes to see what is installed`,
    },
  ])
}

/** Reads a JSON Resume theme package's pdfRenderOptions: by loading its module, so only where a deadline can stop it. */
export type PdfOptionsReader = (packageDir: string, packageName: string) => Promise<PdfRenderOptions | undefined>

/**
 * Loads what `locateTheme` found; a JSON Resume theme comes as classic (its Word look) carrying
 * the package, and its page from `pdfRenderOptions`, read by `readPdfOptions` (the build's sandbox).
 */
export async function loadLocated(location: ThemeLocation, cache: ThemeCache | undefined, readPdfOptions: PdfOptionsReader): Promise<Theme> {
  if (location.kind === 'vitae') return loadTheme(location.dir, cache)
  const key = `jsonresume:${location.dir}`
  let hit = cache?.get(key)
  if (!hit) {
    hit = wrapJsonResume(location, cache, readPdfOptions)
    cache?.set(key, hit)
  }
  return hit
}

/**
 * The manifest of what `locateTheme` found, without loading the theme: a JSON Resume theme's is
 * classic's (its Word look), as loadLocated gives it, and its package is not run.
 */
export function locatedManifest(location: ThemeLocation, cache?: Map<string, ThemeManifest>): ThemeManifest {
  if (location.kind === 'vitae') return loadManifest(location.dir, cache)
  return jsonResumeManifest(loadManifest(join(PACKAGE_ROOT, 'templates', FALLBACK_THEME), cache), location.packageName)
}

// Options and photos are vitae features: a JSON Resume theme takes neither.
const jsonResumeManifest = (base: ThemeManifest, packageName: string): ThemeManifest => ({ ...base, name: packageName, options: undefined, photo: undefined })

async function wrapJsonResume(location: Extract<ThemeLocation, { kind: 'jsonresume' }>, cache: ThemeCache | undefined, readPdfOptions: PdfOptionsReader): Promise<Theme> {
  const base = await loadTheme(join(PACKAGE_ROOT, 'templates', FALLBACK_THEME), cache)
  const pdf = await readPdfOptions(location.dir, location.packageName)
  const jsonResume: JsonResumeThemeInfo = { packageName: location.packageName, version: location.version, dir: location.dir, pdf }
  return { ...base, name: location.packageName, manifest: jsonResumeManifest(base.manifest, location.packageName), compiled: undefined, page: pdfPage(pdf), jsonResume }
}

/**
 * The page a JSON Resume theme asks for in `pdfRenderOptions`. Without margins there are none,
 * as with Puppeteer (and resumed): these themes pad their own pages.
 */
function pdfPage(pdf: PdfRenderOptions | undefined): { size?: PageSize; margins: Partial<Margins> } {
  const format = pdf?.format?.toLowerCase()
  const size: PageSize | undefined = format === 'a4' || format === 'letter' ? format : undefined
  const zero: Length = { value: 0, unit: 'in' }
  const margins: Margins = { top: zero, right: zero, bottom: zero, left: zero }
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    const raw = pdf?.margin?.[side]
    const length = typeof raw === 'number' ? ({ value: raw, unit: 'px' } as Length) : typeof raw === 'string' ? parseLength(raw.replace(/\s+/g, '')) : undefined
    if (length) margins[side] = length
  }
  return { size, margins }
}
