import { describe, expect, it } from 'vitest'
import { DateFormatter } from '../../src/core/dates.js'

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
