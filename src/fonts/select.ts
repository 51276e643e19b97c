/**
 * Which faces a document needs: only those whose unicode-range meets a code point of its text.
 * This applies to a theme's own faces (its latin-ext files stay out of an English resume) as much
 * as to the fallback families.
 *
 * Contract: pure; faces keep their order; a face with an empty or missing unicode-range is always
 * kept (CSS reads it as U+0-10FFFF, and we cannot know better without opening the file).
 */
import { type CodePointRange, codePointsOf, inRanges, mergeRanges, parseUnicodeRange } from './unicode-range.js'

export interface RangedFace {
  unicodeRange?: string
}

type Parse = (unicodeRange: string) => readonly CodePointRange[]

const whole: readonly CodePointRange[] = [{ from: 0, to: 0x10ffff }]
const defaultParse: Parse = (value) => (value.trim() === '' ? whole : parseUnicodeRange(value))

/** The faces whose unicode-range contains at least one code point of the text. */
export function selectFaces<T extends RangedFace>(faces: readonly T[], text: string | readonly number[], parse: Parse = defaultParse): T[] {
  const points = typeof text === 'string' ? codePointsOf(text) : text
  return faces.filter((face) => {
    if (!face.unicodeRange) return true
    const ranges = parse(face.unicodeRange)
    return points.some((cp) => inRanges(cp, ranges))
  })
}

/**
 * Everything a set of faces covers, merged: a theme's faces tell which code points need no
 * fallback. Faces without a unicode-range are assumed to cover the fontsource "latin" range, the
 * least any web font a theme ships will have.
 */
export function coverageOf(faces: readonly RangedFace[], parse: Parse = defaultParse): CodePointRange[] {
  const all: CodePointRange[] = []
  for (const face of faces) all.push(...(face.unicodeRange ? parse(face.unicodeRange) : parseUnicodeRange(BASIC_LATIN)))
  return mergeRanges(all)
}

/** fontsource's "latin" subset. */
export const BASIC_LATIN =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD'
