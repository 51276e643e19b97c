import { parseInline, plainText } from '../core/inline.js'
import { toJsonResume } from '../export/json-resume.js'
import type { Resume } from '../types/resume.js'

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Our additions to `meta`, which a JSON Resume theme has no use for. */
const OUR_META = ['theme', 'themeOptions', 'plugins', 'page', 'margins', 'sections', 'headings', 'locale']
/** Fields we write as inline Markdown; a JSON Resume theme would show the asterisks. */
const MARKDOWN_FIELDS = new Set(['summary', 'description', 'highlights'])

/**
 * The tailored resume as plain JSON Resume 1.0, the way a JSON Resume theme expects it: highlights
 * as strings, no tags, no variants, no `x-` keys, no vitae settings under meta, inline Markdown
 * as its plain text. A few themes read `basics.location.*` and `basics.profiles` without checking
 * (elegant), so those two are always present.
 */
export function toPlainJsonResume(resume: Resume): Obj {
  const out = strip(toJsonResume(resume)) as Obj
  delete out.variants
  delete out.letters
  if (isObject(out.meta)) {
    for (const key of OUR_META) delete out.meta[key]
    if (Object.keys(out.meta).length === 0) delete out.meta
  }
  if (!isObject(out.basics)) out.basics = {}
  const basics = out.basics as Obj
  if (!isObject(basics.location)) basics.location = {}
  if (!Array.isArray(basics.profiles)) basics.profiles = []
  return out
}

function strip(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, key))
  if (isObject(value)) {
    const out: Obj = {}
    for (const [k, v] of Object.entries(value)) {
      if (k === 'tags' || k.startsWith('x-')) continue
      out[k] = strip(v, k)
    }
    return out
  }
  if (typeof value === 'string' && key && MARKDOWN_FIELDS.has(key)) return plainText(parseInline(value))
  return value
}
