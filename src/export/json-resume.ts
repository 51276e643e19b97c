import type { Resume } from '../types/resume.js'

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

const WITH_HIGHLIGHTS = ['work', 'volunteer', 'education', 'projects'] as const
const END_DATED = ['work', 'volunteer', 'education', 'projects'] as const

/**
 * Our resume as JSON Resume 1.0 that the official schema accepts: highlights as plain strings,
 * an ongoing role without `endDate` (JSON Resume has no "present"). What JSON Resume has no field
 * for stays where its schema allows extra properties, so `resume import` gives it all back:
 * a highlight's tags (and any other keys of a highlight object) under the entry's
 * `x-vitae.highlights`, aligned with the strings (`null` for plain ones); entry `tags`, `meta`
 * settings and `variants` as they are.
 */
export function toJsonResume(resume: Resume): Obj {
  const out = structuredClone(resume) as Obj
  delete out.$schema
  for (const section of WITH_HIGHLIGHTS) {
    const list = out[section]
    if (!Array.isArray(list)) continue
    for (const entry of list) {
      if (!isObject(entry) || !Array.isArray(entry.highlights)) continue
      const extra = entry.highlights.map((h) => {
        if (!isObject(h)) return null
        const { text: _text, ...rest } = h
        return rest
      })
      if (extra.some((e) => e !== null)) {
        const vitae = isObject(entry['x-vitae']) ? entry['x-vitae'] : {}
        entry['x-vitae'] = { ...vitae, highlights: extra }
      }
      entry.highlights = entry.highlights.map((h) => (isObject(h) ? String(h.text) : h))
    }
  }
  for (const section of END_DATED) {
    const list = out[section]
    if (!Array.isArray(list)) continue
    for (const entry of list) {
      if (isObject(entry) && typeof entry.endDate === 'string' && /^(present|)$/i.test(entry.endDate)) delete entry.endDate
    }
  }
  return out
}
