import type { Resume, Section } from '../types/resume.js'

/**
 * The one table of sections: where each keeps its entries, how an entry is titled and dated,
 * and whether it can be tagged. Tailoring, `explain`, the view and validation messages all read
 * it, so a new section is one row here (and its shape in view.ts).
 */
export type SectionLayout = 'text' | 'entries' | 'groups'

type Entry = Record<string, unknown>

export interface SectionSpec {
  id: Section
  layout: SectionLayout
  /** The entry-list key in the resume; the summary is a single text in basics. */
  list?: keyof Resume & Section
  /** Headline of an entry: the title, and the organisation beside it. */
  title(entry: Entry): { title: string; organization?: string }
  /** A range (start, end) or a single date. */
  dates(entry: Entry): { start?: string; end?: string } | { on?: string }
  /** A singular noun for messages: "work entry 2". */
  noun: string
  /** How `explain` names an entry, where the headline would say too much (a project's type). */
  label?(entry: Entry): string
}

const s = (entry: Entry, key: string): string | undefined => (typeof entry[key] === 'string' && entry[key] !== '' ? entry[key] : undefined)
const join = (...parts: Array<string | undefined>): string => parts.filter((p) => p?.trim()).join(' ')
const headed = (title: string | undefined, organization: string | undefined) => (title ? { title, organization } : { title: organization ?? '', organization: undefined })
const range = (e: Entry) => ({ start: s(e, 'startDate'), end: s(e, 'endDate') })
const none = () => ({})

export const SECTIONS: readonly SectionSpec[] = [
  { id: 'summary', layout: 'text', title: () => ({ title: '' }), dates: none, noun: 'summary' },
  { id: 'work', layout: 'entries', list: 'work', title: (e) => headed(s(e, 'position'), s(e, 'name')), dates: range, noun: 'job' },
  { id: 'volunteer', layout: 'entries', list: 'volunteer', title: (e) => headed(s(e, 'position'), s(e, 'organization')), dates: range, noun: 'volunteer role' },
  {
    id: 'education',
    layout: 'entries',
    list: 'education',
    title: (e) => headed(join(s(e, 'studyType'), s(e, 'area')) || undefined, s(e, 'institution')),
    dates: range,
    noun: 'degree',
  },
  {
    id: 'projects',
    layout: 'entries',
    list: 'projects',
    title: (e) => ({ title: s(e, 'name') ?? '', organization: s(e, 'type') ?? s(e, 'entity') }),
    dates: range,
    noun: 'project',
    label: (e) => s(e, 'name') ?? '',
  },
  {
    id: 'awards',
    layout: 'entries',
    list: 'awards',
    title: (e) => ({ title: s(e, 'title') ?? '', organization: s(e, 'awarder') }),
    dates: (e) => ({ on: s(e, 'date') }),
    noun: 'award',
  },
  {
    id: 'certificates',
    layout: 'entries',
    list: 'certificates',
    title: (e) => ({ title: s(e, 'name') ?? '', organization: s(e, 'issuer') }),
    dates: (e) => ({ on: s(e, 'date') }),
    noun: 'certificate',
  },
  {
    id: 'publications',
    layout: 'entries',
    list: 'publications',
    title: (e) => ({ title: s(e, 'name') ?? '', organization: s(e, 'publisher') }),
    dates: (e) => ({ on: s(e, 'releaseDate') }),
    noun: 'publication',
  },
  { id: 'skills', layout: 'groups', list: 'skills', title: (e) => ({ title: s(e, 'name') ?? '' }), dates: none, noun: 'skill group' },
  { id: 'languages', layout: 'groups', list: 'languages', title: (e) => ({ title: s(e, 'language') ?? '' }), dates: none, noun: 'language' },
  { id: 'interests', layout: 'groups', list: 'interests', title: (e) => ({ title: s(e, 'name') ?? '' }), dates: none, noun: 'interest' },
  { id: 'references', layout: 'entries', list: 'references', title: (e) => ({ title: s(e, 'name') ?? '' }), dates: none, noun: 'reference' },
]

export const SECTION_IDS: readonly Section[] = SECTIONS.map((spec) => spec.id)

/**
 * The order a theme shows sections in when the resume does not choose: the theme's list first,
 * then every section it does not list, in the table's order. A theme that predates a section, or
 * lists only some, still shows all of the resume: nothing is hidden because a manifest forgot it.
 */
export const sectionOrder = (preferred: readonly Section[] = []): Section[] => [...new Set([...preferred.filter(isSectionId), ...SECTION_IDS])]
const isSectionId = (value: string): value is Section => SECTION_IDS.includes(value as Section)

/** The sections whose entries are lists, each entry of which may carry tags. */
export const LIST_SECTIONS = SECTIONS.filter((spec): spec is SectionSpec & { list: Section } => spec.list !== undefined)

const BY_ID = new Map(SECTIONS.map((spec) => [spec.id, spec]))
export const sectionSpec = (id: Section): SectionSpec => BY_ID.get(id)!
export const isSection = (value: string): value is Section => BY_ID.has(value as Section)

/** An entry as `explain` names it: "Graduate Research Assistant | George Washington University". */
export function entryLabel(section: Section, entry: Entry): string {
  const spec = sectionSpec(section)
  if (spec.label) return spec.label(entry) || '(untitled)'
  const { title, organization } = spec.title(entry)
  return [title, organization].filter(Boolean).join(' | ') || '(untitled)'
}
