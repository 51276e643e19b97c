import { LIST_SECTIONS } from '../core/sections.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { isBlank, isObject } from './common.js'

/** The formats `resume import` reads. Ours is JSON Resume plus additions, so it counts as `jsonresume`. */
export type Shape = 'jsonresume' | 'rendercv' | 'yamlresume' | 'unknown'

export const KNOWN_SHAPES = ['jsonresume', 'rendercv', 'yamlresume'] as const

export const SHAPE_NAMES: Record<Exclude<Shape, 'unknown'>, string> = {
  jsonresume: 'JSON Resume',
  rendercv: 'RenderCV',
  yamlresume: 'YAMLResume',
}

/** The top-level sections of a JSON Resume (and of ours). */
export const RESUME_SECTIONS: readonly string[] = ['basics', ...LIST_SECTIONS.map((s) => s.list)]

const RESUME_KEYS = new Set<string>([...RESUME_SECTIONS, 'meta', 'variants'])

/**
 * Which tool's format parsed data is in, by its shape:
 * RenderCV has `cv:` (with `sections:`, usually beside `design:`), YAMLResume has `content:` with
 * `basics:` (maybe beside `layouts:` and `locale:`), JSON Resume has its sections at the top.
 */
export function detectShape(data: unknown): Shape {
  if (!isObject(data)) return 'unknown'
  const cv = data.cv
  if (isObject(cv) && (isObject(cv.sections) || 'design' in data || 'rendercv_settings' in data || 'locale_catalog' in data || typeof cv.name === 'string')) {
    return 'rendercv'
  }
  const content = data.content
  if (isObject(content) && (isObject(content.basics) || 'layouts' in data)) return 'yamlresume'
  if (Object.keys(data).some((key) => RESUME_KEYS.has(key))) return 'jsonresume'
  return 'unknown'
}

/** True when a resume has nothing to render: no basics and no section with an entry (e.g. `{}`). */
export function isEmptyResume(data: unknown): boolean {
  if (!isObject(data)) return true
  return RESUME_SECTIONS.every((section) => isBlank(data[section]))
}

/**
 * For validation: the error to report when a file given as a resume is another tool's format.
 * Undefined for our format (and for shapes we do not recognise, which the schema reports itself).
 */
export function foreignFormatDiagnostic(data: unknown, file: string): Diagnostic | undefined {
  const shape = detectShape(data)
  if (shape === 'unknown' || shape === 'jsonresume') return undefined
  return {
    code: 'FOREIGN_FORMAT',
    severity: 'error',
    message: foreignFormatMessage(shape, file),
    file,
    line: 1,
    column: 1,
    hint: `convert it once with: resume import ${quoteArg(file)} -o resume.yaml`,
  }
}

export function foreignFormatMessage(shape: 'rendercv' | 'yamlresume', file: string): string {
  return `this is a ${SHAPE_NAMES[shape]} file, not a vitae resume; run \`resume import ${quoteArg(file)}\` to convert it`
}

const quoteArg = (file: string): string => (/^[\w./@:+-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`)
