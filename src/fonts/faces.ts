/**
 * Font faces as data: one face is one file for one family, weight and style, limited to a
 * unicode-range. Faces come from fontsource packages (`@fontsource/noto-sans-sc`, ...) whose
 * `unicode.json` lists every subset ("latin", "cyrillic", or numbered CJK chunks "[97]") and whose
 * files are named `<id>-<subset>-<weight>-<style>.woff2`.
 *
 * Contract: reading is synchronous and cached in a `FontStore` the caller creates (one per build);
 * nothing is cached at module level. Paths are absolute, resolved through Node's module resolution,
 * so they work from a checkout and from an installed package alike.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type CodePointRange, parseUnicodeRange } from './unicode-range.js'

export type FontStyle = 'normal' | 'italic'

/** One @font-face: a file for a family, weight and style, used only for its unicode-range. */
export interface FontFaceFile {
  family: string
  weight: number
  style: FontStyle
  /** Absolute path to a .woff2 (or .woff/.ttf/.otf for theme fonts). */
  file: string
  /** The CSS value; an empty string means the whole file, whatever it covers. */
  unicodeRange: string
  /** The fontsource subset it came from ("latin", "97"), for reports and tests. */
  subset?: string
}

/** What fontsource's metadata.json says, as much as we read. */
interface FontsourceMetadata {
  id: string
  family: string
  weights: number[]
  styles: FontStyle[]
}

export interface FontsourcePackage {
  family: string
  id: string
  weights: readonly number[]
  styles: readonly FontStyle[]
  /** Subset name (numbered chunks without brackets) to its unicode-range. */
  subsets: ReadonlyMap<string, string>
  filesDir: string
}

/** A per-build cache of package metadata and parsed ranges. */
export interface FontStore {
  package(name: string): FontsourcePackage
  /** Parsed ranges of a unicode-range string, parsed once per store. */
  ranges(unicodeRange: string): readonly CodePointRange[]
}

export interface FontStoreOptions {
  /** A file or folder to resolve `@fontsource/*` from; default: this module's own location. */
  resolveFrom?: string
}

export function createFontStore(options: FontStoreOptions = {}): FontStore {
  const from = options.resolveFrom ? join(options.resolveFrom, 'noop.js') : import.meta.url
  const packages = new Map<string, FontsourcePackage>()
  const parsed = new Map<string, readonly CodePointRange[]>()
  return {
    package(name) {
      let pkg = packages.get(name)
      if (!pkg) {
        pkg = readFontsourcePackage(name, from)
        packages.set(name, pkg)
      }
      return pkg
    },
    ranges(unicodeRange) {
      let r = parsed.get(unicodeRange)
      if (!r) {
        r = unicodeRange.trim() === '' ? [{ from: 0, to: 0x10ffff }] : parseUnicodeRange(unicodeRange)
        parsed.set(unicodeRange, r)
      }
      return r
    },
  }
}

/** Reads a fontsource package's metadata and subsets (throws if the package is not installed). */
export function readFontsourcePackage(name: string, resolveFrom: string = import.meta.url): FontsourcePackage {
  const metaPath = createRequire(resolveFrom).resolve(`${name}/metadata.json`)
  const dir = dirname(metaPath)
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as FontsourceMetadata
  const unicode = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>
  const subsets = new Map<string, string>()
  for (const [key, range] of Object.entries(unicode)) subsets.set(key.replace(/^\[(\d+)\]$/, '$1'), range)
  return { family: meta.family, id: meta.id, weights: meta.weights, styles: meta.styles, subsets, filesDir: join(dir, 'files') }
}

/**
 * The weight a browser's matching algorithm (CSS Fonts 4, §5.2) would pick from those available:
 * 400 and 500 look down first, heavier weights look up first, lighter ones look down first.
 */
export function nearestWeight(available: readonly number[], wanted: number): number {
  if (available.length === 0) throw new RangeError('no weights available')
  if (available.includes(wanted)) return wanted
  const up = [...available].filter((w) => w > wanted).sort((a, b) => a - b)
  const down = [...available].filter((w) => w < wanted).sort((a, b) => b - a)
  if (wanted >= 400 && wanted <= 500) {
    const within = up.filter((w) => w <= 500)
    return within[0] ?? down[0] ?? up[0]!
  }
  return wanted > 500 ? (up[0] ?? down[0]!) : (down[0] ?? up[0]!)
}

export interface FacesOptions {
  weights?: readonly number[]
  styles?: readonly FontStyle[]
  /** Which subsets to take, by name ("latin", "97"); all when left out. */
  subsets?: (name: string) => boolean
}

/**
 * The faces of a fontsource package for the wanted weights (each mapped to the nearest weight the
 * package has; duplicates dropped) and styles (italic falls back to normal where there is none,
 * and the browser slants it).
 */
export function fontsourceFaces(pkg: FontsourcePackage, options: FacesOptions = {}): FontFaceFile[] {
  const weights = [...new Set((options.weights ?? [400, 700]).map((w) => nearestWeight(pkg.weights, w)))]
  const styles = [...new Set((options.styles ?? ['normal']).map((s) => (pkg.styles.includes(s) ? s : 'normal')))]
  const faces: FontFaceFile[] = []
  for (const [subset, unicodeRange] of pkg.subsets) {
    if (options.subsets && !options.subsets(subset)) continue
    for (const weight of weights) {
      for (const style of styles) {
        faces.push({ family: pkg.family, weight, style, subset, unicodeRange, file: join(pkg.filesDir, `${pkg.id}-${subset}-${weight}-${style}.woff2`) })
      }
    }
  }
  return faces
}
