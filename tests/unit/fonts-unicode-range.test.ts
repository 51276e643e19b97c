import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointsOf, coveredBy, formatUnicodeRange, inRanges, intersects, mergeRanges, parseUnicodeRange } from '../../src/fonts/unicode-range.js'

describe('parseUnicodeRange', () => {
  it('reads single points, ranges and wildcards, in any case and spacing', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131, U+4E??')).toEqual([
      { from: 0, to: 0xff },
      { from: 0x131, to: 0x131 },
      { from: 0x4e00, to: 0x4eff },
    ])
    expect(parseUnicodeRange('u+1f1e9-1f1f5,U+26')).toEqual([
      { from: 0x26, to: 0x26 },
      { from: 0x1f1e9, to: 0x1f1f5 },
    ])
    expect(parseUnicodeRange('  U+??  ')).toEqual([{ from: 0, to: 0xff }])
    expect(parseUnicodeRange('U+10????')).toEqual([{ from: 0x100000, to: 0x10ffff }])
  })

  it('sorts and merges overlapping and touching ranges', () => {
    expect(parseUnicodeRange('U+30-39, U+0-2F, U+35-40, U+42')).toEqual([
      { from: 0, to: 0x40 },
      { from: 0x42, to: 0x42 },
    ])
  })

  it('accepts empty items (a trailing comma) and an empty list', () => {
    expect(parseUnicodeRange('U+41,')).toEqual([{ from: 0x41, to: 0x41 }])
    expect(parseUnicodeRange('')).toEqual([])
  })

  it('clamps ranges past the last code point', () => {
    expect(parseUnicodeRange('U+10FF00-1FFFFF')).toEqual([{ from: 0x10ff00, to: 0x10ffff }])
  })

  it.each(['U+', 'U+G1', '0041', 'U+0041-', 'U+4?E', 'U+4?-50', 'U+50-40', 'U+1234567', 'U+110000', 'U+41 U+42'])('rejects %j', (bad) => {
    expect(() => parseUnicodeRange(bad)).toThrow(RangeError)
  })

  it('round-trips through formatUnicodeRange', () => {
    const ranges = parseUnicodeRange('U+0000-00FF, U+0131, U+0152-0153, U+2000-206F')
    expect(formatUnicodeRange(ranges)).toBe('U+0000-00FF, U+0131, U+0152-0153, U+2000-206F')
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0x10ffff }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 20 }), (pairs) => {
        const list = pairs.map(([a, len]) => ({ from: a, to: Math.min(0x10ffff, a + len) }))
        const merged = mergeRanges(list)
        expect(parseUnicodeRange(formatUnicodeRange(merged))).toEqual(merged)
        // Merged ranges contain exactly the points the inputs do (probed at the edges).
        for (const r of list) for (const cp of [r.from, r.to]) expect(inRanges(cp, merged)).toBe(true)
        for (let i = 1; i < merged.length; i++) expect(merged[i]!.from).toBeGreaterThan(merged[i - 1]!.to + 1)
      }),
    )
  })
})

describe('code points and coverage', () => {
  it('counts code points, not UTF-16 units, once each', () => {
    expect(codePointsOf('aab😀😀')).toEqual([0x61, 0x62, 0x1f600])
  })

  it('coveredBy is all, intersects is any', () => {
    const latin = parseUnicodeRange('U+0000-00FF')
    expect(coveredBy('Hayes Zhao', latin)).toBe(true)
    expect(coveredBy('Hayes 赵', latin)).toBe(false)
    expect(intersects('Hayes 赵', latin)).toBe(true)
    expect(intersects('赵海斯', latin)).toBe(false)
    expect(coveredBy('', latin)).toBe(true)
    expect(coveredBy([0x41, 0x100], latin)).toBe(false)
  })
})
