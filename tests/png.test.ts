import { cpSync, existsSync, readdirSync, readFileSync, watch } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../src/browser/find.js'
import { PROFILE_PREFIX } from '../src/browser/profile.js'
import { FIXTURES, runCli, seedCopy, tempDir } from './helpers.js'
import { readPdf } from './read-pdf.js'

// Page images are drawn by a real Chromium, as PDFs are printed: skipped without one, except in CI.
const browser = findBrowser()
if (!browser.found && process.env.CI) throw new Error(`CI has no browser for the PNG tests; tried ${browser.tried.join(', ')}`)

const EPOCH = '1700000000'
const LONG = join(FIXTURES, 'ats/long.yaml')

/** Width and height from the IHDR chunk, which a PNG must start with: bytes 16–23. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** The chunk types of a PNG, in order. */
function chunks(file: string): string[] {
  const bytes = readFileSync(file)
  const types: string[] = []
  for (let at = 8; at + 8 <= bytes.length; at += 12 + bytes.readUInt32BE(at)) types.push(bytes.toString('latin1', at + 4, at + 8))
  return types
}

const pngs = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()

describe('--dpi', () => {
  it.each(['0', '35', '601', '150.5', 'abc'])('refuses %s as a usage error (exit 2), before anything is built', async (dpi) => {
    const dir = seedCopy()
    const r = await runCli(['build', 'resume.yaml', '--format', 'png,html', '--dpi', dpi, '-o', 'out'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--dpi must be a whole number from 36 to 600/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })
})

describe.skipIf(!browser.found)('resume build --format png', () => {
  const long = tempDir()
  const seed = seedCopy()
  const launches = new Set<string>()
  let together: Awaited<ReturnType<typeof runCli>>

  beforeAll(async () => {
    cpSync(LONG, join(long, 'long.yaml'))
    // A TMPDIR of its own: each Chrome the build starts makes one profile folder in it.
    const tmp = tempDir()
    const watcher = watch(tmp, (_, name) => {
      if (name?.startsWith(PROFILE_PREFIX)) launches.add(name)
    })
    try {
      together = await runCli(['build', 'long.yaml', '--format', 'pdf,png,html', '-o', 'a', '--verbose'], { cwd: long, env: { SOURCE_DATE_EPOCH: EPOCH, TMPDIR: tmp } })
    } finally {
      watcher.close()
    }
    // Two builds at once is what a 2-core box takes.
    const [alone, seedRun] = await Promise.all([
      runCli(['build', 'long.yaml', '--format', 'png', '-o', 'b'], { cwd: long, env: { SOURCE_DATE_EPOCH: EPOCH } }),
      runCli(['build', 'resume.yaml', '--format', 'png', '-o', 'out'], { cwd: seed }),
    ])
    expect(together.code, together.stderr).toBe(0)
    expect(alone.code, alone.stderr).toBe(0)
    expect(seedRun.code, seedRun.stderr).toBe(0)
    expect(seedRun.stdout).toMatch(/^out\/resume-1\.png {2}1 page {2}[\d.]+ kB {2}/m)
  })

  it('writes one page as resume-1.png, Letter at 150 dpi: 1275 × 1650, with its dpi recorded', () => {
    const out = join(seed, 'out')
    expect(pngs(out)).toEqual(['resume-1.png'])
    expect(readdirSync(out)).toEqual(['resume-1.png'])
    const file = join(out, 'resume-1.png')
    expect(pngSize(file)).toEqual({ width: 1275, height: 1650 })
    expect(chunks(file)[1]).toBe('pHYs')
    // 150 dpi = 5906 pixels per metre, both ways, unit metre.
    const bytes = readFileSync(file)
    expect([bytes.readUInt32BE(41), bytes.readUInt32BE(45), bytes[49]]).toEqual([5906, 5906, 1])
    expect(chunks(file).filter((t) => !['IHDR', 'pHYs', 'IDAT', 'IEND'].includes(t))).toEqual([])
    // A page of text at 150 dpi is some hundreds of kB; a blank page would be a few.
    expect(bytes.byteLength).toBeGreaterThan(100_000)
  })

  it('--dpi 72 gives 612 × 792; --page a4 gives 1240 × 1754 (210 × 297 mm at 150 dpi)', async () => {
    const [dpi72, a4] = await Promise.all([
      runCli(['build', 'resume.yaml', '--format', 'png', '--dpi', '72', '-o', 'dpi72'], { cwd: seed }),
      runCli(['build', 'resume.yaml', '--format', 'png', '--page', 'a4', '-o', 'a4'], { cwd: seed }),
    ])
    expect(dpi72.code, dpi72.stderr).toBe(0)
    expect(a4.code, a4.stderr).toBe(0)
    expect(pngSize(join(seed, 'dpi72/resume-1.png'))).toEqual({ width: 612, height: 792 })
    expect(pngSize(join(seed, 'a4/resume-1.png'))).toEqual({ width: 1240, height: 1754 })
    expect(readFileSync(join(seed, 'dpi72/resume-1.png')).readUInt32BE(41)).toBe(2835) // 72 dpi in pixels per metre
  })

  it('gives as many images as the PDF has pages, each a different page', async () => {
    const pdf = await readPdf(join(long, 'a/long.pdf'))
    expect(pdf.pages).toBe(3)
    expect(pngs(join(long, 'a'))).toEqual(['long-1.png', 'long-2.png', 'long-3.png'])
    for (const f of pngs(join(long, 'a'))) expect(pngSize(join(long, 'a', f))).toEqual({ width: 1275, height: 1650 })
    const bytes = pngs(join(long, 'a')).map((f) => readFileSync(join(long, 'a', f)).toString('base64'))
    expect(new Set(bytes).size).toBe(3)
  })

  it('starts one browser for pdf and png together, and prints the document once', () => {
    expect(launches.size).toBe(1)
    expect(together.stderr.match(/browser ready/g)).toHaveLength(1)
    // The PNG drew the PDF printed for the pdf artifact: the second print is free.
    expect(together.stderr).toMatch(/png: 3 pages at 150 dpi/)
    expect(together.stdout).toMatch(/5 artifacts, 3 PDF pages/)
    // Offline: nothing was refused, in the print tab or the raster tab.
    expect(together.stderr).not.toMatch(/refused/)
  })

  it('is byte-identical build to build under SOURCE_DATE_EPOCH, with or without the PDF beside it', () => {
    for (const f of ['long-1.png', 'long-2.png', 'long-3.png']) {
      expect(readFileSync(join(long, 'b', f)).equals(readFileSync(join(long, 'a', f))), f).toBe(true)
    }
  })

  it('--max-pages applies: exit 6 PAGE_LIMIT, no image written, the other formats still built', async () => {
    const r = await runCli(['build', 'long.yaml', '--format', 'png,html', '--max-pages', '2', '-o', 'limited'], { cwd: long })
    expect(r.code).toBe(6)
    expect(r.stderr).toMatch(/error\[PAGE_LIMIT\]: limited\/long-\*\.png has 3 pages; --max-pages allows 2/)
    expect(readdirSync(join(long, 'limited'))).toEqual(['long.html'])
  })
})

describe('a png that cannot be drawn', () => {
  it('is exit 6, and the other formats are still built', async () => {
    const dir = seedCopy()
    const r = await runCli(['build', 'resume.yaml', '--format', 'png,html', '--browser-path', '/bin/false', '-o', 'out'], { cwd: dir, env: { TMPDIR: tempDir() } })
    expect(r.code).toBe(6)
    expect(r.stderr).toMatch(/BROWSER_LAUNCH/)
    expect(readdirSync(join(dir, 'out'))).toEqual(['resume.html'])
  })
})
