import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, ROOT, runCli, SEED, tempDir } from './helpers.js'
import { type PdfTextItem, type ReadPdf, readPdf } from './read-pdf.js'

// Every shipped theme with other scripts: a Chinese and an Arabic resume stay on one page and
// inside the theme's margins, and right to left the head of an entry is mirrored (the dates on the
// left, the title on the right). The seed stays one page in each theme.

const THEMES = readdirSync(join(ROOT, 'templates'))
  .filter((name) => existsSync(join(ROOT, 'templates', name, 'theme.json')))
  .sort()

const require = createRequire(import.meta.url)
const SAMPLES = {
  'zh-CN': join(FIXTURES, 'i18n/zh-CN.yaml'),
  ja: join(FIXTURES, 'i18n/ja.yaml'),
  ko: join(FIXTURES, 'i18n/ko.yaml'),
  ar: join(FIXTURES, 'i18n/ar.yaml'),
  he: join(FIXTURES, 'i18n/he.yaml'),
  seed: SEED,
  // The official JSON Resume sample: every section there is, as people fill them in.
  jsonresume: require.resolve('@jsonresume/schema/sample.resume.json'),
} as const
type Sample = keyof typeof SAMPLES

const points = (length: string): number => {
  const m = /^([\d.]+)(in|mm|cm|pt|px)$/.exec(length.trim())
  if (!m) throw new Error(`a length like 0.5in: ${length}`)
  return { in: 72, mm: 72 / 25.4, cm: 72 / 2.54, pt: 1, px: 0.75 }[m[2] as 'in'] * Number(m[1])
}

/** The theme's left and right page margins in points (the samples set none of their own). */
function margins(theme: string): { left: number; right: number } {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'templates', theme, 'theme.json'), 'utf8'))
  const m = manifest.page?.margins ?? {}
  return { left: points(m.left ?? '0.5in'), right: points(m.right ?? '0.5in') }
}

/** A run of text items on one line with no gap wider than a few points between them. */
interface Group {
  items: PdfTextItem[]
  start: number
  end: number
}

/**
 * The head of an entry: the line of its dates (the first item `isDates` finds), in runs split at
 * the gaps between its parts, and of those the dates' run and the title's, the run nearest it
 * (title | organisation before the dates in a one-column theme, after them in a date column).
 */
function entryHead(pdf: ReadPdf, isDates: (i: PdfTextItem) => boolean): { dates: Group; title: Group } {
  const date = pdf.items.find(isDates)
  expect(date, 'the dates of the first entry').toBeDefined()
  const line = pdf.items.filter((i) => i.str.trim() !== '' && Math.abs(i.y - date!.y) < 1).sort((a, b) => a.x - b.x)
  const groups: Group[] = []
  for (const item of line) {
    const last = groups.at(-1)
    if (last && item.x - last.end < 8) {
      last.items.push(item)
      last.end = Math.max(last.end, item.x + item.width)
    } else groups.push({ items: [item], start: item.x, end: item.x + item.width })
  }
  const k = groups.findIndex((g) => g.items.includes(date!))
  const [before, after] = [groups[k - 1], groups[k + 1]]
  const gap = (g: Group | undefined) => (g ? Math.max(g.start - groups[k]!.end, groups[k]!.start - g.end) : Number.POSITIVE_INFINITY)
  const title = gap(before) <= gap(after) ? before : after
  expect(title, 'a title beside the dates').toBeDefined()
  return { dates: groups[k]!, title: title! }
}

// Glyphs may overhang their advance a little, and Chrome prints A4 (the cv theme's page in
// Chinese and Arabic) 594.96pt wide where CSS lays out 595.28pt: anything past this is text
// outside the margin.
const SLACK = 1.2

describe.each(THEMES)('the %s theme with other scripts', (theme) => {
  const pdfs = {} as Record<Sample, ReadPdf>

  beforeAll(async () => {
    const dir = tempDir(`vitae-look-${theme}-`)
    for (const [name, file] of Object.entries(SAMPLES) as Array<[Sample, string]>) {
      const out = join(dir, name)
      const run = await runCli(['build', file, '--theme', theme, '--format', 'pdf', '-q', '-o', out])
      expect(run.code, `${theme} ${name}: ${run.stderr}`).toBe(0)
      const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!
      pdfs[name] = await readPdf(join(out, pdf))
    }
  }, 120_000)

  it.each(['zh-CN', 'ja', 'ko', 'ar', 'he', 'seed'] as const)('%s: one page', (name) => {
    expect(pdfs[name].pages).toBe(1)
  })

  // The official sample shows every field (a project's entity, type, roles and keywords among
  // them): a page and a little more in the roomier themes. It must not sprawl.
  it('jsonresume: at most two pages', () => {
    expect(pdfs.jsonresume.pages).toBeLessThanOrEqual(2)
  })

  it.each(['zh-CN', 'ja', 'ko', 'ar', 'he'] as const)('%s: every text item inside the margins', (name) => {
    const pdf = pdfs[name]
    const { left, right } = margins(theme)
    const { width } = pdf.pageSizes[0]!
    // Visible text only: PDF.js measures a space between two runs from one to the other.
    const outside = pdf.items.filter((i) => i.str.trim() !== '' && (i.x < left - SLACK || i.x + i.width > width - right + SLACK))
    expect(
      outside.map((i) => `${JSON.stringify(i.str)} at ${i.x.toFixed(1)}..${(i.x + i.width).toFixed(1)}`),
      `${theme} ${name}: the text runs from ${left.toFixed(1)} to ${(width - right).toFixed(1)}`,
    ).toEqual([])
  })

  it('ar: the head of an entry is the English one mirrored: its title as far in from the right as it is from the left in English, its dates on the other side', () => {
    const { left, right } = margins(theme)
    const { width } = pdfs.ar.pageSizes[0]!
    // The first entry's dates (in Arabic, يناير 2019 – حتى الآن: PDF.js splits Arabic into pieces, the year is one).
    const en = entryHead(pdfs.seed, (i) => /^(\w{3} )?\d{4} – /.test(i.str.trim()))
    const ar = entryHead(pdfs.ar, (i) => i.str.includes('2019'))
    const start = en.title.start - left
    const end = width - right - ar.title.end
    // One-column themes start the title at the margin; a side or date column moves it in by as much on either side.
    expect(Math.abs(end - start), `${theme}: the title ${end.toFixed(1)}pt in from the right in Arabic, ${start.toFixed(1)}pt from the left in English`).toBeLessThan(3)
    const enDatesRight = en.dates.start > en.title.start
    expect(ar.dates.start > ar.title.start, `${theme}: the dates on the other side of the title than in English`).toBe(!enDatesRight)
    const half = (g: Group) => (g.start + g.end) / 2 < width / 2
    expect(half(ar.dates), `${theme}: the dates on the other half of the page than in English`).toBe(!half(en.dates))
  })

  it('ar: bullets hang at the right margin as they hang at the left one in English', () => {
    const { left, right } = margins(theme)
    const { width } = pdfs.ar.pageSizes[0]!
    // The list bullet nearest its start edge ("•" also separates the contact line's items).
    const inset = (pdf: ReadPdf, side: (i: PdfTextItem) => number) => {
      const bullets = pdf.items.filter((i) => i.str.trim() === '•')
      expect(bullets.length, `${theme}: bullets as "•" items`).toBeGreaterThan(0)
      return Math.min(...bullets.map(side))
    }
    const ltr = inset(pdfs.seed, (b) => b.x - left)
    const rtl = inset(pdfs.ar, (b) => width - right - (b.x + b.width))
    // The same indent from the start edge, give or take the bullet's own side bearings.
    expect(Math.abs(rtl - ltr), `${theme}: bullet ${rtl.toFixed(1)}pt in from the right, ${ltr.toFixed(1)}pt from the left in English`).toBeLessThan(2)
  })
})
