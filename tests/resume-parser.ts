import type { Layout, LayoutItem, LayoutLine } from './pdf-layout.js'

/**
 * A rule-based resume parser for the ATS tests, after OpenResume's (open-resume.com, its
 * `parse-resume-from-pdf` steps): sections start at a heading line; a section splits into entries
 * where lines stand further apart than 1.4 times the usual gap; an entry's head is its lines
 * before the first bullet, and each field is the head's text item that scores highest on a few
 * features: for a job, the title has a job-title word, the date a year or month, the company is
 * bold and is neither the title nor the date; for a degree, the school has a school word, the
 * degree a degree word. One departure: a title is split into words at "/" as well as spaces, so
 * "CEO/President" has a job-title word (OpenResume's own split finds none, in any layout).
 */

const JOB_TITLES = new Set(
  'Accountant Administrator Advisor Agent Analyst Apprentice Architect Assistant Associate Auditor Bartender Biologist Bookkeeper Buyer Carpenter Cashier CEO Clerk Co-op Co-Founder Consultant Coordinator CTO Developer Designer Director Driver Editor Electrician Engineer Extern Founder Freelancer Head Intern Janitor Journalist Laborer Lawyer Lead Manager Mechanic Member Nurse Officer Operator Operation Photographer President Producer Recruiter Representative Researcher Sales Server Scientist Specialist Supervisor Teacher Technician Trader Trainee Treasurer Tutor Vice VP Volunteer Webmaster Worker'.split(
    ' ',
  ),
)
const SCHOOLS = ['College', 'University', 'Institute', 'School', 'Academy', 'BASIS', 'Magnet']
const DEGREES = ['Associate', 'Bachelor', 'Master', 'PhD', 'Ph.']
const MONTHS = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/
const BULLETS = ['⋅', '∙', '🞄', '•', '⦁', '⚫︎', '●', '⬤', '⚬', '○']

type Feature = [(item: LayoutItem) => boolean, number]

const text = (i: LayoutItem) => i.str.trim()
const words = (i: LayoutItem) => text(i).split(/[\s/]+/)
const hasNumber = (i: LayoutItem) => /\d/.test(i.str)
const hasYear = (i: LayoutItem) => /(?:19|20)\d{2}/.test(i.str)
const hasText = (t: string) => (i: LayoutItem) => t !== '' && i.str.includes(t)
const DATE: Feature[] = [
  [hasYear, 1],
  [(i) => MONTHS.test(i.str), 1],
  [(i) => /\b(Summer|Fall|Spring|Winter)\b/.test(i.str), 1],
  [(i) => /present/i.test(i.str), 1],
  [(i) => i.str.includes(','), -1],
]

/** The item with the highest score (the first of equals); '' when none scores above zero, unless `any`. */
function best(items: readonly LayoutItem[], features: readonly Feature[], any = false): string {
  let top = Number.NEGATIVE_INFINITY
  let found = ''
  for (const item of items) {
    if (!text(item)) continue
    const score = features.reduce((n, [test, weight]) => n + (test(item) ? weight : 0), 0)
    if (score > top) {
      top = score
      found = text(item)
    }
  }
  return !any && top <= 0 ? '' : found
}

/** The lines of one section: from its heading (case-insensitive) to the next heading. */
export function sectionLines(layout: Layout, heading: string, headings: readonly string[]): LayoutLine[] {
  const isHeading = (l: LayoutLine) => headings.some((h) => h.toLowerCase() === l.text.toLowerCase())
  const start = layout.lines.findIndex((l) => l.text.toLowerCase() === heading.toLowerCase())
  if (start < 0) return []
  const end = layout.lines.findIndex((l, n) => n > start && isHeading(l))
  return layout.lines.slice(start + 1, end < 0 ? undefined : end)
}

/** Entries of a section: a new one where the gap above a line is over 1.4 times the usual gap. */
export function subsections(lines: readonly LayoutLine[]): LayoutLine[][] {
  const gaps = lines.slice(1).map((l, n) => (l.page === lines[n]!.page ? Math.round(l.y - lines[n]!.y) : 0))
  const counts = new Map<number, number>()
  for (const g of gaps) if (g > 0) counts.set(g, (counts.get(g) ?? 0) + 1)
  const usual = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0
  const out: LayoutLine[][] = []
  lines.forEach((line, n) => {
    if (n === 0 || gaps[n - 1]! > usual * 1.4) out.push([])
    out[out.length - 1]!.push(line)
  })
  return out
}

/** The head of an entry: its items before the first bullet line. */
const headItems = (entry: readonly LayoutLine[]): LayoutItem[] => {
  const at = entry.findIndex((l) => BULLETS.includes(text(l.items[0]!)) || BULLETS.some((b) => text(l.items[0]!).startsWith(b)))
  return entry.slice(0, at < 0 ? entry.length : at).flatMap((l) => l.items)
}

export interface ParsedJob {
  jobTitle: string
  company: string
  date: string
}

export function parseJob(entry: readonly LayoutLine[]): ParsedJob {
  const items = headItems(entry)
  const date = best(items, DATE)
  const jobTitle = best(items, [
    [(i) => words(i).some((w) => JOB_TITLES.has(w)), 4],
    [hasNumber, -4],
    [(i) => text(i).split(/\s/).length > 5, -2],
  ])
  const company = best(
    items,
    [
      [(i) => i.bold, 2],
      [hasText(date), -4],
      [hasText(jobTitle), -4],
    ],
    true,
  )
  return { jobTitle, company, date }
}

export interface ParsedSchool {
  school: string
  degree: string
  date: string
}

export function parseSchool(entry: readonly LayoutLine[]): ParsedSchool {
  const items = headItems(entry)
  const hasSchool = (i: LayoutItem) => SCHOOLS.some((s) => i.str.includes(s))
  const hasDegree = (i: LayoutItem) => DEGREES.some((d) => i.str.includes(d)) || /[ABM][A-Z.]/.test(i.str)
  return {
    school: best(items, [
      [hasSchool, 4],
      [hasDegree, -4],
      [hasNumber, -4],
    ]),
    degree: best(items, [
      [hasDegree, 4],
      [hasSchool, -4],
      [hasNumber, -3],
    ]),
    date: best(items, DATE),
  }
}
