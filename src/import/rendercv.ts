import { createLabelStore } from '../core/labels.js'
import type { Resume } from '../types/resume.js'
import { asText, type ConvertResult, isBlank, isObject, normalizeDate, type Obj, type PathSegment, Stash, stringList } from './common.js'
import { buildEntry, type Field, normalizeMargins, splitPlace } from './entries.js'
import { BASICS_FIELDS, ENTRY_FIELDS, type EntrySection, type FieldKind } from './fields.js'
import { reorder } from './json-resume.js'
import { socialUrl } from './social.js'

export { socialUrl }

/** RenderCV's entry types, told apart by their keys as RenderCV itself does. */
export type RenderCvEntryKind = 'text' | 'bullet' | 'oneline' | 'publication' | 'education' | 'experience' | 'normal' | 'numbered' | 'unknown'

export function entryKind(entry: unknown): RenderCvEntryKind {
  if (typeof entry === 'string' || typeof entry === 'number') return 'text'
  if (!isObject(entry)) return 'unknown'
  if ('bullet' in entry) return 'bullet'
  if ('number' in entry || 'reversed_number' in entry) return 'numbered'
  if ('label' in entry && 'details' in entry) return 'oneline'
  if ('title' in entry && 'authors' in entry) return 'publication'
  if ('institution' in entry && 'area' in entry) return 'education'
  if ('company' in entry && 'position' in entry) return 'experience'
  if ('name' in entry) return 'normal'
  return 'unknown'
}

/** RenderCV's themes and the closest theme we ship. */
export const RENDERCV_THEMES: Record<string, string> = {
  classic: 'classic',
  sb2nov: 'classic',
  harvard: 'classic',
  engineeringresumes: 'compact',
  engineeringclassic: 'compact',
  moderncv: 'cv',
  ember: 'modern',
  ink: 'modern',
  opal: 'modern',
}

type Target = EntrySection | 'summary'

const norm = (title: string): string => title.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim()

/** Where a RenderCV section goes, by the kind of its entries and its title. */
export function targetFor(title: string, kind: RenderCvEntryKind): Target | undefined {
  const t = norm(title)
  const is = {
    summary: SUMMARY_TITLE.test(t),
    education: EDUCATION_TITLE.test(t),
    volunteer: /volunt/.test(t),
    projects: /project/.test(t),
    awards: /award|honou?r|prize|achievement|scholarship|distinction|grant/.test(t),
    certificates: /certif|licen[cs]e/.test(t),
    languages: /^(spoken |human |foreign )?languages?$/.test(t),
    interests: /interest|hobb/.test(t),
    skills: /skill|technolog|tools|competenc|expertise|stack|programming/.test(t),
    publications: /publication|paper|article/.test(t),
  }
  switch (kind) {
    case 'education':
      return 'education'
    case 'experience':
      // A school written as an experience entry (company: the school, position: the degree) is
      // still a degree: an education section never lands in work.
      return is.education ? 'education' : is.volunteer ? 'volunteer' : 'work'
    case 'publication':
      return 'publications'
    case 'text':
      return is.summary ? 'summary' : undefined
    case 'bullet':
      return is.summary ? 'summary' : is.awards ? 'awards' : undefined
    case 'oneline':
      return is.languages ? 'languages' : is.interests ? 'interests' : is.awards ? 'awards' : is.certificates ? 'certificates' : is.skills ? 'skills' : undefined
    case 'normal':
      return is.education
        ? 'education'
        : is.projects
          ? 'projects'
          : is.awards
            ? 'awards'
            : is.certificates
              ? 'certificates'
              : is.volunteer
                ? 'volunteer'
                : is.publications
                  ? 'publications'
                  : undefined
    default:
      return undefined
  }
}

/**
 * Titles of a profile or summary section, in the languages RenderCV users write in: "Professional
 * Profile", "SOBRE MÍ", "Perfil profesional", "Über mich", "À propos", "Profiel", "个人简介", "自己PR".
 */
const SUMMARY_TITLE =
  /^(summary|about( me)?|(personal |professional |career )?(profile|summary|statement)|objective|career objective|overview|bio(graphy)?|introduction|sobre m[ií]|acerca de m[ií]|perfil( profesional| profissional| personal)?|resumen( profesional)?|resumo|[üu]ber mich|profil|kurzprofil|[àa] propos( de moi)?|r[ée]sum[ée]|profiel|over mij|chi sono|profilo|o mnie|profilo personale|个人简介|简介|个人总结|自我评价|自我介绍|概要|自己pr|自己紹介|소개|자기소개)$/u
const EDUCATION_TITLE = /educa|formaci|forma[cç][aã]o|ausbildung|studium|studies|academic|schooling|qualification|教育|学歴|学历|학력/u

/** The English headings (locales/en.json): a RenderCV title that says the same needs no meta.headings entry. */
const englishHeadings = (): Record<string, string> => createLabelStore().table('en').sections

/** RenderCV shows a snake_case key as words with capitals: `work_experience` → "Work Experience". */
export function sectionHeading(key: string): string {
  if (!/[_]/.test(key) && key !== key.toLowerCase()) return key
  return key.replace(/_/g, ' ').replace(/(^|\s)(\p{Ll})/gu, (_m, s: string, c: string) => s + c.toUpperCase())
}

/** Source key → our key, per target, for the keys whose names differ. */
const RENAMES: Partial<Record<Target, Record<string, string>>> = {
  work: { company: 'name' },
  volunteer: { company: 'organization', name: 'organization' },
  // An experience or normal entry in an education section: the school and the degree.
  education: { degree: 'studyType', study_type: 'studyType', gpa: 'score', company: 'institution', position: 'area', name: 'institution', summary: 'summary' },
  publications: { title: 'name', journal: 'publisher', date: 'releaseDate' },
  projects: { summary: 'description' },
  awards: { name: 'title', label: 'title', details: 'summary', bullet: 'title' },
  certificates: { label: 'name', details: 'issuer' },
  skills: { label: 'name', details: 'keywords' },
  languages: { label: 'language', details: 'fluency' },
  interests: { label: 'name', details: 'keywords' },
}
const COMMON: Record<string, string> = { start_date: 'startDate', end_date: 'endDate' }
const RANGED = new Set<Target>(['work', 'volunteer', 'education', 'projects'])
const DATED: Partial<Record<Target, string>> = { awards: 'date', certificates: 'date', publications: 'releaseDate' }

function entryFields(target: EntrySection, entry: Obj, from: PathSegment[]): Field[] {
  const renames = { ...COMMON, ...RENAMES[target] }
  const fields: Field[] = []
  const has = (k: string) => !isBlank(entry[k])
  for (const [key, value] of Object.entries(entry)) {
    const path = [...from, key]
    if (key === 'date') {
      const single = DATED[target]
      if (single) fields.push({ key: single, value, from: path })
      else if (RANGED.has(target) && !has('start_date') && !has('end_date') && normalizeDate(value)) {
        // One date for a whole entry: start and end alike, which renders as that one date.
        fields.push({ key: 'startDate', value, from: path }, { key: 'endDate', value, from: path })
      } else fields.push({ key: 'date', value, from: path })
      continue
    }
    if (target === 'publications' && key === 'authors') {
      const authors = stringList(value)
      // Who wrote it is part of the citation: the summary line is where our themes show it.
      if (authors && !has('summary')) fields.push({ key: 'summary', value: authors.join(', '), from: path })
      else fields.push({ key, value, from: path })
      continue
    }
    if (target === 'publications' && key === 'doi' && !has('url') && asText(value)) {
      fields.push({ key: 'url', value: `https://doi.org/${asText(value)}`, from: path })
      continue
    }
    const link = typeof value === 'string' && TITLE_KEYS.has(key) ? /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(value.trim()) : null
    if (link && !has('url')) {
      // RenderCV links a title with Markdown; our titles are plain text with the link beside them.
      fields.push({ key: renames[key] ?? key, value: link[1], from: path }, { key: 'url', value: link[2], from: path })
      continue
    }
    fields.push({ key: renames[key] ?? key, value, from: path })
  }
  return fields
}

const TITLE_KEYS = new Set(['name', 'company', 'institution', 'title'])

/** Where a line of plain text goes in an entry of each section, when it is the whole entry. */
const TEXT_KEY: Partial<Record<EntrySection, string>> = { work: 'position', volunteer: 'position', education: 'institution', awards: 'title', languages: 'language' }

function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>()
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
  let best: T | undefined
  for (const [item, n] of counts) if (best === undefined || n > counts.get(best)!) best = item
  return best
}

function designToMeta(design: Obj, meta: Obj): void {
  const theme = asText(design.theme)?.toLowerCase()
  meta.theme = (theme && RENDERCV_THEMES[theme]) ?? 'classic'
  const page = isObject(design.page) ? design.page : {}
  const size = asText(page.size ?? design.page_size ?? (isObject(design.theme_options) ? design.theme_options.page_size : undefined))?.toLowerCase()
  if (size) {
    if (/letter/.test(size)) meta.page = 'letter'
    else if (/^a4/.test(size)) meta.page = 'a4'
  }
  const oldMargins = isObject(design.margins) && isObject(design.margins.page) ? design.margins.page : undefined
  const margins = normalizeMargins(oldMargins ?? { top: page.top_margin, right: page.right_margin, bottom: page.bottom_margin, left: page.left_margin })
  if (margins) meta.margins = margins
}

/**
 * A RenderCV file as our resume. Sections go where their entry type and title say (experience
 * → work, "Skills" one-liners → skills, ...); sections we have no place for, the design beyond its
 * theme, page and margins, and RenderCV's settings go under `x-rendercv`, each reported.
 */
export function fromRenderCv(data: unknown): ConvertResult {
  const stash = new Stash('rendercv')
  const resume: Obj = {}
  if (!isObject(data) || !isObject(data.cv)) return { resume: resume as Resume, dropped: stash.dropped }
  const cv = data.cv
  const meta: Obj = {}
  const order: Target[] = []
  const headings: Obj = {}

  // basics
  const basicsFields: Field[] = []
  const basics: Obj = {}
  const extra: Array<[string, unknown, PathSegment[]]> = []
  for (const [key, value] of Object.entries(cv)) {
    const path = ['cv', key]
    if (key === 'sections' || isBlank(value)) continue
    if (key === 'social_networks') continue
    if (key === 'location') {
      const place = asText(value)
      if (place) basics.location = splitPlace(place)
      else extra.push([key, value, path])
      continue
    }
    const ours = ({ headline: 'label', label: 'label', website: 'url', photo: 'image' } as Record<string, string>)[key] ?? key
    if (Array.isArray(value) && (key === 'email' || key === 'phone' || key === 'website')) {
      // RenderCV takes several; we have one. The first is ours, the others are kept.
      basicsFields.push({ key: ours, value: value[0], from: [...path, 0] })
      value.slice(1).forEach((v, i) => extra.push([`${key}[${i + 1}]`, v, [...path, i + 1]]))
      continue
    }
    const v = key === 'phone' && typeof value === 'string' ? value.replace(/^tel:/i, '') : value
    basicsFields.push({ key: ours, value: v, from: path })
  }
  const plain: Record<string, FieldKind> = {}
  for (const [k, kind] of Object.entries(BASICS_FIELDS)) if (kind !== 'location' && kind !== 'profiles') plain[k] = kind
  Object.assign(basics, buildEntry(plain, basicsFields, stash, ['basics']))
  for (const [name, value, path] of extra) stash.keep(basics, name, value, path, ['basics'])

  const profiles: Obj[] = []
  if (Array.isArray(cv.social_networks)) {
    cv.social_networks.forEach((sn, i) => {
      if (!isObject(sn)) return
      const network = asText(sn.network) ?? ''
      const username = asText(sn.username) ?? ''
      const profile: Obj = {}
      if (network) profile.network = network
      if (username) profile.username = username
      const url = socialUrl(network, username)
      if (url) profile.url = url
      for (const [k, v] of Object.entries(sn))
        if (k !== 'network' && k !== 'username') stash.keep(profile, k, v, ['cv', 'social_networks', i, k], ['basics', 'profiles', profiles.length])
      if (!isBlank(profile)) profiles.push(profile)
    })
  } else if (!isBlank(cv.social_networks)) stash.keep(basics, 'social_networks', cv.social_networks, ['cv', 'social_networks'], ['basics'])
  if (profiles.length) basics.profiles = profiles

  // sections
  const sections = isObject(cv.sections) ? cv.sections : {}
  if (!isBlank(cv.sections) && !isObject(cv.sections)) stash.keep(resume, 'sections', cv.sections, ['cv', 'sections'])
  const summaries: string[] = []
  const summaryTitles: string[] = []
  const lastEntry: Partial<Record<Target, Obj>> = {}
  const english = englishHeadings()
  for (const [title, list] of Object.entries(sections)) {
    const from: PathSegment[] = ['cv', 'sections', title]
    if (isBlank(list)) continue
    const entries = Array.isArray(list) ? list : [list]
    const kinds = entries.map(entryKind)
    // The section's own place is where most of its entries go; an entry of another kind goes
    // where its kind and the title say, or, failing that, joins the section's place.
    const main = mostCommon(kinds.map((k) => targetFor(title, k)).filter((t): t is Target => t !== undefined))
    // A section of plain text under a title we do not know ("Who I am") is still prose about the
    // person: the summary is the place for it, with its title as the heading when it is the only one.
    const textOnly = kinds.every((k) => k === 'text')
    const fallback = main ?? (textOnly ? 'summary' : undefined)
    if (!fallback) {
      stash.keep(resume, ['sections', title], list, from)
      continue
    }
    const heading = sectionHeading(title)
    const summaryStart = summaries.length
    entries.forEach((entry, i) => {
      const path = Array.isArray(list) ? [...from, i] : from
      const kind = kinds[i]!
      const own = targetFor(title, kind)
      // Text or a bullet among entries reads as a line of the entry before it.
      const previous = lastEntry[fallback]
      if (!own && (kind === 'text' || kind === 'bullet') && fallback !== 'summary' && previous) {
        const text = asText(isObject(entry) ? entry.bullet : entry)
        if (text) {
          previous.highlights = [...(Array.isArray(previous.highlights) ? previous.highlights : []), text]
          return
        }
      }
      const target = own ?? (kind === 'unknown' ? undefined : fallback)
      if (!target) {
        stash.keep(resume, ['sections', title, String(i)], entry, path)
        return
      }
      if (!order.includes(target)) order.push(target)
      if (target !== 'summary' && english[target] !== heading && !(target in headings)) headings[target] = heading
      if (target === 'summary') {
        const text = asText(isObject(entry) ? (entry.bullet ?? entry.name) : entry)
        if (text) summaries.push(text)
        else stash.keep(resume, ['sections', title, String(i)], entry, path)
        return
      }
      const out = (Array.isArray(resume[target]) ? resume[target] : []) as Obj[]
      const at = [target, out.length]
      const built = buildEntry(ENTRY_FIELDS[target], entryFields(target, isObject(entry) ? entry : { [TEXT_KEY[target] ?? 'name']: entry }, path), stash, at)
      if (target === 'skills' || target === 'interests') {
        const kw = built.keywords
        if (Array.isArray(kw) && kw.length === 1 && typeof kw[0] === 'string') built.keywords = stringList(kw[0])
      }
      if (!isBlank(built)) {
        out.push(built)
        lastEntry[target] = built
      }
      if (out.length) resume[target] = out
    })
    if (summaries.length > summaryStart) {
      summaryTitles.push(heading)
      // Prose from a second section keeps its title, as a bold line before it.
      if (summaryTitles.length > 1) summaries.splice(summaryStart, 0, `**${heading}**`)
    }
  }
  if (summaries.length) basics.summary = [basics.summary, ...summaries].filter(Boolean).join('\n\n')
  // The first prose section's title is the summary's heading ("Sobre Mi", "Professional Profile").
  if (summaryTitles[0] && summaryTitles[0] !== english.summary) headings.summary = summaryTitles[0]
  if (!isBlank(basics)) resume.basics = reorder(basics, Object.keys(BASICS_FIELDS))

  // design and settings
  for (const [key, value] of Object.entries(data)) {
    if (key === 'cv' || isBlank(value)) continue
    if (key === 'design' && isObject(value)) designToMeta(value, meta)
    stash.keep(resume, key, value, [key])
  }
  const placed = order.filter((t) => (t === 'summary' ? Boolean(basics.summary) : Array.isArray(resume[t])))
  if (placed.length) meta.sections = placed
  if (!isBlank(headings)) meta.headings = headings
  if (!isBlank(meta)) resume.meta = meta

  return { resume: orderTopLevel(resume) as Resume, dropped: stash.dropped }
}

/** basics first, then sections, then `x-` keys, then meta. */
export function orderTopLevel(resume: Obj): Obj {
  const out: Obj = {}
  if (resume.basics) out.basics = resume.basics
  for (const [k, v] of Object.entries(resume)) if (k !== 'basics' && k !== 'meta' && k !== 'variants' && !k.startsWith('x-')) out[k] = v
  for (const [k, v] of Object.entries(resume)) if (k.startsWith('x-')) out[k] = v
  if (resume.meta) out.meta = resume.meta
  if (resume.variants) out.variants = resume.variants
  return out
}
