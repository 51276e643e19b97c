import type { Resume } from '../types/resume.js'
import { asText, type ConvertResult, flattenText, isBlank, isObject, normalizeLocale, type Obj, type PathSegment, Stash, splitSummary } from './common.js'
import { buildEntry, buildProfiles, type Field, normalizeMargins } from './entries.js'
import { BASICS_FIELDS, ENTRY_FIELDS, ENTRY_SECTIONS, type EntrySection, type FieldKind, LOCATION_FIELDS } from './fields.js'
import { reorder } from './json-resume.js'
import { orderTopLevel } from './rendercv.js'

/** Source key → our key, per section, where YAMLResume's names differ from ours. */
const RENAMES: Partial<Record<EntrySection, Record<string, string>>> = {
  education: { degree: 'studyType' },
  references: { summary: 'reference' },
}

/** Sections whose `summary` is Markdown prose with list items: the items become highlights. */
const WITH_HIGHLIGHTS = new Set<EntrySection>(['work', 'volunteer', 'education', 'projects'])

/** YAMLResume's LaTeX templates and the closest theme we ship. */
export function themeForTemplate(template: string): string | undefined {
  if (/^moderncv/.test(template)) return 'cv'
  if (/jake|compact|engineer/.test(template)) return 'compact'
  if (/academic/.test(template)) return 'academic'
  return undefined
}

function entryFields(section: EntrySection, entry: Obj, from: PathSegment[]): Field[] {
  const renames = RENAMES[section] ?? {}
  const fields: Field[] = []
  for (const [key, value] of Object.entries(entry)) {
    const path = [...from, key]
    if (key === 'summary' && section === 'projects') {
      // Projects have a one-line description and highlights; the summary's prose joins the description.
      const { summary, bullets } = splitSummary(value)
      if (summary) fields.push({ key: isBlank(entry.description) ? 'description' : 'summary', value: summary, from: path })
      if (bullets.length) fields.push({ key: 'highlights', value: bullets, from: path })
      continue
    }
    if (key === 'summary' && WITH_HIGHLIGHTS.has(section)) {
      const { summary, bullets } = splitSummary(value)
      if (summary) fields.push({ key: 'summary', value: summary, from: path })
      if (bullets.length) fields.push({ key: 'highlights', value: bullets, from: path })
      continue
    }
    if (key === 'summary') {
      fields.push({ key: renames[key] ?? key, value: flattenText(value), from: path })
      continue
    }
    fields.push({ key: renames[key] ?? key, value, from: path })
  }
  return fields
}

/**
 * A YAMLResume file as our resume: `content` holds JSON Resume-like sections with a few names of
 * its own (`headline`, `degree`), dates like "Sep 1, 2021", Markdown lists in `summary` (which
 * become highlights), and the location and profiles beside `basics`. `locale.language` and the
 * first layout's page size and margins become `meta`; the layouts themselves go under `x-yamlresume`.
 */
export function fromYamlResume(data: unknown): ConvertResult {
  const stash = new Stash('yamlresume')
  const resume: Obj = {}
  if (!isObject(data) || !isObject(data.content)) return { resume: resume as Resume, dropped: stash.dropped }
  const content = data.content

  const basics: Obj = {}
  if (isObject(content.basics)) {
    const plain: Record<string, FieldKind> = {}
    for (const [k, kind] of Object.entries(BASICS_FIELDS)) if (kind !== 'location' && kind !== 'profiles') plain[k] = kind
    const fields = Object.entries(content.basics).map(([key, value]) => ({
      key: key === 'headline' ? 'label' : key,
      value: key === 'summary' ? flattenText(value) : value,
      from: ['content', 'basics', key] as PathSegment[],
    }))
    Object.assign(basics, buildEntry(plain, fields, stash, ['basics']))
  }
  if (isObject(content.location)) {
    const kinds = Object.fromEntries(LOCATION_FIELDS.map((k) => [k, 'string' as FieldKind]))
    const fields = Object.entries(content.location).map(([key, value]) => {
      // YAMLResume writes the country by name ("United States") or code; ours is the code.
      const code = key === 'country' && typeof value === 'string' ? countryCode(value) : undefined
      return { key: code ? 'countryCode' : key, value: code ?? value, from: ['content', 'location', key] as PathSegment[] }
    })
    const location = buildEntry(kinds, fields, stash, ['basics', 'location'])
    if (!isBlank(location)) basics.location = location
  }
  const profiles = buildProfiles(content.profiles, ['content', 'profiles'], stash, ['basics', 'profiles'])
  if (profiles) basics.profiles = profiles
  if (!isBlank(basics)) resume.basics = reorder(basics, Object.keys(BASICS_FIELDS))

  for (const [key, value] of Object.entries(content)) {
    if (key === 'basics' || key === 'location' || key === 'profiles' || isBlank(value)) continue
    if (!(ENTRY_SECTIONS as readonly string[]).includes(key) || !Array.isArray(value)) {
      stash.keep(resume, ['content', key], value, ['content', key])
      continue
    }
    const section = key as EntrySection
    const out: Obj[] = []
    value.forEach((entry, i) => {
      if (!isObject(entry)) {
        stash.keep(resume, ['content', key, String(i)], entry, ['content', key, i])
        return
      }
      const built = buildEntry(ENTRY_FIELDS[section], entryFields(section, entry, ['content', key, i]), stash, [key, out.length])
      if (!isBlank(built)) out.push(built)
    })
    if (out.length) resume[key] = out
  }

  const meta: Obj = {}
  for (const [key, value] of Object.entries(data)) {
    if (key === 'content' || isBlank(value)) continue
    if (key === 'locale' && isObject(value)) {
      const locale = normalizeLocale(value.language)
      if (locale) meta.locale = locale
      const { language: _language, ...rest } = value
      for (const [k, v] of Object.entries(rest)) stash.keep(resume, ['locale', k], v, ['locale', k])
      if (!locale && !isBlank(value.language)) stash.keep(resume, ['locale', 'language'], value.language, ['locale', 'language'])
      continue
    }
    if (key === 'layouts' && Array.isArray(value)) layoutsToMeta(value, meta)
    stash.keep(resume, key, value, [key])
  }
  if (!isBlank(meta)) resume.meta = meta
  return { resume: orderTopLevel(resume) as Resume, dropped: stash.dropped }
}

let countryCodes: Map<string, string> | undefined

/** "US", "us", "United States", "Germany" → the ISO 3166 code; undefined for a name Intl does not know. */
export function countryCode(value: string): string | undefined {
  const text = value.trim()
  if (!countryCodes) {
    countryCodes = new Map()
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b)
        const name = names.of(code)
        if (name) countryCodes.set(name.toLowerCase(), code)
      }
    for (const [alias, code] of [
      ['usa', 'US'],
      ['united states of america', 'US'],
      ['uk', 'GB'],
      ['england', 'GB'],
      ['great britain', 'GB'],
    ] as const)
      countryCodes.set(alias, code)
  }
  return countryCodes.get(text.toLowerCase().replace(/\s+/g, ' ')) ?? (/^[A-Za-z]{2}$/.test(text) ? text.toUpperCase() : undefined)
}

function layoutsToMeta(layouts: unknown[], meta: Obj): void {
  for (const layout of layouts) {
    if (!isObject(layout)) continue
    const page = isObject(layout.page) ? layout.page : undefined
    const size = asText(page?.paperSize)?.toLowerCase()
    if (!meta.page && size && (size === 'a4' || size === 'letter')) meta.page = size
    if (!meta.margins && page?.margins) {
      const margins = normalizeMargins(page.margins)
      if (margins) meta.margins = margins
    }
    const template = asText(layout.template)
    const theme = template && themeForTemplate(template)
    if (!meta.theme && theme) meta.theme = theme
  }
}
