/**
 * CSS `unicode-range` values as data: parse them once into sorted, merged code point intervals,
 * then ask which code points a text uses and whether a range covers or meets them.
 *
 * Contract: `parseUnicodeRange` accepts what CSS accepts (`U+26`, `U+0-7F`, `U+4??`, case-insensitive,
 * comma-separated, whitespace anywhere between tokens) and throws a `RangeError` naming the bad token
 * otherwise; the result is sorted, non-overlapping and merged, so lookups are a binary search.
 */

/** A closed interval of code points, `[from, to]`. */
export interface CodePointRange {
  readonly from: number
  readonly to: number
}

const MAX_CODE_POINT = 0x10ffff
const TOKEN = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i

/** Parses a CSS unicode-range list into sorted, merged intervals. */
export function parseUnicodeRange(value: string): CodePointRange[] {
  const ranges: CodePointRange[] = []
  for (const raw of value.split(',')) {
    const token = raw.trim()
    if (token === '') continue
    const match = TOKEN.exec(token)
    if (!match) throw new RangeError(`not a unicode-range: ${JSON.stringify(token)}`)
    const [, start = '', end] = match
    let from: number
    let to: number
    if (start.includes('?')) {
      // Wildcards only trail (U+4??), and never combine with an explicit end.
      if (end !== undefined || !/^[0-9A-F]*\?+$/i.test(start)) throw new RangeError(`not a unicode-range: ${JSON.stringify(token)}`)
      from = Number.parseInt(start.replace(/\?/g, '0'), 16)
      to = Number.parseInt(start.replace(/\?/g, 'F'), 16)
    } else {
      from = Number.parseInt(start, 16)
      to = end === undefined ? from : Number.parseInt(end, 16)
    }
    if (from > to || from > MAX_CODE_POINT) throw new RangeError(`not a unicode-range: ${JSON.stringify(token)}`)
    ranges.push({ from, to: Math.min(to, MAX_CODE_POINT) })
  }
  return mergeRanges(ranges)
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeRanges(ranges: readonly CodePointRange[]): CodePointRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from)
  const out: CodePointRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.from <= last.to + 1) out[out.length - 1] = { from: last.from, to: Math.max(last.to, r.to) }
    else out.push({ from: r.from, to: r.to })
  }
  return out
}

/** The distinct code points of a text, ascending. */
export function codePointsOf(text: string): number[] {
  const seen = new Set<number>()
  for (const ch of text) seen.add(ch.codePointAt(0)!)
  return [...seen].sort((a, b) => a - b)
}

/** Whether a code point lies in sorted, merged intervals (binary search). */
export function inRanges(cp: number, ranges: readonly CodePointRange[]): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = ranges[mid]!
    if (cp < r.from) hi = mid - 1
    else if (cp > r.to) lo = mid + 1
    else return true
  }
  return false
}

/** Whether every code point of the text (or of a code point list) lies in the ranges. */
export function coveredBy(text: string | readonly number[], ranges: readonly CodePointRange[]): boolean {
  const points = typeof text === 'string' ? codePointsOf(text) : text
  return points.every((cp) => inRanges(cp, ranges))
}

/** Whether any code point of the text (or of a code point list) lies in the ranges. */
export function intersects(text: string | readonly number[], ranges: readonly CodePointRange[]): boolean {
  const points = typeof text === 'string' ? codePointsOf(text) : text
  return points.some((cp) => inRanges(cp, ranges))
}

/** Back to CSS, for rules built from merged ranges. */
export function formatUnicodeRange(ranges: readonly CodePointRange[]): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0')
  return ranges.map((r) => (r.from === r.to ? `U+${hex(r.from)}` : `U+${hex(r.from)}-${hex(r.to)}`)).join(', ')
}
