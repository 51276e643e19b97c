import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { FIXTURES, ROOT, runCli, tempDir } from './helpers.js'
import { type Layout, type LayoutLine, mainColumn, readLayout, squash } from './pdf-layout.js'

// Page breaks a typesetter would accept, in every shipped theme: a three-page resume whose long
// entries must break between bullets (not jump whole to the next page and leave a hole), whose
// headings and entry heads never end a page, and whose bullets are never cut in two.

const THEMES = readdirSync(join(ROOT, 'templates'))
  .filter((name) => existsSync(join(ROOT, 'templates', name, 'theme.json')))
  .sort()

const LONG = join(FIXTURES, 'ats/long.yaml')
const resume: Record<string, any> = parse(readFileSync(LONG, 'utf8'))

/** The entry titles of the fixture, as the themes print them. */
const TITLES = new Set<string>([
  ...resume.work.map((w: any) => w.position),
  ...resume.education.map((e: any) => squash(`${e.studyType} ${e.area}`)),
  ...resume.projects.map((p: any) => p.name),
  ...resume.publications.map((p: any) => p.name),
])

const inches = (length: string): number => {
  const m = /^([\d.]+)(in|mm|cm|pt|px)$/.exec(length.trim())
  if (!m) throw new Error(`a length like 0.5in: ${length}`)
  const n = Number(m[1])
  return { in: 72, mm: 72 / 25.4, cm: 72 / 2.54, pt: 1, px: 0.75 }[m[2] as 'in'] * n
}

describe.each(THEMES)('a three-page resume in the %s theme', (theme) => {
  let layout: Layout
  let headings: Set<string>
  let bottomMargin = 0
  let topMargin = 0

  const isHeading = (l: LayoutLine) => headings.has(l.text.toLowerCase())
  // A title anywhere on the line: a theme with a date column (cv) sets the dates before it.
  const isEntryHead = (l: LayoutLine) => l.items.some((i) => TITLES.has(squash(i.str)))
  const isBulletStart = (l: LayoutLine) => l.items[0]?.str.trim().startsWith('•') ?? false
  const pageLines = (n: number) => layout.lines.filter((l) => l.page === n)

  beforeAll(async () => {
    const dir = tempDir('vitae-pages-')
    const run = await runCli(['build', LONG, '--format', 'pdf', '-q', '-o', dir, '--theme', theme])
    expect(run.code, run.stderr).toBe(0)
    layout = await readLayout(readFileSync(join(dir, 'long.pdf')))
    const manifest = JSON.parse(readFileSync(join(ROOT, 'templates', theme, 'theme.json'), 'utf8'))
    // A theme with a side column: the page breaks that matter are the main column's, read on their own.
    if (manifest.side?.length) {
      const titles = layout.pages.flatMap((p) => p.items).filter((i) => TITLES.has(squash(i.str)))
      layout = mainColumn(layout, Math.min(...titles.map((t) => t.x)) - 1)
    }
    const words = JSON.parse(readFileSync(join(ROOT, 'locales/en.json'), 'utf8')).sections
    headings = new Set(
      (resume.meta.sections as string[])
        .map((s) => manifest.headings?.[s] ?? words[s])
        .filter(Boolean)
        .map((h: string) => h.toLowerCase()),
    )
    bottomMargin = inches(manifest.page?.margins?.bottom ?? '0.5in')
    topMargin = inches(manifest.page?.margins?.top ?? '0.5in')
  })

  it('runs to three pages', () => {
    expect(layout.pages).toHaveLength(3)
  })

  it('ends no page on a section heading or an entry head', () => {
    for (const page of layout.pages.slice(0, -1)) {
      const last = pageLines(page.number).at(-1)!
      expect(isHeading(last), `${theme}: page ${page.number} ends on the heading "${last.text}"`).toBe(false)
      expect(isEntryHead(last), `${theme}: page ${page.number} ends on the entry head "${last.text}"`).toBe(false)
    }
  })

  it('keeps each heading with the first entry, and each entry head with its first lines', () => {
    const lines = layout.lines
    for (const [n, line] of lines.entries()) {
      if (isHeading(line)) {
        expect(lines[n + 1]?.page, `${theme}: "${line.text}" and its first entry`).toBe(line.page)
        expect(lines[n + 2]?.page, `${theme}: "${line.text}" and its first entry's first line`).toBe(line.page)
      }
      if (isEntryHead(line) && lines[n + 1] && !isHeading(lines[n + 1]!) && !isEntryHead(lines[n + 1]!))
        expect(lines[n + 1]!.page, `${theme}: the head of "${line.items[0]!.str}" and its first line`).toBe(line.page)
    }
  })

  it('never cuts a bullet in two: every page after the first starts with a bullet, an entry or a heading', () => {
    for (const page of layout.pages.slice(1)) {
      const first = pageLines(page.number)[0]!
      expect(isBulletStart(first) || isEntryHead(first) || isHeading(first), `${theme}: page ${page.number} starts with "${first.text}"`).toBe(true)
    }
  })

  it('leaves no more than a quarter of a page blank at the bottom, but on the last page', () => {
    for (const page of layout.pages.slice(0, -1)) {
      const last = pageLines(page.number).at(-1)!
      const area = page.height - topMargin - bottomMargin
      const blank = page.height - bottomMargin - last.y
      console.info(`${theme}: page ${page.number} ends ${blank.toFixed(0)}pt above its bottom margin (${((100 * blank) / area).toFixed(1)}% of the page)`)
      expect(blank / area, `${theme}: page ${page.number} ends ${blank.toFixed(0)}pt above its bottom margin`).toBeLessThanOrEqual(0.25)
    }
  })
})
