import type { Resume } from '../types/resume.js'
import { isBlank, normalizeDate, normalizeUrl, type Obj } from './common.js'
import { splitPlace } from './entries.js'
import { type CsvRow, readCsv } from './linkedin-csv.js'
import { orderTopLevel } from './rendercv.js'

/** A value of the export with no place in a resume: kept under `x-linkedin` and reported at its row. */
export interface LinkedInDropped {
  file: string
  line?: number
  /** What it was, for the message: `Profile.csv "Birth Date"`. */
  what: string
  keptAt: string
}

export interface LinkedInResult {
  resume: Resume
  dropped: LinkedInDropped[]
  /** Files of the export that hold nothing for a resume (Connections.csv, messages.csv, ...). */
  unknownFiles: string[]
  /** The files read, by name, for code frames in messages. */
  texts: Map<string, string>
}

/** The files we read and the columns LinkedIn writes in each ("Get a copy of your data", 2024 layout). */
export const LINKEDIN_FILES: Record<string, readonly string[]> = {
  'Profile.csv': [
    'First Name',
    'Last Name',
    'Maiden Name',
    'Address',
    'Birth Date',
    'Headline',
    'Summary',
    'Industry',
    'Zip Code',
    'Geo Location',
    'Twitter Handles',
    'Websites',
    'Instant Messengers',
  ],
  'Positions.csv': ['Company Name', 'Title', 'Description', 'Location', 'Started On', 'Finished On'],
  'Education.csv': ['School Name', 'Start Date', 'End Date', 'Notes', 'Degree Name', 'Activities'],
  'Skills.csv': ['Name'],
  'Projects.csv': ['Title', 'Description', 'Url', 'Started On', 'Finished On'],
  'Certifications.csv': ['Name', 'Url', 'Authority', 'Started On', 'Finished On', 'License Number'],
  'Languages.csv': ['Name', 'Proficiency'],
  'Honors.csv': ['Title', 'Description', 'Issued On'],
  'Publications.csv': ['Name', 'Published On', 'Description', 'Publisher', 'Url'],
  'Volunteering.csv': ['Company Name', 'Role', 'Cause', 'Started On', 'Finished On', 'Description'],
  'Courses.csv': ['Name', 'Number'],
  'Email Addresses.csv': ['Email Address', 'Confirmed', 'Primary', 'Updated On'],
  'PhoneNumbers.csv': ['Extension', 'Number', 'Type'],
  'Recommendations_Received.csv': ['First Name', 'Last Name', 'Company', 'Job Title', 'Text', 'Creation Date', 'Status'],
}

/** A file name as LinkedIn writes it, whatever folder of the archive it is in and however it is cased. */
export const linkedInFileName = (path: string): string | undefined => {
  const base = path.split(/[\\/]/).pop()!.toLowerCase()
  return Object.keys(LINKEDIN_FILES).find((name) => name.toLowerCase() === base)
}

/** True when a list of file names looks like LinkedIn's export (its profile or positions are there). */
export const isLinkedInExport = (paths: readonly string[]): boolean =>
  paths.some((p) => {
    const name = linkedInFileName(p)
    return name === 'Profile.csv' || name === 'Positions.csv' || name === 'Education.csv'
  })

const DATE_COLUMNS = new Set(['Started On', 'Finished On', 'Start Date', 'End Date', 'Issued On', 'Published On'])

// A bullet at the start of a line inside one cell: "•", "-", "–", "*", "▪", "●".
const BULLET = /^\s*(?:[•●▪◦‣∙·*]|[-–—](?=\s))\s*/u

/** A description cell as a summary (its prose) and highlights (its bulleted lines). */
export function splitDescription(text: string | undefined): { summary?: string; highlights?: string[] } {
  if (!text?.trim()) return {}
  const prose: string[] = []
  const bullets: string[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      if (prose.length && prose.at(-1) !== '') prose.push('')
      continue
    }
    // Several bullets run together on one line ("• a • b") are several highlights.
    if (BULLET.test(line))
      bullets.push(
        ...line
          .split(/\s+[•●▪]\s+/u)
          .map((b) => b.replace(BULLET, '').trim())
          .filter(Boolean),
      )
    else if (bullets.length && /^\s{2,}/.test(line)) bullets[bullets.length - 1] += ` ${line.trim()}`
    else prose.push(line.trim())
  }
  const summary = prose
    .join('\n')
    .replace(/\n{2,}/g, '\n\n')
    .trim()
  return { ...(summary ? { summary } : {}), ...(bullets.length ? { highlights: bullets } : {}) }
}

/** "[PERSONAL:https://a.dev,PORTFOLIO:https://b.io]" or "https://a.dev" → labelled links. */
function websites(text: string | undefined): Array<{ label?: string; url: string }> {
  if (!text) return []
  return text
    .replace(/^\[|\]$/g, '')
    .split(/,(?=\s*(?:[A-Z_]+:)?\s*(?:https?:|www\.|[\w-]+\.))/)
    .map((part) => /^\s*(?:([A-Z_]+):)?\s*(\S+)\s*$/.exec(part))
    .flatMap((m) => {
      const url = m && normalizeUrl(m[2])
      return url ? [{ label: m![1], url }] : []
    })
}

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

const titleCase = (label: string): string => label.charAt(0) + label.slice(1).toLowerCase()

/**
 * LinkedIn's data export (the files of "Get a copy of your data", by name) as our resume. Every
 * column of every file we know lands in its field or, when a resume has no place for it (a birth
 * date, a certification's licence number), under `x-linkedin`, reported at its row.
 */
export function fromLinkedIn(files: ReadonlyMap<string, string>): LinkedInResult {
  const texts = new Map<string, string>()
  const tables = new Map<string, CsvRow[]>()
  const unknownFiles: string[] = []
  for (const [path, text] of files) {
    const name = linkedInFileName(path)
    if (!name) {
      unknownFiles.push(path)
      continue
    }
    texts.set(name, text)
    tables.set(name, readCsv(text, LINKEDIN_FILES[name]).rows)
  }
  const rows = (name: string): CsvRow[] => tables.get(name) ?? []
  const dropped: LinkedInDropped[] = []
  const resume: Obj = {}
  const extra: Obj = {}
  /** Keeps what a resume has no place for under x-linkedin.<file>[i].<column>. */
  const keep = (file: string, i: number, row: CsvRow, used: readonly string[]) => {
    for (const [column, value] of Object.entries(row.cells)) {
      // A date column whose text is no date ("Summer 2019") stays as written rather than vanish.
      if (used.includes(column) && !(DATE_COLUMNS.has(column) && !normalizeDate(value))) continue
      const key = file.replace(/\.csv$/i, '')
      const bucket = ((extra[key] as Obj[] | undefined) ??= [])
      const holder = (bucket[i] ??= {}) as Obj
      holder[column] = value
      dropped.push({ file, line: row.line, what: `${file} "${column}"`, keptAt: `x-linkedin.${key}[${i}]["${column}"]` })
    }
  }
  const date = (value: string | undefined) => (value ? normalizeDate(value) : undefined)
  const dates = (row: CsvRow, start: string, end: string): Obj => {
    const from = date(row.cells[start])
    const to = date(row.cells[end])
    return { ...(from ? { startDate: from } : {}), ...(to ? { endDate: to } : {}) }
  }
  const compact = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => !isBlank(v)))

  // basics
  const basics: Obj = {}
  const profile = rows('Profile.csv')[0]
  if (profile) {
    const c = profile.cells
    const used = ['First Name', 'Last Name', 'Headline', 'Summary', 'Address', 'Zip Code', 'Geo Location', 'Websites', 'Twitter Handles']
    Object.assign(basics, compact({ name: [c['First Name'], c['Last Name']].filter(Boolean).join(' '), label: c.Headline, summary: c.Summary }))
    const place = c['Geo Location'] ? splitPlace(c['Geo Location']) : {}
    const location = compact({ address: c.Address, postalCode: c['Zip Code'], ...place })
    if (!isBlank(location)) basics.location = location
    const sites = websites(c.Websites)
    const profiles: Obj[] = []
    // The personal site is the resume's link; the others are profiles under the label LinkedIn gave them.
    const personal = sites.find((s) => s.label === 'PERSONAL') ?? sites[0]
    if (personal) basics.url = personal.url
    for (const site of sites) if (site !== personal) profiles.push(compact({ network: site.label ? titleCase(site.label) : undefined, url: site.url }))
    // A Twitter handle is a user name: the link is left out rather than guessed.
    for (const handle of list(c['Twitter Handles'])) profiles.push({ network: 'Twitter', username: handle.replace(/^@/, '') })
    if (profiles.length) basics.profiles = profiles
    keep('Profile.csv', 0, profile, used)
  }
  const emails = rows('Email Addresses.csv')
  const primary = emails.find((r) => /^yes$/i.test(r.cells.Primary ?? '')) ?? emails[0]
  if (primary?.cells['Email Address']) basics.email = primary.cells['Email Address']
  emails.forEach((r, i) => {
    if (r !== primary) keep('Email Addresses.csv', i, r, ['Confirmed', 'Primary', 'Updated On'])
  })
  const phone = rows('PhoneNumbers.csv').find((r) => r.cells.Number)
  if (phone) basics.phone = [phone.cells.Number, phone.cells.Extension ? `ext. ${phone.cells.Extension}` : undefined].filter(Boolean).join(' ')
  rows('PhoneNumbers.csv').forEach((r, i) => {
    if (r !== phone) keep('PhoneNumbers.csv', i, r, ['Type'])
  })
  if (!isBlank(basics)) resume.basics = basics

  const section = (key: string, file: string, build: (row: CsvRow, i: number) => Obj | undefined) => {
    const out = rows(file)
      .map((row, i) => build(row, i))
      .filter((e): e is Obj => e !== undefined && !isBlank(e))
    if (out.length) resume[key] = out
  }
  section('work', 'Positions.csv', (row, i) => {
    const c = row.cells
    keep('Positions.csv', i, row, ['Company Name', 'Title', 'Description', 'Location', 'Started On', 'Finished On'])
    return compact({ name: c['Company Name'], position: c.Title, location: c.Location, ...dates(row, 'Started On', 'Finished On'), ...splitDescription(c.Description) })
  })
  section('volunteer', 'Volunteering.csv', (row, i) => {
    const c = row.cells
    keep('Volunteering.csv', i, row, ['Company Name', 'Role', 'Description', 'Started On', 'Finished On'])
    return compact({ organization: c['Company Name'], position: c.Role, ...dates(row, 'Started On', 'Finished On'), ...splitDescription(c.Description) })
  })
  section('education', 'Education.csv', (row, i) => {
    const c = row.cells
    keep('Education.csv', i, row, ['School Name', 'Degree Name', 'Start Date', 'End Date', 'Notes', 'Activities'])
    const notes = splitDescription(c.Notes)
    const activities = splitDescription(c.Activities)
    const summary = [notes.summary, activities.summary].filter(Boolean).join('\n\n')
    return compact({
      institution: c['School Name'],
      studyType: c['Degree Name'],
      ...dates(row, 'Start Date', 'End Date'),
      summary,
      highlights: [...(notes.highlights ?? []), ...(activities.highlights ?? [])],
    })
  })
  // LinkedIn's courses belong to no school: with one school they are its courses, else kept aside.
  const education = resume.education as Obj[] | undefined
  const courses = rows('Courses.csv')
  if (courses.length && education?.length === 1) {
    education[0]!.courses = courses.map((r) => [r.cells.Number, r.cells.Name].filter(Boolean).join(' ')).filter(Boolean)
  } else courses.forEach((r, i) => keep('Courses.csv', i, r, []))
  section('projects', 'Projects.csv', (row, i) => {
    const c = row.cells
    keep('Projects.csv', i, row, ['Title', 'Description', 'Url', 'Started On', 'Finished On'])
    const text = splitDescription(c.Description)
    return compact({ name: c.Title, description: text.summary, highlights: text.highlights, url: normalizeUrl(c.Url), ...dates(row, 'Started On', 'Finished On') })
  })
  section('awards', 'Honors.csv', (row, i) => {
    const c = row.cells
    keep('Honors.csv', i, row, ['Title', 'Description', 'Issued On'])
    return compact({ title: c.Title, date: date(c['Issued On']), summary: c.Description })
  })
  section('certificates', 'Certifications.csv', (row, i) => {
    const c = row.cells
    keep('Certifications.csv', i, row, ['Name', 'Url', 'Authority', 'Started On'])
    return compact({ name: c.Name, issuer: c.Authority, date: date(c['Started On']), url: normalizeUrl(c.Url) })
  })
  section('publications', 'Publications.csv', (row, i) => {
    const c = row.cells
    keep('Publications.csv', i, row, ['Name', 'Publisher', 'Published On', 'Url', 'Description'])
    return compact({ name: c.Name, publisher: c.Publisher, releaseDate: date(c['Published On']), url: normalizeUrl(c.Url), summary: c.Description })
  })
  section('skills', 'Skills.csv', (row, i) => {
    keep('Skills.csv', i, row, ['Name'])
    return compact({ name: row.cells.Name })
  })
  section('languages', 'Languages.csv', (row, i) => {
    keep('Languages.csv', i, row, ['Name', 'Proficiency'])
    return compact({ language: row.cells.Name, fluency: row.cells.Proficiency })
  })
  // Recommendations are references; one the person hid on LinkedIn stays aside, unshown.
  section('references', 'Recommendations_Received.csv', (row, i) => {
    const c = row.cells
    if (/^hidden$/i.test(c.Status ?? '')) {
      keep('Recommendations_Received.csv', i, row, [])
      return undefined
    }
    keep('Recommendations_Received.csv', i, row, ['First Name', 'Last Name', 'Text', 'Status'])
    return compact({ name: [c['First Name'], c['Last Name']].filter(Boolean).join(' '), reference: c.Text })
  })
  if (!isBlank(extra)) resume['x-linkedin'] = extra
  return { resume: orderTopLevel(resume) as Resume, dropped, unknownFiles: unknownFiles.sort(), texts }
}
