import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DateFormatter } from '../../src/core/dates.js'
import { ROOT } from '../helpers.js'

describe('dates', () => {
  const en = new DateFormatter('en-US')

  it('formats what a resume writes', () => {
    expect(en.date('2024-03')).toBe('Mar 2024')
    expect(en.date('2023')).toBe('2023')
    expect(en.date('not a date')).toBe('not a date')
  })

  it('reads a range as one unit, open ranges ending in the word for now', () => {
    expect(en.range('2024-03', '2024-09')).toBe('Mar 2024 – Sep 2024')
    expect(en.range('2019', '2023')).toBe('2019 – 2023')
    expect(en.range('2022-07', undefined)).toBe('Jul 2022 – Present')
    expect(en.range('2022-07', 'present', { present: 'heute' })).toBe('Jul 2022 – heute')
    expect(en.range('2024-03', '2024-03')).toBe('Mar 2024')
    expect(en.range(undefined, '2020')).toBe('2020')
    expect(en.range(undefined, undefined)).toBe('')
  })

  it('uses the locale for month names', () => {
    expect(new DateFormatter('de-DE').date('2024-03')).toBe('März 2024')
  })
})

// Dates come from a table of Intl's own words written at build time (scripts/build-date-table.mjs),
// so a build skips ICU's date loading. The table must say exactly what Intl says.
describe('the build-time date table', () => {
  const table = JSON.parse(readFileSync(join(ROOT, 'lib/generated/date-words.json'), 'utf8')) as { locales: Record<string, unknown> }
  const tags = Object.keys(table.locales)
  const intl = (tag: string, value: string, style: 'month' | 'day') => {
    const [y, m, d] = value.split('-').map(Number)
    const withDay = d !== undefined && style === 'day'
    return new Intl.DateTimeFormat(tag, { year: 'numeric', month: m ? 'short' : undefined, day: withDay ? 'numeric' : undefined, timeZone: 'UTC' }).format(
      new Date(Date.UTC(y!, m ? m - 1 : 0, withDay ? d! : 1)),
    )
  }

  it('covers every locale of locales/ that writes Gregorian years in Latin digits, and the commonest regional tags', () => {
    for (const tag of ['en', 'en-US', 'en-GB', 'de', 'de-DE', 'fr', 'ja', 'zh-CN', 'zh-TW', 'ar', 'he', 'hi', 'ru', 'pt-BR', 'es-MX']) expect(tags).toContain(tag)
    expect(tags.length).toBeGreaterThan(40)
  })

  it('writes every month, a day and a year as Intl does, in every tag it holds', () => {
    const values = ['1987', '2024-02', '2024-02-29', '2023-02-30', '1999-12-31', '2031-07-04']
    for (let m = 1; m <= 12; m++) values.push(`2024-${String(m).padStart(2, '0')}`, `2024-${String(m).padStart(2, '0')}-09`)
    for (const tag of tags) {
      const dates = new DateFormatter(tag)
      for (const value of values) {
        for (const style of ['month', 'day'] as const) expect(`${tag} ${value} ${style}: ${dates.date(value, style)}`).toBe(`${tag} ${value} ${style}: ${intl(tag, value, style)}`)
      }
    }
  })

  it("writes a letter's dates as Intl's long forms do, in every tag it holds", () => {
    // A letter's date: the long date, the long month and year, the year (src/core/letter-view.ts).
    const long = (tag: string, value: string) => {
      const [y, m, d] = value.split('-').map(Number)
      const options: Intl.DateTimeFormatOptions = d !== undefined ? { dateStyle: 'long' } : { year: 'numeric', month: m ? 'long' : undefined }
      return new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m ? m - 1 : 0, d ?? 1)))
    }
    const values = ['1987', '2026-12', '2026-12-07', '2024-02-29', '2023-02-30', '2031-07-04', '1999-01-31']
    for (let m = 1; m <= 12; m++) values.push(`2025-${String(m).padStart(2, '0')}`, `2025-${String(m).padStart(2, '0')}-21`)
    for (const tag of [...tags, 'th-TH', 'fa-IR', 'en-ZA']) {
      const dates = new DateFormatter(tag)
      for (const value of values) expect(`${tag} ${value}: ${dates.letterDate(value, new Date(0))}`).toBe(`${tag} ${value}: ${long(tag, value)}`)
      expect(dates.letterDate(undefined, new Date(Date.UTC(2026, 11, 7)))).toBe(long(tag, '2026-12-07'))
    }
  })

  it('leaves a tag it lacks to Intl: another calendar, other digits, an unusual region', () => {
    expect(tags).not.toContain('th-TH')
    expect(new DateFormatter('th-TH').date('2024-03')).toBe(intl('th-TH', '2024-03', 'month'))
    expect(new DateFormatter('fa-IR').date('2024-03')).toBe(intl('fa-IR', '2024-03', 'month'))
    expect(new DateFormatter('en-ZA').date('2024-03-05', 'day')).toBe(intl('en-ZA', '2024-03-05', 'day'))
  })
})
