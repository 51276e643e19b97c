import { nowMs } from '../core/clock.js'
import { isVitaeError, VitaeError } from '../diagnostics/diagnostic.js'
import { DEFAULT_DPI } from '../page/geometry.js'
import type { Artifact, RenderContext, Renderer } from './renderer.js'

/**
 * Each page of the PDF as a PNG: `resume-1.png`, `resume-2.png`, ... (a one-page resume too, so a
 * script never has to guess the name). The images are drawn from the printed PDF itself, by the
 * build's one browser, so they paginate exactly as the PDF does.
 */
export const pngRenderer: Renderer = {
  format: 'png',
  extension: 'png',
  usesBrowser: true,
  drawsHtml: true,
  render: renderPng,
  // PDF.js loads into its tab while the build's other documents render and print.
  warm: (browser) => browser.warmPng?.(),
}

async function renderPng(ctx: RenderContext): Promise<Artifact[]> {
  const started = nowMs()
  const dpi = ctx.dpi ?? DEFAULT_DPI
  const browser = await ctx.browser()
  const laps: string[] = []
  let last = started
  const lap = (step: string) => {
    const now = nowMs()
    laps.push(`${step} ${Math.round(now - last)}`)
    last = now
  }
  let images: Uint8Array[]
  try {
    images = await browser.printPng(await ctx.html(), ctx.page, dpi, lap)
    lap('raster')
  } catch (error) {
    // A browser that would not start, or a print that failed, arrives here already explained.
    if (isVitaeError(error)) throw error
    throw pngFailed(error instanceof Error ? error.message : String(error), error)
  }
  if (images.length === 0) throw pngFailed('the PDF had no pages to draw')
  const blocked = browser.takeBlocked()
  if (blocked.length > 0) ctx.log(`png: refused ${blocked.length} request${blocked.length === 1 ? '' : 's'} (builds are offline): ${[...new Set(blocked)].sort().join(', ')}`)
  ctx.log(`png: ${images.length} page${images.length === 1 ? '' : 's'} at ${dpi} dpi in ${Math.round(last - started)} ms (${laps.join(', ')})`)
  return images.map((bytes, i) => ({ format: 'png', extension: 'png', name: String(i + 1), bytes: withResolution(bytes, dpi), pages: 1 }))
}

function pngFailed(reason: string, cause?: unknown): VitaeError {
  return new VitaeError(
    'render',
    [
      {
        code: 'PNG_FAILED',
        severity: 'error',
        message: `the browser failed while drawing the page images: ${reason}`,
        hint: 'run again with verbose output; if it persists, try another browser with the browserPath option',
        options: ['verbose', 'browserPath'],
      },
    ],
    { cause },
  )
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]
/** What a page image needs: the header, the palette (if any), the pixels and the end. */
const KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND'])

/**
 * The PNG with its resolution recorded (a pHYs chunk: `dpi` as pixels per metre), so a viewer
 * or printer shows the page at its paper size; and only the chunks above, so nothing the
 * encoder might add (a time, text) can make two builds' bytes differ.
 */
export function withResolution(png: Uint8Array, dpi: number): Uint8Array {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw pngFailed('the browser returned something that is not a PNG')
  const parts: Buffer[] = [bytes.subarray(0, 8)]
  let at = 8
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const end = at + 12 + length
    if (KEEP.has(type)) parts.push(bytes.subarray(at, end))
    if (type === 'IHDR') {
      const ppm = Math.round(dpi / 0.0254)
      const data = Buffer.alloc(9)
      data.writeUInt32BE(ppm, 0)
      data.writeUInt32BE(ppm, 4)
      data[8] = 1 // the unit is the metre
      parts.push(chunk('pHYs', data))
    }
    if (type === 'IEND') break
    at = end
  }
  return new Uint8Array(Buffer.concat(parts))
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

let table: Uint32Array | undefined
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
