import type { DiagnosticCode } from '../diagnostics/codes.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { cssPageName, isPageSize, type Margins, PAGE_SIZES, type PageSize, pageWithoutRoom, parseLength, parseMarginList } from '../page/geometry.js'
import { linksOf, parseInline } from './inline.js'
import { checkUrl } from './links.js'
import { branchFor, deref, resumeSchema, type SchemaNode } from './schema.js'
import { describePath } from './schema-messages.js'
import type { Locator, Path } from './source.js'
import { didYouMean } from './suggest.js'

/** Characters XML 1.0 forbids (so a DOCX cannot hold them) and that no printed page wants. */
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Invisible characters that change how text reads or matches without showing: direction
 * embeddings, overrides and isolates (U+202A-202E, U+2066-2069), direction marks (U+200E/200F),
 * zero-width space, non-joiner and joiner (U+200B-200D), word joiner (U+2060), a byte order mark
 * inside text (U+FEFF) and the soft hyphen (U+00AD).
 */
const INVISIBLE_CHARS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u200B-\u200D\u2060\uFEFF\u00AD]/g
/** Fields that identify or address someone: an invisible character breaks them (a link that does not match, an email that bounces). */
const IDENTIFIER_KEYS = new Set(['email', 'phone', 'url', 'username'])
/** Beside these, ZWNJ and ZWJ do real work: shaping in Indic and Arabic scripts, emoji sequences. */
const JOINS_HERE = /[\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]|(?![\p{Script=Latin}])\p{L}/u

/** The first invisible character in `value` that is not doing legitimate work, if any. */
function invisibleChar(value: string, identifier: boolean): string | undefined {
  for (const m of value.matchAll(INVISIBLE_CHARS)) {
    const char = m[0]
    if (!identifier && (char === '\u200C' || char === '\u200D')) {
      const before = String.fromCodePoint(value.codePointAt(m.index - 1) ?? 0)
      const beforePair = m.index >= 2 ? String.fromCodePoint(value.codePointAt(m.index - 2) ?? 0) : ''
      const after = String.fromCodePoint(value.codePointAt(m.index + 1) ?? 0)
      if ([before, beforePair, after].some((c) => c !== '' && JOINS_HERE.test(c))) continue
    }
    return char
  }
  return undefined
}

const CHAR_NAMES: Record<string, string> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space (byte order mark)',
  '\u00AD': 'soft hyphen',
}
const charName = (char: string): string => CHAR_NAMES[char] ?? 'invisible text-direction control'

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

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
        message: `${describePath(path)} contains the character U+${hex}, which documents cannot hold`,
        hint: 'delete it (it is invisible in most editors; it often comes from copy and paste)',
        file: locator.file,
        line: where?.line,
        column: where?.column,
      })
    }
    const last = path[path.length - 1]
    const identifier = (typeof last === 'string' && IDENTIFIER_KEYS.has(last)) || definition === 'url'
    const invisible = invisibleChar(value, identifier)
    if (invisible) {
      const hex = invisible.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
      const where = locator.placeOfText?.(path, invisible) ?? locator.place(path)
      out.push({
        code: 'INVISIBLE_CHAR',
        severity: identifier ? 'error' : 'warning',
        message: `${describePath(path)} contains an invisible character, U+${hex} (${charName(invisible)})${identifier ? ', which breaks it as an address' : ''}`,
        hint: 'delete it (most editors do not show it; it often comes from copy and paste)',
        file: locator.file,
        line: where?.line,
        column: where?.column,
      })
    }
    if (last === 'url' || definition === 'url') {
      const problem = checkUrl(value)
      if (problem) report(problem.code, 'error', problem.message, path, problem.hint)
    }
    // A Markdown link starts with `[`: text without one has none, and needs no parse (a letter's
    // body with lists and bold would load markdown-it just to find out).
    if ((definition === 'text' || definition === 'highlight' || node?.description?.includes('inline Markdown')) && value.includes('[')) {
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
  checkMargins(data, report)
  return out
}

/**
 * Margins that leave no room for text: the schema takes any length, so without this
 * `margins: 99in` validated and then failed every render. Checked against every page the resume
 * can be printed on (meta.page, else any size, and each variant's), by the same rule the build
 * applies to the page it resolves (src/page/geometry.ts), so validate and build agree.
 */
function checkMargins(data: unknown, report: (code: DiagnosticCode, severity: Diagnostic['severity'], message: string, path: Path, hint?: string) => void): void {
  const meta = isPlainObject(data) && isPlainObject(data.meta) ? data.meta : undefined
  if (!meta || meta.margins === undefined) return
  let margins: Partial<Margins> = {}
  if (typeof meta.margins === 'string') {
    const parsed = parseMarginList(meta.margins)
    if (!parsed.ok) return
    margins = parsed.margins
  } else if (isPlainObject(meta.margins)) {
    // Sides left out come from the theme; count them as nothing.
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const text = meta.margins[side]
      const length = typeof text === 'string' ? parseLength(text) : undefined
      if (length) margins[side] = length
    }
  }
  const sizes = new Set<PageSize>(isPageSize(meta.page) ? [meta.page] : PAGE_SIZES)
  const variants = isPlainObject(data) && isPlainObject(data.variants) ? Object.values(data.variants) : []
  for (const variant of variants) if (isPlainObject(variant) && isPageSize(variant.page)) sizes.add(variant.page)
  const page = pageWithoutRoom([...sizes], margins)
  if (page) report('RANGE', 'error', `the margins leave less than an inch of the ${cssPageName(page)} page for text`, ['meta', 'margins'], 'use smaller margins, such as 0.5in')
}
