import { isRefusedScheme } from '../core/links.js'
import { parseLength } from '../page/geometry.js'
import type { Resume } from '../types/resume.js'

/** A step in a path through parsed data: a mapping key or a list index. */
export type PathSegment = string | number

/** A value of the source file that has no place in our schema: kept under an `x-` key and reported. */
export interface DroppedValue {
  /** The path in the source file, e.g. `cv.sections.talks[2].bar`. */
  path: string
  /** The same path as segments, to find the value's line and column in the source. */
  segments: PathSegment[]
  value: unknown
  /** Where the value was kept in the converted resume, e.g. `work[0].x-yamlresume.keywords`. */
  keptAt?: string
}

export interface ConvertResult {
  resume: Resume
  dropped: DroppedValue[]
}

export type Obj = Record<string, unknown>

export const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value)

/** `['cv', 'sections', 'my talks', 2, 'bar']` → `cv.sections["my talks"][2].bar`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = ''
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s
    else out += `[${JSON.stringify(s)}]`
  }
  return out
}

/** Null, undefined, blank strings, and lists or mappings holding nothing: absent, for an import. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.every(isBlank)
  if (isObject(value)) return Object.values(value).every(isBlank)
  return false
}

/** A scalar as text: numbers and booleans as written (a GPA of 3.8 is "3.8"); anything else undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)
  return undefined
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}

const pad = (n: number): string => String(n).padStart(2, '0')

function ymd(y: number, m?: number, d?: number): string | undefined {
  if (!Number.isInteger(y) || y < 1000 || y > 2999) return undefined
  if (m === undefined) return String(y)
  if (!Number.isInteger(m) || m < 1 || m > 12) return undefined
  if (d === undefined) return `${y}-${pad(m)}`
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (!Number.isInteger(d) || d < 1 || d > days) return undefined
  return `${y}-${pad(m)}-${pad(d)}`
}

function month(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '').slice(0, 3)]
}

/**
 * A date as other tools write it, in our form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`:
 * `2021`, `2021-9`, `2021-09-01T00:00:00Z`, `2021/09`, `09/2021`, `Sep 2021`, `September 1, 2021`,
 * `1 Sep 2021`. Undefined when it is not a date (free text like "Fall 2021", or "present").
 */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? ymd(value) : undefined
  if (value instanceof Date && !Number.isNaN(value.getTime())) return ymd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
  if (typeof value !== 'string') return undefined
  const s = value.trim()
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(s))) {
    return ymd(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined)
  }
  if ((m = /^(\d{1,2})[/.](\d{4})$/.exec(s))) return ymd(Number(m[2]), Number(m[1]))
  // Sep 2021, Sept. 2021, September 1, 2021, Sep 1 2021
  if ((m = /^([A-Za-z]{3,9}\.?)\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/.exec(s))) {
    const mo = month(m[1]!)
    return mo ? ymd(Number(m[3]), mo, m[2] ? Number(m[2]) : undefined) : undefined
  }
  // 1 Sep 2021, 1. September 2021
  if ((m = /^(\d{1,2})\.?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})$/.exec(s))) {
    const mo = month(m[2]!)
    return mo ? ymd(Number(m[3]), mo, Number(m[1])) : undefined
  }
  return undefined
}

/** Words other tools use for an ongoing role; we leave `endDate` out instead. */
export const isPresent = (value: unknown): boolean => typeof value === 'string' && /^(present|now|current|ongoing|today|heute|actuel|actualidad)$/i.test(value.trim())

/** A link we accept (any scheme but those that run code or read files); a bare `example.com` gets `https://`. Undefined otherwise. */
export function normalizeUrl(value: unknown): string | undefined {
  const text = asText(value)?.trim()
  if (!text) return undefined
  const candidates = /^[a-z][a-z0-9+.-]*:/i.test(text) ? [text] : /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,})(\/|$)/i.test(text) ? [`https://${text}`] : []
  for (const c of candidates) {
    try {
      if (!isRefusedScheme(new URL(c).protocol)) return c
    } catch {
      // not a link
    }
  }
  return undefined
}

export const isEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+$/.test(value)

/** Lengths as our schema takes them (`0.5in`, `12mm`, `1.5cm`, `36pt`): the one parser decides (src/page/geometry.ts). */
export function normalizeLength(value: unknown): string | undefined {
  const text = asText(value)?.trim().replace(/\s+/g, '')
  return text && parseLength(text) ? text : undefined
}

/** A BCP 47 tag in its usual case: `zh-hant-hk` → `zh-Hant-HK`, `pt_br` → `pt-BR`. */
export function normalizeLocale(value: unknown): string | undefined {
  const text = asText(value)?.trim().replace(/_/g, '-')
  if (!text || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(text)) return undefined
  const [lang, ...rest] = text.split('-')
  return [
    lang!.toLowerCase(),
    ...rest.map((part) => (part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.length === 2 ? part.toUpperCase() : part.toLowerCase())),
  ].join('-')
}

/**
 * Collects what a converter could not place: each value goes under `x-<tool>` in the object
 * nearest to where it was (an entry, basics, or the resume itself) and into the report.
 */
export class Stash {
  readonly dropped: DroppedValue[] = []
  constructor(readonly tool: string) {}

  get key(): string {
    return `x-${this.tool}`
  }

  /** Keeps `value` as `target['x-<tool>'][name]`; `from` is its path in the source, `at` the target's path in the result. */
  keep(target: Obj, name: string | readonly string[], value: unknown, from: readonly PathSegment[], at: readonly PathSegment[] = []): void {
    if (isBlank(value)) return
    const names = typeof name === 'string' ? [name] : name
    let bucket = (isObject(target[this.key]) ? target[this.key] : (target[this.key] = {})) as Obj
    for (const n of names.slice(0, -1)) bucket = (isObject(bucket[n]) ? bucket[n] : (bucket[n] = {})) as Obj
    bucket[names[names.length - 1]!] = value
    this.dropped.push({ path: formatPath(from), segments: [...from], value, keptAt: formatPath([...at, this.key, ...names]) })
  }

  /** Like keep, for one item of a list: appended to the list `target['x-<tool>'][name]`. */
  append(target: Obj, name: string, value: unknown, from: readonly PathSegment[], at: readonly PathSegment[] = []): void {
    if (isBlank(value)) return
    const bucket = (isObject(target[this.key]) ? target[this.key] : (target[this.key] = {})) as Obj
    const list = (Array.isArray(bucket[name]) ? bucket[name] : (bucket[name] = [])) as unknown[]
    list.push(value)
    this.dropped.push({ path: formatPath(from), segments: [...from], value, keptAt: formatPath([...at, this.key, name, list.length - 1]) })
  }
}

/** A list of strings from a list (or one comma-separated string), blanks left out. */
export function stringList(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : []
  const out = list.map((v) => asText(v)?.trim()).filter((v): v is string => Boolean(v))
  return out.length ? out : undefined
}

/**
 * Splits Markdown prose that other tools use as a block (YAMLResume's `summary`) into the paragraph
 * text and its list items, which become our highlights.
 */
export function splitSummary(text: unknown): { summary?: string; bullets: string[] } {
  const value = asText(text)
  if (!value) return { bullets: [] }
  const prose: string[] = []
  const bullets: string[] = []
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) continue
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line)
    if (item) bullets.push(item[1]!.trim())
    else if (bullets.length && /^\s{2,}/.test(raw)) bullets[bullets.length - 1] += ` ${line}`
    else prose.push(line)
  }
  return { summary: prose.length ? prose.join(' ') : undefined, bullets }
}

/** Prose flattened to one paragraph: list markers become sentences on one line. */
export function flattenText(text: unknown): string | undefined {
  const { summary, bullets } = splitSummary(text)
  const parts = [summary, ...bullets].filter((p): p is string => Boolean(p))
  // List items read as sentences once they share a line.
  return parts.length ? parts.map((p, i) => (i < parts.length - 1 && !/[.!?;:]$/.test(p) ? `${p}.` : p)).join(' ') : undefined
}
