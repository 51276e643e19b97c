import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findBrowser } from '../src/browser/find.js'
import { ROOT, runBin, runCli, seedCopy, tempDir } from './helpers.js'

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

// What each theme links from the network that no installed package supplies (and so what the one
// warning must name); null: nothing is left to refuse. This repository installs bootstrap@3,
// font-awesome@4, @fortawesome/fontawesome-free@5 and @fontsource/open-sans (devDependencies), so
// elegant, kendall, stackoverflow and flat get their CDN files from them (src/themes/cdn-local.ts).
const THEMES: Array<[string, RegExp | null]> = [
  ['even', /fonts\.googleapis\.com.*`npm install @fontsource\/lato` supplies one of them/],
  ['elegant', /gravatar\.com.*2 are scripts, which never run/],
  ['stackoverflow', null],
  ['kendall', null],
  ['flat', /octicons/],
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
        expect(refused[0].message).not.toMatch(/bootstrapcdn|font-awesome|unpkg\.com|fonts\.googleapis\.com\/css\?family=Open/)
      } else expect(refused).toEqual([])
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

  it('kendall and elegant get Bootstrap, Font Awesome, Open Sans and their own icon font from the installed packages, inlined', async () => {
    const r = await runCli(['build', 'resume.yaml', '--theme', 'kendall', '--format', 'html', '-q', '-o', 'out-cdn'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out-cdn/resume.html'), 'utf8')
    expect(html).toContain('Bootstrap v3.')
    expect(html).toMatch(/font-family:\s*["']?Font Awesome 5 Free/)
    expect(html).toMatch(/font-family:\s*'Open Sans'[^}]*src:\s*url\("data:font\/woff2;base64,/)
    // Only the subsets the page's text uses: no Cyrillic or Vietnamese Open Sans.
    expect(html.match(/font-family:\s*'Open Sans'/g)!.length).toBeLessThanOrEqual(12)
    expect(html).not.toMatch(/url\(["']?(?:https?:)?\/\//)
    const e = await runCli(['build', 'resume.yaml', '--theme', 'elegant', '--format', 'html', '-o', 'out-cdn-elegant'], { cwd: dir })
    expect(e.stderr).not.toMatch(/unpkg|bootstrapcdn/)
    const elegant = readFileSync(join(dir, 'out-cdn-elegant/resume.html'), 'utf8')
    // Its icon font, which it links from unpkg.com, comes from the theme package itself.
    expect(elegant).toMatch(/url\("data:font\/ttf;base64,/)
    expect(elegant).not.toContain('unpkg.com')
  })

  it('says which package to install for each refused CDN file when none is installed beside the theme', async () => {
    const own = tempDir()
    cpSync(join(ROOT, 'resume.yaml'), join(own, 'resume.yaml'))
    const theme = join(own, 'node_modules/jsonresume-theme-cdn')
    mkdirSync(theme, { recursive: true })
    writeFileSync(join(theme, 'package.json'), JSON.stringify({ name: 'jsonresume-theme-cdn', main: 'index.js' }))
    writeFileSync(
      join(theme, 'index.js'),
      `exports.render = (r) => '<html><head><link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/3.3.7/css/bootstrap.min.css"><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto+Slab:400,700"><script src="https://code.jquery.com/jquery-3.5.1.min.js"></script></head><body>' + r.basics.name + '</body></html>'`,
    )
    const r = await runCli(['build', 'resume.yaml', '--theme', 'cdn', '--format', 'html', '-o', 'out'], { cwd: own })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('`npm install bootstrap@3` supplies one of them')
    expect(r.stderr).toContain('`npm install @fontsource/roboto-slab` supplies one of them')
    expect(r.stderr).toContain('one is a script, which never run')
  })

  it('a theme from outside named by --theme gets the worker the CLI started as it loaded; a built-in one starts none', async () => {
    // bin/prestart-sandbox.js: the worker's start overlaps loading the CLI, and the build takes it.
    const outside = await runBin(['build', 'resume.yaml', '--theme', 'even', '--format', 'html', '--verbose', '-o', 'out-early'], { cwd: dir })
    expect(outside.code, outside.stderr).toBe(0)
    expect(outside.stderr).toContain('sandbox: taking the worker started as the CLI loaded')
    expect(readFileSync(join(dir, 'out-early/resume.html'), 'utf8')).toMatch(/Hayes\s*Zhao/i)
    const own = await runBin(['build', 'resume.yaml', '--theme', 'modern', '--format', 'html', '--verbose', '-o', 'out-early'], { cwd: dir })
    expect(own.code, own.stderr).toBe(0)
    expect(own.stderr).not.toContain('sandbox:')
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
