/**
 * The index of the range holding `at` among ranges sorted by start that do not overlap (a posting's
 * lines, web addresses, moved words), given as their starts and their ends (exclusive), or -1. A
 * binary search over two arrays of numbers: a posting of 1 MiB may hold tens of thousands of lines,
 * and the lines are looked up for every word.
 */
export function rangeIndex(starts: ArrayLike<number>, ends: ArrayLike<number>, at: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (at < starts[mid]!) hi = mid - 1
    else if (at >= ends[mid]!) lo = mid + 1
    else return mid
  }
  return -1
}
