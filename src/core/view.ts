import type { Highlight, Resume, Section } from '../types/resume.js'
import { DateFormatter } from './dates.js'
import { type Block, type BlockCache, type Inline, type InlineCache, parseBlocks, parseInline, plainText } from './inline.js'
import { documentTitle, type Labels } from './labels.js'
import { safeHref } from './links.js'
import { type SectionLayout, sectionSpec } from './sections.js'

export type { SectionLayout }

/**
 * The resume as every renderer sees it: sections in order, entries already shaped into
 * title / organisation / place / dates / bullets, text parsed into inline nodes. HTML, PDF and
 * DOCX render this one model, which is why they say the same thing.
 */
export interface View {
  lang: string
  /** Writing direction of the locale: themes set `dir` on the page, Word sets bidi paragraphs. */
  dir: 'ltr' | 'rtl'
  /** The locale's words, for what templates add themselves (list separators, contact labels). */
  labels: Labels
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

export interface ViewSection {
  id: Section
  heading: string
  layout: SectionLayout
  /** For the 'text' layout (the summary): paragraphs and lists. */
  text?: Block[]
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
  /** Paragraphs and lists; one paragraph for text written on one line. */
  summary?: Block[]
  bullets: Inline[][]
  /** For the 'groups' layout: "Programming Languages: Python, C/C++, ..."; under an entry, its keywords line. */
  keywords?: string[]
  /**
   * A line under the head: what the organisation is (a job's `description`), or the part one
   * played (a project's `type` beside its `entity`, and its `roles`).
   */
  subtitle?: string
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
  /** The words a reader sees, headings decided (src/core/labels.ts: the locale's, the theme's, the resume's). */
  labels: Labels
  locale?: string
  /** The build's caches; without them each call parses and formats afresh. */
  inline?: InlineCache
  blocks?: BlockCache
  dates?: DateFormatter
}

type Entry = Record<string, unknown>
const highlightText = (h: Highlight): string => (typeof h === 'string' ? h : h.text)

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
  const { labels } = options
  const dates = options.dates?.locale === locale ? options.dates : new DateFormatter(locale)
  const md = (text: string | undefined): Block[] | undefined => {
    const blocks = text?.trim() ? parseBlocks(text, options.blocks) : []
    return blocks.length ? blocks : undefined
  }
  // An empty highlight is nothing, not a lone bullet.
  const bullets = (list: Highlight[] | undefined): Inline[][] =>
    (list ?? [])
      .map((h) => highlightText(h) ?? '')
      .filter((text) => text.trim() !== '')
      .map((text) => parseInline(text, options.inline))
  const str = (entry: Entry, key: string): string | undefined => (typeof entry[key] === 'string' && entry[key] !== '' ? (entry[key] as string) : undefined)
  const b = resume.basics ?? {}
  const headings = labels.sections
  const order = (resume.meta?.sections as Section[] | undefined) ?? options.sections

  /** An entry's headline and dates, from the section table; the rest, by section below. */
  const headline = (id: Section, e: Entry): Pick<ViewEntry, 'title' | 'organization' | 'dates'> => {
    const spec = sectionSpec(id)
    const when = spec.dates(e)
    const formatted =
      'on' in when
        ? when.on
          ? dates.date(when.on)
          : undefined
        : 'start' in when || 'end' in when
          ? dates.range(when.start, when.end, { present: labels.present, separator: labels.rangeSeparator }) || undefined
          : undefined
    return { ...spec.title(e), dates: formatted }
  }

  const wordList = (list: unknown): string[] => (Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [])
  const line = (...parts: Array<string | undefined>): string | undefined => parts.filter((p) => p?.trim()).join(' · ') || undefined
  const details: Record<Exclude<Section, 'summary'>, (e: Entry) => Omit<ViewEntry, 'title' | 'dates'>> = {
    work: (e) => ({
      location: str(e, 'location'),
      url: safeHref(str(e, 'url')),
      subtitle: str(e, 'description'),
      summary: md(str(e, 'summary')),
      bullets: bullets(e.highlights as Highlight[]),
    }),
    volunteer: (e) => ({ location: str(e, 'location'), url: safeHref(str(e, 'url')), summary: md(str(e, 'summary')), bullets: bullets(e.highlights as Highlight[]) }),
    education: (e) => {
      const courses = e.courses as string[] | undefined
      return {
        note: str(e, 'score') ? `${labels.gpa} ${str(e, 'score')}` : undefined,
        location: str(e, 'location'),
        url: safeHref(str(e, 'url')),
        summary: md(str(e, 'summary')),
        bullets: [...bullets(e.highlights as Highlight[]), ...(courses?.length ? [parseInline(`${labels.courses}: ${courses.join(', ')}`, options.inline)] : [])],
      }
    },
    // The organisation is the entity; the type ("application", "volunteering") says what kind of
    // project it was, and stands in for the organisation only when there is none.
    projects: (e) => ({
      organization: str(e, 'entity') ?? str(e, 'type'),
      subtitle: line(str(e, 'entity') ? str(e, 'type') : undefined, wordList(e.roles).join(labels.listSeparator)),
      note: str(e, 'description') ? plainText(parseInline(str(e, 'description')!, options.inline)) : undefined,
      url: safeHref(str(e, 'url')),
      bullets: bullets(e.highlights as Highlight[]),
      keywords: wordList(e.keywords).length ? wordList(e.keywords) : undefined,
    }),
    awards: (e) => ({ summary: md(str(e, 'summary')), bullets: [] }),
    certificates: (e) => ({ url: safeHref(str(e, 'url')), bullets: [] }),
    publications: (e) => ({ url: safeHref(str(e, 'url')), summary: md(str(e, 'summary')), bullets: [] }),
    skills: (e) => ({ note: str(e, 'level'), keywords: wordList(e.keywords), bullets: [] }),
    languages: (e) => ({ keywords: str(e, 'fluency') ? [str(e, 'fluency')!] : [], bullets: [] }),
    interests: (e) => ({ keywords: wordList(e.keywords), bullets: [] }),
    references: (e) => ({ summary: md(str(e, 'reference')), bullets: [] }),
  }

  const sections: ViewSection[] = []
  for (const id of order) {
    const spec = sectionSpec(id)
    const heading = headings[id] ?? id
    if (id === 'summary') {
      const text = md(b.summary)
      if (text?.length) sections.push({ id, heading, layout: spec.layout, text, entries: [] })
      continue
    }
    const list = (resume[id] as Entry[] | undefined) ?? []
    if (list.length === 0) continue
    sections.push({ id, heading, layout: spec.layout, entries: list.map((e) => ({ ...headline(id, e), ...details[id](e) }) as ViewEntry) })
  }

  const name = b.name ?? ''
  return {
    lang: locale,
    dir: labels.dir,
    labels,
    name,
    label: b.label,
    contact: contactItems(resume),
    sections,
    properties: {
      title: documentTitle(labels, name),
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
  const words = (...parts: Array<string | undefined>) => parts.filter((p) => p?.trim()).join(' ')
  if (b.email) items.push({ kind: 'email', text: b.email, href: `mailto:${b.email}` })
  if (b.phone) items.push({ kind: 'phone', text: b.phone, href: `tel:${b.phone.replace(/[^\d+]/g, '')}` })
  if (b.url && safeHref(b.url)) items.push({ kind: 'url', text: displayUrl(b.url), href: b.url })
  for (const p of b.profiles ?? []) {
    const href = safeHref(p.url)
    // The address usually names the network and holds the user name; what it does not hold is
    // said before it ("Mastodon @ada@hachyderm.io"), so no value is lost.
    const shown = href ? displayUrl(href) : ''
    const squashed = shown.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
    const missing = [p.network, p.username].filter((w) => w?.trim() && !squashed.includes(w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')))
    const text = words(...missing, shown)
    if (text) items.push({ kind: 'profile', text, href })
  }
  // The whole address as written: street, city, region and postal code, country.
  const place = loc ? [loc.address?.replace(/\s*\n\s*/g, ', '), loc.city, words(loc.region, loc.postalCode), loc.countryCode].filter((p) => p?.trim()).join(', ') : ''
  if (place) items.push({ kind: 'location', text: place })
  return items
}
