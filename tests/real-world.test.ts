import { cpSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { FIXTURES, runCli, SEED, seedCopy, tempDir } from './helpers.js'

// Issue 12: resumes as people really write them, and the formats people paste them into.
const wild = (name: string) => join(FIXTURES, 'wild', name)
const require = createRequire(import.meta.url)

describe('JSON Resume from the wild, nothing lost', () => {
  it('reads old keys as their current names, one warning each, at the key', async () => {
    const r = await runCli(['validate', wild('legacy.yaml')])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain(`${wild('legacy.yaml')}:4:3: warning[LEGACY_KEY]: website is the old name of url`)
    expect(r.stderr).toContain(`${wild('legacy.yaml')}:11:5: warning[LEGACY_KEY]: company is the old name of name`)
    expect(r.stderr).toContain(`${wild('legacy.yaml')}:23:5: warning[LEGACY_KEY]: gpa is the old name of score`)
    expect(r.stderr.match(/LEGACY_KEY/g)).toHaveLength(6)
    expect(r.stderr).not.toContain('UNKNOWN_KEY')
  })

  it('builds them with every employer, link and grade; nulls are absence, empty highlights nothing', async () => {
    const dir = tempDir()
    cpSync(wild('legacy.yaml'), join(dir, 'resume.yaml'))
    const r = await runCli(['build', '--format', 'html,docx', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out/resume.html'), 'utf8')
    expect(html).toContain('Analytical Engines Ltd')
    expect(html).toContain('GPA 3.9')
    expect(html).toContain('href="skype:ada.legacy?chat"')
    expect(html).toContain('Jan 2020 – Present')
    expect(html).not.toMatch(/<li>\s*<\/li>/)
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'out/resume.docx')))['word/document.xml']!)
    expect(xml).toContain('Analytical Engines Ltd')
  })

  it('refuses links that run code or read files, whatever else it accepts', async () => {
    const dir = tempDir()
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x']) {
      cpSync(wild('legacy.yaml'), join(dir, 'resume.yaml'))
      const text = readFileSync(join(dir, 'resume.yaml'), 'utf8').replace('skype:ada.legacy?chat', url)
      require('node:fs').writeFileSync(join(dir, 'resume.yaml'), text)
      const r = await runCli(['validate', 'resume.yaml'], { cwd: dir })
      expect(r.code, url).toBe(4)
      expect(r.stderr).toContain('error[URL_SCHEME]')
    }
  })

  it('renders multi-line text as paragraphs and lists in HTML, DOCX, Markdown and text', async () => {
    const dir = tempDir()
    cpSync(wild('blocks.yaml'), join(dir, 'resume.yaml'))
    const r = await runCli(['build', '--format', 'html,docx,md,txt', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out/resume.html'), 'utf8')
    expect(html).toContain('<p class="summary">Engineer who writes in paragraphs.</p>')
    expect(html).toMatch(/<ul class="bullets"><li>builds <strong>fast<\/strong> systems<\/li><li>ships them<\/li><\/ul>/)
    expect(html).toContain('<p class="entry-summary">Led the platform team.</p>')
    expect(html).not.toContain('- ships')
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'out/resume.docx')))['word/document.xml']!)
    const numbered = xml.split('<w:p>').filter((p) => p.includes('<w:numPr>'))
    expect(numbered.some((p) => p.includes('hired four engineers'))).toBe(true)
    expect(readFileSync(join(dir, 'out/resume.md'), 'utf8')).toContain('- cut costs by 30%')
    expect(readFileSync(join(dir, 'out/resume.txt'), 'utf8')).toContain('• ships them')
  })
})

describe('files that are not a vitae resume', () => {
  it('a RenderCV file is exit 4 naming the tool and the import command, at its cv: key', async () => {
    const r = await runCli(['validate', join(FIXTURES, 'import/rendercv.yaml')])
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/rendercv\.yaml:2:1: error\[FOREIGN_FORMAT\]: this is a RenderCV file/)
    expect(r.stderr).toContain('resume import')
  })

  it('a YAMLResume file is exit 4 too', async () => {
    const r = await runCli(['build', join(FIXTURES, 'import/yamlresume.yml'), '--format', 'html', '-o', tempDir()])
    expect(r.code).toBe(4)
    expect(r.stderr).toContain('error[FOREIGN_FORMAT]: this is a YAMLResume file')
  })

  it('a document with nothing to render is an error, not a blank page', async () => {
    const r = await runCli(['build', wild('empty.yaml'), '--format', 'html', '-o', tempDir()])
    expect(r.code).toBe(4)
    expect(r.stderr).toContain('error[EMPTY_RESUME]')
  })

  it('each imports into a resume that validates and builds', async () => {
    for (const file of ['import/rendercv.yaml', 'import/yamlresume.yml', 'import/legacy-jsonresume.json']) {
      const dir = tempDir()
      const imported = await runCli(['import', join(FIXTURES, file), '-o', join(dir, 'resume.yaml')])
      expect(imported.code, `${file}: ${imported.stderr}`).toBe(0)
      const built = await runCli(['build', '--format', 'html,docx', '-o', 'out'], { cwd: dir })
      expect(built.code, `${file}: ${built.stderr}`).toBe(0)
    }
  })
})

describe('exports', () => {
  it('json is JSON Resume the official schema accepts, and importing it gives back the same data', async () => {
    const dir = seedCopy()
    expect((await runCli(['build', '--format', 'json', '-o', 'out'], { cwd: dir })).code).toBe(0)
    const exported = JSON.parse(readFileSync(join(dir, 'out/resume.json'), 'utf8'))
    const official = require('@jsonresume/schema') as { validate(doc: unknown, cb: (err: unknown, valid: boolean) => void): void }
    const valid = await new Promise<boolean>((resolve) => official.validate(exported, (err, ok) => resolve(!err && ok)))
    expect(valid).toBe(true)
    const back = await runCli(['import', 'out/resume.json', '-o', 'again.yaml'], { cwd: dir })
    expect(back.code, back.stderr).toBe(0)
    const seed = parse(readFileSync(SEED, 'utf8'))
    const again = parse(readFileSync(join(dir, 'again.yaml'), 'utf8'))
    // The build's tailoring writes the sections it kept into meta; everything else comes back as written.
    for (const key of ['basics', 'education', 'work', 'projects', 'awards', 'skills']) expect(again[key], key).toEqual(seed[key])
  })

  it('txt and md hold every seed fact in order; txt stays within 80 columns', async () => {
    const dir = seedCopy()
    expect((await runCli(['build', '--format', 'txt,md', '-o', 'out'], { cwd: dir })).code).toBe(0)
    const txt = readFileSync(join(dir, 'out/resume.txt'), 'utf8')
    const md = readFileSync(join(dir, 'out/resume.md'), 'utf8')
    const facts = [
      'Hayes Zhao',
      'hayes.zhao09@gmail.com',
      'George Washington University',
      'Mar 2024 – Sep 2024',
      'DHC Software',
      'Distributed Key-Value storage system',
      'Associate Membership',
      'Programming Languages',
    ]
    for (const doc of [txt, md]) {
      const flat = doc.replace(/\s+/g, ' ')
      const at = facts.map((f) => flat.indexOf(f))
      expect(
        at.every((i) => i >= 0),
        JSON.stringify(at),
      ).toBe(true)
      expect([...at].sort((a, b) => a - b)).toEqual(at)
    }
    expect(txt.split('\n').every((line) => [...line].length <= 80)).toBe(true)
    expect(md).toMatch(/^## Experience$/m)
    expect(md).toContain('**26.1%**'.replace('**26.1%**', '26.1%'))
  })
})
