import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { findBrowser } from '../src/browser/find.js'
import { patchInfo } from '../src/renderers/pdf-info.js'
import { finishPdf } from '../src/renderers/pdf-metadata.js'
import { FIXTURES, runCli, SEED, seedCopy, tempDir } from './helpers.js'
import { pdfDate, readPdf } from './read-pdf.js'

// A real Chromium prints every PDF here. Without one these tests are skipped on a laptop, but in
// CI (process.env.CI) a missing browser is a failure: PDFs are the product.
const browser = findBrowser()
if (!browser.found && process.env.CI) throw new Error(`CI has no browser for the PDF tests; tried ${browser.tried.join(', ')}`)

const EPOCH = '1700000000' // 2023-11-14T22:13:20Z
/** The headings and entry titles of the seed resume, in the order it asks for them. */
function seedOutline(): string[] {
  const resume = parse(readFileSync(SEED, 'utf8')) as Record<string, any>
  const titles: Record<string, (e: any) => string> = {
    education: (e) => e.institution,
    work: (e) => e.position,
    projects: (e) => e.name,
    awards: (e) => e.title,
    skills: (e) => e.name,
  }
  const out: string[] = [resume.basics.name]
  for (const section of resume.meta.sections as string[]) {
    const heading = resume.meta.headings?.[section] ?? { education: 'Education', work: 'Experience', projects: 'Projects', awards: 'Awards', skills: 'Skills' }[section]
    if (heading) out.push(heading)
    for (const entry of resume[section] ?? []) if (titles[section]) out.push(titles[section]!(entry))
  }
  return out
}

describe.skipIf(!browser.found)('resume build --format pdf', () => {
  let dir: string
  let pdf: string
  let a4: string
  let cli: { code: number | null; stdout: string; stderr: string }

  beforeAll(async () => {
    dir = seedCopy()
    const env = { SOURCE_DATE_EPOCH: EPOCH }
    // Two browsers at once is what a 2-core CI box can take; every test below reads these files.
    const [letter, a4run] = await Promise.all([
      runCli(['build', 'resume.yaml', '--format', 'pdf', '-o', 'out'], { cwd: dir, env }),
      runCli(['build', 'resume.yaml', '--format', 'pdf', '--page', 'a4', '-o', 'a4'], { cwd: dir, env }),
    ])
    cli = letter
    expect(a4run.code, a4run.stderr).toBe(0)
    pdf = join(dir, 'out/resume.pdf')
    a4 = join(dir, 'a4/resume.pdf')
  })

  it('prints one line for the artifact, with its page count', () => {
    expect(cli.code, cli.stderr).toBe(0)
    expect(cli.stdout).toMatch(/resume\.pdf {2}1 page {2}\d/)
  })

  it('fits the seed resume on exactly one Letter page', async () => {
    const { pages, pageSizes } = await readPdf(pdf)
    expect(pages).toBe(1)
    expect(pageSizes[0]).toEqual({ width: 612, height: 792 })
  })

  it('prints A4 with --page a4', async () => {
    const { pages, pageSizes } = await readPdf(a4)
    expect(pages).toBe(1)
    const { width: w, height: h } = pageSizes[0]!
    expect(w).toBeCloseTo(595, -1)
    expect(h).toBeCloseTo(842, -1)
  })

  it('extracts every heading and entry, in reading order', async () => {
    const text = (await readPdf(pdf)).text.toLowerCase().replace(/\s+/g, ' ')
    let from = 0
    for (const item of seedOutline()) {
      const at = text.indexOf(item.toLowerCase(), from)
      expect(at, `"${item}" after offset ${from}`).toBeGreaterThanOrEqual(0)
      from = at + item.length
    }
  })

  it('carries the document properties, tagged', async () => {
    const { info, tagged } = await readPdf(pdf)
    expect(info.Title).toContain('Hayes Zhao')
    expect(info.Author).toBe('Hayes Zhao')
    expect(info.Subject).toBe('Computer Engineer')
    expect(info.Keywords).toContain('Python')
    expect(info.Keywords).toContain('Spring Boot/Cloud')
    expect(info.Creator).toBe('vitae')
    expect(tagged).toBe(true)
  })

  it('has a bookmarks outline', async () => {
    const doc = await PDFDocument.load(readFileSync(pdf))
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeDefined()
  })

  it('makes the email and LinkedIn clickable', async () => {
    const uris = (await readPdf(pdf)).links
    expect(uris).toContain('mailto:hayes.zhao09@gmail.com')
    expect(uris).toContain('https://www.linkedin.com/in/hayes-zhao')
  })

  it('embeds every font', async () => {
    const { fonts } = await readPdf(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.map((f) => f.name).join('\n')).toMatch(/SourceSans3/)
    for (const font of fonts) expect(font.embedded, font.name).toBe(true)
  })

  it('stamps SOURCE_DATE_EPOCH and is byte-identical from one build to the next', async () => {
    expect(pdfDate((await readPdf(pdf)).info.CreationDate)?.toISOString()).toBe('2023-11-14T22:13:20.000Z')
    const again = await runCli(['build', 'resume.yaml', '--format', 'pdf', '-q', '-o', 'again'], { cwd: dir, env: { SOURCE_DATE_EPOCH: EPOCH } })
    expect(again.code, again.stderr).toBe(0)
    expect(Buffer.compare(readFileSync(join(dir, 'again/resume.pdf')), readFileSync(pdf))).toBe(0)
  })

  it('prints every variant in one browser, each as it would print alone', async () => {
    const env = { SOURCE_DATE_EPOCH: EPOCH }
    const all = await runCli(['build', 'resume.yaml', '--all-variants', '--format', 'pdf', '-o', 'variants'], { cwd: dir, env })
    expect(all.code, all.stderr).toBe(0)
    const names = readdirSync(join(dir, 'variants')).filter((f) => f.endsWith('.pdf'))
    expect(names.length).toBeGreaterThan(1)
    // The last one reused the tab the first one loaded: it must not differ from a fresh print.
    const last = names.sort().at(-1)!
    const variant = /^resume-(.+)\.pdf$/.exec(last)![1]!
    const alone = await runCli(['build', 'resume.yaml', '--variant', variant, '--format', 'pdf', '-q', '-o', 'alone'], { cwd: dir, env })
    expect(alone.code, alone.stderr).toBe(0)
    expect(Buffer.compare(readFileSync(join(dir, 'alone', last)), readFileSync(join(dir, 'variants', last)))).toBe(0)
  })

  it('every variant of the seed fits one Letter page', async () => {
    const all = await runCli(['build', 'resume.yaml', '--all-variants', '--format', 'pdf', '--max-pages', '1', '-q', '-o', 'fit'], { cwd: dir })
    expect(all.code, all.stderr).toBe(0)
    const names = readdirSync(join(dir, 'fit')).sort()
    expect(names).toEqual(['resume-ai-infra.pdf', 'resume-backend.pdf', 'resume-ml.pdf'])
    for (const name of names) expect((await readPdf(join(dir, 'fit', name))).pages, name).toBe(1)
  })

  it('a failing artifact fails the run with its exit code, yet the others are built and reported', async () => {
    const r = await runCli(['build', 'resume.yaml', '--all-variants', '--format', 'pdf,html', '--margin', '3.5in', '--max-pages', '1', '--json', '-o', 'partial'], { cwd: dir })
    expect(r.code).toBe(6)
    const report = JSON.parse(r.stdout) as {
      ok: boolean
      artifacts: Array<{ format: string }>
      failures: Array<{ format: string; exitCode: number; diagnostics: Array<{ code: string }> }>
    }
    expect(report.ok).toBe(false)
    expect(report.artifacts.map((a) => a.format)).toEqual(['html', 'html', 'html'])
    expect(report.failures.map((f) => [f.format, f.exitCode, f.diagnostics[0]?.code])).toEqual(Array(3).fill(['pdf', 6, 'PAGE_LIMIT']))
    // Nothing partial: the PDFs that failed were never written.
    expect(readdirSync(join(dir, 'partial')).sort()).toEqual(['resume-ai-infra.html', 'resume-backend.html', 'resume-ml.html'])
  })

  it('fails with exit 6 and the page count when --max-pages is exceeded', async () => {
    const r = await runCli(['build', 'resume.yaml', '--format', 'pdf', '--margin', '3.5in', '--max-pages', '1', '-o', 'long'], { cwd: dir })
    expect(r.code).toBe(6)
    expect(r.stderr).toMatch(/PAGE_LIMIT/)
    expect(r.stderr).toMatch(/has \d+ pages; --max-pages allows 1/)
  })
})

describe.skipIf(!browser.found)('a PDF build is offline', () => {
  let server: Server
  let origin: string
  const requests: string[] = []
  let connections = 0

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      res.writeHead(200, { 'content-type': 'image/png' }).end()
    })
    server.on('connection', () => connections++)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('fetches nothing a theme or a resume points at, and still prints', async () => {
    const dir = tempDir()
    const theme = join(dir, 'remote-theme')
    cpSync(join(FIXTURES, 'pdf/remote-theme'), theme, { recursive: true })
    const css = join(theme, 'style.css')
    writeFileSync(css, readFileSync(css, 'utf8').replaceAll('__ORIGIN__', origin))
    writeFileSync(
      join(dir, 'resume.yaml'),
      ['basics:', '  name: Ada Remote', `  url: ${origin}`, `  image: ${origin}/portrait.png`, `  summary: See [my site](${origin}/linked) and file:///etc/passwd`].join('\n'),
    )
    const r = await runCli(['build', 'resume.yaml', '--format', 'pdf', '--theme', './remote-theme', '-o', 'out', '--verbose'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(requests).toEqual([])
    expect(connections).toBe(0)
    const { text } = await readPdf(join(dir, 'out/resume.pdf'))
    expect(text).toContain('Ada Remote')
    expect(text).not.toContain('SCRIPTS RAN')
    // The build says what was refused, without --verbose too (once, as a warning); --verbose says
    // once that the sandbox is off when it has to be.
    expect(r.stderr.match(/warning\[REMOTE_REFUSED\]/g)).toHaveLength(1)
    expect(r.stderr).toContain(`${origin}/portrait.png`)
    if (process.getuid?.() === 0) expect(r.stderr.match(/sandbox is off/g)).toHaveLength(1)
  })
})

describe('setting the document properties without re-serialising the file', () => {
  /** Every in-use cross-reference entry points at its object, so readers need no repair. */
  function xrefIsSound(bytes: Uint8Array): boolean {
    const text = Buffer.from(bytes).toString('latin1')
    const at = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1])
    const [head, count] = /^xref\n0 (\d+)\n/.exec(text.slice(at))!
    const first = at + head.length
    for (let n = 0; n < Number(count); n++) {
      const line = text.slice(first + n * 20, first + n * 20 + 20)
      if (line[17] === 'n' && !text.startsWith(`${n} 0 obj`, Number(line.slice(0, 10)))) return false
    }
    return true
  }

  async function classicPdf(pages: number, objectStreams = false): Promise<Uint8Array> {
    const doc = await PDFDocument.create({ updateMetadata: false })
    for (let i = 0; i < pages; i++) doc.addPage([612, 792]).drawText(`page ${i + 1}`)
    doc.setTitle('old')
    return doc.save({ useObjectStreams: objectStreams })
  }

  it('replaces the Info dictionary, shifts the offsets, counts the pages and asks viewers to show the title', async () => {
    const date = new Date('2023-11-14T22:13:20Z')
    const patched = patchInfo(await classicPdf(3), { Title: 'Zoë – Résumé', Author: 'Zoë', Keywords: 'C++, Spring Boot', CreationDate: date })
    expect(patched?.pages).toBe(3)
    expect(xrefIsSound(patched!.bytes)).toBe(true)
    const doc = await PDFDocument.load(patched!.bytes, { updateMetadata: false })
    expect(doc.getTitle()).toBe('Zoë – Résumé')
    expect(doc.getAuthor()).toBe('Zoë')
    expect(doc.getKeywords()).toBe('C++, Spring Boot')
    expect(doc.getCreationDate()?.toISOString()).toBe(date.toISOString())
    expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true')
    const read = await readPdf(patched!.bytes)
    expect(read.warnings).toEqual([])
    expect(read.pages).toBe(3)
  })

  it('declines what Chrome does not write, and pdf-lib handles it', async () => {
    const compressed = await classicPdf(2, true)
    expect(patchInfo(compressed, { Title: 'x' })).toBeUndefined()
    const updated = Buffer.concat([Buffer.from(await classicPdf(1)), Buffer.from('xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1>>\nstartxref\n0\n%%EOF\n')])
    expect(patchInfo(updated, { Title: 'x' })).toBeUndefined()

    const date = new Date('2023-11-14T22:13:20Z')
    const done = await finishPdf(compressed, { title: 'T', author: 'A', subject: 'S', keywords: ['Spring Boot', 'C'] }, date)
    expect(done.pages).toBe(2)
    const doc = await PDFDocument.load(done.bytes, { updateMetadata: false })
    expect([doc.getTitle(), doc.getAuthor(), doc.getSubject(), doc.getKeywords(), doc.getCreator()]).toEqual(['T', 'A', 'S', 'Spring Boot, C', 'vitae'])
    expect(doc.getModificationDate()?.toISOString()).toBe(date.toISOString())
  })
})

// A headless shell rounds each glyph's advance to a whole pixel unless the text asks for geometric
// precision; vitae asks for it, so a shell must lay the seed out as the full browser it was
// preferred to does. Runs where both are there (CI: Debian's Chromium and the shell `npm run setup` extracts).
describe.skipIf(!browser.found?.headlessShell || !browser.found?.preferredTo)('a headless shell beside a full browser', () => {
  it('breaks every line of the seed where the full browser does, each run of text at the same place across', async () => {
    const dir = seedCopy()
    const build = (path: string, out: string) => runCli(['build', 'resume.yaml', '--format', 'pdf', '-o', out], { cwd: dir, env: { VITAE_BROWSER: path } })
    const [shell, full] = await Promise.all([build(browser.found!.path, 'shell'), build(browser.found!.preferredTo!, 'full')])
    expect(shell.code, shell.stderr).toBe(0)
    expect(full.code, full.stderr).toBe(0)
    const [a, b] = await Promise.all([readPdf(join(dir, 'shell/resume.pdf')), readPdf(join(dir, 'full/resume.pdf'))])
    expect(a.pages).toBe(b.pages)
    const lines = (items: typeof a.items) => items.map((i) => `${i.page} ${i.str} ${i.x.toFixed(1)}`)
    expect(lines(a.items)).toEqual(lines(b.items))
    // Up and down, a run may sit on its line one CSS pixel (0.75 pt) apart: the shell rounds some
    // fonts' ascent to a whole pixel. Never more, so no line moves to another.
    for (const [n, item] of a.items.entries()) expect(Math.abs(item.y - b.items[n]!.y), item.str).toBeLessThanOrEqual(0.76)
  })
})
