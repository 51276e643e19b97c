import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { runCli, tempDir } from './helpers.js'
import { longResume } from './long-resumes.js'
import { readLayout } from './pdf-layout.js'

// --fit N end to end: a resume that runs a little past one page is fitted into it, within the
// theme's floors, and the Word file gets the same sizes; one that fits is left byte for byte; one
// that cannot fit fails with exit 6, says by how much, and suggests a tailoring that does fit.

const ENV = { SOURCE_DATE_EPOCH: '1700000000' }
const dir = tempDir('vitae-fit-')

/** A resume of `jobs` long jobs (4 to 8 bullets each), written beside the others. */
function writeResume(name: string, resume: Record<string, unknown>): string {
  const file = join(dir, `${name}.yaml`)
  writeFileSync(file, stringify(resume))
  return file
}

const pagesOf = async (file: string) => (await readLayout(readFileSync(file))).pages.length
/** The Word file's body text size in points (docDefaults, in half points). */
const docxBodySize = (file: string): number => {
  const styles = new TextDecoder().decode(unzipSync(readFileSync(file))['word/styles.xml']!)
  return Number(/<w:docDefaults>[\s\S]*?<w:sz w:val="(\d+)"/.exec(styles)![1]) / 2
}

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0
/** Pages of a DOCX as LibreOffice lays it out (Calibri and Times metrics from Carlito and Liberation). */
function libreOfficePages(docx: string, out: string): number {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'ignore', timeout: 120_000 })
  const pdf = readFileSync(
    join(
      out,
      docx
        .split('/')
        .pop()!
        .replace(/\.docx$/, '.pdf'),
    ),
    'latin1',
  )
  return pdf.match(/\/Type\s*\/Page(?![A-Za-z])/g)!.length
}

describe('--fit on a resume a little over one page', () => {
  const file = writeResume('over', longResume('work', 4))
  let report: any
  beforeAll(async () => {
    const plain = await runCli(['build', file, '-f', 'pdf,docx', '-q', '-o', join(dir, 'plain')], { env: ENV })
    expect(plain.code, plain.stderr).toBe(0)
    const run = await runCli(['build', file, '-f', 'pdf,docx', '--fit', '1', '--json', '-o', join(dir, 'fitted')], { env: ENV })
    expect(run.code, run.stderr).toBe(0)
    report = JSON.parse(run.stdout)
  }, 90_000)

  it('runs to two pages unfitted and one page fitted', async () => {
    expect(await pagesOf(join(dir, 'plain/over.pdf'))).toBe(2)
    expect(await pagesOf(join(dir, 'fitted/over.pdf'))).toBe(1)
  })

  it('reports the scale it chose, within classic floors', () => {
    const pdf = report.artifacts.find((a: any) => a.format === 'pdf')
    expect(pdf.pages).toBe(1)
    expect(pdf.fit).toMatchObject({ pages: 1, pagesBefore: 2 })
    // classic lets type go to 9 pt of 10: 90%.
    expect(pdf.fit.percent).toBeGreaterThanOrEqual(90)
    expect(pdf.fit.percent).toBeLessThan(100)
    expect(pdf.fit.step).toBeGreaterThan(0)
    expect(pdf.fit.step).toBeLessThanOrEqual(1)
    // The loosest that fits: one step (1/32 of the scale) looser would not.
    expect(pdf.fit.lineHeight).toBeGreaterThanOrEqual(1.12 / 1.2 - 1e-9)
  })

  it('prints the fit on the artifact line', async () => {
    const run = await runCli(['build', file, '--fit', '1', '-o', join(dir, 'line')], { env: ENV })
    expect(run.stdout).toMatch(/over\.pdf {2}1 page \(fitted at 9\d%\)/)
  })

  it('sets the Word file in the same smaller sizes', () => {
    const plain = docxBodySize(join(dir, 'plain/over.docx'))
    const fitted = docxBodySize(join(dir, 'fitted/over.docx'))
    const percent = report.artifacts.find((a: any) => a.format === 'pdf').fit.percent
    expect(plain).toBe(10)
    expect(fitted).toBeLessThan(plain)
    // Rounded down to Word's half points: never larger than the PDF's type.
    expect(fitted).toBeLessThanOrEqual((plain * percent) / 100 + 1e-9)
    expect(fitted).toBeGreaterThan((plain * percent) / 100 - 0.5)
  })

  it.skipIf(!soffice)(
    'the Word file fits the same one page in LibreOffice',
    () => {
      expect(libreOfficePages(join(dir, 'plain/over.docx'), join(dir, 'lo-plain'))).toBe(2)
      expect(libreOfficePages(join(dir, 'fitted/over.docx'), join(dir, 'lo-fitted'))).toBe(1)
    },
    240_000,
  )
})

describe.skipIf(!soffice)('the Word file agrees with the PDF on pages, in LibreOffice, in every theme', () => {
  it.each(['classic', 'modern', 'compact', 'academic'])(
    '%s, as written and fitted to one page',
    async (theme) => {
      const file = writeResume(`agree-${theme}`, longResume('work', 4))
      for (const fit of [[], ['--fit', '1']]) {
        const out = join(dir, `agree-${theme}${fit.length ? '-fit' : ''}`)
        const run = await runCli(['build', file, '-f', 'pdf,docx', '--theme', theme, '-q', '-o', out, ...fit], { env: ENV })
        expect(run.code, run.stderr).toBe(0)
        const pdf = await pagesOf(join(out, `agree-${theme}.pdf`))
        expect(libreOfficePages(join(out, `agree-${theme}.docx`), join(out, 'lo')), `${theme} ${fit.join(' ') || 'as written'}: PDF has ${pdf}`).toBe(pdf)
      }
    },
    240_000,
  )
})

describe('--fit on a resume that already fits', () => {
  it('leaves the PDF and the Word file byte for byte as a build without it', async () => {
    const file = writeResume('fits', longResume('work', 2))
    const plain = await runCli(['build', file, '-f', 'pdf,docx,html', '-q', '-o', join(dir, 'fits-plain')], { env: ENV })
    const fitted = await runCli(['build', file, '-f', 'pdf,docx,html', '--fit', '1', '--json', '-o', join(dir, 'fits-fitted')], { env: ENV })
    expect(plain.code, plain.stderr).toBe(0)
    expect(fitted.code, fitted.stderr).toBe(0)
    for (const ext of ['pdf', 'docx', 'html']) {
      expect(Buffer.compare(readFileSync(join(dir, `fits-plain/fits.${ext}`)), readFileSync(join(dir, `fits-fitted/fits.${ext}`))), ext).toBe(0)
    }
    expect(JSON.parse(fitted.stdout).artifacts.every((a: any) => a.fit === null)).toBe(true)
  }, 90_000)
})

describe('--fit where even the floor does not fit', () => {
  it('exits 6 saying by how much, and the highlight cap it suggests fits', async () => {
    const resume = longResume('work', 5)
    const file = writeResume('long', resume)
    const run = await runCli(['build', file, '-f', 'pdf', '--fit', '1', '-o', join(dir, 'long')], { env: ENV })
    expect(run.code).toBe(6)
    expect(run.stderr).toMatch(/error\[PAGE_LIMIT\]: long runs to 1\.\d pages at the smallest size classic allows; --fit asks for 1 page/)
    const cap = Number(/maxHighlights: (\d+)/.exec(run.stderr)?.[1])
    expect(cap, run.stderr).toBeGreaterThan(0)
    // Applying the suggestion fits, and a cap one looser would not have (the suggestion is the loosest).
    const tried = async (n: number) => {
      const name = `capped${n}`
      const f = writeResume(name, { ...resume, variants: { short: { maxHighlights: n, fit: 1 } } })
      return runCli(['build', f, '-f', 'pdf', '--variant', 'short', '-q', '-o', join(dir, name)], { env: ENV })
    }
    const applied = await tried(cap)
    expect(applied.code, applied.stderr).toBe(0)
    expect(await pagesOf(join(dir, `capped${cap}/capped${cap}-short.pdf`))).toBe(1)
    expect((await tried(cap + 1)).code).toBe(6)
  }, 120_000)

  it('suggests the sections to leave out where no cap is enough, and that list fits', async () => {
    // Two short jobs, then a hundred skills: no highlight cap brings that to one page.
    const resume = longResume('skills', 100)
    const file = writeResume('skills', resume)
    const run = await runCli(['build', file, '-f', 'pdf', '--fit', '1', '-o', join(dir, 'skills')], { env: ENV })
    expect(run.code).toBe(6)
    expect(run.stderr).toMatch(/runs to \d\.\d pages at the smallest size classic allows/)
    const sections = /--sections ([a-z,]+)/.exec(run.stderr)?.[1]
    expect(sections, run.stderr).toBe('summary,work')
    const applied = await runCli(['build', file, '-f', 'pdf', '--fit', '1', '--sections', sections!, '-q', '-o', join(dir, 'skills-applied')], { env: ENV })
    expect(applied.code, applied.stderr).toBe(0)
    expect(await pagesOf(join(dir, 'skills-applied/skills.pdf'))).toBe(1)
  }, 120_000)
})

describe('where the fit comes from', () => {
  it('meta.fit asks for it in the file, and --fit 0 is a usage error', async () => {
    const file = writeResume('meta', { ...longResume('work', 4), meta: { fit: 1 } })
    const run = await runCli(['build', file, '-f', 'pdf', '-o', join(dir, 'meta')], { env: ENV })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/1 page \(fitted at \d+%\)/)
    const bad = await runCli(['build', file, '--fit', '0', '-o', join(dir, 'meta0')])
    expect(bad.code).toBe(2)
  }, 60_000)
})

describe('resume dev fits as the build does', () => {
  it('previews the fitted page when the resume asks for a fit', async () => {
    const { createDevRebuilder } = await import('../src/dev/rebuilder.js')
    const file = writeResume('dev-fit', { ...longResume('work', 4), meta: { fit: 1 } })
    const rebuilder = createDevRebuilder(file, { pdf: true })
    try {
      const result = await rebuilder.rebuild(new AbortController().signal)
      expect(result.ok, JSON.stringify(!result.ok && result.diagnostics)).toBe(true)
      if (!result.ok) return
      // The same fitted page the build prints: its style in the HTML, one page in the PDF.
      expect(result.html).toContain('data-vitae-fit')
      expect((await readLayout(result.pdf!)).pages.length).toBe(1)
    } finally {
      await rebuilder.dispose()
    }
  }, 90_000)
})
