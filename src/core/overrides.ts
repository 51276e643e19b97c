import { parse as parseYaml } from 'yaml'
import type { DiagnosticCode } from '../diagnostics/codes.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { formatPath, getIn, parsePath, setIn } from './paths.js'
import { branchFor, deref, resumeSchema, schemaAt } from './schema.js'
import type { Path, Place } from './source.js'
import { didYouMean } from './suggest.js'
import { checkResume } from './validate.js'

/** Where an override was written, so its problems point there: a variant's line, or a flag. */
export interface OverrideSite {
  file?: string
  place?: Place
  /** Words that name the site when there is no file: `--set basics.email=nope`. */
  label?: string
}

const diagnostic = (site: OverrideSite, code: DiagnosticCode, message: string, hint?: string): Diagnostic => ({
  code,
  severity: 'error',
  message: site.label ? `${site.label}: ${message}` : message,
  hint,
  file: site.file,
  line: site.place?.line,
  column: site.place?.column,
})

/** Checks that a path names a field the schema knows, inside entries that exist. */
export function checkPath(text: string, data: unknown, site: OverrideSite): { path?: Path; problems: Diagnostic[] } {
  const path = parsePath(text)
  if (!path) return { problems: [diagnostic(site, 'SET_PATH', `${JSON.stringify(text)} is not a field path`, 'write it like basics.label or work[0].highlights[1]')] }
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!
    const parentPath = path.slice(0, i)
    const parent = getIn(data, parentPath)
    if (typeof seg === 'number') {
      const length = Array.isArray(parent) ? parent.length : 0
      if (seg >= length) {
        const where = formatPath(parentPath)
        return {
          problems: [
            diagnostic(
              site,
              'SET_PATH',
              `${where} has ${length} entr${length === 1 ? 'y' : 'ies'}, so ${formatPath(path.slice(0, i + 1))} does not exist`,
              length === 1 ? `the only entry is ${where}[0]` : length ? `entries count from 0: ${where}[0] to ${where}[${length - 1}]` : undefined,
            ),
          ],
        }
      }
      continue
    }
    if (!schemaAt(path.slice(0, i + 1), data)) {
      const parentSchema = schemaAt(parentPath, data)
      const known = Object.keys((parentSchema && branchFor(parentSchema, parent).properties) ?? {})
      const guess = didYouMean(seg, known)
      return {
        problems: [
          diagnostic(
            site,
            'SET_PATH',
            `${formatPath(parentPath) || 'the resume'} has no field ${seg}`,
            guess ? `did you mean ${formatPath([...parentPath, guess])}?` : known.length ? `its fields are ${known.join(', ')}` : undefined,
          ),
        ],
      }
    }
  }
  if (path[0] === 'variants') return { problems: [diagnostic(site, 'SET_PATH', 'variants cannot override variants')] }
  return { path, problems: [] }
}

/**
 * Checks a value against the schema at its path, by validating a document that holds only that
 * value (list positions moved to 0), and reports every problem at the override's site.
 */
export async function checkValue(path: Path, value: unknown, site: OverrideSite): Promise<Diagnostic[]> {
  const probePath = path.map((seg) => (typeof seg === 'number' ? 0 : seg))
  const probe = setIn({}, probePath, value)
  const found = await checkResume(probe, { file: site.file, place: () => site.place })
  return found.map((d) => ({ ...d, message: site.label ? `${site.label}: ${d.message}` : d.message, file: site.file, line: site.place?.line, column: site.place?.column }))
}

/** A --set value typed by the schema: text stays text; numbers, lists and mappings are read as YAML. */
export function typedValue(path: Path, raw: string, data: unknown): unknown {
  const node = schemaAt(path, data)
  if (!node) return raw
  const resolved = deref(node, resumeSchema()).node
  const acceptsText = resolved.type === 'string' || (resolved.anyOf ?? []).some((o) => deref(o).node.type === 'string')
  if (acceptsText) return raw
  try {
    return parseYaml(raw, { schema: 'core' }) as unknown
  } catch {
    return raw
  }
}
