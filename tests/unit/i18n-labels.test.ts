import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { createLabelStore, documentTitle, type LocaleTable, labelsFor, resolveLocale, SUPPORTED_LOCALES, unknownLocaleDiagnostic } from '../../src/core/labels.js'
import { PACKAGE_ROOT } from '../../src/core/schema.js'
import { SECTION_IDS as SECTIONS } from '../../src/core/sections.js'
import { isVitaeError } from '../../src/diagnostics/diagnostic.js'

const dir = join(PACKAGE_ROOT, 'locales')
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'locale.schema.json')
const read = (tag: string) => JSON.parse(readFileSync(join(dir, `${tag}.json`), 'utf8')) as LocaleTable & { $schema: string }

/**
 * Headings that are the same word in English and another language, checked by hand: French
 * "Publications" is what a French CV calls that section.
 */
const SAME_AS_ENGLISH: Record<string, string[]> = { fr: ['publications'] }

describe('locale files', () => {
  const schema = JSON.parse(readFileSync(join(dir, 'locale.schema.json'), 'utf8'))
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

  it('are exactly the supported locales, at least the 25 the issue names', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...SUPPORTED_LOCALES].sort())
    for (const tag of [
      'en',
      'de',
      'fr',
      'es',
      'it',
      'pt-BR',
      'pt-PT',
      'nl',
      'sv',
      'da',
      'nb',
      'fi',
      'pl',
      'cs',
      'tr',
      'ru',
      'uk',
      'el',
      'zh-CN',
      'zh-TW',
      'ja',
      'ko',
      'ar',
      'he',
      'hi',
    ]) {
      expect(SUPPORTED_LOCALES).toContain(tag)
    }
  })

  it.each(SUPPORTED_LOCALES.map((t) => [t]))('%s validates against locale.schema.json and has every key', (tag) => {
    const table = read(tag)
    expect(validate(table), JSON.stringify(validate.errors)).toBe(true)
    expect(table.$schema).toBe('./locale.schema.json')
    expect(Object.keys(table.sections).sort()).toEqual([...SECTIONS].sort())
    for (const value of [...Object.values(table.sections), ...Object.values(table.contact), table.present, table.gpa, table.courses, table.resume]) {
      expect(value).toBe(value.trim())
      expect(value).not.toMatch(/[\u0000-\u001f]/)
    }
    expect(table.documentTitle).toContain('{name}')
    // A cover letter's default words, in the language (not English left in place).
    expect(table.letter.documentTitle).toContain('{name}')
    for (const value of Object.values(table.letter)) expect(value).toBe(value.trim())
    if (tag !== 'en') expect([table.letter.salutation, table.letter.closing]).not.toContain(read('en').letter.salutation)
    // Headings within one table are distinct, or a reader could not tell two sections apart.
    expect(new Set(Object.values(table.sections)).size).toBe(SECTIONS.length)
  })

  it.each(SUPPORTED_LOCALES.filter((t) => t !== 'en').map((t) => [t]))('%s shares no section heading with English, except the listed ones', (tag) => {
    const en = read('en').sections
    const table = read(tag).sections
    const same = SECTIONS.filter((s) => table[s].toLowerCase() === en[s].toLowerCase())
    expect(same).toEqual(SAME_AS_ENGLISH[tag] ?? [])
    // Nor uses an English heading for another section.
    const english = new Set(Object.values(en).map((h) => h.toLowerCase()))
    expect(SECTIONS.filter((s) => !same.includes(s) && english.has(table[s].toLowerCase()))).toEqual([])
  })

  it('uses the words the issue asks for', () => {
    expect(read('de').sections.work).toBe('Berufserfahrung')
    expect(read('de').sections.education).toBe('Ausbildung')
    expect(read('de').present).toBe('heute')
    expect(read('zh-CN').sections.work).toBe('工作经历')
    expect(read('zh-CN').sections.education).toBe('教育背景')
    expect(read('zh-CN').present).toBe('至今')
    expect(read('ja').sections.work).toBe('職歴')
    expect(read('ja').sections.education).toBe('学歴')
    expect(read('ja').present).toBe('現在')
  })

  it('CJK lists use the ideographic comma and a full-width colon where it is the custom', () => {
    for (const tag of ['zh-CN', 'zh-TW', 'ja']) {
      expect(read(tag).listSeparator).toBe('、')
      expect(read(tag).colon).toBe('：')
    }
    expect(read('ar').listSeparator).toBe('، ')
    expect(read('fr').colon).toBe('\u00a0: ')
  })

  it('only the right-to-left scripts write right to left', () => {
    expect(SUPPORTED_LOCALES.filter((t) => read(t).dir === 'rtl')).toEqual(['ar', 'he'])
  })

  it('Simplified and Traditional Chinese tables are written in their own characters', () => {
    const cn = Object.values(read('zh-CN').sections).join('')
    const tw = Object.values(read('zh-TW').sections).join('')
    expect(cn).not.toMatch(/[經歷學專證著興]/)
    expect(tw).not.toMatch(/[经历学专证着兴]/)
  })
})

describe('resolveLocale', () => {
  const ok = (tag: string) => {
    const r = resolveLocale(tag)
    if (!r.ok) throw new Error(`${tag} was rejected`)
    return r
  }

  it('finds exact tags, in any case and with underscores', () => {
    expect(ok('de')).toMatchObject({ tag: 'de', how: 'exact' })
    expect(ok('pt-BR').tag).toBe('pt-BR')
    expect(ok('PT-pt').tag).toBe('pt-PT')
    expect(ok('zh_CN').tag).toBe('zh-CN')
    expect(ok('en').tag).toBe('en')
  })

  it('falls back to the language part', () => {
    expect(ok('de-AT')).toMatchObject({ tag: 'de', how: 'language' })
    expect(ok('de-CH').tag).toBe('de')
    expect(ok('en-US').tag).toBe('en')
    expect(ok('en-GB').tag).toBe('en')
    expect(ok('es-MX').tag).toBe('es')
    expect(ok('fr-CA').tag).toBe('fr')
  })

  it('maps Chinese by script, then region', () => {
    for (const t of ['zh-Hant', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-TW', 'zh-Hant-CN']) expect(ok(t).tag, t).toBe('zh-TW')
    for (const t of ['zh', 'zh-Hans', 'zh-SG', 'zh-Hans-HK', 'zh-CN', 'ZH']) expect(ok(t).tag, t).toBe('zh-CN')
  })

  it('maps Portuguese: bare pt is Brazilian (as CLDR reads it), Portugal and Africa are European', () => {
    expect(ok('pt')).toMatchObject({ tag: 'pt-BR', how: 'alias' })
    expect(ok('pt-AO').tag).toBe('pt-PT')
    expect(ok('pt-MZ').tag).toBe('pt-PT')
  })

  it('maps Norwegian and deprecated codes', () => {
    expect(ok('no').tag).toBe('nb')
    expect(ok('nn').tag).toBe('nb')
    expect(ok('nb-NO').tag).toBe('nb')
    expect(ok('iw').tag).toBe('he')
    expect(ok('in').tag).toBe('id')
  })

  it('rejects unknown tags with a did-you-mean', () => {
    expect(resolveLocale('jp')).toMatchObject({ ok: false, suggestion: 'ja' })
    expect(resolveLocale('cn')).toMatchObject({ ok: false, suggestion: 'zh-CN' })
    expect(resolveLocale('kr')).toMatchObject({ ok: false, suggestion: 'ko' })
    expect(resolveLocale('gr')).toMatchObject({ ok: false, suggestion: 'el' })
    expect(resolveLocale('pt_BX')).toMatchObject({ ok: true, tag: 'pt-BR' })
    expect(resolveLocale('zh-CX')).toMatchObject({ ok: true, tag: 'zh-CN' })
    expect(resolveLocale('pt-BRR')).toMatchObject({ ok: false, suggestion: 'pt-BR' })
    const none = resolveLocale('klingon')
    expect(none.ok).toBe(false)
    if (!none.ok) {
      expect(none.suggestion).toBeUndefined()
      expect(none.supported).toEqual(SUPPORTED_LOCALES)
    }
    expect(resolveLocale('').ok).toBe(false)
  })

  it('turns a rejection into an UNKNOWN_LOCALE diagnostic at the given place', () => {
    const r = resolveLocale('jp')
    if (r.ok) throw new Error('accepted')
    expect(unknownLocaleDiagnostic(r, { file: 'resume.yaml', line: 3, column: 11 })).toEqual({
      code: 'UNKNOWN_LOCALE',
      severity: 'error',
      message: 'no words for locale "jp"',
      hint: 'did you mean ja?',
      file: 'resume.yaml',
      line: 3,
      column: 11,
    })
    const none = resolveLocale('klingon')
    if (none.ok) throw new Error('accepted')
    expect(unknownLocaleDiagnostic(none).hint).toMatch(/^supported: ar, cs, /)
  })
})

describe('labelsFor', () => {
  it('gives the table for the resolved tag', () => {
    const de = labelsFor('de-AT')
    expect(de.tag).toBe('de')
    expect(de.sections.work).toBe('Berufserfahrung')
    expect(de.present).toBe('heute')
    expect(de.contact.email).toBe('E-Mail')
    expect(de.dir).toBe('ltr')
    expect(labelsFor('ar').dir).toBe('rtl')
  })

  it('merges meta.headings and meta.labels over the table, leaving the rest', () => {
    const l = labelsFor('en-US', { headings: { work: 'Work', awards: 'Awards & Honors' }, labels: { present: 'now', email: 'E-mail' } })
    expect(l.sections.work).toBe('Work')
    expect(l.sections.awards).toBe('Awards & Honors')
    expect(l.sections.education).toBe('Education')
    expect(l.present).toBe('now')
    expect(l.contact.email).toBe('E-mail')
    expect(l.contact.phone).toBe('Phone')
    // An empty heading is an override too: a theme or resume may hide a heading.
    expect(labelsFor('en', { headings: { summary: '' } }).sections.summary).toBe('')
  })

  it('returns frozen values and does not leak overrides into the store', () => {
    const store = createLabelStore()
    const a = labelsFor('fr', { headings: { work: 'Parcours' } }, store)
    const b = labelsFor('fr', {}, store)
    expect(a.sections.work).toBe('Parcours')
    expect(b.sections.work).toBe('Expérience professionnelle')
    expect(Object.isFrozen(a)).toBe(true)
    expect(Object.isFrozen(a.sections)).toBe(true)
  })

  it('reads each file once per store', () => {
    const store = createLabelStore()
    expect(store.table('de')).toBe(store.table('de'))
    expect(createLabelStore().table('de')).not.toBe(store.table('de'))
  })

  it('throws a validation error with UNKNOWN_LOCALE for an unknown tag', () => {
    try {
      labelsFor('jp')
      throw new Error('no error')
    } catch (error) {
      expect(isVitaeError(error)).toBe(true)
      if (isVitaeError(error)) {
        expect(error.kind).toBe('validation')
        expect(error.diagnostics[0]).toMatchObject({ code: 'UNKNOWN_LOCALE', hint: 'did you mean ja?' })
      }
    }
  })

  it('every word meta.labels takes (the schema) is overridable', () => {
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema/resume.schema.json'), 'utf8'))
    const keys = Object.keys(schema.properties.meta.properties.labels.properties)
    expect(keys).toContain('present')
    expect(keys).toContain('email')
    const labels = Object.fromEntries(keys.map((k) => [k, `x-${k}`]))
    const l = labelsFor('ko', { labels })
    for (const k of keys) {
      const value = k in l.contact ? l.contact[k as keyof typeof l.contact] : (l as unknown as Record<string, string>)[k]
      expect(value, k).toBe(`x-${k}`)
    }
  })

  it('builds the document title', () => {
    expect(documentTitle(labelsFor('en'), 'Hayes Zhao')).toBe('Hayes Zhao – Resume')
    expect(documentTitle(labelsFor('de'), 'Hayes Zhao')).toBe('Hayes Zhao – Lebenslauf')
    expect(documentTitle(labelsFor('zh-CN'), '赵海斯')).toBe('赵海斯 – 简历')
    expect(documentTitle(labelsFor('ja'), '  ')).toBe('履歴書')
  })
})
