import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../src/browser/find.js'
import { contrast, paintedColours } from './contrast.js'
import { FIXTURES, runCli, seedCopy } from './helpers.js'
import { taggedText } from './pdf-tags.js'
import { readPdf } from './read-pdf.js'

// Issue 23: a two-column resume that parsers, screen readers and Word read as one column: the
// side column first as a whole, then the main one, and colours anyone can read.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const browserFound = findBrowser()

describe('the sidebar theme', () => {
  let dir = ''

  beforeAll(async () => {
    dir = seedCopy()
    const r = await runCli(['build', 'resume.yaml', '--theme', 'sidebar', '-f', 'pdf,docx,html', '-q', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
  })

  it("its PDF's tags read the name, then the side column as a whole, then the main one", async () => {
    const tags = await taggedText(join(dir, 'out/resume.pdf'))
    const at = (text: string) => {
      const k = tags.findIndex((t) => t.includes(text))
      expect(k, `"${text}" in the tags: ${tags.slice(0, 12).join(' | ')}`).toBeGreaterThanOrEqual(0)
      return k
    }
    const order = [
      'Hayes Zhao',
      'Computer Engineer',
      'hayes.zhao09@gmail.com',
      'www.linkedin.com/in/hayes-zhao',
      'Programming Languages',
      'Kubernetes, Git',
      'Computer Engineer (M.S.)',
      'MS. Computer Engineering',
      'Graduate Research Assistant',
      'Associate Membership',
    ].map(at)
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('its Word file is one column in the same order: no tables, text boxes or columns, the side sections first', () => {
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'out/resume.docx')))['word/document.xml']!)
    expect(xml).not.toMatch(/<w:tbl>|<w:txbxContent|<w:cols [^>]*w:num="[2-9]"/)
    const text = (p: string) => p.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')
    const headings = xml
      .split('<w:p>')
      .filter((p) => p.includes('w:val="Heading1"'))
      .map(text)
    expect(headings).toEqual(['Skills & Interests', 'Summary', 'Education', 'Experience', 'Projects', 'Awards & Honors'])
    const plain = text(xml)
    const positions = ['hayes.zhao09@gmail.com', 'Programming Languages', 'Computer Engineer (M.S.)', 'MS. Computer Engineering'].map((s) => plain.indexOf(s))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })

  it('right to left, the side column is on the right and still read first', async () => {
    // The Arabic sample with an address and skills, for the side column to hold.
    const yaml = readFileSync(join(FIXTURES, 'i18n/ar.yaml'), 'utf8').replace('basics:\n', 'basics:\n  email: ahmad@example.com\n')
    writeFileSync(join(dir, 'ar.yaml'), `${yaml}skills:\n  - name: لغات البرمجة\n    keywords: [Python, Go]\n`)
    const r = await runCli(['build', 'ar.yaml', '--theme', 'sidebar', '-f', 'pdf', '-q', '-o', 'ar'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const pdf = await readPdf(join(dir, 'ar/ar.pdf'))
    const { width } = pdf.pageSizes[0]!
    const email = pdf.items.find((i) => i.str.includes('@'))!
    expect(email.x, 'the e-mail address, in the side column').toBeGreaterThan(width / 2)
    const year = pdf.items.find((i) => i.str.includes('2019'))!
    expect(year.x, 'the dates of the first job, in the main column').toBeLessThan(width / 2)
    const go = pdf.items.find((i) => i.str.includes('Go'))!
    expect(go.x, 'the skills, in the side column').toBeGreaterThan(width / 2)
    expect(pdf.items.indexOf(go)).toBeLessThan(pdf.items.indexOf(year))
  })

  it('shows the photo at the top of the side column when the resume has one, and none with photo: false', async () => {
    const photoDir = seedCopy()
    writeFileSync(join(photoDir, 'me.png'), PNG)
    const yaml = readFileSync(join(photoDir, 'resume.yaml'), 'utf8').replace(/^basics:\n/m, 'basics:\n  image: me.png\n')
    writeFileSync(join(photoDir, 'resume.yaml'), yaml)
    const shown = await runCli(['build', '--theme', 'sidebar', '-f', 'html', '-q', '-o', 'with'], { cwd: photoDir })
    expect(shown.code, shown.stderr).toBe(0)
    expect(readFileSync(join(photoDir, 'with/resume.html'), 'utf8')).toMatch(/<img class="photo" src="data:image\/png;base64,[^"]+" alt="Hayes Zhao">/)
    const hidden = await runCli(['build', '--theme', 'sidebar', '-f', 'html', '-q', '-o', 'without', '--set', 'meta.themeOptions.photo=false'], { cwd: photoDir })
    expect(hidden.code, hidden.stderr).toBe(0)
    expect(readFileSync(join(photoDir, 'without/resume.html'), 'utf8')).not.toContain('<img')
  })
})

describe.skipIf(!browserFound.found)('the sidebar theme’s colours', () => {
  let browser: Browser
  let dir = ''
  beforeAll(async () => {
    dir = seedCopy()
    const { default: puppeteer } = await import('puppeteer-core')
    browser = await puppeteer.launch({ executablePath: browserFound.found!.path, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] })
  })
  afterAll(async () => {
    await browser?.close()
  })

  // The defaults, dark and light side colours, greys either side of the black-or-white turn, and accents too light for text.
  it.each([
    [undefined, undefined],
    ['#1d3557', undefined],
    ['#ffd166', '#ffff00'],
    ['#777777', '#7fdbff'],
    ['#757575', '#ff851b'],
    ['#000000', '#ffffff'],
    ['#ffffff', '#2ecc40'],
  ])('side colour %s, accent %s: every text at least 4.5:1 on its background (WCAG AA)', async (sideColor, accent) => {
    const out = `colours-${(sideColor ?? 'default').replace('#', '')}`
    const args = ['build', 'resume.yaml', '--theme', 'sidebar', '-f', 'html', '-q', '-o', out]
    if (sideColor) args.push('--set', `meta.themeOptions.sideColor=${sideColor}`)
    if (accent) args.push('--set', `meta.themeOptions.accent=${accent}`)
    const r = await runCli(args, { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const page = await browser.newPage()
    try {
      await page.setJavaScriptEnabled(true)
      await page.goto(`file://${join(dir, out, 'resume.html')}`)
      await page.emulateMediaType('print')
      const found = await page.evaluate(() => {
        const colour = (e: Element) => getComputedStyle(e).color
        // Every element with text of its own but the "|" separators, decoration as the rules are.
        const texts = (root: Element) =>
          [...root.querySelectorAll(':not(.sep)')]
            .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
            .map((e) => [e.textContent!.trim().slice(0, 30), colour(e)])
        return {
          panel: getComputedStyle(document.querySelector('.side-panel')!).backgroundColor,
          side: texts(document.querySelector('.side')!),
          main: [...texts(document.querySelector('.main')!), ...texts(document.querySelector('.masthead')!)],
        }
      })
      expect(found.side.length).toBeGreaterThan(5)
      const [panel] = await paintedColours(page, [found.panel])
      const side = await paintedColours(
        page,
        found.side.map((t) => t[1]!),
      )
      const main = await paintedColours(
        page,
        found.main.map((t) => t[1]!),
      )
      for (const [k, rgb] of side.entries()) expect(contrast(rgb, panel!), `side "${found.side[k]![0]}" ${found.side[k]![1]} on ${found.panel}`).toBeGreaterThanOrEqual(4.5)
      for (const [k, rgb] of main.entries()) expect(contrast(rgb, [255, 255, 255]), `main "${found.main[k]![0]}" ${found.main[k]![1]} on white`).toBeGreaterThanOrEqual(4.5)
    } finally {
      await page.close()
    }
  })
})
