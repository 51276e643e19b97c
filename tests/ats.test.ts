import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT, runCli, SEED, seedCopy } from './helpers.js'
import { gapBetween, type Layout, type LayoutItem, type LayoutLine, mainColumn, readLayout, squash, typicalCharWidth } from './pdf-layout.js'

// Issue 14, "ATS-readable by construction": the seed resume, built in every theme vitae ships,
// read back the way a rule-based resume parser (OpenResume's, say) reads a PDF: text items with
// positions and fonts, grouped into lines, sections and entries. Each field must be its own item,
// far enough from its neighbours not to be merged into them; entries must stand further apart
// than the lines inside them; bullets must be "•" characters; dates must read as dates.

const THEMES = readdirSync(join(ROOT, 'templates'))
  .filter((name) => existsSync(join(ROOT, 'templates', name, 'theme.json')))
  .sort()

// ---------------------------------------------------------------------------------------------
// What the seed says, derived from resume.yaml, independently of src/.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const date = (value: string): string => {
  const [y, m] = String(value).split('-')
  return m ? `${MONTHS[Number(m) - 1]} ${y}` : y!
}
const range = (start?: string, end?: string): string | undefined => {
  if (!start) return end ? date(end) : undefined
  const from = date(start)
  const to = end ? date(end) : 'Present'
  return from === to ? from : `${from} – ${to}`
}
/** A highlight's text as printed: Markdown marks gone, runs of spaces single. */
const plain = (md: string): string =>
  squash(
    md
      .replace(/\*\*|__/g, '')
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'),
  )

/** Dates as the issue wants them: month and year, a year, or a range of either, read as one unit. */
const DATE = /^[A-Z][a-z]{2} \d{4}( – ([A-Z][a-z]{2} \d{4}|Present))?$|^\d{4}( – \d{4})?$/

interface Entry {
  section: string
  title: string
  organization?: string
  note?: string
  location?: string
  dates?: string
  summary?: string
  bullets: string[]
}

type Seed = Record<string, any>
const seed: Seed = parse(readFileSync(SEED, 'utf8'))
const text = (h: string | { text: string }): string => plain(typeof h === 'string' ? h : h.text)

const manifestOf = (theme: string) => JSON.parse(readFileSync(join(ROOT, 'templates', theme, 'theme.json'), 'utf8'))

/** The seed's sections in the order the theme reads them: a side column's (theme.json `side`) first, as a whole. */
function readingOrder(theme: string): string[] {
  const side: string[] = manifestOf(theme).side ?? []
  const sections = seed.meta.sections as string[]
  return [...sections.filter((s) => side.includes(s)), ...sections.filter((s) => !side.includes(s))]
}

function seedEntries(theme: string): Entry[] {
  const out: Entry[] = []
  for (const section of readingOrder(theme)) {
    for (const e of seed[section] ?? []) {
      if (section === 'education')
        out.push({
          section,
          title: squash(`${e.studyType} ${e.area}`),
          organization: e.institution,
          location: e.location,
          dates: range(e.startDate, e.endDate),
          summary: e.summary && plain(e.summary),
          bullets: (e.highlights ?? []).map(text),
        })
      if (section === 'work')
        out.push({ section, title: e.position, organization: e.name, location: e.location, dates: range(e.startDate, e.endDate), bullets: (e.highlights ?? []).map(text) })
      if (section === 'projects')
        out.push({ section, title: e.name, organization: e.type, note: e.description, dates: range(e.startDate, e.endDate), bullets: (e.highlights ?? []).map(text) })
      if (section === 'awards') out.push({ section, title: e.title, organization: e.awarder, dates: e.date ? date(e.date) : undefined, bullets: [] })
    }
  }
  return out
}

const FIELDS = ['title', 'organization', 'note', 'location', 'dates'] as const

/** The section headings the seed asks for, as the theme prints them (any case). */
function headings(theme: string): string[] {
  const manifest = manifestOf(theme)
  const words = JSON.parse(readFileSync(join(ROOT, 'locales/en.json'), 'utf8')).sections
  return (seed.meta.sections as string[]).map((s) => seed.meta.headings?.[s] ?? manifest.headings?.[s] ?? words[s]).filter(Boolean)
}

/**
 * Every fact of the seed, in the order the theme reads them. An entry's dates come after its other
 * fields, or, in a theme that sets them in a column of their own on the left (cv), before its title.
 */
interface Fact {
  text: string
  /** The dates of an entry: after its fields, or just before its title. */
  dates?: true
  /** The title of an entry: where dates set before it may start. */
  title?: true
}
function seedFacts(theme: string): Fact[] {
  const b = seed.basics
  const facts: Fact[] = [b.name, b.label, b.email, b.phone, 'www.linkedin.com/in/hayes-zhao'].map((text) => ({ text }))
  const entries = seedEntries(theme)
  for (const section of readingOrder(theme)) {
    if (section === 'summary') facts.push({ text: plain(b.summary) })
    if (section === 'skills') for (const s of seed.skills) facts.push({ text: s.name }, ...s.keywords.map((text: string) => ({ text })))
    for (const e of entries.filter((x) => x.section === section)) {
      for (const f of FIELDS) if (e[f]) facts.push({ text: e[f]!, ...(f === 'dates' ? { dates: true as const } : f === 'title' ? { title: true as const } : {}) })
      if (e.summary) facts.push({ text: e.summary })
      facts.push(...e.bullets.map((text) => ({ text })))
    }
  }
  return facts
}

// ---------------------------------------------------------------------------------------------
// Finding the seed's entries among the PDF's items.

interface Found {
  entry: Entry
  items: Partial<Record<(typeof FIELDS)[number], LayoutItem>>
  head: LayoutLine
  /** The lines from the entry's head to its last line. */
  lines: LayoutLine[]
}

const isBullet = (i: LayoutItem): boolean => i.str.trim() === '•' || i.str.startsWith('•')
const lineOf = (layout: Layout, item: LayoutItem): LayoutLine => layout.lines.find((l) => l.items.includes(item))!

function findEntries(layout: Layout, theme: string, entries: Entry[]): Found[] {
  const items = layout.pages.flatMap((p) => p.items)
  const heads = new Set(headings(theme).map((h) => h.toLowerCase()))
  const isHeading = (l: LayoutLine) => heads.has(l.text.toLowerCase())
  const found: Found[] = []
  let from = 0
  for (const entry of entries) {
    const at: Found['items'] = {}
    const titleAt = items.findIndex((i, n) => n >= from && squash(i.str) === entry.title)
    expect(titleAt, `${theme}: "${entry.title}" is one text item`).toBeGreaterThanOrEqual(0)
    at.title = items[titleAt]
    let next = titleAt + 1
    for (const f of FIELDS.slice(1)) {
      const want = entry[f]
      if (!want) continue
      // The note may be printed in brackets; any other field is the item's whole text. Dates may
      // also stand just before the title, in a column of their own (cv).
      const is = (i: LayoutItem) => (f === 'note' ? squash(i.str).replace(/^\(|\)$/g, '') === want : squash(i.str) === want)
      const before = f === 'dates' ? items.findIndex((i, k) => k >= from && k < titleAt && is(i)) : -1
      if (before >= 0) {
        at[f] = items[before]
        continue
      }
      const n = items.findIndex((i, k) => k >= next && is(i))
      expect(n, `${theme}: ${f} "${want}" of "${entry.title}" is its own text item, after the fields before it`).toBeGreaterThanOrEqual(0)
      at[f] = items[n]
      next = n + 1
    }
    from = next
    found.push({ entry, items: at, head: lineOf(layout, at.title!), lines: [] })
  }
  // Each entry runs from its head to the line before the next entry's head or the next heading.
  for (const [k, f] of found.entries()) {
    // Dates set before the title share its line: the entry starts there either way.
    const start = layout.lines.indexOf(f.head)
    const end = k + 1 < found.length ? layout.lines.indexOf(found[k + 1]!.head) : layout.lines.length
    const lines = layout.lines.slice(start, end)
    const stop = lines.findIndex((l, n) => n > 0 && (isHeading(l) || l.items.some((i) => /:$/.test(i.str) && i.bold && n > 0 && l.items[0] === i && f.entry.section === 'awards')))
    f.lines = stop > 0 ? lines.slice(0, stop) : lines
  }
  return found
}

/** Baseline-to-baseline distance between two lines on the same page, or undefined across pages. */
const pitch = (a: LayoutLine, b: LayoutLine): number | undefined => (a.page === b.page ? b.y - a.y : undefined)
const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!

// ---------------------------------------------------------------------------------------------
// Reading the DOCX back: paragraphs with their style, numbering and runs.

interface DocxParagraph {
  style: string
  numbered: boolean
  runs: Array<{ tab: true } | { text: string }>
  text: string
}

function docxParagraphs(file: string): DocxParagraph[] {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!)
  const unescapeXml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? ''
    const props = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? ''
    const runs: DocxParagraph['runs'] = []
    for (const r of body.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '').matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r [^>]*>([\s\S]*?)<\/w:r>/g)) {
      const run = (r[1] ?? r[2] ?? '').replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, '')
      for (const t of run.matchAll(/<w:tab\/>|<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)) runs.push(t[0] === '<w:tab/>' ? { tab: true } : { text: unescapeXml(t[1]!) })
    }
    return {
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(props)?.[1] ?? 'Normal',
      numbered: /<w:numPr>/.test(props),
      runs,
      text: runs.map((r) => ('tab' in r ? '\t' : r.text)).join(''),
    }
  })
}

// ---------------------------------------------------------------------------------------------

/**
 * A theme with a side column: its text items split by the column they are set in. The main column
 * starts where its entries' titles do (left to right); every item must lie wholly on one side.
 */
function splitColumns(full: Layout, titles: LayoutItem[]): { mainLeft: number; side: LayoutItem[]; main: LayoutItem[]; crossing: LayoutItem[] } {
  const mainLeft = Math.min(...titles.map((t) => t.x)) - 1
  const items = full.pages.flatMap((p) => p.items)
  return {
    mainLeft,
    side: items.filter((i) => i.x + i.width <= mainLeft),
    main: items.filter((i) => i.x >= mainLeft),
    crossing: items.filter((i) => i.x < mainLeft && i.x + i.width > mainLeft),
  }
}

describe.each(THEMES)('the seed in the %s theme, as a resume parser reads it', (theme) => {
  /** What the entry checks read: the page, or in a theme with a side column the main column. */
  let layout: Layout
  /** The whole page. */
  let full: Layout
  const side: string[] = manifestOf(theme).side ?? []
  let found: Found[]
  let dir = ''
  let threshold = 0
  const ENTRIES = seedEntries(theme)

  beforeAll(async () => {
    dir = seedCopy()
    const run = await runCli(['build', 'resume.yaml', '--format', 'pdf,docx', '-q', '-o', 'out', '--theme', theme], { cwd: dir })
    expect(run.code, run.stderr).toBe(0)
    full = await readLayout(readFileSync(join(dir, 'out/resume.pdf')))
    layout = full
    found = findEntries(layout, theme, ENTRIES)
    if (side.length) {
      layout = mainColumn(
        full,
        splitColumns(
          full,
          found.map((f) => f.items.title!),
        ).mainLeft,
      )
      found = findEntries(layout, theme, ENTRIES)
    }
    threshold = typicalCharWidth(layout.pages.flatMap((p) => p.items))
  })

  it('fits one Letter page', () => {
    expect(full.pages).toHaveLength(1)
    expect(full.pages[0]!.width).toBeCloseTo(612, 0)
    expect(full.pages[0]!.height).toBeCloseTo(792, 0)
  })

  it.runIf(side.length > 0)('keeps its two columns apart: no text item in both, the side column read as a whole, before the main one', () => {
    const {
      side: left,
      main,
      crossing,
    } = splitColumns(
      full,
      found.map((f) => f.items.title!),
    )
    expect(crossing.map((i) => i.str)).toEqual([])
    expect(left.length).toBeGreaterThan(10)
    // In the order the text is read: the name and label, then the side column, then the main one.
    const items = full.pages.flatMap((p) => p.items)
    const column = items.map((i) => (left.includes(i) ? 'side' : 'main'))
    const runs = column.filter((c, k) => k === 0 || c !== column[k - 1])
    expect(runs, `${theme}: columns in reading order`).toEqual(['main', 'side', 'main'])
    const header = items.slice(0, column.indexOf('side')).map((i) => squash(i.str))
    expect(header).toEqual([seed.basics.name, seed.basics.label])
    // The side column holds what theme.json says: its first heading is the first side section's.
    const firstSide = side.find((s) => (seed.meta.sections as string[]).includes(s))
    expect(left.map((i) => squash(i.str).toLowerCase())).toContain((seed.meta.headings?.[firstSide!] ?? firstSide).toLowerCase())
    expect(main.length).toBeGreaterThan(left.length)
  })

  it('holds every fact of the seed, in reading order', () => {
    const read = squash(full.pages.flatMap((p) => p.items.map((i) => i.str)).join(' ')).toLowerCase()
    // Text items end where fonts change, so "infrastructure" and "," are two items: join them back;
    // a word broken at its hyphen at the end of a line ("high-" / "performance") reads as one.
    const flat = read.replace(/ ([,.;:)])/g, '$1').replace(/(\w)- (\w)/g, '$1-$2')
    let from = 0
    let entryStart = 0
    let titleAt = 0
    for (const fact of seedFacts(theme)) {
      const text = fact.text.toLowerCase()
      // Dates set before the title (cv's date column) are read between the entry's start and its title.
      const early = fact.dates ? flat.indexOf(text, entryStart) : -1
      if (early >= 0 && early < titleAt) continue
      const at = flat.indexOf(text, from)
      expect(at, `${theme}: "${fact.text}" after offset ${from}: …${flat.slice(from, from + 80)}…`).toBeGreaterThanOrEqual(0)
      if (fact.title) [entryStart, titleAt] = [from, at]
      from = at + text.length
    }
  })

  it('prints each section heading as one text item (tracked capitals must not fall apart into letters)', () => {
    const items = full.pages.flatMap((p) => p.items.map((i) => squash(i.str).toLowerCase()))
    for (const h of headings(theme)) expect(items, `${theme}: heading "${h}"`).toContain(h.toLowerCase())
  })

  it('prints title, organisation, note, location and dates as separate items, in reading order', () => {
    const items = layout.pages.flatMap((p) => p.items)
    for (const f of found) {
      // Dates read first, just before the title on its line (a date column), or last, as in the other themes.
      const datesFirst = f.items.dates !== undefined && items.indexOf(f.items.dates) < items.indexOf(f.items.title!)
      if (datesFirst) {
        expect(lineOf(layout, f.items.dates!), `${theme}: dates of "${f.entry.title}" on its title's line`).toBe(f.head)
        expect(f.items.dates!.x, `${theme}: dates of "${f.entry.title}" left of the title`).toBeLessThan(f.items.title!.x)
      }
      const order = FIELDS.filter((k) => f.items[k] && !(k === 'dates' && datesFirst)).map((k) => f.items[k]!)
      const lines = order.map((i) => layout.lines.findIndex((l) => l.items.includes(i)))
      for (let n = 1; n < order.length; n++) {
        const [a, b] = [order[n - 1]!, order[n]!]
        const inOrder = lines[n]! > lines[n - 1]! || (lines[n] === lines[n - 1] && b.x > a.x)
        expect(inOrder, `${theme}: "${b.str}" reads after "${a.str}"`).toBe(true)
      }
      // The head is at most two lines: its fields are not scattered through the entry.
      expect(Math.max(...lines) - Math.min(...lines), `${theme}: head of "${f.entry.title}"`).toBeLessThanOrEqual(1)
    }
  })

  it('keeps more than a typical character, and at least a quarter em, on each side of every field', () => {
    expect(threshold).toBeGreaterThan(3)
    for (const f of found) {
      for (const item of Object.values(f.items)) {
        const line = lineOf(layout, item!)
        const k = line.items.indexOf(item!)
        const neighbours: Array<[LayoutItem, LayoutItem]> = []
        if (k > 0) neighbours.push([line.items[k - 1]!, item!])
        if (k < line.items.length - 1) neighbours.push([item!, line.items[k + 1]!])
        for (const [left, right] of neighbours) {
          const gap = gapBetween(left, right)
          const need = Math.max(threshold, 0.25 * Math.max(left.size, right.size))
          expect(gap, `${theme}: gap between "${left.str}" and "${right.str}" is ${gap.toFixed(2)}pt; a parser merges below ${need.toFixed(2)}pt`).toBeGreaterThan(need)
        }
      }
    }
  })

  it('prints dates to the month, ranges as one item', () => {
    const dates = found.flatMap((f) => (f.items.dates ? [f.items.dates.str.trim()] : []))
    expect(dates.length).toBeGreaterThanOrEqual(5)
    for (const d of dates) expect(d).toMatch(DATE)
    // No day anywhere: "Dec 1, 2013" is the comma a parser splits a date at.
    const all = full.pages.flatMap((p) => p.items.map((i) => i.str)).join(' ')
    expect(all).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? \d{1,2}, \d{4}/)
  })

  it('sets entries clearly further apart (1.5x and more) than the lines inside them, bullets closer than entries', () => {
    const inside: number[] = []
    const where: string[] = []
    const between: number[] = []
    const bullets: number[] = []
    for (const [k, f] of found.entries()) {
      for (let n = 1; n < f.lines.length; n++) {
        const p = pitch(f.lines[n - 1]!, f.lines[n]!)
        if (p === undefined) continue
        inside.push(p)
        where.push(`"${f.lines[n]!.text.slice(0, 40)}" in "${f.entry.title}"`)
        if (f.lines[n]!.items[0] && isBullet(f.lines[n]!.items[0]!) && n > 1) bullets.push(p)
      }
      const prev = found[k - 1]
      if (prev && prev.entry.section === f.entry.section) {
        const p = pitch(prev.lines.at(-1)!, f.head)
        if (p !== undefined) between.push(p)
      }
    }
    const line = median(inside)
    expect(between.length).toBeGreaterThanOrEqual(3)
    for (const p of between) expect(p, `${theme}: entries ${p.toFixed(1)}pt apart, lines ${line.toFixed(1)}pt`).toBeGreaterThanOrEqual(1.5 * line)
    // OpenResume splits wherever lines are more than 1.4x the usual apart: nothing inside an entry may be.
    for (const [n, p] of inside.entries()) expect(p, `${theme}: ${where[n]} is ${p.toFixed(1)}pt below the line before (usual ${line.toFixed(1)}pt)`).toBeLessThan(1.4 * line)
    expect(Math.max(...bullets)).toBeLessThan(Math.min(...between))
    console.info(
      `${theme}: line ${line.toFixed(2)}pt, inside max ${Math.max(...inside).toFixed(2)}, bullets max ${Math.max(...bullets).toFixed(2)}, entries min ${Math.min(...between).toFixed(2)} (${(Math.min(...between) / line).toFixed(2)}x), char ${threshold.toFixed(2)}pt`,
    )
  })

  it('starts every bullet line with a "•" character, then the bullet, in reading order', () => {
    for (const f of found) {
      const starts = f.lines.filter((l) => isBullet(l.items[0]!))
      expect(
        starts.map((l) => l.text.replace(/^•\s*/, '').slice(0, 25)),
        `${theme}: bullets of "${f.entry.title}"`,
      ).toEqual(f.entry.bullets.map((b) => b.slice(0, 25)))
      // The bullet and its text are in the reading order too, not only on the page.
      const items = layout.pages.flatMap((p) => p.items)
      for (const l of starts) expect(items.indexOf(l.items[1]!)).toBe(items.indexOf(l.items[0]!) + 1)
    }
    // No other line starts with one (a wrapped bullet's second line does not).
    const bulletLines = layout.lines.filter((l) => isBullet(l.items[0]!)).length
    expect(bulletLines).toBe(ENTRIES.reduce((n, e) => n + e.bullets.length, 0))
  })

  it('DOCX: each entry line has title and organisation in their own runs, a tab, then place and dates in their own runs', () => {
    const paragraphs = docxParagraphs(join(dir, 'out/resume.docx'))
    const heads = paragraphs.filter((p) => p.style === 'Heading2')
    expect(heads).toHaveLength(ENTRIES.length)
    for (const [k, e] of ENTRIES.entries()) {
      const runs = heads[k]!.runs
      const texts = runs.map((r) => ('tab' in r ? '\t' : r.text))
      const at = (s: string) => texts.findIndex((t) => squash(t).replace(/^\(|\)$/g, '') === s)
      expect(at(e.title), `${theme}: "${e.title}" in its own run: ${JSON.stringify(texts)}`).toBe(0)
      if (e.organization) expect(at(e.organization), `${theme}: organisation in its own run: ${JSON.stringify(texts)}`).toBeGreaterThan(0)
      const tab = texts.indexOf('\t')
      if (e.location || e.dates) expect(tab, `${theme}: a tab before place and dates: ${JSON.stringify(texts)}`).toBeGreaterThan(0)
      if (e.location) expect(at(e.location)).toBeGreaterThan(tab)
      if (e.dates) {
        expect(at(e.dates)).toBeGreaterThan(Math.max(tab, e.location ? at(e.location) : -1))
        expect(e.dates).toMatch(DATE)
      }
    }
  })

  it('DOCX: bullets are a real numbered list (w:numPr), with no typed "•"', () => {
    const paragraphs = docxParagraphs(join(dir, 'out/resume.docx'))
    const listed = paragraphs.filter((p) => p.numbered)
    expect(listed.map((p) => p.text.slice(0, 25))).toEqual(ENTRIES.flatMap((e) => e.bullets.map((b) => b.slice(0, 25))))
    for (const p of paragraphs) expect(p.text).not.toMatch(/^\s*[•●▪\-*]/)
  })
})
