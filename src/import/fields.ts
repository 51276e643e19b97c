import { LIST_SECTIONS } from '../core/sections.js'
/**
 * The fields of our schema by section and their kinds, as the importers need them: what to keep,
 * what to turn into a date or a link, what has no place and goes under `x-`.
 * A test checks this table against schema/resume.schema.json, so the two cannot drift apart.
 */
export type FieldKind =
  | 'string' // plain text; numbers become text
  | 'text' // text with inline Markdown
  | 'url'
  | 'email'
  | 'date'
  | 'endDate'
  | 'highlights'
  | 'strings'
  | 'tags'

export type EntrySection = 'work' | 'volunteer' | 'education' | 'awards' | 'certificates' | 'publications' | 'skills' | 'languages' | 'interests' | 'references' | 'projects'

export const ENTRY_SECTIONS: readonly EntrySection[] = LIST_SECTIONS.map((s) => s.list as EntrySection)

export const ENTRY_FIELDS: Record<EntrySection, Record<string, FieldKind>> = {
  work: {
    name: 'string',
    location: 'string',
    description: 'string',
    position: 'string',
    url: 'url',
    startDate: 'date',
    endDate: 'endDate',
    summary: 'text',
    highlights: 'highlights',
    tags: 'tags',
  },
  volunteer: {
    organization: 'string',
    location: 'string',
    position: 'string',
    url: 'url',
    startDate: 'date',
    endDate: 'endDate',
    summary: 'text',
    highlights: 'highlights',
    tags: 'tags',
  },
  education: {
    institution: 'string',
    url: 'url',
    area: 'string',
    studyType: 'string',
    location: 'string',
    startDate: 'date',
    endDate: 'endDate',
    score: 'string',
    summary: 'text',
    courses: 'strings',
    highlights: 'highlights',
    tags: 'tags',
  },
  awards: { title: 'string', date: 'date', awarder: 'string', summary: 'text', tags: 'tags' },
  certificates: { name: 'string', date: 'date', url: 'url', issuer: 'string', tags: 'tags' },
  publications: { name: 'string', publisher: 'string', releaseDate: 'date', url: 'url', summary: 'text', tags: 'tags' },
  skills: { name: 'string', level: 'string', keywords: 'strings', tags: 'tags' },
  languages: { language: 'string', fluency: 'string', tags: 'tags' },
  interests: { name: 'string', keywords: 'strings', tags: 'tags' },
  references: { name: 'string', reference: 'text', tags: 'tags' },
  projects: {
    name: 'string',
    description: 'text',
    highlights: 'highlights',
    keywords: 'strings',
    startDate: 'date',
    endDate: 'endDate',
    url: 'url',
    roles: 'strings',
    entity: 'string',
    type: 'string',
    tags: 'tags',
  },
}

export const BASICS_FIELDS: Record<string, FieldKind | 'location' | 'profiles'> = {
  name: 'string',
  label: 'string',
  image: 'string',
  email: 'email',
  phone: 'string',
  url: 'url',
  summary: 'text',
  location: 'location',
  profiles: 'profiles',
}

export const LOCATION_FIELDS = ['address', 'postalCode', 'city', 'countryCode', 'region'] as const
export const PROFILE_FIELDS: Record<string, FieldKind> = { network: 'string', username: 'string', url: 'url' }

/** Our top-level keys in the order a resume.yaml usually lists them; `meta` and `variants` come last. */
export const TOP_LEVEL_ORDER = [
  '$schema',
  'basics',
  'education',
  'work',
  'projects',
  'volunteer',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
] as const

/** The themes we ship; an imported theme name outside these would fail the build. */
export const BUILTIN_THEMES = ['classic', 'modern', 'compact', 'academic', 'sidebar', 'cv'] as const
