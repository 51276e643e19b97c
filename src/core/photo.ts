import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { containedPath } from './contained.js'
import type { Locator } from './source.js'

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024

/** What a photo's first bytes say it is; the extension says nothing. */
function sniff(bytes: Uint8Array): string | undefined {
  const b = (i: number) => bytes[i] ?? -1
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47 && b(4) === 0x0d && b(5) === 0x0a && b(6) === 0x1a && b(7) === 0x0a) return 'image/png'
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg'
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return undefined
}

const REMOTE = /^[a-z][a-z0-9+.-]*:/i

/**
 * `basics.image` as a data: URL, for a theme that shows a photo. Only a local file inside the
 * resume's folder (checked on the real path, so a symlink cannot lead out), PNG, JPEG or WebP by
 * its bytes, at most 5 MB. A URL is never fetched: the photo is left out, with a warning.
 * Problems are the resume's (exit 4), at basics.image.
 */
export function inlinePhoto(image: string | undefined, resumeDir: string, locator: Locator): { photo?: string; warnings: Diagnostic[] } {
  if (!image || image.trim() === '') return { warnings: [] }
  const place = locator.place(['basics', 'image'])
  const at = (code: Diagnostic['code'], severity: 'error' | 'warning', message: string, hint?: string): Diagnostic => ({
    code,
    severity,
    message,
    hint,
    file: locator.file,
    line: place?.line,
    column: place?.column,
  })
  const fail = (message: string, hint?: string): never => {
    throw new VitaeError('validation', [at('PHOTO', 'error', message, hint)])
  }
  if (REMOTE.test(image) && !/^[a-z]:[\\/]/i.test(image)) {
    if (/^file:/i.test(image)) fail(`basics.image ${JSON.stringify(image)}: write the photo as a path relative to the resume, not a file: URL`)
    return {
      warnings: [
        at(
          'PHOTO_REMOTE',
          'warning',
          `basics.image is a URL (${image}); builds never fetch, so the photo is left out`,
          'save the photo beside the resume and give its path, e.g. image: photo.jpg',
        ),
      ],
    }
  }
  // The one containment check (src/core/contained.ts), the same a theme's files pass.
  const found = containedPath(resumeDir, image)
  if (!found.ok && found.reason === 'missing') return fail(`basics.image: there is no file ${image}`, `the path is relative to the resume's folder, ${resumeDir}`)
  if (!found.ok) return fail(`basics.image ${image} is outside the resume's folder`, 'a photo must live in the resume’s folder or below it (symbolic links are followed to check)')
  const { real } = found
  const fd = openSync(real, 'r')
  let bytes: Buffer
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) fail(`basics.image ${image} is not a file`)
    if (stat.size > PHOTO_MAX_BYTES)
      fail(`basics.image ${image} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a photo may be at most 5 MB`, 'resize it; a resume photo needs a few hundred pixels')
    bytes = Buffer.alloc(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read)
      if (n === 0) break
      read += n
    }
  } finally {
    closeSync(fd)
  }
  const type = sniff(bytes)
  if (!type) fail(`basics.image ${image} is not a PNG, JPEG or WebP image`, 'the type is read from the file’s bytes, not its extension')
  return { photo: `data:${type};base64,${bytes.toString('base64')}`, warnings: [] }
}
