import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../src/core/schema.js'
import { fallbackVariableCss, familyList, fontFaceCss } from '../../src/fonts/css.js'
import { docxScriptFonts, wordLanguage } from '../../src/fonts/docx.js'
import { createFontStore, type FontFaceFile, fontsourceFaces, nearestWeight } from '../../src/fonts/faces.js'
import { fallbackChain, fallbackFamiliesFor } from '../../src/fonts/fallback.js'
import { cjkOrderFor, hanFamilyFor } from '../../src/fonts/scripts.js'
import { coverageOf, selectFaces } from '../../src/fonts/select.js'
import { parseUnicodeRange } from '../../src/fonts/unicode-range.js'

const store = createFontStore()
const classicDir = join(PACKAGE_ROOT, 'templates/classic')
type ThemeFont = { family: string; weight: number; style: 'normal' | 'italic'; files: Array<{ file: string; unicodeRange: string }> }
const themeFaces: FontFaceFile[] = (JSON.parse(readFileSync(join(classicDir, 'theme.json'), 'utf8')).fonts as ThemeFont[]).flatMap((f) =>
  f.files.map((x) => ({ family: f.family, weight: f.weight, style: f.style, file: join(classicDir, x.file), unicodeRange: x.unicodeRange })),
)
const covered = coverageOf(themeFaces)
const size = (faces: readonly FontFaceFile[]) => faces.reduce((n, f) => n + statSync(f.file).size, 0)
const seed = readFileSync(join(PACKAGE_ROOT, 'resume.yaml'), 'utf8')
const han = (cp: number) => cp >= 0x4e00 && cp <= 0x9fff

describe('fontsource faces', () => {
  it('reads a package: family, numbered chunks, files that exist', () => {
    const sc = store.package('@fontsource/noto-sans-sc')
    expect(sc.family).toBe('Noto Sans SC')
    expect(sc.subsets.has('119')).toBe(true)
    expect(sc.subsets.has('latin')).toBe(true)
    const faces = fontsourceFaces(sc)
    expect(faces.length).toBe(sc.subsets.size * 2)
    for (const face of faces) expect(existsSync(face.file), face.file).toBe(true)
    expect(new Set(faces.map((f) => f.weight))).toEqual(new Set([400, 700]))
  })

  it('every package of the chain is installed and every face file exists, both weights', () => {
    for (const link of fallbackChain('en')) {
      const faces = fontsourceFaces(store.package(link.package), { subsets: link.subsets })
      expect(faces.length, link.family).toBeGreaterThan(0)
      for (const face of faces) expect(existsSync(face.file), face.file).toBe(true)
    }
  })

  it('maps weights the way a browser matches them', () => {
    expect(nearestWeight([400, 700], 600)).toBe(700)
    expect(nearestWeight([400, 700], 500)).toBe(400)
    expect(nearestWeight([400, 700], 300)).toBe(400)
    expect(nearestWeight([300, 500, 700], 400)).toBe(500)
    expect(nearestWeight([100, 700], 450)).toBe(100)
    expect(nearestWeight([400], 900)).toBe(400)
    expect(() => nearestWeight([], 400)).toThrow(RangeError)
    // Italic where a family has none becomes normal (the browser slants it), and duplicates collapse.
    const faces = fontsourceFaces(store.package('@fontsource/noto-sans-hebrew'), { weights: [400, 400], styles: ['italic'], subsets: (s) => s === 'hebrew' })
    expect(faces.map((f) => [f.weight, f.style])).toEqual([[400, 'normal']])
  })
})

describe('selectFaces on a theme', () => {
  it('an English resume keeps only the latin subsets of the theme', () => {
    const chosen = selectFaces(themeFaces, seed)
    expect(chosen.length).toBe(themeFaces.length / 2)
    expect(chosen.every((f) => /-latin-\d/.test(f.file))).toBe(true)
    // Inlined as base64 this stays far under the 200 kB the issue allows for the whole HTML.
    expect(Math.ceil(size(chosen) / 3) * 4).toBeLessThan(150_000)
  })

  it('a Polish name pulls the latin-ext subsets in', () => {
    const chosen = selectFaces(themeFaces, 'Łukasz Wróbel')
    expect(chosen.length).toBe(themeFaces.length)
  })

  it('keeps a face without a unicode-range, and keeps order', () => {
    const faces = [{ name: 'a', unicodeRange: 'U+4E00-9FFF' }, { name: 'b' }, { name: 'c', unicodeRange: 'U+0-7F' }]
    expect(selectFaces(faces, 'x').map((f) => f.name)).toEqual(['b', 'c'])
    expect(selectFaces(faces, '').map((f) => f.name)).toEqual(['b'])
  })
})

describe('fallbackFamiliesFor', () => {
  it('an English resume needs no fallback at all', () => {
    const fb = fallbackFamiliesFor('en-US', seed, { covered, store })
    expect(fb).toEqual({ families: [], faces: [], missing: [] })
  })

  it('without theme coverage, English gets Noto Sans latin and never a CJK chunk (CJK chunks hold ASCII too)', () => {
    const fb = fallbackFamiliesFor('en-US', 'Hayes Zhao – Computer Engineer', { store })
    expect(fb.families).toEqual(['Noto Sans'])
    expect(fb.faces.map((f) => f.subset)).toEqual(['latin', 'latin'])
  })

  it('three Chinese characters in a Latin resume pull a handful of small Han chunks', () => {
    const text = `${seed} 赵海斯`
    const fb = fallbackFamiliesFor('en-US', text, { covered, store })
    expect(fb.families).toEqual(['Noto Sans SC'])
    expect(fb.missing).toEqual([])
    const chunks = new Set(fb.faces.map((f) => f.subset))
    expect(chunks.size).toBeGreaterThanOrEqual(1)
    expect(chunks.size).toBeLessThanOrEqual(3)
    expect(fb.faces.length).toBe(chunks.size * 2)
    // Each chosen chunk holds one of the three characters; nothing else came along.
    for (const face of fb.faces)
      expect(['赵', '海', '斯'].some((ch) => parseUnicodeRange(face.unicodeRange).some((r) => r.from <= ch.codePointAt(0)! && ch.codePointAt(0)! <= r.to))).toBe(true)
    // Two weights of at most three chunks, against 2.4 MB for the whole family in one weight.
    expect(size(fb.faces)).toBeLessThan(200_000)
  })

  it('the name set in bold only takes the bold chunks', () => {
    const fb = fallbackFamiliesFor('en-US', { 400: seed, 600: '赵海斯' }, { covered, store })
    // The Noto families ship every weight from 100 to 900, so the theme's 600 stays 600.
    expect(fb.faces.every((f) => f.weight === 600)).toBe(true)
    expect(size(fb.faces)).toBeLessThan(100_000)
  })

  it('a Chinese resume stays within the 1.5 MB budget', () => {
    const zh = readFileSync(join(PACKAGE_ROOT, 'scripts/samples/zh-CN.txt'), 'utf8')
    const fb = fallbackFamiliesFor('zh-CN', zh, { covered, store })
    expect(fb.families).toEqual(['Noto Sans SC'])
    expect(fb.missing).toEqual([])
    const inlined = Math.ceil((size(fb.faces) + size(selectFaces(themeFaces, zh))) / 3) * 4
    expect(inlined).toBeLessThan(1_450_000)
    // Every Han character of the text is in some chosen chunk of each weight.
    for (const weight of [400, 700]) {
      const ranges = fb.faces.filter((f) => f.weight === weight).flatMap((f) => parseUnicodeRange(f.unicodeRange))
      for (const ch of new Set(zh))
        if (han(ch.codePointAt(0)!))
          expect(
            ranges.some((r) => r.from <= ch.codePointAt(0)! && ch.codePointAt(0)! <= r.to),
            ch,
          ).toBe(true)
    }
  })

  it('takes Han shapes from the locale: ja → JP, zh-TW → TC, ko → KR, others → SC', () => {
    expect(fallbackFamiliesFor('ja', '職歴 学歴 現在', { covered, store }).families).toEqual(['Noto Sans JP'])
    expect(fallbackFamiliesFor('zh-TW', '工作經歷', { covered, store }).families).toEqual(['Noto Sans TC'])
    expect(fallbackFamiliesFor('zh-Hant', '學歷', { covered, store }).families).toEqual(['Noto Sans TC'])
    expect(fallbackFamiliesFor('ko', '경력 학력', { covered, store }).families).toEqual(['Noto Sans KR'])
    expect(fallbackFamiliesFor('de', '王', { covered, store }).families).toEqual(['Noto Sans SC'])
    expect(hanFamilyFor('zh-HK')).toBe('Noto Sans TC')
    expect(hanFamilyFor('zh-Hans-HK')).toBe('Noto Sans SC')
    expect(cjkOrderFor('ko')[0]).toBe('Noto Sans KR')
  })

  it('Arabic, Hebrew and Devanagari take their own family, Greek and Cyrillic Noto Sans', () => {
    const ar = fallbackFamiliesFor('ar', 'الخبرة العملية', { covered, store })
    expect(ar.families).toEqual(['Noto Sans Arabic'])
    expect(ar.faces.map((f) => [f.subset, f.weight])).toEqual([
      ['arabic', 400],
      ['arabic', 700],
    ])
    expect(fallbackFamiliesFor('he', 'ניסיון תעסוקתי', { covered, store }).families).toEqual(['Noto Sans Hebrew'])
    expect(fallbackFamiliesFor('hi', 'कार्य अनुभव', { covered, store }).families).toEqual(['Noto Sans Devanagari'])
    const el = fallbackFamiliesFor('el', 'Εκπαίδευση', { covered, store })
    expect(el.families).toEqual(['Noto Sans'])
    expect(new Set(el.faces.map((f) => f.subset))).toEqual(new Set(['greek']))
    const ru = fallbackFamiliesFor('ru', 'Опыт работы', { covered, store })
    expect(new Set(ru.faces.map((f) => f.subset))).toEqual(new Set(['cyrillic']))
  })

  it('a mixed document lists each family once, the locale’s CJK family first', () => {
    const fb = fallbackFamiliesFor('ja', 'テスト 王 Ελλάδα שלום', { covered, store })
    expect(fb.families).toEqual(['Noto Sans JP', 'Noto Sans Hebrew', 'Noto Sans'])
  })

  it('reports code points nothing covers', () => {
    const fb = fallbackFamiliesFor('en', 'ok \u{16A0}', { covered, store }) // a rune
    expect(fb.missing).toEqual([0x16a0])
  })
})

describe('CSS', () => {
  const face: FontFaceFile = { family: 'Noto Sans SC', weight: 700, style: 'normal', file: '/x/a.woff2', unicodeRange: 'U+4E00-4E0F' }

  it('inlines the bytes with font-display: block and the unicode-range', () => {
    const css = fontFaceCss(face, new Uint8Array([1, 2, 3]))
    expect(css).toBe(
      '@font-face { font-family: "Noto Sans SC"; font-weight: 700; font-style: normal; font-display: block; src: url(data:font/woff2;base64,AQID) format("woff2"); unicode-range: U+4E00-4E0F; }',
    )
    expect(fontFaceCss({ ...face, unicodeRange: '' }, new Uint8Array([0]))).not.toContain('unicode-range')
    expect(fontFaceCss({ ...face, file: '/x/a.ttf' }, new Uint8Array([0]))).toContain('format("truetype")')
    expect(() => fontFaceCss({ ...face, file: '/x/a.svg' }, new Uint8Array())).toThrow(RangeError)
  })

  it('writes the fallback variable, or nothing so the var() default applies', () => {
    expect(fallbackVariableCss(['Noto Sans SC', 'Noto Sans'])).toBe(':root { --vitae-fallback-fonts: "Noto Sans SC", "Noto Sans"; }')
    expect(fallbackVariableCss([])).toBe('')
    expect(familyList(['A "B"'])).toBe('"A \\"B\\""')
  })
})

describe('DOCX script fonts', () => {
  it('names East Asian fonts Word has, with the language', () => {
    expect(docxScriptFonts('zh-CN', 'ltr')).toEqual({ eastAsia: 'Microsoft YaHei', hint: 'eastAsia', lang: { val: 'zh-CN', eastAsia: 'zh-CN' }, rtl: false })
    expect(docxScriptFonts('zh', 'ltr')).toMatchObject({ eastAsia: 'Microsoft YaHei', lang: { val: 'zh-CN' } })
    expect(docxScriptFonts('zh-TW', 'ltr')).toMatchObject({ eastAsia: 'Microsoft JhengHei', lang: { val: 'zh-TW', eastAsia: 'zh-TW' } })
    expect(docxScriptFonts('zh-Hant', 'ltr')).toMatchObject({ eastAsia: 'Microsoft JhengHei', lang: { val: 'zh-TW' } })
    expect(docxScriptFonts('ja', 'ltr')).toMatchObject({ eastAsia: 'Yu Gothic', lang: { val: 'ja-JP', eastAsia: 'ja-JP' } })
    expect(docxScriptFonts('ko', 'ltr')).toMatchObject({ eastAsia: 'Malgun Gothic', lang: { val: 'ko-KR', eastAsia: 'ko-KR' } })
  })

  it('names complex-script fonts and marks right-to-left', () => {
    expect(docxScriptFonts('ar', 'rtl')).toMatchObject({ cs: 'Arial', hint: 'cs', rtl: true, lang: { bidi: wordLanguage('ar') } })
    expect(docxScriptFonts('he', 'rtl')).toEqual({ cs: 'Arial', hint: 'cs', rtl: true, lang: { val: 'he-IL', bidi: 'he-IL' } })
    expect(docxScriptFonts('hi', 'ltr')).toEqual({ cs: 'Nirmala UI', hint: 'cs', rtl: false, lang: { val: 'hi-IN', bidi: 'hi-IN' } })
  })

  it('leaves Latin, Greek and Cyrillic to the theme font, with the language', () => {
    expect(docxScriptFonts('de-AT', 'ltr')).toEqual({ lang: { val: 'de-AT' }, rtl: false })
    expect(docxScriptFonts('en', 'ltr')).toEqual({ lang: { val: 'en-US' }, rtl: false })
    expect(docxScriptFonts('ru', 'ltr')).toEqual({ lang: { val: 'ru-RU' }, rtl: false })
    expect(docxScriptFonts('not a tag!', 'ltr')).toEqual({ lang: { val: 'en-US' }, rtl: false })
  })
})
