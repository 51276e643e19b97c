/**
 * The words a reader sees that are not the user's own: section headings, "Present", "GPA", the
 * document title, contact item names. They live in `locales/<tag>.json`, one table per language,
 * checked by `locales/locale.schema.json`; this module finds the table for a BCP 47 tag and merges
 * the resume's own `meta.headings` and `meta.labels` over it.
 *
 * Contract:
 * - `resolveLocale(tag)` never throws: an exact table (`de`, `pt-BR`), else a documented alias
 *   (`zh-Hant`/`zh-HK`/`zh-MO` → zh-TW, `zh`/`zh-Hans`/`zh-SG` → zh-CN, `pt` → pt-BR as CLDR
 *   reads a bare `pt`, other Portuguese regions → pt-PT, `no`/`nn` → nb), else the language part
 *   (`de-AT` → de, `en-GB` → en), else `{ ok: false }` with a did-you-mean suggestion (country
 *   codes used as languages, `jp` → ja, `cn` → zh-CN, are caught too) for an exit-4 diagnostic.
 * - `labelsFor(tag, overrides, store)` returns a complete, frozen `Labels`; it throws a validation
 *   `VitaeError` (code UNKNOWN_LOCALE) for a tag `resolveLocale` rejects.
 * - Files are read synchronously from the package root, at most once per `LabelStore`; the caller
 *   creates the store (one per build). Nothing is cached at module level.
 */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import type { Section } from '../types/resume.js'
import { PACKAGE_ROOT } from './schema.js'
import { SECTION_IDS } from './sections.js'
import { didYouMean } from './suggest.js'

export type ContactKind = 'email' | 'phone' | 'url' | 'location' | 'profiles'

/** One language's table, as locales/<tag>.json holds it. */
export interface LocaleTable {
  /** The language's name in itself: "Deutsch". */
  name: string
  dir: 'ltr' | 'rtl'
  sections: Record<Section, string>
  /** The open end of a date range: "Mar 2024 – Present". */
  present: string
  /** Between the two ends of a date range. */
  rangeSeparator: string
  /** Between keywords or courses: ", " or "、". */
  listSeparator: string
  /** After a label: ": ", "\u00a0: " (French), "：" (CJK). */
  colon: string
  /** Before a degree's grade: "GPA 3.9". */
  gpa: string
  /** Before a degree's course list: "Courses: ...". */
  courses: string
  /** Words for contact lines, where a theme labels them. */
  contact: Record<ContactKind, string>
  /** The document's title; `{name}` is the person's name. */
  documentTitle: string
  /** The document's title when the resume has no name. */
  resume: string
  /** A cover letter's words where the letter sets none; `documentTitle` has `{name}`. */
  letter: LetterWords
}

export interface LetterWords {
  salutation: string
  closing: string
  documentTitle: string
}

/** Every table shipped under locales/, by file name. */
export const SUPPORTED_LOCALES = [
  'ar',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'fi',
  'fr',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'nb',
  'nl',
  'pl',
  'pt-BR',
  'pt-PT',
  'ro',
  'ru',
  'sv',
  'tr',
  'uk',
  'vi',
  'zh-CN',
  'zh-TW',
] as const
export type LocaleTag = (typeof SUPPORTED_LOCALES)[number]

/** What a view builder gets: the table for the resolved tag, overrides applied. */
export interface Labels extends LocaleTable {
  /** The table used (`de` for a requested `de-AT`). */
  tag: LocaleTag
}

/** Labels a resume may override one by one under `meta.labels` (contact names flattened). */
export type FlatLabelKey = Exclude<keyof LocaleTable, 'name' | 'dir' | 'sections' | 'contact'> | ContactKind

export interface LabelOverrides {
  /** The theme's manifest `headings`, over the table (an empty one hides the heading). */
  themeHeadings?: Readonly<Partial<Record<Section, string>>>
  /** `meta.headings`: a heading per section, over the theme's. */
  headings?: Partial<Record<Section, string>>
  /** `meta.labels`: any other word. */
  labels?: Partial<Record<FlatLabelKey, string>>
}

export type LocaleResolution =
  | { ok: true; requested: string; tag: LocaleTag; how: 'exact' | 'alias' | 'language' }
  | { ok: false; requested: string; suggestion?: LocaleTag; supported: readonly LocaleTag[] }

const SUPPORTED = new Map<string, LocaleTag>(SUPPORTED_LOCALES.map((t) => [t.toLowerCase(), t]))
const PT_PT_REGIONS = new Set(['PT', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL', 'MO', 'LU', 'CH', 'GQ'])
const TW_REGIONS = new Set(['TW', 'HK', 'MO'])
/** Country (or old) codes people write where a language code belongs: suggestions only, never silent. */
const MISTAKES: Record<string, LocaleTag> = {
  jp: 'ja',
  cn: 'zh-CN',
  tw: 'zh-TW',
  hk: 'zh-TW',
  kr: 'ko',
  gr: 'el',
  se: 'sv',
  dk: 'da',
  cz: 'cs',
  ua: 'uk',
  br: 'pt-BR',
  il: 'he',
  gb: 'en',
  us: 'en',
  vn: 'vi',
  eg: 'ar',
  at: 'de',
}

/** Finds the table for a BCP 47 tag (see the module comment for the rules). */
export function resolveLocale(requested: string): LocaleResolution {
  const raw = requested.trim().replace(/_/g, '-')
  let loc: Intl.Locale | undefined
  try {
    loc = new Intl.Locale(Intl.getCanonicalLocales(raw)[0] ?? raw)
  } catch {
    loc = undefined
  }
  const exact = SUPPORTED.get(raw.toLowerCase())
  if (exact) return { ok: true, requested, tag: exact, how: 'exact' }
  if (loc) {
    const canonical = SUPPORTED.get(loc.toString().toLowerCase())
    if (canonical) return { ok: true, requested, tag: canonical, how: 'exact' }
    const { language, script, region } = loc
    const alias = aliasFor(language, script, region)
    if (alias) return { ok: true, requested, tag: alias, how: 'alias' }
    const base = SUPPORTED.get(language)
    if (base) return { ok: true, requested, tag: base, how: 'language' }
  }
  const key = (loc?.language ?? raw).toLowerCase()
  const suggestion = MISTAKES[key] ?? (didYouMean(raw, SUPPORTED_LOCALES) as LocaleTag | undefined)
  return { ok: false, requested, suggestion, supported: SUPPORTED_LOCALES }
}

function aliasFor(language: string, script: string | undefined, region: string | undefined): LocaleTag | undefined {
  if (language === 'zh') return script === 'Hant' || (script !== 'Hans' && region && TW_REGIONS.has(region)) ? 'zh-TW' : 'zh-CN'
  if (language === 'pt') return region && PT_PT_REGIONS.has(region) ? 'pt-PT' : 'pt-BR'
  if (language === 'no' || language === 'nn' || language === 'nb') return 'nb'
  return undefined
}

/** The diagnostic a caller reports for a rejected tag (exit 4 through a validation VitaeError). */
export function unknownLocaleDiagnostic(resolution: Extract<LocaleResolution, { ok: false }>, place: Pick<Diagnostic, 'file' | 'line' | 'column'> = {}): Diagnostic {
  const hint = resolution.suggestion ? `did you mean ${resolution.suggestion}?` : `supported: ${resolution.supported.join(', ')}`
  return { code: 'UNKNOWN_LOCALE', severity: 'error', message: `no words for locale ${JSON.stringify(resolution.requested)}`, hint, ...place }
}

/** Reads locale tables at most once each; create one per build. */
export interface LabelStore {
  table(tag: LocaleTag): LocaleTable
}

export function createLabelStore(options: { root?: string } = {}): LabelStore {
  const dir = join(options.root ?? PACKAGE_ROOT, 'locales')
  const cache = new Map<LocaleTag, LocaleTable>()
  return {
    table(tag) {
      let table = cache.get(tag)
      if (!table) {
        table = readTable(join(dir, `${tag}.json`))
        cache.set(tag, table)
      }
      return table
    },
  }
}

function readTable(file: string): LocaleTable {
  const { $schema: _, ...table } = JSON.parse(readFileSync(file, 'utf8')) as LocaleTable & { $schema?: string }
  // Our own data: the unit tests check it against the schema; this only guards against a partial file.
  for (const s of SECTION_IDS) if (typeof table.sections?.[s] !== 'string') throw new Error(`${file}: sections.${s} is missing`)
  if (typeof table.letter?.salutation !== 'string') throw new Error(`${file}: letter is missing`)
  return table
}

/** The labels for a tag with the resume's overrides on top. */
export function labelsFor(tag: string, overrides: LabelOverrides = {}, store: LabelStore = createLabelStore()): Readonly<Labels> {
  const resolution = resolveLocale(tag)
  if (!resolution.ok) throw new VitaeError('validation', [unknownLocaleDiagnostic(resolution)])
  const base = store.table(resolution.tag)
  const flat: Partial<Record<string, string>> = overrides.labels ?? {}
  // Every word of the table may be overridden by its key (contact words by theirs): the table is
  // the list, so a word added to the locales is overridable without a change here.
  const words = (table: object): Record<string, string> =>
    Object.fromEntries(Object.entries(table).map(([key, word]) => [key, typeof flat[key] === 'string' ? flat[key]! : (word as string)]))
  const { name, dir, sections: _, contact: baseContact, letter, ...rest } = base
  const contact = words(baseContact) as Record<ContactKind, string>
  // The one place headings are decided: the locale's, then the theme's, then the resume's own.
  const sections = { ...base.sections }
  for (const s of SECTION_IDS) {
    for (const heading of [overrides.themeHeadings?.[s], overrides.headings?.[s]]) if (typeof heading === 'string') sections[s] = heading
  }
  return Object.freeze({
    ...(words(rest) as Omit<LocaleTable, 'name' | 'dir' | 'sections' | 'contact' | 'letter'>),
    tag: resolution.tag,
    name,
    dir,
    sections: Object.freeze(sections),
    contact: Object.freeze(contact),
    letter: Object.freeze({ ...letter }),
  })
}

/** "Hayes Zhao – Lebenslauf", or "Lebenslauf" when there is no name. */
export const documentTitle = (labels: Pick<Labels, 'documentTitle' | 'resume'>, name: string | undefined): string =>
  name?.trim() ? labels.documentTitle.replace('{name}', name.trim()) : labels.resume
