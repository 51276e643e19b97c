/**
 * Word's side of the fallback chain. Word does not embed our web fonts, so a run names one font per
 * script slot: `w:ascii`/`w:hAnsi` (the theme's docx font), `w:eastAsia` for Han, Kana and Hangul,
 * `w:cs` for complex scripts (Arabic, Hebrew, Devanagari). We name fonts Windows and Office ship
 * (macOS Office maps them to its own), sans-serif to match the Noto Sans faces of the PDF:
 *
 * - zh-CN (and zh, zh-Hans, zh-SG): Microsoft YaHei, Windows' Simplified Chinese UI sans since
 *   Vista; SimSun is the older serif default, not chosen because the PDF is sans.
 * - zh-TW, zh-HK, zh-Hant: Microsoft JhengHei, the Traditional counterpart (PMingLiU is the serif).
 * - ja: Yu Gothic, Windows 8.1+ and Office's own default for Japanese (MS Gothic before it;
 *   MS Mincho is the serif).
 * - ko: Malgun Gothic, Windows' Korean UI font since Vista.
 * - ar, fa, ur, he: Arial, whose Windows build carries Arabic and Hebrew and is Word's default
 *   complex-script font; LibreOffice substitutes Liberation Sans + DejaVu.
 * - hi and other Devanagari: Nirmala UI (Windows 8+); Mangal is the Windows 7 font, named in the
 *   comment only because a run takes one name.
 *
 * The language goes into `w:lang` (`val` for Latin text, `eastAsia` and `bidi` for the other slots,
 * `bidi` being Word's name for the complex-script language, Devanagari included), so spelling and
 * line breaking use the right rules. Contract: pure, no I/O.
 */
import { hanFamilyFor, parseLocale } from './scripts.js'

export interface DocxScriptFonts {
  /** `w:rFonts/@w:eastAsia`. */
  eastAsia?: string
  /** `w:rFonts/@w:cs`. */
  cs?: string
  /** `w:rFonts/@w:hint`: which slot ambiguous characters (quotes, dashes) take. */
  hint?: 'eastAsia' | 'cs'
  /** `w:lang`: val, eastAsia, bidi (docx: `language: { value, eastAsia, bidirectional }`). */
  lang: { val: string; eastAsia?: string; bidi?: string }
  /** Paragraphs `w:bidi` and runs `w:rtl`. */
  rtl: boolean
}

const EAST_ASIA: Record<string, string> = {
  'Noto Sans SC': 'Microsoft YaHei',
  'Noto Sans TC': 'Microsoft JhengHei',
  'Noto Sans JP': 'Yu Gothic',
  'Noto Sans KR': 'Malgun Gothic',
}

const COMPLEX: Record<string, string> = { ar: 'Arial', fa: 'Arial', ur: 'Arial', he: 'Arial', iw: 'Arial', yi: 'Arial', hi: 'Nirmala UI', mr: 'Nirmala UI', ne: 'Nirmala UI' }

/** A full language-REGION tag for w:lang (Word wants a region): `ja` → `ja-JP`, `zh-Hant` → `zh-TW`. */
export function wordLanguage(locale: string): string {
  try {
    const max = new Intl.Locale(locale.replace(/_/g, '-')).maximize()
    return max.region ? `${max.language}-${max.region}` : max.language
  } catch {
    return 'en-US'
  }
}

/** `dir` is the locale table's (the one owner of direction), so Word and the page agree. */
export function docxScriptFonts(locale: string, dir: 'ltr' | 'rtl'): DocxScriptFonts {
  const { language } = parseLocale(locale)
  const val = wordLanguage(locale)
  const rtl = dir === 'rtl'
  if (language === 'zh' || language === 'ja' || language === 'ko') {
    return { eastAsia: EAST_ASIA[hanFamilyFor(locale)], hint: 'eastAsia', lang: { val, eastAsia: val }, rtl }
  }
  const cs = COMPLEX[language]
  if (cs) return { cs, hint: 'cs', lang: { val, bidi: val }, rtl }
  return { lang: { val }, rtl }
}
