import { readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findBrowser } from '../src/browser/find.js'
import { ROOT, runCli, seedCopy } from './helpers.js'

const browser = findBrowser()
if (!browser.found && process.env.CI) throw new Error('CI has no browser for the JSON Resume theme tests')

/** The PDF's text and page count, read with pdf.js (a shared tests/read-pdf.ts is on its way). */
async function readPdf(file: string): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise
  let text = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`
  }
  return { pages: doc.numPages, text }
}

/** A copy of the seed whose folder finds the installed themes the way a user's project would. */
function project(): string {
  const dir = seedCopy()
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  return dir
}

// What each theme links from the network (and so what the one warning must name).
const THEMES: Array<[string, RegExp | undefined]> = [
  ['even', /fonts\.googleapis\.com/],
  ['elegant', /bootstrapcdn\.com/],
  ['stackoverflow', /font-awesome/],
  ['kendall', /bootstrapcdn\.com/],
  ['flat', /bootstrap/],
  ['macchiato', /fonts\.gstatic\.com/],
]

describe.skipIf(!browser.found)('JSON Resume themes, as they are', () => {
  const dir = project()
  for (const [theme, remote] of THEMES) {
    it(`jsonresume-theme-${theme} prints the seed offline, with one warning naming what it refused`, async () => {
      const r = await runCli(['build', 'resume.yaml', '--theme', theme, '--format', 'pdf', '--json', '-o', `out-${theme}`], { cwd: dir })
      expect(r.code, r.stderr).toBe(0)
      const report = JSON.parse(r.stdout)
      const { pages, text } = await readPdf(join(dir, `out-${theme}/resume.pdf`))
      expect(pages).toBeGreaterThanOrEqual(1)
      expect(text.replace(/\s+/g, ' ')).toMatch(/Hayes\s*Zhao|HAYES\s*ZHAO/i)
      const refused = report.warnings.filter((w: { code: string }) => w.code === 'REMOTE_REFUSED')
      if (remote) {
        expect(refused).toHaveLength(1)
        expect(refused[0].message).toMatch(remote)
      }
    })
  }

  it('the HTML artifact fetches nothing; the Word file says it uses classic', async () => {
    const r = await runCli(['build', 'resume.yaml', '--theme', 'kendall', '--format', 'html,docx', '--json', '-o', 'out-files'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out-files/resume.html'), 'utf8')
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`)
    expect(html).not.toMatch(/<link[^>]+href="https?:\/\//)
    expect(html).not.toMatch(/@import\s+url\(\s*https?:/)
    expect(html).not.toMatch(/<script/)
    const codes = JSON.parse(r.stdout).warnings.map((w: { code: string }) => w.code)
    expect(codes).toContain('DOCX_FALLBACK')
  })

  it('the theme gets plain JSON Resume: no tags, no variants, highlights as strings', async () => {
    const { toPlainJsonResume } = await import('../src/themes/jsonresume-data.js')
    const { parse } = await import('yaml')
    const plain = toPlainJsonResume(parse(readFileSync(join(dir, 'resume.yaml'), 'utf8'))) as Record<string, any>
    const json = JSON.stringify(plain)
    expect(json).not.toContain('"tags"')
    expect(plain.variants).toBeUndefined()
    expect(plain.work.every((w: { highlights?: unknown[] }) => (w.highlights ?? []).every((h) => typeof h === 'string'))).toBe(true)
    expect(json).not.toContain('**')
  })
})
