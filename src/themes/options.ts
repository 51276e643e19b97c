import { placeOf, type Source } from '../core/source.js'
import { didYouMean } from '../core/suggest.js'
import type { TailorLayer } from '../core/tailor.js'
import type { VariantDef } from '../core/variants.js'
import type { DiagnosticCode } from '../diagnostics/codes.js'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import type { Resume } from '../types/resume.js'
import { newAjv, pointerPath } from './manifest-schema.js'
import type { OptionsSchema, Theme } from './types.js'

export type ThemeOptions = Record<string, unknown>

interface Site {
  file?: string
  line?: number
  column?: number
  /** Set for a value from the command line: `--set meta.themeOptions.accent=red`. */
  label?: string
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * The options a document's templates get: the theme's defaults, then `meta.themeOptions`, then
 * the variant's `themeOptions`, then `--set meta.themeOptions.X` (and a variant's `set:` of the
 * same). Values are checked against the theme's options schema, each problem at the place the
 * value was written (exit 4); options the theme does not take are warnings.
 */
export function resolveThemeOptions(
  theme: Theme,
  input: { source: Source; resume: Resume; variant?: VariantDef; layers: TailorLayer[]; letter?: Pick<VariantDef, 'def' | 'file' | 'place'> },
): { options: ThemeOptions; warnings: Diagnostic[] } {
  const schema = theme.manifest.options as OptionsSchema | undefined
  const props = schema?.properties ?? {}
  const options: ThemeOptions = {}
  for (const [name, spec] of Object.entries(props)) if (spec.default !== undefined) options[name] = spec.default
  const given: ThemeOptions = {}
  const sites = new Map<string, Site>()
  const fileOptions = input.resume.meta?.themeOptions
  if (isObject(fileOptions)) {
    for (const [k, v] of Object.entries(fileOptions)) {
      given[k] = v
      sites.set(k, { file: input.source.file, ...placeOf(input.source, ['meta', 'themeOptions', k]) })
    }
  }
  // A cover letter's own options go over its variant's.
  for (const layer of [input.variant, input.letter]) {
    const layerOptions = (layer?.def as { themeOptions?: unknown } | undefined)?.themeOptions
    if (!layer || !isObject(layerOptions)) continue
    for (const [k, v] of Object.entries(layerOptions)) {
      given[k] = v
      sites.set(k, { file: layer.file, ...layer.place(['themeOptions', k]) })
    }
  }
  for (const layer of input.layers) {
    for (const o of layer.set ?? []) {
      if (o.path.length !== 3 || o.path[0] !== 'meta' || o.path[1] !== 'themeOptions') continue
      const k = String(o.path[2])
      given[k] = coerce(o.value, props[k]?.type)
      const at = /^(.*):(\d+):(\d+)$/.exec(o.origin)
      sites.set(k, at ? { file: at[1], line: Number(at[2]), column: Number(at[3]) } : { label: `${o.origin} meta.themeOptions.${k}=${String(o.value)}` })
    }
  }
  if (Object.keys(given).length === 0) return { options, warnings: [] }

  const warnings: Diagnostic[] = []
  const known = Object.keys(props)
  for (const k of Object.keys(given)) {
    if (Object.hasOwn(props, k)) continue
    const guess = didYouMean(k, known)
    warnings.push(
      at(
        sites.get(k),
        'UNKNOWN_KEY',
        'warning',
        `the theme ${theme.name} takes no option ${k}${guess ? `; did you mean ${guess}?` : ''}`,
        known.length ? `its options are ${known.join(', ')}` : `${theme.name} takes no options`,
      ),
    )
    delete given[k]
  }
  const validate = newAjv().compile({ type: 'object', properties: props })
  if (!validate(given)) {
    const errors: Diagnostic[] = []
    for (const e of validate.errors ?? []) {
      const key = String(pointerPath(e.instancePath)[0] ?? '')
      const spec = props[key]
      errors.push(
        at(
          sites.get(key),
          CODE_OF[e.keyword] ?? 'SCHEMA',
          'error',
          `meta.themeOptions.${key} ${describe(e.keyword, spec, e.message)}, not ${JSON.stringify(given[key])}`,
          `the theme ${theme.name} declares its options in its theme.json`,
        ),
      )
    }
    throw new VitaeError('validation', errors)
  }
  return { options: { ...options, ...given }, warnings }
}

const CODE_OF: Record<string, DiagnosticCode> = {
  type: 'TYPE',
  enum: 'ENUM',
  pattern: 'FORMAT',
  format: 'FORMAT',
  minimum: 'RANGE',
  maximum: 'RANGE',
  exclusiveMinimum: 'RANGE',
  exclusiveMaximum: 'RANGE',
  minLength: 'RANGE',
  maxLength: 'RANGE',
}

function describe(keyword: string, spec: OptionsSchema['properties'][string] | undefined, fallback?: string): string {
  if (keyword === 'format' && spec?.format === 'color') return 'must be a colour like #1f3a5f, rgb(31, 58, 95) or navy'
  if (keyword === 'enum' && spec?.enum) return `must be one of ${spec.enum.map((v) => JSON.stringify(v)).join(', ')}`
  if (keyword === 'type' && spec) return `must be ${spec.type === 'string' ? 'text' : `a ${spec.type}`}`
  return fallback ?? 'is not valid'
}

/** `--set` hands text over; a number or true/false option reads it as one. */
function coerce(value: unknown, type: string | undefined): unknown {
  if (typeof value !== 'string') return value
  if ((type === 'number' || type === 'integer') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function at(site: Site | undefined, code: DiagnosticCode, severity: 'error' | 'warning', message: string, hint?: string): Diagnostic {
  return { code, severity, message: site?.label ? `${site.label}: ${message}` : message, file: site?.file, line: site?.line, column: site?.column, hint }
}

const SAFE_VALUE = /^[A-Za-z0-9#.,%() _+-]*$/
const FUNCTION_CALL = /[A-Za-z-]+\s*\(/g
const ALLOWED_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla'])

/**
 * The options as CSS custom properties (`accent` → `--theme-accent`, `baseSize` → `--theme-base-size`)
 * for the page's CSS. A value that could be more than a value (a url(), a `;`, a brace) is written
 * as a quoted CSS string, which no property can fetch or escape from.
 */
export function optionsCss(options: ThemeOptions): string {
  const lines: string[] = []
  for (const [name, value] of Object.entries(options)) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) continue
    const prop = `--theme-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
    let css: string
    if (typeof value === 'number' && Number.isFinite(value)) css = String(value)
    else if (typeof value === 'boolean') css = value ? '1' : '0'
    else if (typeof value === 'string' && SAFE_VALUE.test(value) && (value.match(FUNCTION_CALL) ?? []).every((f) => ALLOWED_FUNCTIONS.has(f.replace(/\s*\($/, '').toLowerCase())))
      css = value
    else if (typeof value === 'string') css = `"${value.replace(/[\\"\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`
    else continue
    lines.push(`  ${prop}: ${css};`)
  }
  return lines.length ? `:root {\n${lines.join('\n')}\n}\n` : ''
}
