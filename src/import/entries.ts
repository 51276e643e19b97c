import { SECTION_IDS } from '../core/sections.js'
import { shippedThemes } from '../core/shipped-themes.js'
import {
  asText,
  isBlank,
  isEmail,
  isObject,
  isPresent,
  normalizeDate,
  normalizeLength,
  normalizeLocale,
  normalizeUrl,
  type Obj,
  type PathSegment,
  type Stash,
  stringList,
} from './common.js'
import { type FieldKind, LOCATION_FIELDS, PROFILE_FIELDS } from './fields.js'

/** One source value on its way to a field of ours: our key, the value, and where it was in the source. */
export interface Field {
  key: string
  value: unknown
  from: PathSegment[]
}

const TAG = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/
const SECTIONS = new Set<string>(SECTION_IDS)

/**
 * Builds one entry of ours from fields: each value is made into what its kind needs (dates,
 * links, lists); what cannot be, and keys we do not have, go under `x-<tool>` and into the report.
 * `x-` keys pass through untouched. `at` is the entry's path in the result.
 */
export function buildEntry(kinds: Record<string, FieldKind>, fields: readonly Field[], stash: Stash, at: PathSegment[]): Obj {
  const out: Obj = {}
  const keep = (f: Field) => stash.keep(out, f.key, f.value, f.from, at)
  for (const f of fields) {
    if (isBlank(f.value)) continue
    if (f.key.startsWith('x-')) {
      out[f.key] = f.value
      continue
    }
    const kind = kinds[f.key]
    if (!kind || f.key in out) {
      keep(f)
      continue
    }
    const value = convertField(kind, f, stash, at, out)
    if (value === NOT_CONVERTED) keep(f)
    else if (value !== undefined) out[f.key] = value
  }
  // What was kept aside reads last in the entry.
  for (const key of Object.keys(out)) {
    if (!key.startsWith('x-')) continue
    const v = out[key]
    delete out[key]
    out[key] = v
  }
  return out
}

const NOT_CONVERTED = Symbol('not converted')

function convertField(kind: FieldKind, f: Field, stash: Stash, at: PathSegment[], out: Obj): unknown {
  const { value } = f
  switch (kind) {
    case 'string':
    case 'text':
      return asText(value) ?? NOT_CONVERTED
    case 'url':
      return normalizeUrl(value) ?? NOT_CONVERTED
    case 'email': {
      const text = asText(value)
        ?.trim()
        .replace(/^mailto:/i, '')
      return text && isEmail(text) ? text : NOT_CONVERTED
    }
    case 'date':
      return normalizeDate(value) ?? NOT_CONVERTED
    case 'endDate':
      if (isPresent(value)) return undefined // ongoing: we leave endDate out
      return normalizeDate(value) ?? NOT_CONVERTED
    case 'strings':
      return Array.isArray(value) || typeof value === 'string' ? stringList(value) : NOT_CONVERTED
    case 'tags':
      return Array.isArray(value) && value.every((t) => typeof t === 'string' && TAG.test(t)) ? value : NOT_CONVERTED
    case 'highlights':
      return highlights(f, stash, at, out)
  }
}

function highlights(f: Field, stash: Stash, at: PathSegment[], entry: Obj): unknown[] | undefined {
  const list = Array.isArray(f.value) ? f.value : [f.value]
  const out: unknown[] = []
  list.forEach((item, i) => {
    if (isBlank(item)) return
    const text = asText(item)
    if (text !== undefined) out.push(text)
    else if (
      isObject(item) &&
      asText(item.text) !== undefined &&
      (item.tags === undefined || (Array.isArray(item.tags) && item.tags.every((t) => typeof t === 'string' && TAG.test(t))))
    ) {
      out.push({ ...item, text: asText(item.text) })
    } else {
      // Kept whole under x-<tool>.highlights, in source order.
      stash.append(entry, 'highlights', item, [...f.from, i], at)
    }
  })
  return out.length ? out : undefined
}

/** `basics.location` from an object of ours (a bare string is taken as the city). */
export function buildLocation(value: unknown, from: PathSegment[], stash: Stash, at: PathSegment[]): Obj | undefined {
  if (typeof value === 'string') return value.trim() ? splitPlace(value) : undefined
  if (!isObject(value)) return undefined
  const kinds = Object.fromEntries(LOCATION_FIELDS.map((k) => [k, 'string' as FieldKind]))
  const fields = Object.entries(value).map(([key, v]) => ({ key, value: v, from: [...from, key] }))
  const out = buildEntry(kinds, fields, stash, at)
  return isBlank(out) ? undefined : out
}

/** "Austin, TX, USA" → city Austin, region "TX, USA"; "Berlin" → city Berlin. */
export function splitPlace(text: string): Obj {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  if (parts.length <= 1) return { city: text.trim() }
  return { city: parts[0], region: parts.slice(1).join(', ') }
}

export function buildProfiles(value: unknown, from: PathSegment[], stash: Stash, at: PathSegment[]): Obj[] | undefined {
  if (!Array.isArray(value)) return undefined
  const out: Obj[] = []
  value.forEach((p, i) => {
    if (!isObject(p)) return
    const fields = Object.entries(p).map(([key, v]) => ({ key, value: v, from: [...from, i, key] }))
    // A profile with a user name and no link keeps just that: the file never said where it lives,
    // and a guessed address (x.com/NAME for a Twitter handle from 2015) may be someone else's.
    const built = buildEntry(PROFILE_FIELDS, fields, stash, [...at, out.length])
    if (!isBlank(built)) out.push(built)
  })
  return out.length ? out : undefined
}

/**
 * Our `meta`, from a meta object: presentation settings checked one by one (a theme we do not
 * ship, a page size we do not have, go under `x-<tool>` instead of failing the build).
 */
export function buildMeta(value: unknown, from: PathSegment[], stash: Stash): Obj | undefined {
  if (!isObject(value)) return undefined
  const out: Obj = {}
  const at = ['meta']
  for (const [key, v] of Object.entries(value)) {
    if (isBlank(v)) continue
    const path = [...from, key]
    let converted: unknown
    switch (key) {
      case 'canonical':
      case 'version':
      case 'lastModified':
        converted = asText(v)
        break
      case 'theme':
        converted = typeof v === 'string' && shippedThemes().includes(v) ? v : undefined
        break
      case 'page': {
        const page = asText(v)
          ?.toLowerCase()
          .replace(/paper$/, '')
          .replace(/^us-?/, '')
        converted = page === 'letter' || page === 'a4' ? page : undefined
        break
      }
      case 'margins':
        converted = normalizeMargins(v)
        break
      case 'locale':
        converted = normalizeLocale(v)
        break
      case 'sections':
        converted = Array.isArray(v) && v.every((s) => typeof s === 'string' && SECTIONS.has(s)) && new Set(v).size === v.length ? v : undefined
        break
      case 'headings':
        converted = isObject(v) && Object.entries(v).every(([k, h]) => SECTIONS.has(k) && typeof h === 'string') ? v : undefined
        break
      default:
        if (key.startsWith('x-')) converted = v
    }
    if (converted === undefined) stash.keep(out, key, v, path, at)
    else out[key] = converted
  }
  return isBlank(out) ? undefined : out
}

/** Margins as one length or per side; anything else undefined. */
export function normalizeMargins(value: unknown): string | Obj | undefined {
  const one = normalizeLength(value)
  if (one) return one
  if (!isObject(value)) return undefined
  const out: Obj = {}
  for (const side of ['top', 'right', 'bottom', 'left']) {
    if (value[side] === undefined || value[side] === null) continue
    const length = normalizeLength(value[side])
    if (!length) return undefined
    out[side] = length
  }
  return Object.keys(out).length ? out : undefined
}
