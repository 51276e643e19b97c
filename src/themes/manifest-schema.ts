import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../core/schema.js'
import type { AjvError } from '../core/schema-messages.js'
import { placeOf, type Source } from '../core/source.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'

type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null }

/** ajv, loaded synchronously: manifests are read synchronously, and only themes not shipped with vitae need it. */
export function newAjv(): { compile(schema: unknown): Validate; addFormat(name: string, format: RegExp): unknown } {
  const Ajv = createRequire(import.meta.url)('ajv') as { default?: new (o: object) => unknown } & (new (o: object) => unknown)
  const Ctor = (Ajv.default ?? Ajv) as new (o: object) => ReturnType<typeof newAjv>
  const ajv = new Ctor({ allErrors: true, strict: false, useDefaults: false })
  ajv.addFormat('color', COLOR)
  return ajv
}

/**
 * What a colour option may be: a hex colour, rgb()/hsl() of numbers, or a colour keyword. Never
 * anything with `;`, quotes, braces or `url(`: an option value goes into CSS and must stay a value.
 */
export const COLOR = /^(#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|(rgb|rgba|hsl|hsla)\(\s*[0-9.]+%?(\s*[,\s/]\s*[0-9.]+%?){2,3}\s*\)|[a-zA-Z]{3,20})$/

let validateManifest: Validate | undefined

/** theme.json against schema/theme.schema.json, each problem at its line and column in the manifest. */
export function checkManifestSchema(value: unknown, file: string, sourceOf: () => Source | undefined): Diagnostic[] {
  validateManifest ??= newAjv().compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema/theme.schema.json'), 'utf8')))
  if (validateManifest(value)) return []
  const seen = new Set<string>()
  const out: Diagnostic[] = []
  for (const error of validateManifest.errors ?? []) {
    // anyOf reports each branch; the first message for a place is the useful one.
    if (seen.has(error.instancePath) || error.keyword === 'anyOf') continue
    seen.add(error.instancePath)
    const path = pointerPath(error.instancePath)
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String(error.params.additionalProperty)})`
        : error.keyword === 'enum'
          ? `: ${(error.params.allowedValues as unknown[]).join(', ')}`
          : ''
    const where = path.length ? path.join('.') : 'the manifest'
    // A colour that is not one says so in the words the Word tokens use, not as a regular expression.
    const colour = error.keyword === 'pattern' && path[0] === 'docx' && ['color', 'accent', 'muted', 'rule'].includes(String(path[1]))
    const source = sourceOf()
    const place = source
      ? placeOf(source, error.keyword === 'additionalProperties' ? [...path, String(error.params.additionalProperty)] : path, { key: error.keyword === 'additionalProperties' })
      : undefined
    out.push({
      code: 'THEME',
      severity: 'error',
      message: colour ? `${where} is ${JSON.stringify(valueAt(value, path))}; it must be a colour in hex, like "1F3A5F"` : `${where} ${error.message ?? 'is not valid'}${extra}`,
      file,
      line: place?.line,
      column: place?.column,
      hint: 'see schema/theme.schema.json',
    })
  }
  return out
}

export const pointerPath = (pointer: string): Array<string | number> =>
  pointer
    ? pointer
        .slice(1)
        .split('/')
        .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((k) => (/^\d+$/.test(k) ? Number(k) : k))
    : []

const valueAt = (value: unknown, path: ReadonlyArray<string | number>): unknown =>
  path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[String(key)] : undefined), value)
