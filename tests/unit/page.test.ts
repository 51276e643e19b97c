import { describe, expect, it } from 'vitest'
import { pageCss, pageTwips, paperInches, parseLength, parseMarginList, toCss, toInches, toPoints, toTwips } from '../../src/page/geometry.js'

describe('page geometry', () => {
  it('reads lengths with a unit, and 0 without one', () => {
    expect(parseLength('0.5in')).toEqual({ value: 0.5, unit: 'in' })
    expect(parseLength('12mm')).toEqual({ value: 12, unit: 'mm' })
    expect(parseLength(' 36pt ')).toEqual({ value: 36, unit: 'pt' })
    expect(parseLength('0')).toEqual({ value: 0, unit: 'pt' })
    for (const bad of ['1', 'wide', '-1in', '1em', '', '1 in']) expect(parseLength(bad), bad).toBeUndefined()
  })

  it('converts one length to every format the same way', () => {
    const half = parseLength('0.5in')!
    expect(toPoints(half)).toBe(36)
    expect(toInches(half)).toBe(0.5)
    expect(toTwips(half)).toBe(720)
    expect(toCss(half)).toBe('0.5in')
    expect(toTwips(parseLength('25.4mm')!)).toBe(1440)
    expect(toPoints(parseLength('96px')!)).toBe(72)
  })

  it('reads margins as CSS does: one to four values, clockwise from the top', () => {
    const two = parseMarginList('0.5in,0.6in')
    expect(two.ok && [two.margins.top, two.margins.right, two.margins.bottom, two.margins.left].map(toCss)).toEqual(['0.5in', '0.6in', '0.5in', '0.6in'])
    const three = parseMarginList('1in 2in 3in')
    expect(three.ok && three.margins.left && toCss(three.margins.left)).toBe('2in')
    expect(parseMarginList('1in 1in 1in 1in 1in').ok).toBe(false)
    expect(parseMarginList('wide')).toEqual({ ok: false, bad: ['wide'] })
  })

  it('has one table of paper sizes: Chrome, CSS and Word agree', () => {
    const margins = parseMarginList('0.5in')
    if (!margins.ok) throw new Error('unreachable')
    expect(paperInches('letter')).toEqual({ width: 8.5, height: 11 })
    expect(paperInches('a4').width).toBeCloseTo(8.27, 2)
    expect(pageTwips({ size: 'letter', margins: margins.margins })).toMatchObject({ width: 12240, height: 15840, textWidth: 12240 - 1440 })
    expect(pageTwips({ size: 'a4', margins: margins.margins }).width).toBe(11906)
    expect(pageCss({ size: 'a4', margins: margins.margins })).toContain('@page { size: A4; margin: 0.5in 0.5in 0.5in 0.5in; }')
  })
})
