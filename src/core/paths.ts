import type { Path } from './source.js'

/**
 * `work[0].highlights[2]` (or `work.0.highlights.2`) as path segments. Returns undefined for
 * anything else, so callers can say what is wrong in their own words.
 */
export function parsePath(text: string): Path | undefined {
  if (!/^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*|\.\d+|\[\d+\])*$/.test(text)) return undefined
  const segments: Array<string | number> = []
  for (const match of text.matchAll(/([A-Za-z_$][\w$-]*)|\[(\d+)\]|(\d+)/g)) {
    if (match[1] !== undefined) segments.push(match[1])
    else segments.push(Number(match[2] ?? match[3]))
  }
  if (segments.includes('__proto__') || segments.includes('constructor') || segments.includes('prototype')) return undefined
  return segments
}

export function formatPath(path: Path): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('')
}

export function getIn(data: unknown, path: Path): unknown {
  let value = data
  for (const seg of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[seg]
  }
  return value
}

/** A copy of `data` with the value at `path` replaced; only the objects along the path are copied. */
export function setIn<T>(data: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T
  const [head, ...rest] = path as [string | number, ...Array<string | number>]
  if (Array.isArray(data) || (typeof head === 'number' && (data === undefined || data === null))) {
    const copy = Array.isArray(data) ? [...data] : []
    copy[head as number] = setIn(copy[head as number], rest, value)
    return copy as T
  }
  const base = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  return { ...base, [head]: setIn(base[head as string], rest, value) } as T
}
