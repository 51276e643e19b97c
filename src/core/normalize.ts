import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { legacyKeyFor } from './legacy-keys.js'
import type { Locator, Path, Place } from './source.js'

/**
 * The resume as people really write it, read as what they meant: `null` (YAML's `endDate:` with
 * nothing after it) is absence, and keys of older JSON Resume files (`company`, `website`, `gpa`,
 * `picture`) are their current names, with one warning each. Runs before validation, so the
 * schema sees current names and no nulls; the locator it returns still points into the file as
 * written.
 */
export interface Normalized {
  data: unknown
  locator: Locator
  diagnostics: Diagnostic[]
}

type Obj = Record<string, unknown>
const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value)

export function normalizeResume(data: unknown, locator: Locator): Normalized {
  const diagnostics: Diagnostic[] = []
  /** Renamed keys: `JSON.stringify([...container, newKey])` → the key as written. */
  const renames = new Map<string, string>()
  const writtenPath = (path: Path): Path => {
    const out: Array<string | number> = []
    for (const [i, segment] of path.entries()) {
      const key = typeof segment === 'string' ? renames.get(JSON.stringify([...path.slice(0, i), segment])) : undefined
      out.push(key ?? segment)
    }
    return out
  }

  const walk = (value: unknown, path: Array<string | number>): unknown => {
    if (Array.isArray(value)) return value.filter((item) => item !== null).map((item, i) => walk(item, [...path, i]))
    if (!isObject(value)) return value
    const out: Obj = {}
    for (const [key, child] of Object.entries(value)) {
      if (child === null) continue
      const current = legacyKeyFor(path, key)
      // A legacy key beside its current name stays as written (and is reported as unknown).
      if (current && !(current in value)) {
        renames.set(JSON.stringify([...path, current]), key)
        const where = locator.place([...writtenPath(path), key], { key: true })
        diagnostics.push({
          code: 'LEGACY_KEY',
          severity: 'warning',
          message: `${key} is the old name of ${current}; it is read as ${current}`,
          hint: `rename it to ${current} (resume import rewrites old files)`,
          file: locator.file,
          line: where?.line,
          column: where?.column,
        })
        out[current] = walk(child, [...path, current])
      } else {
        out[key] = walk(child, [...path, key])
      }
    }
    return out
  }

  const normalized = walk(data, [])
  if (renames.size === 0) return { data: normalized, locator, diagnostics }
  const remapped: Locator = {
    file: locator.file,
    place: (path, options): Place | undefined => locator.place(writtenPath(path), options),
    placeOfText: locator.placeOfText ? (path, char) => locator.placeOfText!(writtenPath(path), char) : undefined,
  }
  return { data: normalized, locator: remapped, diagnostics }
}
