/**
 * Faces to CSS: `@font-face` rules with the font inlined as a data: URL (the HTML artifact must
 * stand alone and the PDF's page may not fetch), `font-display: block` (print waits for the real
 * glyphs instead of flashing a fallback into the PDF) and the face's unicode-range, so the browser
 * also only uses a chunk for the characters it holds.
 *
 * Contract: pure string building; the caller reads the bytes (and may cache them per build).
 */
import { extname } from 'node:path'
import type { FontFaceFile } from './faces.js'

const TYPES: Record<string, string> = { '.woff2': 'woff2', '.woff': 'woff', '.ttf': 'truetype', '.otf': 'opentype' }
const MIME: Record<string, string> = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.otf': 'font/otf' }

/** One @font-face rule with the bytes inlined. */
export function fontFaceCss(face: FontFaceFile, bytes: Uint8Array): string {
  const ext = extname(face.file).toLowerCase()
  const format = TYPES[ext]
  if (!format) throw new RangeError(`unsupported font file type: ${face.file}`)
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
  const range = face.unicodeRange.trim() ? ` unicode-range: ${face.unicodeRange};` : ''
  return `@font-face { font-family: ${JSON.stringify(face.family)}; font-weight: ${face.weight}; font-style: ${face.style}; font-display: block; src: url(data:${MIME[ext]};base64,${data}) format("${format}");${range} }`
}

/** A family list as a CSS value: each name quoted. */
export const familyList = (families: readonly string[]): string => families.map((f) => JSON.stringify(f)).join(', ')

/**
 * The custom property themes append to their stacks, before the generic family:
 * `font-family: "Source Sans 3", Arial, var(--vitae-fallback-fonts, sans-serif), sans-serif`.
 * Empty when there is nothing to add, so the var() default applies.
 */
export function fallbackVariableCss(families: readonly string[]): string {
  return families.length ? `:root { --vitae-fallback-fonts: ${familyList(families)}; }` : ''
}
