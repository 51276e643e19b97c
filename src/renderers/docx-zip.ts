import { strToU8, type Zippable, zipSync } from 'fflate'

export interface ZipEntry {
  name: string
  data: string | Uint8Array
}

// The span of times a zip entry can carry (MS-DOS dates).
const ZIP_FIRST = Date.UTC(1980, 0, 1)
const ZIP_LAST = Date.UTC(2099, 11, 31, 23, 59, 58)

/**
 * fflate writes an entry's time from the local-time fields of a Date. A Date whose local fields
 * read as the UTC ones of `when` makes the bytes the same in every time zone.
 */
function zipTime(when: Date): Date {
  const t = Math.min(Math.max(when.getTime(), ZIP_FIRST), ZIP_LAST)
  const offset = new Date(t).getTimezoneOffset()
  const shifted = new Date(t + offset * 60_000)
  // Across a daylight-saving change the offset at the shifted time differs: correct once more.
  return new Date(shifted.getTime() + (shifted.getTimezoneOffset() - offset) * 60_000)
}

/**
 * A zip of the entries in the order given, every entry stamped with one time, stored rather than
 * deflated. A native zlib's output can follow the CPU (Node's is Chromium's, with SIMD hashing),
 * which breaks reproducible bytes across machines; fflate's pure-JS deflate is stable but cost
 * ~45 ms of a ~60 ms DOCX render while V8 warmed it up. Stored, a resume's DOCX is ~55 kB instead
 * of ~13 kB, written in a few milliseconds, and the same bytes everywhere.
 */
export function zip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  const mtime = zipTime(date)
  const files: Zippable = {}
  for (const entry of entries) {
    files[entry.name] = [typeof entry.data === 'string' ? strToU8(entry.data) : entry.data, { level: 0, mtime }]
  }
  return zipSync(files)
}
