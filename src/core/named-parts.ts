import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { Resume } from '../types/resume.js'
import { loadFile } from './load.js'
import { type Path, type Place, placeOf, type Source } from './source.js'
import { checkResume } from './validate.js'

/** A named part of a resume (a variant, a cover letter), as written, with a way back to where each of its parts is. */
export interface NamedPart<T> {
  name: string
  def: T
  file: string
  place(path: Path, options?: { key?: boolean }): Place | undefined
}

const PART_FILE = /\.(ya?ml)$/

/**
 * The parts under `key:` in the resume and in `key/NAME.yaml` files beside it (variants, letters):
 * each file validated as the resume's `key.NAME` (one schema, one linter) with its places moved
 * into its own file; a name defined in both is an error. `refuse` may turn a file away before
 * validation with a diagnostic of its own (a resume in letters/).
 */
export async function collectNamedParts<T>(
  source: Source,
  resume: Resume,
  resumeDir: string,
  key: 'variants' | 'letters',
  options: { noun: string; refuse?(data: unknown, shown: string, place: NamedPart<T>['place']): Diagnostic | undefined },
): Promise<{ parts: Map<string, NamedPart<T>>; diagnostics: Diagnostic[] }> {
  const parts = new Map<string, NamedPart<T>>()
  const diagnostics: Diagnostic[] = []
  for (const [name, def] of Object.entries((resume[key] ?? {}) as Record<string, T>)) {
    parts.set(name, { name, def, file: source.file, place: (path, o) => placeOf(source, [key, name, ...path], o) })
  }
  const dir = join(resumeDir, key)
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => PART_FILE.test(f))
        .sort()
    : []
  for (const file of files) {
    const name = basename(file, extname(file))
    const shown = join(dirname(source.file), key, file)
    const partSource = await loadFile(join(dir, file), shown)
    const place = (path: Path, o?: { key?: boolean }) => placeOf(partSource, path, o)
    const refused = options.refuse?.(partSource.data, shown, place)
    if (refused) {
      diagnostics.push(refused)
      continue
    }
    diagnostics.push(...(await checkResume({ [key]: { [name]: partSource.data } }, { file: shown, place: (p, o) => place(p.slice(2), o) })))
    if (parts.has(name)) {
      diagnostics.push({
        code: 'VARIANT_DUPLICATE',
        severity: 'error',
        message: `the ${options.noun} ${name} is defined both here and in ${source.file}`,
        file: shown,
        line: 1,
        column: 1,
        hint: 'keep one of the two',
      })
      continue
    }
    parts.set(name, { name, def: (partSource.data ?? {}) as T, file: shown, place })
  }
  return { parts, diagnostics }
}
