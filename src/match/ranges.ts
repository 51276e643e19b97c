/**
 * The range holding `at` among ranges sorted by start that do not overlap (lines of a posting, web
 * addresses, moved words), by binary search: a posting of 1 MiB may hold tens of thousands.
 */
export function rangeAt<T>(ranges: readonly T[], at: number, start: (r: T) => number, end: (r: T) => number): T | undefined {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = ranges[mid]!
    if (at < start(r)) hi = mid - 1
    else if (at >= end(r)) lo = mid + 1
    else return r
  }
  return undefined
}
