import { LEGACY_KEYS, legacyKeyFor } from '../core/legacy-keys.js'
import type { Resume } from '../types/resume.js'
import { type ConvertResult, isBlank, isObject, type Obj, type PathSegment, Stash } from './common.js'
import { buildEntry, buildLocation, buildMeta, buildProfiles, type Field } from './entries.js'
import { BASICS_FIELDS, ENTRY_FIELDS, ENTRY_SECTIONS, type EntrySection, type FieldKind } from './fields.js'

/**
 * Keys of JSON Resume before 1.0 (the 0.0.x schema, and what early tools wrote) and the names
 * they have now. `at` is where the key lives: `basics`, or `work[]` for every entry of `work`.
 * The validator reads these as their new names, with one warning each; `resume import` renames them.
 */
export { LEGACY_KEYS, legacyKeyFor }

/** Renames legacy keys of one object; a legacy key beside its new name stays as it is (and is reported as unknown). */
function fieldsOf(obj: Obj, container: PathSegment[], from: PathSegment[]): Field[] {
  const present = new Set(Object.keys(obj))
  return Object.entries(obj).map(([key, value]) => {
    const renamed = legacyKeyFor(container, key)
    return { key: renamed && !present.has(renamed) ? renamed : key, value, from: [...from, key] }
  })
}

/**
 * JSON Resume of any version found in the wild (ours included) as our resume: legacy keys
 * renamed, nulls and blanks left out, dates and links made into our forms, and whatever has no
 * place under `x-jsonresume` (reported). Our own JSON Resume export round-trips: the highlight
 * tags it keeps under `x-vitae` come back.
 */
export function fromJsonResume(data: unknown): ConvertResult {
  const stash = new Stash('jsonresume')
  const resume: Obj = {}
  if (!isObject(data)) return { resume: resume as Resume, dropped: stash.dropped }
  for (const [key, value] of Object.entries(data)) {
    if (isBlank(value)) continue
    if (key === '$schema') continue // it names JSON Resume's schema; ours is named by the first line of resume.yaml
    if (key.startsWith('x-')) {
      resume[key] = value
    } else if (key === 'basics') {
      const basics = convertBasics(value, [key], stash)
      if (basics) resume.basics = basics
    } else if ((ENTRY_SECTIONS as readonly string[]).includes(key) && Array.isArray(value)) {
      const list = convertSection(key as EntrySection, value, stash)
      if (list.length) resume[key] = list
    } else if (key === 'meta') {
      const meta = buildMeta(value, [key], stash)
      if (meta) resume.meta = meta
    } else if (key === 'variants' && isObject(value)) {
      resume.variants = value // ours; validation checks it
    } else {
      stash.keep(resume, key, value, [key])
    }
  }
  return { resume: resume as Resume, dropped: stash.dropped }
}

export function convertBasics(value: unknown, from: PathSegment[], stash: Stash): Obj | undefined {
  if (!isObject(value)) return undefined
  const at = ['basics']
  const plain: Record<string, FieldKind> = {}
  for (const [k, kind] of Object.entries(BASICS_FIELDS)) if (kind !== 'location' && kind !== 'profiles') plain[k] = kind
  const fields = fieldsOf(value, ['basics'], from)
  const out = buildEntry(
    plain,
    fields.filter((f) => f.key !== 'location' && f.key !== 'profiles'),
    stash,
    at,
  )
  const location = fields.find((f) => f.key === 'location')
  const profiles = fields.find((f) => f.key === 'profiles')
  const loc = location && buildLocation(location.value, location.from, stash, [...at, 'location'])
  if (loc) out.location = loc
  else if (location && !isBlank(location.value)) stash.keep(out, 'location', location.value, location.from, at)
  const list = profiles && buildProfiles(profiles.value, profiles.from, stash, [...at, 'profiles'])
  if (list) out.profiles = list
  else if (profiles && !isBlank(profiles.value)) stash.keep(out, 'profiles', profiles.value, profiles.from, at)
  return isBlank(out) ? undefined : reorder(out, Object.keys(BASICS_FIELDS))
}

function convertSection(section: EntrySection, list: unknown[], stash: Stash): Obj[] {
  const out: Obj[] = []
  list.forEach((item, i) => {
    if (isBlank(item)) return
    const at = [section, out.length]
    if (!isObject(item)) {
      const holder: Obj = {}
      stash.keep(holder, 'entry', item, [section, i], at)
      out.push(holder)
      return
    }
    const { 'x-vitae': vitae, ...rest } = item
    const entry = buildEntry(ENTRY_FIELDS[section], fieldsOf(rest, [section, i], [section, i]), stash, at)
    restoreHighlightTags(entry, vitae)
    if (!isBlank(entry)) out.push(entry)
  })
  return out
}

/** Our JSON Resume export keeps highlight objects (text plus tags) as `x-vitae.highlights`, aligned with the plain strings. */
function restoreHighlightTags(entry: Obj, vitae: unknown): void {
  if (!isObject(vitae)) return
  const { highlights: extra, ...others } = vitae
  if (Array.isArray(extra) && Array.isArray(entry.highlights) && extra.length === entry.highlights.length) {
    entry.highlights = entry.highlights.map((h, i) => (isObject(extra[i]) && typeof h === 'string' ? { ...(extra[i] as Obj), text: h } : h))
  }
  if (!isBlank(others)) entry['x-vitae'] = others
}

/** The object with the given keys first, in that order, and the others after as they were. */
export function reorder(obj: Obj, order: readonly string[]): Obj {
  const out: Obj = {}
  for (const k of order) if (k in obj) out[k] = obj[k]
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v
  return out
}
