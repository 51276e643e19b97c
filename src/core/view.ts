import type { Resume, Highlight, Section } from '../types/resume.js'
import { formatDate, formatRange } from './dates.js'
import { parseInline, plainText, type Inline } from './inline.js'
import { safeHref } from './lint.js'

/**
 * The resume as every renderer sees it: sections in order, entries already shaped into
 * title / organisation / place / dates / bullets, text parsed into inline nodes. HTML, PDF and
 * DOCX render this one model, which is why they say the same thing.
 */
export interface View {
  lang: string
  name: string
  label?: string
  contact: ContactItem[]
  sections: ViewSection[]
  properties: DocumentProperties
}

export interface ContactItem {
  kind: 'email' | 'phone' | 'url' | 'profile' | 'location'
  text: string
  href?: string
}

export type SectionLayout = 'text' | 'entries' | 'groups'

export interface ViewSection {
  id: Section
  heading: string
  layout: SectionLayout
  /** For the 'text' layout (the summary). */
  text?: Inline[]
  entries: ViewEntry[]
}

export interface ViewEntry {
  title: string
  organization?: string
  /** A short note beside the title, e.g. a ranking or a degree's grade. */
  note?: string
  location?: string
  dates?: string
  url?: string
  summary?: Inline[]
  bullets: Inline[][]
  /** For the 'groups' layout: "Programming Languages: Python, C/C++, ..." */
  keywords?: string[]
}

export interface DocumentProperties {
  title: string
  author: string
  subject: string
  keywords: string[]
}

export interface ViewOptions {
  /** Section order; defaults to the theme's. */
  sections: readonly Section[]
  /** Headings by section id; meta.headings in the resume wins over these. */
  headings: Readonly<Partial<Record<Section, string>>>
  locale?: string
  present?: string
}

const highlightText = (h: Highlight): string => (typeof h === 'string' ? h : h.text)
const md = (text: string | undefined): Inline[] | undefined => (text ? parseInline(text) : undefined)
const bullets = (list: Highlight[] | undefined): Inline[][] => (list ?? []).map((h) => parseInline(highlightText(h)))
const join = (...parts: Array<string | undefined>): string => parts.filter((p) => p && p.trim()).join(' ')

/**
 * The link as a reader, and a resume parser, recognises it: "www.linkedin.com/in/x" when the host
 * starts with www., else the whole URL with its scheme, "https://github.com/x" (a bare
 * "github.com/x" reads as text to a parser). No trailing slash either way.
 */
export const displayUrl = (url: string): string => {
  const bare = url.replace(/\/$/, '')
  return /^https?:\/\/www\./i.test(bare) ? bare.replace(/^https?:\/\//i, '') : bare
}

export function buildView(resume: Resume, options: ViewOptions): View {
  const locale = resume.meta?.locale ?? options.locale ?? 'en-US'
  const range = (start?: string, end?: string) => formatRange(start, end, { locale, present: options.present }) || undefined
  const date = (value?: string) => (value ? formatDate(value, locale) : undefined)
  const b = resume.basics ?? {}
  const headings = { ...options.headings, ...(resume.meta?.headings as Partial<Record<Section, string>> | undefined) }
  const order = (resume.meta?.sections as Section[] | undefined) ?? options.sections

  const builders: Record<Section, () => Pick<ViewSection, 'layout' | 'entries' | 'text'>> = {
    summary: () => ({ layout: 'text', text: md(b.summary), entries: [] }),
    work: () => ({
      layout: 'entries',
      entries: (resume.work ?? []).map((w) => ({
        title: w.position ?? w.name ?? '',
        organization: w.position ? w.name : undefined,
        location: w.location,
        dates: range(w.startDate, w.endDate),
        url: safeHref(w.url),
        summary: md(w.summary),
        bullets: bullets(w.highlights),
      })),
    }),
    volunteer: () => ({
      layout: 'entries',
      entries: (resume.volunteer ?? []).map((v) => ({
        title: v.position ?? v.organization ?? '',
        organization: v.position ? v.organization : undefined,
        location: v.location,
        dates: range(v.startDate, v.endDate),
        url: safeHref(v.url),
        summary: md(v.summary),
        bullets: bullets(v.highlights),
      })),
    }),
    education: () => ({
      layout: 'entries',
      entries: (resume.education ?? []).map((e) => ({
        title: join(e.studyType, e.area) || e.institution || '',
        organization: join(e.studyType, e.area) ? e.institution : undefined,
        note: e.score ? `GPA ${e.score}` : undefined,
        location: e.location,
        dates: range(e.startDate, e.endDate),
        url: safeHref(e.url),
        summary: md(e.summary),
        bullets: [...bullets(e.highlights), ...(e.courses?.length ? [parseInline(`Courses: ${e.courses.join(', ')}`)] : [])],
      })),
    }),
    projects: () => ({
      layout: 'entries',
      entries: (resume.projects ?? []).map((p) => ({
        title: p.name ?? '',
        organization: p.type ?? p.entity,
        note: p.description ? plainText(p.description) : undefined,
        dates: range(p.startDate, p.endDate),
        url: safeHref(p.url),
        bullets: bullets(p.highlights),
        keywords: p.keywords,
      })),
    }),
    awards: () => ({
      layout: 'entries',
      entries: (resume.awards ?? []).map((a) => ({
        title: a.title ?? '',
        organization: a.awarder,
        dates: date(a.date),
        summary: md(a.summary),
        bullets: [],
      })),
    }),
    certificates: () => ({
      layout: 'entries',
      entries: (resume.certificates ?? []).map((c) => ({
        title: c.name ?? '',
        organization: c.issuer,
        dates: date(c.date),
        url: safeHref(c.url),
        bullets: [],
      })),
    }),
    publications: () => ({
      layout: 'entries',
      entries: (resume.publications ?? []).map((p) => ({
        title: p.name ?? '',
        organization: p.publisher,
        dates: date(p.releaseDate),
        url: safeHref(p.url),
        summary: md(p.summary),
        bullets: [],
      })),
    }),
    skills: () => ({
      layout: 'groups',
      entries: (resume.skills ?? []).map((s) => ({ title: s.name ?? '', note: s.level, keywords: s.keywords ?? [], bullets: [] })),
    }),
    languages: () => ({
      layout: 'groups',
      entries: (resume.languages ?? []).map((l) => ({ title: l.language ?? '', keywords: l.fluency ? [l.fluency] : [], bullets: [] })),
    }),
    interests: () => ({
      layout: 'groups',
      entries: (resume.interests ?? []).map((i) => ({ title: i.name ?? '', keywords: i.keywords ?? [], bullets: [] })),
    }),
    references: () => ({
      layout: 'entries',
      entries: (resume.references ?? []).map((r) => ({ title: r.name ?? '', summary: md(r.reference), bullets: [] })),
    }),
  }

  const sections: ViewSection[] = []
  for (const id of order) {
    const built = builders[id]()
    if (built.layout === 'text' ? !built.text?.length : built.entries.length === 0) continue
    sections.push({ id, heading: headings[id] ?? id, ...built })
  }

  const name = b.name ?? ''
  return {
    lang: locale,
    name,
    label: b.label,
    contact: contactItems(resume),
    sections,
    properties: {
      title: name ? `${name} – Resume` : 'Resume',
      author: name,
      subject: b.label ?? '',
      keywords: (resume.skills ?? []).flatMap((s) => s.keywords ?? []),
    },
  }
}

function contactItems(resume: Resume): ContactItem[] {
  const b = resume.basics ?? {}
  const items: ContactItem[] = []
  const loc = b.location
  if (b.email) items.push({ kind: 'email', text: b.email, href: `mailto:${b.email}` })
  if (b.phone) items.push({ kind: 'phone', text: b.phone, href: `tel:${b.phone.replace(/[^\d+]/g, '')}` })
  if (b.url && safeHref(b.url)) items.push({ kind: 'url', text: displayUrl(b.url), href: b.url })
  for (const p of b.profiles ?? []) {
    const href = safeHref(p.url)
    const text = href ? displayUrl(href) : join(p.network, p.username)
    if (text) items.push({ kind: 'profile', text, href })
  }
  const place = loc ? [loc.city, loc.region ?? loc.countryCode].filter(Boolean).join(', ') : ''
  if (place) items.push({ kind: 'location', text: place })
  return items
}
