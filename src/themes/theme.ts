import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path'
import { containedPath } from '../core/contained.js'
import { PACKAGE_ROOT } from '../core/schema.js'
import { type Path, placeOf, type Source } from '../core/source.js'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import type { FontFaceFile } from '../fonts/faces.js'
import { isPageSize, type Length, type Margins, parseLength } from '../page/geometry.js'
import { checkManifestSchema } from './manifest-schema.js'
import { manifestSource } from './manifest-source.js'
import { isSharedStyle, readSharedStyle } from './shared-styles.js'
import type { FontFace, Theme, ThemeCache, ThemeManifest } from './types.js'

const MANIFEST = 'theme.json'

const themeError = (message: string, file?: string, hint?: string, place?: { line: number; column: number }): VitaeError =>
  new VitaeError('theme', [{ code: 'THEME', severity: 'error', message, file, hint, line: place?.line, column: place?.column }])

/**
 * Inside the theme folder, or refused: a theme cannot read the user's files. First by name, then
 * by where the name really leads (a symlinked partial or stylesheet is followed, and checked).
 * A file that does not exist passes: reading it reports that.
 */
function inside(dir: string, file: string, manifestFile: string): string {
  const full = resolve(dir, file)
  const rel = relative(dir, full)
  if (isAbsolute(file) || rel.startsWith('..')) throw themeError(`the theme refers to ${file}, outside its folder`, manifestFile)
  checkReal(dir, full)
  return full
}

function checkReal(dir: string, full: string): void {
  const found = containedPath(dir, full)
  if (!found.ok && found.reason === 'outside') {
    throw themeError(
      `the theme file ${relative(dir, full) || '.'} is a link to ${found.real}, outside the theme folder`,
      full,
      'a theme reads only files inside its own folder: copy the file into it instead of linking to it',
    )
  }
}

function readThemeFile(dir: string, file: string, manifestFile: string): Buffer {
  const full = inside(dir, file, manifestFile)
  try {
    return readFileSync(full)
  } catch {
    throw themeError(`the theme names ${file}, which cannot be read`, manifestFile)
  }
}

function checkManifest(value: unknown, file: string, sourceOf: () => Source | undefined): ThemeManifest {
  const problems: Diagnostic[] = []
  const m = value as Partial<ThemeManifest> | null
  const need = (ok: boolean, message: string, path: Path = []) => {
    if (ok) return
    const source = sourceOf()
    problems.push({ code: 'THEME', severity: 'error', message, file, ...(source ? placeOf(source, path) : {}) })
  }
  need(m !== null && typeof m === 'object', 'the manifest must be a JSON object')
  if (m && typeof m === 'object') {
    need(typeof m.name === 'string', 'the manifest needs a name')
    need(typeof m.template === 'string', 'the manifest needs a template (the main .hbs file)')
    need(
      m.sections === undefined || (Array.isArray(m.sections) && m.sections.every((s) => typeof s === 'string')),
      'sections must be a list of section names in their default order',
      ['sections'],
    )
    need(m.headings === undefined || (m.headings !== null && typeof m.headings === 'object'), 'headings must map section names to headings', ['headings'])
    need(m.styles === undefined || (Array.isArray(m.styles) && m.styles.every((s) => typeof s === 'string')), 'styles must be a list of CSS files')
    need(m.fonts === undefined || Array.isArray(m.fonts), 'fonts must be a list of font faces', ['fonts'])
    const page = m.page as { size?: unknown; margins?: Record<string, unknown> } | undefined
    if (page?.size !== undefined)
      need(isPageSize(page.size) || page.size === 'locale', `page.size must be letter, a4 or locale, not ${JSON.stringify(page.size)}`, ['page', 'size'])
    for (const [side, length] of Object.entries(page?.margins ?? {})) {
      const ok = ['top', 'right', 'bottom', 'left'].includes(side) && typeof length === 'string' && parseLength(length) !== undefined
      need(ok, `page.margins.${side} must be a length with a unit, like "0.5in", "12mm" or "36pt", not ${JSON.stringify(length)}`, ['page', 'margins', side])
    }
  }
  // The full schema (schema/theme.schema.json) for themes from outside; the shipped ones are checked by a test.
  if (!problems.length && dirname(dirname(file)) !== join(PACKAGE_ROOT, 'templates')) problems.push(...checkManifestSchema(value, file, sourceOf))
  if (problems.length) throw new VitaeError('theme', problems)
  return m as ThemeManifest
}

/** Loads a theme once per cache: every variant of a build shares it. */
export function loadTheme(dir: string, cache?: ThemeCache): Promise<Theme> {
  let hit = cache?.get(dir)
  if (!hit) {
    try {
      hit = Promise.resolve(readTheme(dir))
      cache?.set(dir, hit)
    } catch (error) {
      return Promise.reject(error)
    }
  }
  return hit
}

/**
 * A theme's manifest alone, checked as loadTheme checks it, once per cache: what tailoring needs (the
 * sections' order) without the templates, styles and fonts a render reads.
 */
export function loadManifest(dir: string, cache?: Map<string, ThemeManifest>): ThemeManifest {
  let manifest = cache?.get(dir)
  if (!manifest) {
    manifest = readManifest(dir)
    cache?.set(dir, manifest)
  }
  return manifest
}

// Reads are synchronous: a theme is a dozen small local files, and a thread-pool round trip per
// file cost more than the reads themselves on the path every build takes.
function readManifest(dir: string): ThemeManifest {
  const manifestFile = join(dir, MANIFEST)
  checkReal(dir, manifestFile)
  let raw: unknown
  let text: string
  try {
    text = readFileSync(manifestFile, 'utf8')
    raw = JSON.parse(text)
  } catch (error) {
    throw themeError(`cannot read the theme manifest: ${(error as Error).message}`, manifestFile)
  }
  // Positions cost a YAML parse of the manifest: made only when there is a problem to place.
  let located: Source | undefined | null = null
  const sourceOf = () => (located === null ? (located = manifestSource(text, manifestFile)) : located)
  return checkManifest(raw, manifestFile, sourceOf)
}

function readTheme(dir: string): Theme {
  const manifestFile = join(dir, MANIFEST)
  const manifest = readManifest(dir)
  const template = readThemeFile(dir, manifest.template, manifestFile).toString('utf8')
  const partials: Record<string, string> = {}
  if (manifest.partials) {
    const partialDir = inside(dir, manifest.partials, manifestFile)
    const names = (existsSync(partialDir) ? readdirSync(partialDir) : []).filter((f) => extname(f) === '.hbs').sort()
    for (const file of names) partials[basename(file, '.hbs')] = readThemeFile(dir, relative(dir, join(partialDir, file)), manifestFile).toString('utf8')
  }
  const faces = (manifest.fonts ?? []).flatMap((face) => fontFaces(dir, face, manifestFile))
  const styles = (manifest.styles ?? []).map((f) => (isSharedStyle(f) ? readSharedStyle(f, manifestFile) : readThemeFile(dir, f, manifestFile).toString('utf8')))
  const letter = manifest.letter
    ? {
        template: readThemeFile(dir, manifest.letter.template, manifestFile).toString('utf8'),
        css: (manifest.letter.styles ?? []).map((f) => (isSharedStyle(f) ? readSharedStyle(f, manifestFile) : readThemeFile(dir, f, manifestFile).toString('utf8'))).join('\n'),
      }
    : undefined
  const margins: Partial<Margins> = {}
  for (const [side, length] of Object.entries(manifest.page?.margins ?? {})) margins[side as keyof Margins] = parseLength(length as string) as Length
  return { name: manifest.name, dir, manifest, template, partials, css: styles.join('\n'), faces, page: { size: manifest.page?.size, margins }, ...(letter ? { letter } : {}) }
}

const FONT_TYPES = new Set(['.woff2', '.woff', '.ttf', '.otf'])

/** A manifest's font entry as faces, one per file, each checked to be inside the theme and readable. */
function fontFaces(dir: string, face: FontFace, manifestFile: string): FontFaceFile[] {
  return face.files.map((entry) => {
    const { file, unicodeRange } = typeof entry === 'string' ? { file: entry, unicodeRange: undefined } : entry
    if (!FONT_TYPES.has(extname(file))) throw themeError(`font ${file} must be .woff2, .woff, .ttf or .otf`, manifestFile)
    const full = inside(dir, file, manifestFile)
    if (!existsSync(full)) throw themeError(`the theme names ${file}, which cannot be read`, manifestFile)
    return { family: face.family, weight: face.weight, style: face.style, file: full, unicodeRange: unicodeRange ?? '' }
  })
}
