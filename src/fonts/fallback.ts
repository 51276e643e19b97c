/**
 * The fallback chain: which Noto families a document needs behind its theme's fonts, and which of
 * their unicode-range chunks to inline. A code point pulls a fallback only when the theme's faces
 * do not cover it; it goes to the first family in the locale's chain that serves its script and has
 * a chunk holding it (CJK chunks also hold ASCII, which must never pull them in).
 *
 * Contract: `fallbackFamiliesFor(locale, text, options)` is synchronous and pure apart from reading
 * fontsource metadata through the caller's `FontStore`. The returned families go, in order, into
 * the `--vitae-fallback-fonts` custom property; the faces become @font-face rules (see css.ts).
 * Code points nothing covers come back in `missing` so the caller can warn about tofu.
 */
import { createFontStore, type FontFaceFile, type FontStore, fontsourceFaces } from './faces.js'
import { ARABIC_RANGES, CJK_RANGES, cjkOrderFor, DEVANAGARI_RANGES, HEBREW_RANGES } from './scripts.js'
import { selectFaces } from './select.js'
import { type CodePointRange, codePointsOf, inRanges } from './unicode-range.js'

/** One family in a chain: the package it comes from, the subsets it may contribute, the scripts it serves. */
export interface ChainLink {
  family: string
  package: string
  subsets: (name: string) => boolean
  /** Code points this family may serve; undefined means every code point its subsets hold. */
  serves?: readonly CodePointRange[]
}

const numbered = (name: string): boolean => /^\d+$/.test(name)

const CJK_PACKAGES: Record<string, string> = {
  'Noto Sans SC': '@fontsource/noto-sans-sc',
  'Noto Sans TC': '@fontsource/noto-sans-tc',
  'Noto Sans JP': '@fontsource/noto-sans-jp',
  'Noto Sans KR': '@fontsource/noto-sans-kr',
}

/**
 * The chain for a locale: the four CJK families (the locale's own first; only their numbered
 * chunks, the Latin and Cyrillic subsets they also ship are left to Noto Sans), then Arabic,
 * Hebrew, Devanagari, and last Noto Sans for Greek, Cyrillic, Vietnamese and any Latin the theme
 * lacks.
 */
export function fallbackChain(locale: string): ChainLink[] {
  return [
    ...cjkOrderFor(locale).map((family) => ({ family, package: CJK_PACKAGES[family]!, subsets: numbered, serves: CJK_RANGES })),
    { family: 'Noto Sans Arabic', package: '@fontsource/noto-sans-arabic', subsets: (s) => s === 'arabic', serves: ARABIC_RANGES },
    { family: 'Noto Sans Hebrew', package: '@fontsource/noto-sans-hebrew', subsets: (s) => s === 'hebrew', serves: HEBREW_RANGES },
    { family: 'Noto Sans Devanagari', package: '@fontsource/noto-sans-devanagari', subsets: (s) => s === 'devanagari', serves: DEVANAGARI_RANGES },
    { family: 'Noto Sans', package: '@fontsource/noto-sans', subsets: (s) => s !== 'devanagari' },
  ]
}

/**
 * The document's text: one string (every weight inlined for all of it), or the text set in each
 * weight, so bold chunks are inlined only for the characters that are bold (a Chinese name in a
 * bold heading does not need the regular weight). Keys are the theme's weights, each mapped to the
 * nearest weight a family ships (the Noto families ship 100–900, so 600 stays 600; pass the text of
 * 600 and 700 together under one key to inline one bold file instead of two).
 */
export type DocumentText = string | Readonly<Record<number, string>>

export interface FallbackOptions {
  /** What the theme's own faces cover (see `coverageOf`); those code points need no fallback. */
  covered?: readonly CodePointRange[]
  /** With a single string: the weights to inline, each mapped to the nearest the family has. Default 400 and 700. */
  weights?: readonly number[]
  /** The build's font store; a fresh one when left out. */
  store?: FontStore
}

export interface Fallback {
  /** Family names in stack order, for `--vitae-fallback-fonts`. */
  families: string[]
  /** The faces to inline, only the chunks the text needs. */
  faces: FontFaceFile[]
  /** Code points neither the theme nor any fallback covers. */
  missing: number[]
}

export function fallbackFamiliesFor(locale: string, text: DocumentText, options: FallbackOptions = {}): Fallback {
  const store = options.store ?? createFontStore()
  const covered = options.covered ?? []
  const byWeight: Array<[number, string]> = typeof text === 'string' ? (options.weights ?? [400, 700]).map((w) => [w, text]) : Object.entries(text).map(([w, t]) => [Number(w), t])
  const points = codePointsOf(byWeight.map(([, t]) => t).join('')).filter((cp) => cp > 0x1f && !inRanges(cp, covered))
  const chain = fallbackChain(locale)
  const needs = new Map<ChainLink, number[]>()
  const missing: number[] = []
  for (const cp of points) {
    const link = chain.find((l) => (!l.serves || inRanges(cp, l.serves)) && holds(store, l, cp))
    if (!link) {
      missing.push(cp)
      continue
    }
    const list = needs.get(link) ?? []
    list.push(cp)
    needs.set(link, list)
  }
  const families: string[] = []
  const faces: FontFaceFile[] = []
  for (const link of chain) {
    const need = needs.get(link)
    if (!need) continue
    families.push(link.family)
    const pkg = store.package(link.package)
    const chosen = new Set<FontFaceFile>()
    for (const [weight, part] of byWeight) {
      const mine = new Set(codePointsOf(part))
      const all = fontsourceFaces(pkg, { weights: [weight], subsets: link.subsets })
      for (const face of selectFaces(
        all,
        need.filter((cp) => mine.has(cp)),
        (range) => store.ranges(range),
      ))
        chosen.add(face)
    }
    // Two theme weights can map to one file (600 and 700 both to 700): inline it once.
    const seen = new Set<string>()
    for (const face of chosen) {
      if (seen.has(face.file)) continue
      seen.add(face.file)
      faces.push(face)
    }
  }
  return { families, faces, missing }
}

function holds(store: FontStore, link: ChainLink, cp: number): boolean {
  for (const [name, range] of store.package(link.package).subsets) {
    if (link.subsets(name) && inRanges(cp, store.ranges(range))) return true
  }
  return false
}
