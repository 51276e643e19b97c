import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT, runCli, SEED, tempDir } from './helpers.js'
import { type Layout, mainColumn, readLayout, squash } from './pdf-layout.js'
import { parseJob, parseSchool, sectionLines, subsections } from './resume-parser.js'

// Issue 21, "ATS, the remaining fields": the seed and the JSON Resume sample, built in every theme
// vitae ships, read by a rule-based parser (tests/resume-parser.ts, after OpenResume's): each job's
// title, company and dates, and each degree's school, degree and dates, land in the right field.
// The academic theme used to print the organisation in plain italic, so the parser took the " | "
// before it for the company; the sample's first job read its title as the company.

const THEMES = readdirSync(join(ROOT, 'templates'))
  .filter((name) => existsSync(join(ROOT, 'templates', name, 'theme.json')))
  .sort()
const SAMPLE = join(ROOT, 'node_modules/@jsonresume/schema/sample.resume.json')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const date = (value: string): string => {
  const [y, m] = String(value).split('-')
  return m ? `${MONTHS[Number(m) - 1]} ${y}` : y!
}
const range = (start?: string, end?: string) => (start ? `${date(start)} – ${end ? date(end) : 'Present'}` : '')

const RESUMES = [
  { name: 'the seed', file: SEED, data: parse(readFileSync(SEED, 'utf8')) },
  { name: 'the JSON Resume sample', file: SAMPLE, data: JSON.parse(readFileSync(SAMPLE, 'utf8')) },
]

/** Every heading the theme may print, to know where a section ends. */
function headingsOf(theme: string, resume: any): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'templates', theme, 'theme.json'), 'utf8'))
  const words = JSON.parse(readFileSync(join(ROOT, 'locales/en.json'), 'utf8')).sections
  return { ...words, ...manifest.headings, ...resume.meta?.headings }
}

/**
 * A theme with a side column (theme.json `side`) puts it first in the PDF, as a whole: a parser that
 * reads the text in order, as OpenResume does, meets it before the main column. This test groups
 * lines by height, so it reads such a page as a parser that has told the columns apart: the main
 * column alone, from where the first job's title starts.
 */
function asRead(theme: string, layout: Layout, resume: any): Layout {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'templates', theme, 'theme.json'), 'utf8'))
  if (!manifest.side?.length) return layout
  const title = resume.work[0].position as string
  const at = layout.pages.flatMap((p) => p.items).filter((i) => i.str.includes(title))
  return mainColumn(layout, Math.min(...at.map((i) => i.x)) - 1)
}

describe.each(THEMES)('%s: a rule-based parser reads every job and degree into the right fields', (theme) => {
  const layouts = new Map<string, Layout>()
  beforeAll(async () => {
    const dir = tempDir()
    for (const [k, r] of RESUMES.entries()) {
      const run = await runCli(['build', r.file, '--format', 'pdf', '-q', '-o', join(dir, String(k)), '--theme', theme])
      expect(run.code, run.stderr).toBe(0)
      const pdf = readdirSync(join(dir, String(k))).find((f) => f.endsWith('.pdf'))!
      layouts.set(r.name, await readLayout(readFileSync(join(dir, String(k), pdf))))
    }
  }, 120_000)

  it.each(RESUMES.map((r) => r.name))('%s: work', (name) => {
    const r = RESUMES.find((x) => x.name === name)!
    const headings = headingsOf(theme, r.data)
    const entries = subsections(sectionLines(asRead(theme, layouts.get(name)!, r.data), headings.work!, Object.values(headings)))
    const jobs = entries.map(parseJob)
    expect(jobs).toEqual(r.data.work.map((w: any) => ({ jobTitle: w.position, company: w.name, date: range(w.startDate, w.endDate) })))
  })

  it.each(RESUMES.map((r) => r.name))('%s: education', (name) => {
    const r = RESUMES.find((x) => x.name === name)!
    const headings = headingsOf(theme, r.data)
    const entries = subsections(sectionLines(asRead(theme, layouts.get(name)!, r.data), headings.education!, Object.values(headings)))
    const schools = entries.map(parseSchool)
    expect(schools).toEqual(r.data.education.map((e: any) => ({ school: e.institution, degree: squash(`${e.studyType} ${e.area}`), date: range(e.startDate, e.endDate) })))
  })
})
