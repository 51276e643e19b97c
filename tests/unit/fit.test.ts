import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PageSettings } from '../../src/page/geometry.js'
import { countPages } from '../../src/pipeline/fit-print.js'
import { canGive, fitAt, fitCss, fitDocxTokens, fitPercent, fitRange, withFit } from '../../src/themes/fit.js'
import { ROOT } from '../helpers.js'

const classic = { dir: join(ROOT, 'templates/classic'), manifest: JSON.parse(readFileSync(join(ROOT, 'templates/classic/theme.json'), 'utf8')) }
const page: PageSettings = {
  size: 'letter',
  margins: { top: { value: 0.45, unit: 'in' }, right: { value: 0.55, unit: 'in' }, bottom: { value: 0.3, unit: 'in' }, left: { value: 0.55, unit: 'in' } },
}

describe('the fit scale', () => {
  it('reads classic floors as ratios to normal', () => {
    const range = fitRange(classic)
    expect(range.type).toBeCloseTo(0.9)
    expect(range.leading).toBeCloseTo(1.12 / 1.2)
    expect(range.space).toBe(0.5)
    expect(range.margins).toEqual({ value: 0.4, unit: 'in' })
    expect(canGive(range, page)).toBe(true)
  })

  it('runs from normal at step 0 to the floor at step 1, and never raises a margin already under the floor', () => {
    const range = fitRange(classic)
    const normal = fitAt(range, page, 0)
    expect([normal.type, normal.leading, normal.space]).toEqual([1, 1, 1])
    expect(normal.margins.top).toEqual({ value: 32.4, unit: 'pt' })
    const floor = fitAt(range, page, 1)
    expect(floor.type).toBeCloseTo(0.9)
    expect(floor.margins.top).toEqual({ value: 28.8, unit: 'pt' })
    expect(floor.margins.bottom).toEqual({ value: 0.3, unit: 'in' })
    const half = fitAt(range, page, 0.5)
    expect(half.type).toBeCloseTo(0.95)
    expect(fitPercent(half)).toBe(95)
    expect(fitPercent(fitAt(range, page, 0.01))).toBe(99)
  })

  it('gives nothing where a theme declares no fit', () => {
    const range = fitRange({ dir: '/x', manifest: { name: 'x', template: 'x.hbs', sections: [] } })
    expect(canGive(range, page)).toBe(false)
  })

  it('refuses a floor above normal as the theme’s error', () => {
    const bad = { dir: '/x', manifest: { name: 'x', template: 'x.hbs', sections: [], fit: { fontSize: { normal: '9pt', floor: '10pt' } } } }
    expect(() => fitRange(bad as any)).toThrow(/fit.fontSize/)
  })

  it('puts its style first in the body, so the head and its fonts stay those of the normal page', () => {
    const s = fitAt(fitRange(classic), page, 1)
    const html = withFit('<html><head><style>x</style></head><body class="a"><main></main></body></html>', s)
    expect(html).toMatch(/<body class="a">\n<style data-vitae-fit>\n@page \{ margin: 28\.8pt 28\.8pt 0\.3in 28\.8pt; \}/)
    expect(html.indexOf('<style data-vitae-fit>')).toBeGreaterThan(html.indexOf('</head>'))
    expect(fitCss(s)).toContain('body { zoom: 0.9; }')
    expect(fitCss(s)).toContain('--vitae-fit-space: 0.5;')
  })

  it('scales Word sizes down to half points and spacing with the type and the spacing ratio', () => {
    const s = { ...fitAt(fitRange(classic), page, 1), type: 0.93, leading: 0.95, space: 0.5 }
    const t = fitDocxTokens(
      { size: 10, smallSize: 9.5, nameSize: 22, labelSize: 10.5, headingSize: 10.5, lineSpacing: 1, paragraphSpacing: 1, entrySpacing: 8, sectionSpacing: 7 },
      s,
    )
    expect(t).toMatchObject({
      size: 9,
      smallSize: 8.5,
      nameSize: 20,
      labelSize: 9.5,
      headingSize: 9.5,
      lineSpacing: 0.95,
      paragraphSpacing: 0.95,
      entrySpacing: 3.7,
      sectionSpacing: 3.25,
    })
  })

  it('counts the pages of a PDF without counting its page tree', () => {
    const pdf = new TextEncoder().encode('1 0 obj << /Type /Pages /Count 2 >> 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/Parent 1 0 R>>')
    expect(countPages(pdf)).toBe(2)
  })
})
