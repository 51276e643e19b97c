import type { DiagnosticCode } from '../diagnostics/codes.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { formatPath } from './paths.js'
import { branchFor, definitionsAt, resumeSchema, schemaAt } from './schema.js'
import type { Locator, Path } from './source.js'
import { didYouMean } from './suggest.js'

/** The part of an ajv error object we read (ajv's own type would import ajv at run time). */
export interface AjvError {
  instancePath: string
  schemaPath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}

const sectionNames = (): string[] => resumeSchema().definitions?.section?.enum ?? []

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
}

/** Plain words for each shared definition: what a value must look like. */
const DEFINITION_WORDS: Record<string, string> = {
  date: 'a date like 2024-03 or 2024-03-15',
  endDate: 'a date like 2024-03 or 2024-03-15, or present',
  highlight: 'text, or a mapping with text and tags',
  length: 'a length like 0.5in, 12mm or 36pt',
  tags: 'a list of tags',
  section: 'a section name',
}

function toPath(pointer: string, data: unknown): Path {
  if (!pointer) return []
  const path: Array<string | number> = []
  let value: unknown = data
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const segment = Array.isArray(value) ? Number(key) : key
    path.push(segment)
    value = (value as Record<string | number, unknown> | undefined)?.[segment]
  }
  return path
}

const valueAt = (data: unknown, path: Path): unknown => path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], data)

/** `work[1].startDate`: how a user would name the place in words. */
export function describePath(path: Path): string {
  return path.length === 0 ? 'the resume' : formatPath(path)
}

/** The name a message starts with: the last key, with an index if the value is a list item. */
function subject(path: Path): string {
  const last = path[path.length - 1]
  if (last === undefined) return 'the resume'
  if (typeof last === 'number') {
    const parent = path[path.length - 2]
    return `${parent === undefined ? 'item' : String(parent)}[${last}]`
  }
  return last
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim()
}

function describeAnyOf(path: Path, defs: string[]): string {
  if (path[path.length - 1] === 'margins') return 'a length like 0.5in, or a mapping of top, right, bottom and left lengths'
  const def = defs.find((d) => DEFINITION_WORDS[d])
  if (def) return DEFINITION_WORDS[def]!
  return 'one of the allowed shapes'
}

function patternWords(error: AjvError, value: unknown, path: Path, defs: string[]): { code: DiagnosticCode; words: string; hint?: string } {
  const last = path[path.length - 1]
  if (defs.includes('date')) {
    const month = typeof value === 'string' ? /^\d{4}-(\d{2})/.exec(value)?.[1] : undefined
    const hint =
      month && (Number(month) > 12 || Number(month) === 0)
        ? `there is no month ${month}`
        : typeof value === 'string' && /^\d{1,2}\/\d{4}$/.test(value)
          ? `write ${value.replace(/^(\d{1,2})\/(\d{4})$/, (_, m: string, y: string) => `${y}-${m.padStart(2, '0')}`)}`
          : 'year first, then month and day, with dashes'
    return { code: 'DATE_FORMAT', words: DEFINITION_WORDS.date!, hint }
  }
  if (last === 'email') return { code: 'FORMAT', words: 'an email address like name@example.com' }
  if (defs.includes('length')) return { code: 'FORMAT', words: DEFINITION_WORDS.length! }
  if (path[path.length - 2] === 'tags')
    return { code: 'FORMAT', words: 'a tag: letters and digits, then letters, digits, - _ . or +', hint: 'tags are single words like backend or ml' }
  if (last === 'theme') return { code: 'FORMAT', words: 'a theme name: lowercase letters, digits and dashes' }
  if (last === 'locale') return { code: 'FORMAT', words: 'a locale like en-US or de' }
  return { code: 'FORMAT', words: `text matching ${String(error.params.pattern)}` }
}

/**
 * ajv's errors, rewritten into one plain-words diagnostic per real problem. anyOf alternatives
 * produce an error per branch; the user made one mistake, so they are folded into one.
 */
export function ajvDiagnostics(errors: readonly AjvError[], data: unknown, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = []
  const silenced: string[] = []
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf')
  for (const error of anyOfs) {
    const value = valueAt(data, toPath(error.instancePath, data))
    const path = toPath(error.instancePath, data)
    const defs = definitionsAt(path, data)
    const objectBranch = defs.includes('highlight') || path[path.length - 1] === 'margins'
    if (objectBranch && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // The object branch applies: its own errors (deeper, or `required`) say what is wrong.
      silenced.push(`${error.instancePath}|same`)
    } else {
      silenced.push(`${error.instancePath}|all`)
    }
  }
  const isSilenced = (e: AjvError) =>
    silenced.some((rule) => {
      const [at, how] = rule.split('|')
      if (e.keyword === 'anyOf') return e.instancePath === at && how === 'same'
      if (how === 'same') return e.instancePath === at && e.keyword !== 'required'
      return e.instancePath === at || e.instancePath.startsWith(`${at}/`)
    })

  for (const error of errors) {
    if (isSilenced(error)) continue
    const path = toPath(error.instancePath, data)
    const value = valueAt(data, path)
    const name = subject(path)
    const d = build(error, path, value, name, definitionsAt(path, data), data)
    if (!d) continue
    const where = locator.place(d.keyPath ?? path, { key: d.atKey })
    out.push({ code: d.code, severity: 'error', message: d.message, hint: d.hint, file: locator.file, line: where?.line, column: where?.column })
  }
  return out
}

interface Draft {
  code: DiagnosticCode
  message: string
  hint?: string
  keyPath?: Path
  atKey?: boolean
}

function build(error: AjvError, path: Path, value: unknown, name: string, defs: string[], data: unknown): Draft | undefined {
  switch (error.keyword) {
    case 'type': {
      const expected = String(error.params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ')
      const empty = value === null || value === undefined
      const scalar = typeof value === 'number' || typeof value === 'boolean'
      const isDate = defs[defs.length - 1] === 'date'
      const words = isDate ? DEFINITION_WORDS.date! : expected
      return {
        code: isDate ? 'DATE_FORMAT' : 'TYPE',
        message: `${name} must be ${words}, but it is ${describeValue(value)}`,
        hint: empty
          ? 'write a value after the colon, or remove the key'
          : scalar && error.params.type === 'string' && (isDate || defs.length === 0)
            ? `put it in quotes so YAML reads it as text: "${String(value)}"`
            : expected === 'a list'
              ? 'write each item on its own line starting with "- "'
              : undefined,
      }
    }
    case 'anyOf': {
      const scalar = typeof value === 'number' || typeof value === 'boolean'
      return {
        code: defs.includes('date') ? 'DATE_FORMAT' : 'TYPE',
        message: `${name} must be ${describeAnyOf(path, defs)}, but it is ${describeValue(value)}`,
        hint: scalar && defs.includes('date') ? `put it in quotes so YAML reads it as text: "${String(value)}"` : undefined,
      }
    }
    case 'pattern': {
      if (value !== null && typeof value === 'object') return undefined
      const { code, words, hint } = patternWords(error, value, path, defs)
      return { code, message: `${name} must be ${words}, but it is ${describeValue(value)}`, hint }
    }
    case 'enum': {
      // An enum or pattern error on a mapping comes from propertyNames, reported above with the key.
      if (value !== null && typeof value === 'object') return undefined
      const allowed = (error.params.allowedValues as unknown[]).filter((v) => v !== '').map(String)
      const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined
      return {
        code: 'ENUM',
        message: `${name} must be one of ${allowed.join(', ')}, but it is ${describeValue(value)}`,
        hint: guess ? `did you mean ${guess}?` : undefined,
      }
    }
    case 'required':
      return { code: 'REQUIRED', message: `${name} needs ${String(error.params.missingProperty)}` }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty)
      const here = schemaAt(path, data)
      const known = Object.keys((here && branchFor(here, value).properties) ?? {})
      const guess = didYouMean(key, known)
      return {
        code: 'UNKNOWN_KEY',
        message: `${name} has no setting ${key}${guess ? `; did you mean ${guess}?` : ''}`,
        hint: guess ? undefined : known.length ? `the settings are ${known.join(', ')}` : undefined,
        keyPath: [...path, key],
        atKey: true,
      }
    }
    case 'propertyNames': {
      const key = String(error.params.propertyName)
      if (path[path.length - 1] === 'variants') {
        return {
          code: 'VARIANT_NAME',
          message: `${JSON.stringify(key)} cannot be a variant name: it becomes part of a file name`,
          hint: 'use letters, digits, - and _ only, e.g. backend or ml-infra',
          keyPath: [...path, key],
          atKey: true,
        }
      }
      const guess = didYouMean(key, sectionNames())
      return {
        code: 'ENUM',
        message: `${name} has no section ${key}`,
        hint: guess ? `did you mean ${guess}?` : `sections are ${sectionNames().join(', ')}`,
        keyPath: [...path, key],
        atKey: true,
      }
    }
    case 'minimum':
      return { code: 'RANGE', message: `${name} must be at least ${String(error.params.limit)}, but it is ${describeValue(value)}` }
    case 'uniqueItems':
      return {
        code: 'DUPLICATE_ITEM',
        message: `${name} lists the same item twice (items ${String(error.params.j)} and ${String(error.params.i)})`,
        keyPath: [...path, Number(error.params.i)],
      }
    default:
      return { code: 'SCHEMA', message: `${name} ${error.message ?? 'is not valid'}` }
  }
}
