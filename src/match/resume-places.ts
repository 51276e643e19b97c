import { formatPath } from '../core/paths.js'
import { LIST_SECTIONS } from '../core/sections.js'
import { type Path, placeOfOffset, type Source, spanOf } from '../core/source.js'
import type { Resume } from '../types/resume.js'
import { findMentions } from './extract.js'
import type { Vocabulary } from './vocabulary.js'

/** One place a term is written in the resume. */
export interface ResumePlace {
  /** The data path of the string that holds it: work[1].highlights[2]. */
  path: Path
  where: string
  /** 1-based line and column of the term itself in the resume file. */
  line: number
  column: number
  /** The words as written there. */
  text: string
  /** The term's name. */
  term: string
}

// Fields whose text is an address, a date or a tag, never a claim of a skill.
const NOT_TEXT = new Set(['url', 'email', 'phone', 'startDate', 'endDate', 'date', 'releaseDate', 'tags', 'image', 'username', 'countryCode', 'postalCode'])

/** Every string of the resume a reader sees, with its data path. */
function* texts(resume: Resume): Generator<{ path: Path; text: string }> {
  const walk = function* (value: unknown, path: Path): Generator<{ path: Path; text: string }> {
    if (typeof value === 'string') yield { path, text: value }
    else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walk(value[i], [...path, i])
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!NOT_TEXT.has(k)) yield* walk(v, [...path, k])
  }
  for (const key of ['label', 'summary'] as const) if (typeof resume.basics?.[key] === 'string') yield { path: ['basics', key], text: resume.basics[key] }
  for (const { list } of LIST_SECTIONS) yield* walk(resume[list], [list])
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The line and column of the `nth` occurrence of `words` in the scalar at `path`, where the file
 * shows it (a folded block may break the words over lines, Markdown may wrap them in **).
 */
function placeIn(source: Source, path: Path, words: string, nth: number): { line: number; column: number } | undefined {
  const range = spanOf(source, path)
  if (!range) return undefined
  const raw = source.text.slice(range[0], range[1])
  const pattern = new RegExp(`(?<![A-Za-z0-9])${words.split(/\s+/).map(escapeRegExp).join('\\s+')}(?![A-Za-z0-9])`, 'g')
  const found = [...raw.matchAll(pattern)][nth]
  return found ? placeOfOffset(source, range[0] + found.index) : undefined
}

/**
 * Where each term named in `wanted` is written in one string: `path` is the data it stands for,
 * `node` where the file holds it (a variant's `set` value holds text for another path).
 */
export function placesInString(source: Source, vocab: Vocabulary, wanted: Set<string>, text: string, path: Path, node: Path = path, where = formatPath(path)): ResumePlace[] {
  const found: ResumePlace[] = []
  for (const m of findMentions(text, vocab, { lenient: true })) {
    if (!wanted.has(m.term.name)) continue
    const pattern = new RegExp(`(?<![A-Za-z0-9])${m.text.split(/\s+/).map(escapeRegExp).join('\\s+')}(?![A-Za-z0-9])`, 'g')
    const nth = [...text.matchAll(pattern)].findIndex((x) => x.index === m.start)
    const at = placeIn(source, node, m.text, Math.max(nth, 0))
    // A string with no place of its own in the file (renamed legacy keys): its nearest parent's.
    const place = at ?? placeOfOffset(source, spanOf(source, node.slice(0, 2))?.[0] ?? 0)
    found.push({ path, where, line: place.line, column: place.column, text: m.text, term: m.term.name })
  }
  return found
}

/** Where each term named in `wanted` is written in the resume as the file has it (every section, every entry). */
export function placesInResume(resume: Resume, source: Source, vocab: Vocabulary, wanted: Set<string>): Map<string, ResumePlace[]> {
  const places = new Map<string, ResumePlace[]>()
  for (const { path, text } of texts(resume)) {
    for (const place of placesInString(source, vocab, wanted, text, path)) {
      const list = places.get(place.term) ?? []
      list.push(place)
      places.set(place.term, list)
    }
  }
  return places
}
