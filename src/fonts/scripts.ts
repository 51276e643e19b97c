/**
 * Scripts and locales: which code points belong to which writing system (for choosing a fallback
 * family), and which CJK family a locale's Han characters take their shapes from (a 骨 in a
 * Japanese resume is drawn differently from one in a Chinese resume).
 *
 * Contract: pure, no I/O. Locale tags are BCP 47; anything `Intl.Locale` rejects is read as "und".
 */
import type { CodePointRange } from './unicode-range.js'

const r = (from: number, to: number): CodePointRange => ({ from, to })

/** Han, Kana, Hangul, Bopomofo, CJK punctuation, full-width forms: what the Noto CJK families serve. */
export const CJK_RANGES: readonly CodePointRange[] = [
  r(0x1100, 0x11ff), // Hangul Jamo
  r(0x2e80, 0x2fff), // radicals, ideographic description
  r(0x3000, 0x303f), // CJK symbols and punctuation: 、。「」
  r(0x3040, 0x30ff), // Hiragana, Katakana
  r(0x3100, 0x31ff), // Bopomofo, Hangul compatibility Jamo, Kanbun, strokes, Katakana extension
  r(0x3200, 0x33ff), // enclosed CJK, compatibility
  r(0x3400, 0x4dbf), // Han extension A
  r(0x4e00, 0x9fff), // Han
  r(0xa960, 0xa97f), // Hangul Jamo extension A
  r(0xac00, 0xd7ff), // Hangul syllables, Jamo extension B
  r(0xf900, 0xfaff), // compatibility ideographs
  r(0xfe10, 0xfe1f), // vertical forms
  r(0xfe30, 0xfe4f), // compatibility forms
  r(0xff00, 0xffef), // half-width and full-width forms: ，：（）
  r(0x1b000, 0x1b16f), // Kana supplement and extensions
  r(0x20000, 0x3ffff), // Han extensions B and later
]

export const ARABIC_RANGES: readonly CodePointRange[] = [
  r(0x0600, 0x06ff),
  r(0x0750, 0x077f),
  r(0x0870, 0x08ff),
  r(0xfb50, 0xfdff),
  r(0xfe70, 0xfefc),
  r(0x10e60, 0x10e7f),
  r(0x1ee00, 0x1eeff),
]

export const HEBREW_RANGES: readonly CodePointRange[] = [r(0x0590, 0x05ff), r(0xfb1d, 0xfb4f)]

export const DEVANAGARI_RANGES: readonly CodePointRange[] = [r(0x0900, 0x097f), r(0x1cd0, 0x1cff), r(0x20b9, 0x20b9), r(0xa830, 0xa839), r(0xa8e0, 0xa8ff), r(0x11b00, 0x11b5f)]

export type CjkFamily = 'Noto Sans SC' | 'Noto Sans TC' | 'Noto Sans JP' | 'Noto Sans KR'

/** A locale, read leniently: language, script and region subtags (lower, title and upper case). */
export interface ParsedLocale {
  language: string
  script?: string
  region?: string
}

export function parseLocale(tag: string): ParsedLocale {
  try {
    const loc = new Intl.Locale(tag.replace(/_/g, '-'))
    return { language: loc.language, script: loc.script, region: loc.region }
  } catch {
    return { language: 'und' }
  }
}

/**
 * The CJK family whose glyph shapes a locale expects for Han: Japanese → JP, Korean → KR,
 * Traditional Chinese (zh-Hant, or Taiwan, Hong Kong, Macau) → TC, anything else → SC.
 */
export function hanFamilyFor(locale: string): CjkFamily {
  const { language, script, region } = parseLocale(locale)
  if (language === 'ja') return 'Noto Sans JP'
  if (language === 'ko') return 'Noto Sans KR'
  if (language === 'zh' && (script === 'Hant' || (script !== 'Hans' && (region === 'TW' || region === 'HK' || region === 'MO')))) return 'Noto Sans TC'
  return 'Noto Sans SC'
}

/** The four CJK families in the order a locale should try them: its own first. */
export function cjkOrderFor(locale: string): CjkFamily[] {
  const first = hanFamilyFor(locale)
  const all: CjkFamily[] = ['Noto Sans SC', 'Noto Sans TC', 'Noto Sans JP', 'Noto Sans KR']
  return [first, ...all.filter((f) => f !== first)]
}
