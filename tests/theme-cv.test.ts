import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../src/browser/find.js'
import { contrast, paintedColours } from './contrast.js'
import { runCli, tempDir } from './helpers.js'
import { taggedText } from './pdf-tags.js'
import { readPdf } from './read-pdf.js'

// Issue 23: the European CV. Dates in a column on the left, personal details, an optional photo,
// languages with CEFR levels, A4 where the resume's language prints on A4.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

const CV = (locale: string, extra = '') => `basics:
  name: Lena Vogel
  label: Data Engineer
  email: lena.vogel@example.org
  phone: "+49 30 1234567"
  image: me.png
  profiles:
    - network: GitHub
      url: https://github.com/lenavogel
    - network: LinkedIn
      url: https://www.linkedin.com/in/lena-vogel
  location: { city: Berlin, countryCode: DE }
work:
  - name: Beispiel GmbH
    position: Data Engineer
    location: Berlin
    startDate: 2021-04
    highlights: [Built the streaming pipeline]
languages:
  - language: Deutsch
    fluency: Muttersprache
  - language: English
    fluency: C1 (Advanced)
  - language: Français
    fluency: B2
  - language: Español
    fluency: B1/B2
meta:
  theme: cv
  locale: ${locale}
${extra}`

function project(locale: string, extra = ''): string {
  const dir = tempDir()
  writeFileSync(join(dir, 'me.png'), PNG)
  writeFileSync(join(dir, 'resume.yaml'), CV(locale, extra))
  return dir
}

describe('the cv theme', () => {
  it('prints on A4 in a European language, Letter in American English, and a page the resume names wins', async () => {
    const sizes: Record<string, string> = {}
    for (const [name, locale, extra] of [
      ['de', 'de', ''],
      ['en-GB', 'en-GB', ''],
      ['en-US', 'en-US', ''],
      ['de-letter', 'de', '  page: letter\n'],
    ] as const) {
      const dir = project(locale, extra)
      const r = await runCli(['build', '-f', 'pdf', '-q', '-o', 'out'], { cwd: dir })
      expect(r.code, r.stderr).toBe(0)
      const { width, height } = (await readPdf(join(dir, 'out/resume.pdf'))).pageSizes[0]!
      sizes[name] = Math.abs(width - 595) < 2 && Math.abs(height - 842) < 2 ? 'a4' : Math.abs(width - 612) < 1 && Math.abs(height - 792) < 1 ? 'letter' : `${width}x${height}`
    }
    expect(sizes).toEqual({ de: 'a4', 'en-GB': 'a4', 'en-US': 'letter', 'de-letter': 'letter' })
    // The flag wins over the locale too.
    const dir = project('de')
    const r = await runCli(['build', '-f', 'pdf', '-q', '-o', 'out', '--page', 'letter'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect((await readPdf(join(dir, 'out/resume.pdf'))).pageSizes[0]!.width).toBeCloseTo(612, 0)
  })

  it("shows CEFR levels as such, other levels as written, and the personal details under the locale's words", async () => {
    const dir = project('de')
    const r = await runCli(['build', '-f', 'html,pdf', '-q', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out/resume.html'), 'utf8')
    expect(html).toContain('<span class="cefr">C1</span> <span class="fluency">Advanced</span>')
    expect(html).toContain('<span class="cefr">B2</span></dd>')
    expect(html).toContain('<span class="fluency">Muttersprache</span>')
    // Two levels at once are not one level: as written.
    expect(html).toContain('<span class="fluency">B1/B2</span>')
    expect(html).toMatch(/<dt>E-Mail<\/dt>\s*<dd><a href="mailto:lena.vogel@example.org" dir="ltr">/)
    expect(html).toMatch(/<dt>Telefon<\/dt>/)
    expect(html).toMatch(/<img class="photo" src="data:image\/png;base64,[^"]+" alt="Lena Vogel">/)
    // In the PDF each level is a text item of its own, read after its language; the second
    // profile's label is not printed again.
    const pdf = await readPdf(join(dir, 'out/resume.pdf'))
    const strs = pdf.items.map((i) => i.str.trim()).filter(Boolean)
    expect(strs.indexOf('C1')).toBe(strs.indexOf('English') + 1)
    expect(strs.filter((s) => s === 'Profile')).toHaveLength(1)
    // The tags read each entry's dates, then its title, as the page shows them.
    const tags = await taggedText(join(dir, 'out/resume.pdf'))
    const dates = tags.findIndex((t) => t.includes('2021'))
    expect(dates).toBeGreaterThanOrEqual(0)
    expect(tags.lastIndexOf('Data Engineer'), tags.join(' | ')).toBe(dates + 1)
    expect(tags.indexOf('Beispiel GmbH')).toBeGreaterThan(dates + 1)
  })

  it('leaves the photo out with photo: false', async () => {
    const dir = project('de', '  themeOptions: { photo: false }\n')
    const r = await runCli(['build', '-f', 'html', '-q', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out/resume.html'), 'utf8')).not.toContain('<img')
  })
})

const browserFound = findBrowser()

describe.skipIf(!browserFound.found)('the cv theme’s colours', () => {
  let browser: Browser
  beforeAll(async () => {
    const { default: puppeteer } = await import('puppeteer-core')
    browser = await puppeteer.launch({ executablePath: browserFound.found!.path, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it.each([undefined, '#ffff00', '#7fdbff', '#000000'])('accent %s: every text at least 4.5:1 on white (WCAG AA)', async (accent) => {
    const dir = project('de', accent ? `  themeOptions: { accent: "${accent}" }\n` : '')
    const r = await runCli(['build', '-f', 'html', '-q', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const page = await browser.newPage()
    try {
      await page.goto(`file://${join(dir, 'out/resume.html')}`)
      await page.emulateMediaType('print')
      // Every element with text of its own but the "|" separators, decoration as the rules are.
      const texts = await page.evaluate(() =>
        [...document.querySelectorAll('.resume :not(.sep)')]
          .filter((e) => getComputedStyle(e).visibility === 'visible' && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
          .map((e) => [e.textContent!.trim().slice(0, 30), getComputedStyle(e).color]),
      )
      expect(texts.length).toBeGreaterThan(15)
      const colours = await paintedColours(
        page,
        texts.map((t) => t[1]!),
      )
      for (const [k, rgb] of colours.entries()) expect(contrast(rgb, [255, 255, 255]), `"${texts[k]![0]}" ${texts[k]![1]}`).toBeGreaterThanOrEqual(4.5)
    } finally {
      await page.close()
    }
  })
})
