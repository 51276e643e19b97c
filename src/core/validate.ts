import { type Diagnostic, hasErrors, VitaeError } from '../diagnostics/diagnostic.js'
import type { Resume } from '../types/resume.js'
import { importBuilt } from './import-built.js'
import { lintResume } from './lint.js'
import { checkLocales } from './locale-check.js'
import { type AjvError, ajvDiagnostics } from './schema-messages.js'
import type { Locator } from './source.js'

export type { Locator }

type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null }

let validator: ValidateFn | undefined
/** The schema compiled at build time (scripts/build-validator.mjs): no ajv compile per run. */
async function compiled(): Promise<ValidateFn> {
  if (!validator) {
    validator = (await importBuilt<{ default: ValidateFn }>('generated/validate-resume.js')).default
  }
  return validator
}

/** Every problem in the data, schema and beyond, each at its place; never throws for bad data. */
export async function checkResume(data: unknown, locator: Locator): Promise<Diagnostic[]> {
  const validate = await compiled()
  const diagnostics: Diagnostic[] = []
  if (!validate(data)) diagnostics.push(...ajvDiagnostics(validate.errors ?? [], data, locator))
  diagnostics.push(...lintResume(data, locator))
  diagnostics.push(...checkLocales(data, locator))
  return sortByPlace(diagnostics)
}

/**
 * What the schema says of `value` read as the part of a resume at `path` (a `--terms` file is
 * `meta.match`), each problem at its place in the file `locator` reads `value` from.
 */
export async function checkPart(path: readonly string[], value: unknown, locator: Locator): Promise<Diagnostic[]> {
  const validate = await compiled()
  const whole = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value)
  if (validate(whole)) return []
  // The rest of the resume is missing from `whole`: only the errors inside the part are the file's.
  const pointer = path.map((key) => `/${key}`).join('')
  const inside = (validate.errors ?? []).filter((e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`))
  const shifted: Locator = {
    file: locator.file,
    place: (p, options) => locator.place(p.slice(path.length), options),
    placeOfText: locator.placeOfText && ((p, char) => locator.placeOfText!(p.slice(path.length), char)),
  }
  return sortByPlace(ajvDiagnostics(inside, whole, shifted))
}

export interface Validated {
  resume: Resume
  diagnostics: Diagnostic[]
}

/** Validates, and throws a `validation` error carrying every problem if any is an error (or any warning, when strict). */
export async function validateResume(data: unknown, locator: Locator, options: { strict?: boolean } = {}): Promise<Validated> {
  let diagnostics = await checkResume(data, locator)
  if (options.strict) diagnostics = diagnostics.map((d) => ({ ...d, severity: 'error' as const }))
  if (hasErrors(diagnostics)) throw new VitaeError('validation', diagnostics)
  return { resume: data as Resume, diagnostics }
}

export function sortByPlace(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}
