import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { ROOT, runCli, tempDir } from './helpers.js'
import { flowResume } from './long-resumes.js'
import { type Layout, type LayoutLine, readLayout } from './pdf-layout.js'

// Page flow on long resumes, in every shipped theme and for every shape of entry: runs of short
// entries without bullets (skills with levels, languages, awards, publications) break between any
// two entries, long entries between bullets; a heading keeps its first entry with it, an entry head
// its first line; and no page but the last is left more than a quarter empty. (The rule allows a
// page that much emptier when the next unbreakable piece is taller than the space left; in these
// resumes the tallest such piece, a heading with an entry head and a line, is far shorter than a
// quarter page, so here every page but the last must be at least three-quarters full.)

const THEMES = readdirSync(join(ROOT, 'templates'))
  .filter((name) => existsSync(join(ROOT, 'templates', name, 'theme.json')))
  .sort()
const SHAPES = ['work', 'skills', 'languages', 'awards', 'publications', 'mixed'] as const
const WORDS = JSON.parse(readFileSync(join(ROOT, 'locales/en.json'), 'utf8')).sections as Record<string, string>
const HEADINGS = new Set(['work', 'skills', 'languages', 'awards', 'publications'].map((s) => WORDS[s]!.toLowerCase()))

const points = (length: string): number => {
  const m = /^([\d.]+)(in|mm|cm|pt|px)$/.exec(length.trim())
  if (!m) throw new Error(`a length like 0.5in: ${length}`)
  return Number(m[1]) * { in: 72, mm: 72 / 25.4, cm: 72 / 2.54, pt: 1, px: 0.75 }[m[2] as 'in']
}

const isHeading = (l: LayoutLine) => HEADINGS.has(l.text.toLowerCase())
const isEntryHead = (l: LayoutLine) => /^Engineer Grade \d+\b/.test(l.text)

describe.each(THEMES)('page flow in the %s theme', (theme) => {
  const layouts = new Map<string, Layout>()
  let margins = { top: 36, bottom: 36 }

  beforeAll(async () => {
    const dir = tempDir('vitae-flow-')
    const file = join(dir, 'flow.yaml')
    writeFileSync(file, stringify(flowResume()))
    const run = await runCli(['build', file, '--all-variants', '--format', 'pdf', '-q', '-o', dir, '--theme', theme], { timeoutMs: 120_000 })
    expect(run.code, run.stderr).toBe(0)
    for (const shape of SHAPES) layouts.set(shape, await readLayout(readFileSync(join(dir, `flow-${shape}.pdf`))))
    const page = JSON.parse(readFileSync(join(ROOT, 'templates', theme, 'theme.json'), 'utf8')).page?.margins ?? {}
    margins = { top: points(page.top ?? '0.5in'), bottom: points(page.bottom ?? '0.5in') }
  }, 180_000)

  it.each(SHAPES)('%s: runs over several pages, each but the last at least three-quarters full', (shape) => {
    const layout = layouts.get(shape)!
    expect(layout.pages.length).toBeGreaterThanOrEqual(2)
    for (const page of layout.pages.slice(0, -1)) {
      const last = layout.lines.filter((l) => l.page === page.number).at(-1)!
      const size = Math.max(...last.items.map((i) => i.size))
      const usable = page.height - margins.top - margins.bottom
      const empty = (page.height - margins.bottom - (last.y + size * 0.25)) / usable
      expect(empty, `${theme}/${shape}: page ${page.number} is ${Math.round(empty * 100)}% empty, ending on "${last.text}"`).toBeLessThanOrEqual(0.25)
    }
  })

  it.each(SHAPES)('%s: a heading keeps its first entry, an entry head its first line', (shape) => {
    const { lines, pages } = layouts.get(shape)!
    for (const [n, line] of lines.entries()) {
      if (isHeading(line)) {
        expect(lines[n + 1]?.page, `${theme}/${shape}: "${line.text}" and its first entry`).toBe(line.page)
        if (isEntryHead(lines[n + 1]!)) expect(lines[n + 2]?.page, `${theme}/${shape}: "${line.text}" and its first entry's first line`).toBe(line.page)
      }
      if (isEntryHead(line)) expect(lines[n + 1]?.page, `${theme}/${shape}: "${line.text}" and its first line`).toBe(line.page)
    }
    for (const page of pages.slice(0, -1)) {
      const last = lines.filter((l) => l.page === page.number).at(-1)!
      expect(isHeading(last) || isEntryHead(last), `${theme}/${shape}: page ${page.number} ends on "${last.text}"`).toBe(false)
    }
  })

  it('breaks a long entry between its bullets rather than moving it whole', () => {
    const { lines } = layouts.get('work')!
    // Some page starts inside an entry: its first line is a bullet, not an entry head or a heading.
    const firsts = [...new Set(lines.map((l) => l.page))].slice(1).map((p) => lines.find((l) => l.page === p)!)
    expect(
      firsts.some((l) => l.text.startsWith('•')),
      `${theme}: first lines ${firsts.map((l) => l.text.slice(0, 20)).join(' / ')}`,
    ).toBe(true)
  })

  it('prints no colon after a skill that has a level and no keywords', () => {
    const text = layouts
      .get('skills')!
      .lines.map((l) => l.text)
      .join('\n')
    expect(text).toMatch(/Skill 1\s+\(Intermediate\)\s/)
    expect(text).not.toMatch(/\(Intermediate\):|\(Expert\):/)
    // Its keywords follow the name (after a colon, or in a column of their own as cv sets them). A
    // side column's lines share their heights with the main column's, so there they are only found.
    const side = (JSON.parse(readFileSync(join(ROOT, 'templates', theme, 'theme.json'), 'utf8')).side ?? []) as string[]
    expect(text).toMatch(side.includes('skills') ? /one, two, three/ : /Skill 3 \(Advanced\):?\s+one, two, three/)
  })
})
