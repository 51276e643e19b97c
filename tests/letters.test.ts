import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { ROOT, runCli, SEED, tempDir } from './helpers.js'
import { readPdf } from './read-pdf.js'

// 2025-12-06 (UTC): the letter's date when it sets none, and every output's timestamp.
const EPOCH = { SOURCE_DATE_EPOCH: '1765000000' }
// Every shipped theme: each draws its own letter.
const THEMES = readdirSync(join(ROOT, 'templates'))
  .filter((name) => existsSync(join(ROOT, 'templates', name, 'theme.json')))
  .sort()

/** The seed resume with its letters, in a folder of its own. */
function project(): string {
  const dir = tempDir('vitae-letters-')
  cpSync(SEED, join(dir, 'resume.yaml'))
  cpSync(join(ROOT, 'letters'), join(dir, 'letters'), { recursive: true })
  return dir
}

const flat = (text: string): string => text.replace(/\s+/g, ' ')

/** Each of `parts` appears in `text`, in this order. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0
  for (const part of parts) {
    const at = text.indexOf(part, from)
    expect(at, `${JSON.stringify(part)} after position ${from} in ${text.slice(0, 400)}…`).toBeGreaterThanOrEqual(0)
    from = at + part.length
  }
}

// The seed letter's parts in reading order: sender, date, recipient, subject, salutation, paragraphs, closing, name.
const READING_ORDER = [
  'Hayes Zhao',
  'hayes.zhao09@gmail.com',
  'December 6, 2025',
  'Hiring Manager, Platform Engineering',
  'Northwind Payments',
  'Application for Backend Engineer, Payments Platform',
  'Dear Hiring Manager,',
  'I am writing to apply',
  'scaled backend throughput by 100x',
  'Outside of work I built a distributed key-value store',
  'My graduate research',
  'Thank you for your time and consideration',
  'Sincerely,',
  'Hayes Zhao',
]

describe.each(THEMES)('the %s theme draws the seed letter in every format', (theme) => {
  const dir = project()
  const out = join(dir, 'dist')
  // Built once, when the first test of the theme asks (not at collection: themes build one after another).
  let running: ReturnType<typeof runCli> | undefined
  const built = () =>
    (running ??= runCli(['build', 'resume.yaml', '--letter', 'northwind', '--theme', theme, '-f', 'pdf,html,docx,md,txt', '--packet', '-o', out], { cwd: dir, env: EPOCH }))

  it('builds the letter and the variant it names under the application’s name, and the packet, with no warning', async () => {
    const r = await built()
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    const files = readdirSync(out).sort()
    for (const ext of ['pdf', 'html', 'docx', 'md', 'txt']) {
      expect(files).toContain(`resume-northwind.${ext}`)
      expect(files).toContain(`resume-northwind-letter.${ext}`)
    }
    expect(files).toContain('resume-northwind-packet.pdf')
  })

  it('PDF: one tagged page whose text reads in letter order, with the letter as its title', async () => {
    await built()
    const pdf = await readPdf(join(out, 'resume-northwind-letter.pdf'))
    expect(pdf.pages).toBe(1)
    expect(pdf.tagged).toBe(true)
    expectInOrder(flat(pdf.text), READING_ORDER)
    expect(pdf.info.Title).toBe('Hayes Zhao – Cover letter')
    expect(pdf.info.Subject).toBe('Application for Backend Engineer, Payments Platform')
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true)
    // The letterhead is the variant's resume header: its label, not the resume's own.
    expect(pdf.text).toMatch(/Backend & Distributed Systems Engineer/i)
  })

  it('HTML, Markdown and text: the same parts in the same order', async () => {
    await built()
    const html = readFileSync(join(out, 'resume-northwind-letter.html'), 'utf8')
    expect(html).toContain('<p class="letter-salutation">Dear Hiring Manager,</p>')
    expect(html).toContain('<strong>scaled backend throughput by 100x</strong>')
    expectInOrder(flat(html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&')), READING_ORDER)
    const md = readFileSync(join(out, 'resume-northwind-letter.md'), 'utf8')
    expect(md.startsWith('# Hayes Zhao\n')).toBe(true)
    expect(md).toContain('- **scaled backend throughput by 100x**')
    expectInOrder(flat(md.replace(/\*\*|\\/g, '')), READING_ORDER)
    expectInOrder(flat(readFileSync(join(out, 'resume-northwind-letter.txt'), 'utf8')), READING_ORDER)
  })

  it("Word: well-formed, the masthead in the resume's styles, the body as paragraphs and a real list", async () => {
    await built()
    const file = join(out, 'resume-northwind-letter.docx')
    const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!)
    expect(XMLValidator.validate(xml)).toBe(true)
    const { value } = await mammoth.convertToHtml(
      { buffer: readFileSync(file) },
      { styleMap: ["p[style-name='Title'] => p.title:fresh", "p[style-name='Summary'] => p.summary:fresh"] },
    )
    // The name first, in the Title style (a theme may set the label beside it, as compact does).
    expect(value).toMatch(/^<p class="title">Hayes Zhao\b/)
    expect(value.match(/<li>/g)?.length).toBe(4)
    expect(value).toContain('<p class="summary">Dear Hiring Manager,</p>')
    expectInOrder(flat(value.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&')), READING_ORDER)
  })

  it('packet: the letter, then the resume, a bookmark for each, the letter as its title', async () => {
    await built()
    const bytes = readFileSync(join(out, 'resume-northwind-packet.pdf'))
    const pdf = await readPdf(bytes)
    expect(pdf.pages).toBe(2)
    const pageText = (n: number) =>
      flat(
        pdf.items
          .filter((i) => i.page === n)
          .map((i) => i.str)
          .join(' '),
      )
    expect(pageText(1)).toContain('Dear Hiring Manager,')
    expect(pageText(2)).toMatch(/Graduate Research Assistant/)
    expect(pdf.info.Title).toBe('Hayes Zhao – Cover letter')
    // Tagged as its parts are: each page keeps the structure its own PDF had.
    expect(pdf.tagged).toBe(true)
    const alone = await Promise.all(['resume-northwind-letter.pdf', 'resume-northwind.pdf'].map((f) => structureSizes(readFileSync(join(out, f)))))
    expect(await structureSizes(bytes)).toEqual(alone.flat())
    const outline = await bookmarks(bytes)
    expect(outline).toEqual([
      { title: 'Hayes Zhao – Cover letter', page: 1 },
      { title: 'Hayes Zhao – Resume', page: 2 },
    ])
  })
})

/** The number of structure elements and marked contents on each page, read with PDF.js. */
async function structureSizes(bytes: Uint8Array): Promise<number[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise
  type Node = { children?: Node[] }
  const count = (node: Node): number => (node.children ?? []).reduce((n, child) => n + 1 + count(child), 0)
  const sizes: number[] = []
  for (let i = 1; i <= doc.numPages; i++) sizes.push(count(((await (await doc.getPage(i)).getStructTree()) ?? {}) as Node))
  await doc.destroy()
  return sizes
}

/** The packet's bookmarks and the page each opens, read with PDF.js. */
async function bookmarks(bytes: Uint8Array): Promise<Array<{ title: string; page: number }>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise
  const outline = (await doc.getOutline()) ?? []
  const out = []
  for (const item of outline) {
    const dest = Array.isArray(item.dest) ? item.dest : await doc.getDestination(String(item.dest))
    out.push({ title: item.title, page: (await doc.getPageIndex(dest![0])) + 1 })
  }
  await doc.destroy()
  return out
}

describe('letters: bad input', () => {
  it('a letter with a misspelt key and a variant that does not exist: exit 4 at their places, nothing written', async () => {
    const dir = project()
    writeFileSync(join(dir, 'letters', 'acme.yaml'), 'variant: bakend\nrecipent:\n  name: Dana\nbody: Hello.\n')
    const r = await runCli(['build', 'resume.yaml', '--letter', 'northwind', '-f', 'txt', '-o', 'out'], { cwd: dir })
    expect(r.code).toBe(4)
    expect(r.stderr).toContain('letters/acme.yaml:2:1: error[UNKNOWN_KEY]')
    expect(r.stderr).toContain('did you mean recipient?')
    expect(r.stderr).toContain('letters/acme.yaml:1:10: error[LETTER_VARIANT]')
    expect(r.stderr).toContain('did you mean backend?')
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('a locale vitae has no words for is exit 4 at the letter’s locale:, with a did-you-mean', async () => {
    const dir = project()
    writeFileSync(join(dir, 'letters', 'acme.yaml'), 'locale: jp\nbody: Hello.\n')
    const r = await runCli(['validate', 'resume.yaml'], { cwd: dir })
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/letters\/acme\.yaml:1:9: error\[UNKNOWN_LOCALE\].*\n[\s\S]*ja/)
  })

  it('a link in the body is checked like the resume’s, at the body', async () => {
    const dir = project()
    writeFileSync(join(dir, 'letters', 'acme.yaml'), 'subject: Hi\nbody: See [my site](javascript:alert(1)).\n')
    const r = await runCli(['validate', 'resume.yaml'], { cwd: dir })
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/letters\/acme\.yaml:2:7: error\[URL_SCHEME\]/)
  })

  it('a letter whose files would be another variant’s is OUTPUT_CONFLICT; its own variant’s name is fine', async () => {
    const dir = project()
    writeFileSync(join(dir, 'letters', 'ml.yaml'), 'variant: backend\nbody: Hello.\n')
    writeFileSync(join(dir, 'letters', 'backend.yaml'), 'variant: backend\nbody: Hello.\n')
    const r = await runCli(['validate', 'resume.yaml'], { cwd: dir })
    expect(r.code).toBe(4)
    expect(r.stderr).toContain('letters/ml.yaml:1:1: error[OUTPUT_CONFLICT]: the letter ml and the variant ml would both write resume-ml.*')
    expect(r.stderr).not.toContain('letters/backend.yaml')
  })

  it('--letter nope: exit 2 listing the letters there are', async () => {
    const r = await runCli(['build', 'resume.yaml', '--letter', 'northwnd', '-f', 'txt', '-o', 'out'], { cwd: project() })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--letter: there is no letter "northwnd"')
    expect(r.stderr).toContain('did you mean northwind? the letters are northwind')
  })

  it('a resume in letters/, and a letter given as the resume, each say which is which', async () => {
    const dir = project()
    cpSync(SEED, join(dir, 'letters', 'oops.yaml'))
    const a = await runCli(['validate', 'resume.yaml'], { cwd: dir })
    expect(a.code).toBe(4)
    expect(a.stderr).toMatch(/letters\/oops\.yaml:\d+:1: error\[LETTER_IS_RESUME\]: letters\/oops\.yaml is a resume/)
    const b = await runCli(['build', 'letters/northwind.yaml', '-f', 'txt', '-o', 'out'], { cwd: project() })
    expect(b.code).toBe(4)
    expect(b.stderr).toContain('error[RESUME_IS_LETTER]: letters/northwind.yaml is a cover letter, not a resume')
  })

  it('--packet without a letter is a usage error', async () => {
    const r = await runCli(['build', 'resume.yaml', '--packet', '-o', 'out'], { cwd: project() })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--packet needs a letter')
  })
})

describe('letters: languages, length, reproducibility, themes without a letter', () => {
  it('right to left (ar) and CJK (zh-CN): the locale’s date, salutation and closing', async () => {
    const dir = project()
    writeFileSync(join(dir, 'letters', 'ar.yaml'), 'locale: ar\nrecipient: {company: شركة المثال}\nbody: أتقدم بطلب لشغل وظيفة مهندس برمجيات.\n')
    writeFileSync(join(dir, 'letters', 'zh.yaml'), 'locale: zh-CN\nrecipient: {company: 示例公司}\nbody: 我申请贵公司的后端工程师职位。\n')
    const r = await runCli(['build', 'resume.yaml', '--letter', 'ar', '--letter', 'zh', '-f', 'html,pdf,txt', '-o', 'out'], { cwd: dir, env: EPOCH })
    expect(r.code, r.stderr).toBe(0)
    const arHtml = readFileSync(join(dir, 'out', 'resume-ar-letter.html'), 'utf8')
    expect(arHtml).toContain('dir="rtl"')
    expect(arHtml).toContain('عزيزي مدير التوظيف،')
    expect(arHtml).toContain('مع خالص التحية،')
    expect(arHtml).toContain(new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(1765000000_000)))
    const zh = await readPdf(join(dir, 'out', 'resume-zh-letter.pdf'))
    const zhText = zh.text.replace(/\s+/g, '')
    expectInOrder(zhText, ['2025年12月6日', '示例公司', '尊敬的招聘经理：', '我申请贵公司的后端工程师职位。', '此致敬礼'])
    expect(readFileSync(join(dir, 'out', 'resume-zh-letter.txt'), 'utf8')).toContain('尊敬的招聘经理：')
  })

  it('a long letter flows onto page two with the letterhead on page one only; --max-pages 1 refuses it', async () => {
    const dir = project()
    const paragraph = 'I design backend services for reliability and measure them before I optimize them. '.repeat(6)
    const body = `${Array.from({ length: 9 }, () => `  ${paragraph}\n`).join('\n')}\n  My work is at [my site](https://example.com/hayes).\n`
    writeFileSync(join(dir, 'letters', 'long.yaml'), `subject: A long letter\nbody: |\n${body}`)
    const r = await runCli(['build', 'resume.yaml', '--letter', 'long', '-o', 'out'], { cwd: dir, env: EPOCH })
    expect(r.code, r.stderr).toBe(0)
    const pdf = await readPdf(join(dir, 'out', 'resume-long-letter.pdf'))
    expect(pdf.pages).toBe(2)
    const page = (n: number) =>
      pdf.items
        .filter((i) => i.page === n)
        .map((i) => i.str)
        .join(' ')
    expect(page(1)).toContain('hayes.zhao09@gmail.com')
    expect(page(2)).not.toContain('hayes.zhao09@gmail.com')
    expect(page(2)).toContain('Sincerely,')
    // Links in the body stay links.
    expect(pdf.links).toContain('https://example.com/hayes')
    const limited = await runCli(['build', 'resume.yaml', '--letter', 'long', '--max-pages', '1', '-o', 'out2'], { cwd: dir, env: EPOCH })
    expect(limited.code).toBe(6)
    expect(limited.stderr).toMatch(/resume-long-letter\.pdf has 2 pages; --max-pages allows 1/)
  })

  it('with SOURCE_DATE_EPOCH the letter, its Word file and the packet are the same bytes twice', async () => {
    const dir = project()
    const build = (out: string) => runCli(['build', 'resume.yaml', '--letter', 'northwind', '-f', 'pdf,docx', '--packet', '-o', out], { cwd: dir, env: EPOCH })
    const [a, b] = [await build('a'), await build('b')]
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    for (const file of ['resume-northwind-letter.pdf', 'resume-northwind-letter.docx', 'resume-northwind-packet.pdf']) {
      expect(readFileSync(join(dir, 'b', file)).equals(readFileSync(join(dir, 'a', file))), file).toBe(true)
    }
  })

  it('a theme without a letter template draws letters with classic’s, and says so once', async () => {
    const dir = project()
    const theme = join(dir, 'plain')
    cpSync(join(ROOT, 'templates', 'classic'), theme, { recursive: true })
    const manifest = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8'))
    delete manifest.letter
    manifest.name = 'plain'
    writeFileSync(join(theme, 'theme.json'), JSON.stringify(manifest))
    writeFileSync(join(dir, 'letters', 'second.yaml'), 'body: A second letter.\n')
    const r = await runCli(['build', 'resume.yaml', '--all-letters', '--theme', './plain', '-f', 'html', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr.match(/warning\[LETTER_FALLBACK\]/g)).toHaveLength(1)
    expect(r.stderr).toContain("the theme plain has no cover letter template: letters use the classic theme's")
    expect(readFileSync(join(dir, 'out', 'resume-second-letter.html'), 'utf8')).toContain('class="letter-salutation"')
  })

  it('a theme of the user’s own draws its own letter (its letter.css), with no warning', async () => {
    const dir = project()
    cpSync(join(ROOT, 'templates', 'classic'), join(dir, 'mine'), { recursive: true })
    writeFileSync(join(dir, 'mine', 'letter.css'), `${readFileSync(join(dir, 'mine', 'letter.css'), 'utf8')}\n.letter-salutation { color: rgb(1, 2, 3); }\n`)
    const r = await runCli(['build', 'resume.yaml', '--letter', 'northwind', '--theme', './mine', '-f', 'html', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    expect(readFileSync(join(dir, 'out', 'resume-northwind-letter.html'), 'utf8')).toContain('.letter-salutation { color: rgb(1, 2, 3); }')
  })

  it('a JSON Resume theme has no letter: classic’s draws it, with the warning', async () => {
    const dir = project()
    const r = await runCli(['build', 'resume.yaml', '--letter', 'northwind', '--theme', 'even', '-f', 'html', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr.match(/warning\[LETTER_FALLBACK\]/g)).toHaveLength(1)
    expect(readFileSync(join(dir, 'out', 'resume-northwind-letter.html'), 'utf8')).toContain('class="letter-salutation"')
  })

  it('letters: in the resume builds like a file in letters/; explain says which variant, locale and theme', async () => {
    const dir = tempDir()
    mkdirSync(dir, { recursive: true })
    const seed = readFileSync(SEED, 'utf8')
    writeFileSync(join(dir, 'resume.yaml'), `${seed}\nletters:\n  acme:\n    variant: ml\n    locale: de\n    body: Ich bewerbe mich {{view.name}} <b>hier</b>.\n`)
    const r = await runCli(['build', 'resume.yaml', '--letter', 'acme', '-f', 'txt,json,html', '-o', 'out'], { cwd: dir, env: EPOCH })
    expect(r.code, r.stderr).toBe(0)
    const text = readFileSync(join(dir, 'out', 'resume-acme-letter.txt'), 'utf8')
    expectInOrder(text, [
      'Machine Learning Engineer',
      '6. Dezember 2025',
      'Sehr geehrte Damen und Herren,',
      'Ich bewerbe mich {{view.name}} <b>hier</b>.',
      'Mit freundlichen Grüßen',
    ])
    // Text in a letter is data: shown as written, never run as template code or HTML.
    expect(readFileSync(join(dir, 'out', 'resume-acme-letter.html'), 'utf8')).toContain('Ich bewerbe mich {{view.name}} &lt;b&gt;hier&lt;/b&gt;.')
    expect(existsSync(join(dir, 'out', 'resume-acme.txt'))).toBe(true)
    // The letters are not part of the resume a variant makes.
    expect(JSON.parse(readFileSync(join(dir, 'out', 'resume-acme.json'), 'utf8'))).not.toHaveProperty('letters')
    const e = await runCli(['explain', 'resume.yaml', '--letter', 'acme'], { cwd: dir })
    expect(e.code, e.stderr).toBe(0)
    expect(e.stdout).toContain('goes with: the variant ml (resume-acme.*)')
    expect(e.stdout).toContain('locale: de')
    expect(e.stdout).toContain('theme: classic')
  })

  it('resume init --letter writes a starter that validates with no warning, and never over a file', async () => {
    const dir = project()
    const r = await runCli(['init', 'resume.yaml', '--letter', 'acme'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(existsSync(join(dir, 'letters', 'acme.yaml'))).toBe(true)
    const v = await runCli(['validate', 'resume.yaml', '--strict'], { cwd: dir })
    expect(v.code, v.stderr).toBe(0)
    expect(`${v.stdout}${v.stderr}`).toContain('0 warnings')
    const again = await runCli(['init', 'resume.yaml', '--letter', 'acme'], { cwd: dir })
    expect(again.code).toBe(7)
  })
})
