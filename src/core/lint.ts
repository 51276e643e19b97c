import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { describePath } from './schema-messages.js'
import { linksOf, parseInline } from './inline.js'
import { branchFor, deref, resumeSchema, type SchemaNode } from './schema.js'
import type { Path } from './source.js'
import { didYouMean } from './suggest.js'
import { checkUrl } from './links.js'
import type { Locator } from './source.js'
import type { DiagnosticCode } from '../diagnostics/codes.js'

/** Characters XML 1.0 forbids (so a DOCX cannot hold them) and that no printed page wants. */
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const REAL_DATE = /^[12]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Problems the schema cannot express: unknown keys (with a suggestion), unsafe links, characters
 * a document cannot hold, impossible days, and end dates before start dates.
 */
export function lintResume(data: unknown, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = []
  const root = resumeSchema()
  const report = (code: DiagnosticCode, severity: Diagnostic['severity'], message: string, path: Path, hint?: string, key = false) => {
    const where = locator.place(path, { key })
    out.push({ code, severity, message, hint, file: locator.file, line: where?.line, column: where?.column })
  }

  const visit = (value: unknown, schema: SchemaNode | undefined, path: Path): void => {
    const definition = schema ? deref(schema, root).definition : undefined
    const node = schema ? branchFor(schema, value, root) : undefined
    if (typeof value === 'string') {
      checkString(value, path, definition, node)
      return
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, node?.type === 'array' ? node.items : undefined, [...path, i])
      return
    }
    if (!isPlainObject(value)) return
    const known = node?.type === 'object' ? node.properties : undefined
    for (const [key, child] of Object.entries(value)) {
      const childSchema = known?.[key] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined)
      if (known && !childSchema && node?.additionalProperties !== false && !key.startsWith('x-')) {
        const guess = didYouMean(key, Object.keys(known))
        report(
          'UNKNOWN_KEY',
          'warning',
          `unknown key ${key}${guess ? `; did you mean ${guess}?` : ''}`,
          [...path, key],
          guess ? `rename it to ${guess}` : `themes ignore it; prefix it with x- to mark it as your own`,
          true,
        )
      }
      visit(child, childSchema, [...path, key])
    }
    checkDates(value, path)
  }

  const checkString = (value: string, path: Path, definition: string | undefined, node: SchemaNode | undefined) => {
    const bad = FORBIDDEN_CHARS.exec(value)
    if (bad) {
      const code = bad[0].charCodeAt(0)
      const hex = code.toString(16).toUpperCase().padStart(4, '0')
      const where = locator.placeOfText?.(path, bad[0]) ?? locator.place(path)
      out.push({
        code: 'CONTROL_CHAR',
        severity: 'error',
        message: `${describePath(path.slice(-2))} contains the character U+${hex}, which documents cannot hold`,
        hint: 'delete it (it is invisible in most editors; it often comes from copy and paste)',
        file: locator.file,
        line: where?.line,
        column: where?.column,
      })
    }
    const last = path[path.length - 1]
    if (last === 'url' || definition === 'url') {
      const problem = checkUrl(value)
      if (problem) report(problem.code, 'error', problem.message, path, problem.hint)
    }
    if (definition === 'text' || definition === 'highlight' || node?.description?.includes('inline Markdown')) {
      for (const href of linksOf(parseInline(value))) {
        const problem = checkUrl(href)
        if (problem) report(problem.code, 'error', `in a Markdown link: ${problem.message}`, path, problem.hint)
      }
    }
  }

  const checkDates = (entry: Record<string, unknown>, path: Path) => {
    for (const key of ['startDate', 'endDate', 'date', 'releaseDate']) {
      const value = entry[key]
      if (typeof value !== 'string') continue
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
      if (!m) continue
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31)
      if (day > max) report('DATE_INVALID', 'error', `${key} ${value} does not exist: that month has ${max} days`, [...path, key])
    }
    const { startDate: start, endDate: end } = entry
    // Only real dates are compared: an invalid one is already an error, and a second message about it is noise.
    if (typeof start === 'string' && typeof end === 'string' && REAL_DATE.test(start) && REAL_DATE.test(end) && end < start) {
      report('DATE_ORDER', 'warning', `endDate ${end} is before startDate ${start}`, [...path, 'endDate'], 'swap them if they are the wrong way round')
    }
  }

  visit(data, root, [])
  return out
}
