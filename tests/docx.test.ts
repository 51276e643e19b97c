import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { XMLValidator } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, ROOT, runCli, seedCopy, tempDir } from './helpers.js'
import { readPdf } from './read-pdf.js'

// ---------------------------------------------------------------------------------------------
// Reading a .docx back: its parts, and the blocks mammoth finds in it.

type Parts = Record<string, string>

function docxParts(file: string): Parts {
  const zip = unzipSync(readFileSync(file))
  return Object.fromEntries(Object.entries(zip).map(([path, bytes]) => [path, strFromU8(bytes)]))
}

// Our paragraph styles as classes, so the blocks say which style each paragraph has.
const STYLE_MAP = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='Contact'] => p.contact:fresh",
  "p[style-name='Summary'] => p.summary:fresh",
  "p[style-name='Entry Text'] => p.entry-text:fresh",
  "p[style-name='Skill Group'] => p.group:fresh",
]

async function docxHtml(file: string): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: readFileSync(file) }, { styleMap: STYLE_MAP })
  return result.value
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/[ \n]+/g, ' ')
    .trim()
const bolds = (html: string): string[] => [...html.matchAll(/<strong>([\s\S]*?)<\/strong>/g)].map((m) => text(m[1]!))

interface Block {
  kind: string
  text: string
  bold: string[]
}

/** The Word file as a list of blocks, in order, named by what they are in the resume. */
function docxBlocks(html: string): Block[] {
  const kinds: Record<string, string> = {
    'p.title': 'name',
    'p.subtitle': 'label',
    'p.contact': 'contact',
    'p.summary': 'summary',
    h1: 'heading',
    h2: 'entry',
    'p.entry-text': 'text',
    li: 'bullet',
    'p.group': 'group',
  }
  return [...html.matchAll(/<(h1|h2|p|li)(?: class="([^"]+)")?>([\s\S]*?)<\/\1>/g)].map((m) => {
    const kind = kinds[m[2] ? `${m[1]}.${m[2]}` : m[1]!] ?? `unexpected ${m[1]}.${m[2]}`
    const body = kind === 'contact' ? m[3]!.replace(/\s*\u2022\s*/g, ' | ') : m[3]!
    return { kind, text: text(body).replace(/\t/g, ' >> '), bold: kind === 'entry' || kind === 'group' ? [] : bolds(m[3]!) }
  })
}

/** The HTML theme's rendering of the same view model, as the same list of blocks. */
function htmlBlocks(html: string): Block[] {
  const main = html.slice(html.indexOf('<main'))
  const pattern =
    /<h1 class="name">([\s\S]*?)<\/h1>|<p class="label">([\s\S]*?)<\/p>|<ul class="contact">([\s\S]*?)<\/ul>|<p class="summary">([\s\S]*?)<\/p>|<h2>([\s\S]*?)<\/h2>|<h3 class="entry-title">([\s\S]*?)<\/h3>|<p class="entry-meta">([\s\S]*?)<\/p>|<p class="entry-summary">([\s\S]*?)<\/p>|<ul class="bullets">([\s\S]*?)<\/ul>|<ul class="groups">([\s\S]*?)<\/ul>/g
  const kinds = ['name', 'label', 'contact', 'summary', 'heading', 'entry', 'meta', 'text', 'bullet', 'group']
  const blocks: Block[] = []
  for (const m of main.matchAll(pattern)) {
    const at = m.slice(1).findIndex((g) => g !== undefined)
    const kind = kinds[at]!
    const body = m[at + 1]!
    const items = [...body.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((li) => li[1]!)
    if (kind === 'meta') blocks[blocks.length - 1]!.text += ` >> ${text(body)}`
    else if (kind === 'contact') blocks.push({ kind, text: items.map(text).join(' | '), bold: [] })
    else if (kind === 'bullet' || kind === 'group') blocks.push(...items.map((li) => ({ kind, text: text(li), bold: kind === 'group' ? [] : bolds(li) })))
    else blocks.push({ kind, text: text(body), bold: kind === 'entry' ? [] : bolds(body) })
  }
  return blocks
}

/** Every XML part parses: what is wrong with each one that does not, else ''. */
function malformedParts(parts: Parts): string {
  return Object.keys(parts)
    .filter((p) => /\.(xml|rels)$/.test(p))
    .map((path) => {
      const result = XMLValidator.validate(parts[path]!)
      return result === true ? '' : `${path}:${result.err.line}:${result.err.col}: ${result.err.msg}\n`
    })
    .join('')
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/**
 * What `unzip -t` checks, in JavaScript: the central directory is where the end record says, each
 * entry's local header matches it, and each entry inflates to its recorded size and CRC-32.
 * Returns the problems, one a line; '' for a sound archive.
 */
function zipProblems(bytes: Buffer): string {
  const problems: string[] = []
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) return 'no end of central directory record'
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  if (at + bytes.readUInt32LE(end + 12) !== end) problems.push('the central directory is not where the end record says')
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) return [...problems, `entry ${i}: bad central directory header`].join('\n')
    const method = bytes.readUInt16LE(at + 10)
    const crc = bytes.readUInt32LE(at + 16)
    const packed = bytes.readUInt32LE(at + 20)
    const size = bytes.readUInt32LE(at + 24)
    const nameLength = bytes.readUInt16LE(at + 28)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    if (bytes.readUInt32LE(local) !== 0x04034b50) {
      problems.push(`${name}: no local header at ${local}`)
      continue
    }
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const stored = bytes.subarray(start, start + packed)
    let data: Buffer
    try {
      data = method === 0 ? stored : method === 8 ? inflateRawSync(stored) : Buffer.alloc(0)
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`)
      continue
    }
    if (method !== 0 && method !== 8) problems.push(`${name}: compression method ${method}`)
    else if (data.length !== size || crc32(data) !== crc) problems.push(`${name}: bad size or CRC`)
  }
  return problems.join('\n')
}

const attr = (xml: string, element: string, name: string): string | undefined => new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1]

async function buildDocx(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await runCli(['build', '--format', 'docx', '-q', ...args], { cwd: dir, env })
  expect(result.code, result.stderr).toBe(0)
  return result.stdout
}

// ---------------------------------------------------------------------------------------------

describe('DOCX build of the seed resume', () => {
  let dir = ''
  let parts: Parts = {}
  let html = ''
  let stdout = ''
  beforeAll(async () => {
    dir = seedCopy()
    const result = await runCli(['build', '--format', 'html,docx'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    stdout = result.stdout
    parts = docxParts(join(dir, 'dist/resume.docx'))
    html = await docxHtml(join(dir, 'dist/resume.docx'))
  })

  it('--format html,docx writes both, one line each', () => {
    expect(stdout).toMatch(/^dist\/resume\.html {2}[\d.]+ kB {2}\d+ ms$/m)
    expect(stdout).toMatch(/^dist\/resume\.docx {2}[\d.]+ kB {2}\d+ ms$/m)
    expect(existsSync(join(dir, 'dist/resume.html'))).toBe(true)
  })

  it('is a Word package that unzip checks clean, whose every XML part is well-formed', () => {
    expect(zipProblems(readFileSync(join(dir, 'dist/resume.docx')))).toBe('')
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml')
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml', 'docProps/app.xml']),
    )
    expect(malformedParts(parts)).toBe('')
  })

  it('(the package checks above catch a damaged entry and a malformed part)', () => {
    const bytes = Buffer.from(readFileSync(join(dir, 'dist/resume.docx')))
    const at = bytes.indexOf('word/document.xml') + 'word/document.xml'.length + 40 // inside the first entry's data
    bytes[at] = bytes[at]! ^ 0xff
    expect(zipProblems(bytes)).not.toBe('')
    expect(malformedParts({ 'word/document.xml': '<w:document><w:body></w:document>' })).toMatch(/^word\/document\.xml:1:/)
  })

  it('says what the HTML says: the same blocks, text and bold, in the same order', () => {
    const expected = htmlBlocks(readFileSync(join(dir, 'dist/resume.html'), 'utf8'))
    expect(expected.length).toBeGreaterThan(30)
    expect(docxBlocks(html)).toEqual(expected)
  })

  it('holds the facts of the seed in order, under Title and Heading 1', () => {
    const blocks = docxBlocks(html)
    expect(blocks[0]).toEqual({ kind: 'name', text: 'Hayes Zhao', bold: [] })
    expect(blocks[1]!.text).toBe('Computer Engineer')
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Education', 'Experience', 'Projects', 'Awards & Honors', 'Skills & Interests'])
    expect(blocks.filter((b) => b.kind === 'entry').map((b) => b.text)).toEqual([
      'MS. Computer Engineering | George Washington University >> Washington, DC | 2023 – 2025',
      'BS. Electrical Engineering | Tianjin University of Technology and Education >> Tianjin, CN | 2019 – 2023',
      'Graduate Research Assistant | George Washington University >> Washington, DC | Mar 2024 – Sep 2024',
      'Software Engineer Intern | DHC Software >> Beijing, CN | Jul 2022 – Dec 2022',
      'Distributed Key-Value storage system',
      'H&M Personalized Fashion Recommendations | Kaggle Contest (Ranked 75th/3759, Silver medal)',
      'Associate Membership | Sigma Xi, The Scientific Research Honor Society >> Jul 2025',
    ])
    const bullets = blocks.filter((b) => b.kind === 'bullet')
    expect(bullets).toHaveLength(15)
    expect(bullets[0]!.text).toMatch(/^Accelerated multi-accelerator inference throughput by 26\.1% by developing/)
    expect(bullets[14]!.text).toMatch(/negative sampling to significantly improve model performance and robustness\.$/)
    expect(blocks.at(-1)).toEqual({
      kind: 'group',
      text: 'Infrastructure & Tools: Redis, RocketMQ, RabbitMQ, TravisCI, Spring Boot/Cloud, DynamoDB, Node.js, Flask, FastAPI, Docker, Kubernetes, Git',
      bold: [],
    })
  })

  it('keeps the bold emphasis as bold runs', () => {
    for (const bold of [
      'distributed high-performance systems',
      'Accelerated multi-accelerator inference throughput by 26.1%',
      'GNN-Transformer',
      'Nominated to Sigma Xi.',
      'reduced training sample requirements by 15x',
      'fine-tuned LightGBM',
    ]) {
      expect(html).toContain(`<strong>${bold}</strong>`)
    }
  })

  it('links the email, phone and LinkedIn in the body, under the name', () => {
    const contact = /<p class="contact">([\s\S]*?)<\/p>/.exec(html)?.[1]
    expect(contact).toContain('<a href="mailto:hayes.zhao09@gmail.com">hayes.zhao09@gmail.com</a>')
    expect(contact).toContain('<a href="tel:7039158580">703-915-8580</a>')
    expect(contact).toContain('<a href="https://www.linkedin.com/in/hayes-zhao">www.linkedin.com/in/hayes-zhao</a>')
  })

  it('uses Word styles: Title, Heading 1, Heading 2, defined from the theme in the styles part', () => {
    const doc = parts['word/document.xml']!
    const styles = parts['word/styles.xml']!
    const styleCount = (id: string) => doc.split(`<w:pStyle w:val="${id}"/>`).length - 1
    expect(styleCount('Title')).toBe(1)
    expect(styleCount('Heading1')).toBe(5)
    expect(styleCount('Heading2')).toBe(7)
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? ''
    expect(heading1).toContain('<w:color w:val="1F3A5F"/>')
    expect(heading1).toContain('<w:caps/>')
    const title = /<w:style w:type="paragraph" w:styleId="Title">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? ''
    expect(title).toMatch(/<w:rFonts w:ascii="Georgia"/)
    expect(title).toContain('<w:sz w:val="44"/>')
    // The summary is ragged right, as in the PDF.
    expect(/<w:style w:type="paragraph" w:styleId="Summary">[\s\S]*?<\/w:style>/.exec(styles)?.[0]).toContain('<w:jc w:val="left"/>')
    // Runs name styles; fonts and colours are not repeated on every run.
    expect(doc).not.toContain('<w:rFonts')
    expect(doc).not.toContain('<w:color ')
  })

  it('sets places and dates at a right tab stop on the right edge of the text', () => {
    const heading2 = /<w:style w:type="paragraph" w:styleId="Heading2">[\s\S]*?<\/w:style>/.exec(parts['word/styles.xml']!)?.[0] ?? ''
    // Letter, 8.5in, less 0.55in each side: 7.4in = 10656 twips.
    expect(heading2).toMatch(/<w:tab w:val="right" w:pos="10656"\/>/)
    expect(parts['word/document.xml']).toContain('<w:r><w:tab/></w:r><w:r><w:rPr><w:rStyle w:val="EntryMeta"/></w:rPr><w:t xml:space="preserve">Washington, DC</w:t>')
  })

  it('makes bullets a real Word list: numbering definitions, no typed bullet characters', () => {
    const doc = parts['word/document.xml']!
    const numbering = parts['word/numbering.xml']!
    const bullets = [...doc.matchAll(/<w:p>((?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="ListBullet"\/>[\s\S]*?)<\/w:p>/g)].map((m) => m[1]!)
    expect(bullets).toHaveLength(15)
    const numIds = new Set(bullets.map((p) => /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(p)?.[1]))
    expect(numIds.size).toBe(1)
    const [numId] = numIds
    const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1]
    expect(abstractId).toBeDefined()
    const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)?.[0] ?? ''
    expect(abstract).toContain('<w:numFmt w:val="bullet"/>')
    expect(abstract).toContain('<w:lvlText w:val="\u2022"/>')
    for (const p of bullets) expect(p).not.toMatch(/<w:t[^>]*>\s*[\u2022\u25CF\-*]/)
  })

  it('is one column in reading order: no tables, text boxes, headers or footers', () => {
    const doc = parts['word/document.xml']!
    expect(doc).not.toMatch(/<w:tbl\b|<w:txbxContent|<w:headerReference|<w:footerReference|<w:cols w:num="[2-9]/)
    expect(Object.keys(parts).filter((p) => /word\/(header|footer)\d*\.xml/.test(p))).toEqual([])
  })

  it('has the page size and margins of the PDF: Letter, 0.45in by 0.55in', () => {
    const doc = parts['word/document.xml']!
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('12240')
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('15840')
    expect(attr(doc, 'w:pgMar', 'w:top')).toBe('648')
    expect(attr(doc, 'w:pgMar', 'w:right')).toBe('792')
    expect(attr(doc, 'w:pgMar', 'w:bottom')).toBe('648')
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('792')
  })

  it('has the document properties: title, author, subject, keywords, and vitae as the application', () => {
    const core = parts['docProps/core.xml']!
    expect(core).toContain('<dc:title>Hayes Zhao – Resume</dc:title>')
    expect(core).toContain('<dc:creator>Hayes Zhao</dc:creator>')
    expect(core).toContain('<dc:subject>Computer Engineer</dc:subject>')
    expect(core).toMatch(/<cp:keywords>Python, C\/C\+\+, Java, [^<]*Kubernetes, Git<\/cp:keywords>/)
    expect(parts['docProps/app.xml']).toContain('<Application>vitae</Application>')
    // Without SOURCE_DATE_EPOCH, the build's own time.
    const created = Date.parse(/<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1] ?? '')
    expect(Math.abs(Date.now() - created)).toBeLessThan(10 * 60_000)
  })

  it('sets the document language from the resume locale', () => {
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr>[\s\S]*<w:lang w:val="en-US"\/>/)
  })
})

describe('DOCX page settings', () => {
  it('--page a4 gives A4 and the same margins', async () => {
    const dir = seedCopy()
    await buildDocx(dir, ['--page', 'a4'])
    const doc = docxParts(join(dir, 'dist/resume.docx'))['word/document.xml']!
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('11906')
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('16838')
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('792')
  })

  it('--margin in mm, pt and px becomes twips, and moves the tab stop with it', async () => {
    const dir = seedCopy()
    await buildDocx(dir, ['--margin', '12mm 36pt 1cm 48px'])
    const parts = docxParts(join(dir, 'dist/resume.docx'))
    const doc = parts['word/document.xml']!
    expect(attr(doc, 'w:pgMar', 'w:top')).toBe('680')
    expect(attr(doc, 'w:pgMar', 'w:right')).toBe('720')
    expect(attr(doc, 'w:pgMar', 'w:bottom')).toBe('567')
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('720')
    expect(parts['word/styles.xml']).toMatch(new RegExp(`<w:tab w:val="right" w:pos="${12240 - 720 - 720}"/>`))
  })
})

describe('DOCX reproducibility', () => {
  it('is byte-identical under SOURCE_DATE_EPOCH, whatever the time zone, and stamped with that date', async () => {
    const dir = seedCopy()
    await buildDocx(dir, ['-o', 'a'], { SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC' })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await buildDocx(dir, ['-o', 'b'], { SOURCE_DATE_EPOCH: '1700000000', TZ: 'Asia/Kolkata' })
    const a = readFileSync(join(dir, 'a/resume.docx'))
    const b = readFileSync(join(dir, 'b/resume.docx'))
    expect(a.equals(b)).toBe(true)
    const core = docxParts(join(dir, 'a/resume.docx'))['docProps/core.xml']!
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>')
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:modified>')
    // The first zip entry's MS-DOS time and date fields: 22:13:20 on 2023-11-14.
    expect(a.readUInt16LE(10)).toBe((22 << 11) | (13 << 5) | (20 >> 1))
    expect(a.readUInt16LE(12)).toBe(((2023 - 1980) << 9) | (11 << 5) | 14)
  })
})

describe('DOCX variants in one build', () => {
  it('writes each variant of a multi-variant build exactly as it would be alone', async () => {
    const dir = tempDir()
    cpSync(join(FIXTURES, 'docx/variants.yaml'), join(dir, 'resume.yaml'))
    const env = { SOURCE_DATE_EPOCH: '1700000000' }
    await buildDocx(dir, ['--all-variants', '-o', 'all'], env)
    // Each alone, in a fresh process: the second variant of a build reuses the first one's shared parts.
    for (const variant of ['eng', 'math']) {
      const alone = spawnSync(process.execPath, [join(ROOT, 'bin/resume.js'), 'build', '--variant', variant, '--format', 'docx', '-q', '-o', 'one'], {
        cwd: dir,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      })
      expect(alone.status, alone.stderr).toBe(0)
      expect(readFileSync(join(dir, `all/resume-${variant}.docx`)).equals(readFileSync(join(dir, `one/resume-${variant}.docx`))), variant).toBe(true)
    }
    const math = docxParts(join(dir, 'all/resume-math.docx'))
    const eng = docxParts(join(dir, 'all/resume-eng.docx'))
    expect(math['docProps/core.xml']).toContain('<dc:subject>Mathematician</dc:subject>')
    expect(eng['docProps/core.xml']).toContain('<dc:subject>Engineer</dc:subject>')
    expect(await docxHtml(join(dir, 'all/resume-math.docx'))).toContain('<li>Wrote <strong>Note G</strong>, the first published program</li>')
    expect(await docxHtml(join(dir, 'all/resume-eng.docx'))).toContain('<li>Designed <a href="https://example.com/loops">loops</a> for the Engine</li>')
  })
})

describe('DOCX inline Markdown and escaping', () => {
  let parts: Parts = {}
  let html = ''
  beforeAll(async () => {
    const dir = tempDir()
    cpSync(join(FIXTURES, 'docx/inline.yaml'), join(dir, 'resume.yaml'))
    await buildDocx(dir)
    parts = docxParts(join(dir, 'dist/resume.docx'))
    html = await docxHtml(join(dir, 'dist/resume.docx'))
  })

  it('writes emphasis, links and code as runs and hyperlinks', () => {
    expect(html).toContain('Wrote <em>the first</em> program, Note G, and <a href="https://example.com/notes">a paper</a> on <strong>the Engine</strong>.')
    expect(html).toContain('Struck <s>through</s> and <strong><em>both</em></strong> at once')
    expect(parts['word/document.xml']).toMatch(/<w:rStyle w:val="InlineCode"\/><\/w:rPr><w:t xml:space="preserve">Note G<\/w:t>/)
    // The entry's url links its title, as in the HTML.
    expect(html).toContain('<h2><a href="https://example.com/engine">Programmer</a> | Analytical Engine Co.\t1842 – 1843</h2>')
  })

  it('escapes what XML must escape and keeps the text as written', () => {
    expect(malformedParts(parts)).toBe('')
    expect(html).toContain('<p class="subtitle">Analyst &amp; "Engine" &lt;Programmer&gt;</p>')
    expect(html).toContain(`<li>Escapes: 5 &lt; 6 &amp; 7 &gt; 3, "quotes" and 'apostrophes'</li>`)
    expect(html).toContain('<p class="group">Mathematics (Expert): Analysis, Bernoulli numbers</p>')
  })

  it('gives every hyperlink a stable relationship id', () => {
    const rels = parts['word/_rels/document.xml.rels']!
    const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]!)
    expect(ids.every((id) => /^rId\d+$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    for (const [, id] of parts['word/document.xml']!.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)) expect(ids).toContain(id)
  })
})

describe('DOCX failures', () => {
  it('a control character in a highlight is a validation error (exit 4) at its line and column, and no .docx is written', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'resume.yaml'), ['basics:', '  name: Ada', 'work:', '  - name: Acme', '    highlights:', '      - "Shipped \\x01 twice"', ''].join('\n'))
    const result = await runCli(['build', '--format', 'docx'], { cwd: dir })
    expect(result.code).toBe(4)
    expect(result.stderr).toMatch(/^resume\.yaml:6:18: error\[CONTROL_CHAR\]/m)
    expect(existsSync(join(dir, 'dist'))).toBe(false)
  })

  it('a bad docx token in a theme is a theme error (exit 5) naming the token', async () => {
    const dir = seedCopy()
    const theme = join(dir, 'templates/mine')
    cpSync(join(ROOT, 'templates/classic'), theme, { recursive: true })
    const manifest = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8')) as { docx: Record<string, unknown> }
    manifest.docx.accent = 'navy'
    writeFileSync(join(theme, 'theme.json'), JSON.stringify(manifest))
    const result = await runCli(['build', '--format', 'docx', '--theme', 'mine'], { cwd: dir })
    expect(result.code).toBe(5)
    expect(result.stderr).toContain('docx.accent is "navy"; it must be a colour')
    expect(existsSync(join(dir, 'dist/resume.docx'))).toBe(false)
  })
})

describe('DOCX parts shared between documents of one look', () => {
  // compileLook writes the styles, theme, numbering and the rest once per look, and only the text,
  // its links and its properties after that: every part must still be what docx writes.
  it('gives, part for part, what docx compiles for each document', async () => {
    const { Document, ExternalHyperlink, Paragraph, TextRun } = await import('docx')
    const { compileLook, compileParts } = await import('../src/renderers/docx-package.js')
    const look = {
      styles: { paragraphStyles: [{ id: 'Item', name: 'Item', paragraph: { numbering: { reference: 'dots', level: 0 } } }] },
      numbering: {
        config: [
          { reference: 'dots', levels: [{ level: 0, text: '-' }] },
          { reference: 'steps', levels: [{ level: 0, text: '%1.' }] },
        ],
      },
    }
    const bodies: Array<() => InstanceType<typeof Paragraph>[]> = [
      () => [
        new Paragraph({ children: [new TextRun('Plain "text" & <more>'), new ExternalHyperlink({ link: 'https://example.com/a?b=1&c=2', children: [new TextRun('a link')] })] }),
      ],
      () => [
        new Paragraph({ text: 'an item', numbering: { reference: 'dots', level: 0 } }),
        new Paragraph({ style: 'Item', children: [new ExternalHyperlink({ link: 'https://example.com/x', children: [new TextRun('x')] })] }),
      ],
      // A list the first document did not use: numbering.xml differs, so docx writes it all.
      () => [new Paragraph({ text: 'step one', numbering: { reference: 'steps', level: 0 } })],
      () => [new Paragraph({ children: [new TextRun({ text: '\u00e9t\u00e9 \u2022 \u05e9\u05dc\u05d5\u05dd', bold: true }), new TextRun({ break: 1 })] })],
    ]
    const make = (i: number) => () => new Document({ title: `Doc ${i}`, creator: 'Ada & co', ...look, sections: [{ children: bodies[i]!() }] })
    const asText = (v: string | Uint8Array | undefined) => (typeof v === 'string' ? v : v === undefined ? undefined : strFromU8(v))
    const key = JSON.stringify({ test: 'shared', ...look })
    // Built again (2) when the shortcut finds the lists differ from the document before; else once.
    const order = [0, 1, 3, 2, 2, 0]
    const builds: number[] = []
    for (const i of order) {
      let n = 0
      const shared = await compileLook(() => {
        n++
        return make(i)()
      }, key)
      builds.push(n)
      const alone = await compileParts(make(i)())
      expect([...shared.keys()].sort()).toEqual([...alone.keys()].sort())
      for (const [path, data] of alone) {
        // docx names links with random ids and stamps the time; packageBytes makes both stable, the same way in both.
        const text = (v: string | Uint8Array | undefined) =>
          asText(v)
            ?.replace(/(Id|r:id)="(?!rId\d+")[^"]+"/g, '$1="LINK"')
            .replace(/W3CDTF">[^<]*/g, 'W3CDTF">')
        expect(text(shared.get(path)), `document ${i}: ${path}`).toBe(text(data))
      }
    }
    expect(builds).toEqual([1, 1, 1, 2, 1, 2])
  })
})

describe('DOCX packaging without docx internals', () => {
  // compileParts reads the parts from docx's compiler, which docx keeps off its public types.
  // Should a later docx move it, the public Packer path must give the same parts.
  it('falls back to the public Packer and gets the same parts', async () => {
    const { Document, Packer, Paragraph } = await import('docx')
    const { compileParts } = await import('../src/renderers/docx-package.js')
    const doc = () => new Document({ title: 'T', sections: [{ children: [new Paragraph('fallback & all')] }] })
    const internal = await compileParts(doc())
    // A compiler that gives its parts as a list rather than a Map: Packer still zips them, and
    // compileParts must not trust them, so it takes the public path.
    type Compiler = { compile(...args: unknown[]): Map<string, unknown> }
    const holder = Packer as unknown as { compiler: Compiler | { compile(...args: unknown[]): unknown } }
    const compiler = holder.compiler as Compiler
    holder.compiler = { compile: (...args: unknown[]) => [...compiler.compile(...args)] }
    try {
      const fallback = await compileParts(doc())
      expect([...fallback.keys()].sort()).toEqual([...internal.keys()].sort())
      const asText = (v: string | Uint8Array | undefined) => (typeof v === 'string' ? v : strFromU8(v!))
      expect(asText(fallback.get('word/document.xml'))).toBe(asText(internal.get('word/document.xml')))
    } finally {
      holder.compiler = compiler
    }
  })
})

// ---------------------------------------------------------------------------------------------
// LibreOffice opens it: the real test of "a Word file", beyond our own reading of the XML.

// The one check no JavaScript library can stand in for: another program's reading of the file.
const libreoffice = ['libreoffice', 'soffice'].find((cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0)
if (!libreoffice) console.log('skipping "DOCX in LibreOffice": neither soffice nor libreoffice is on PATH (apt-get install libreoffice-writer-nogui to run it)')

describe('DOCX in LibreOffice', () => {
  it.skipIf(!libreoffice)('converts to a PDF that holds the name and every section heading', { timeout: 180_000 }, async () => {
    const dir = seedCopy()
    await buildDocx(dir)
    // A private profile: parallel conversions with a shared one fail, and LibreOffice still exits 0.
    const profile = tempDir('vitae-lo-profile-')
    const convert = spawnSync(
      libreoffice!,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), join(dir, 'dist/resume.docx')],
      {
        encoding: 'utf8',
        timeout: 150_000,
      },
    )
    const pdf = join(dir, 'pdf/resume.pdf')
    expect(existsSync(pdf), `${convert.stdout}\n${convert.stderr}\n${existsSync(join(dir, 'pdf')) ? readdirSync(join(dir, 'pdf')).join(', ') : ''}`).toBe(true)
    // Read back with PDF.js: pdftotext may be missing where LibreOffice is not.
    const pdfText = (await readPdf(pdf)).text.toUpperCase()
    for (const expected of ['Hayes Zhao', 'Education', 'Experience', 'Projects', 'Awards & Honors', 'Skills & Interests', 'Accelerated multi-accelerator inference throughput']) {
      expect(pdfText).toContain(expected.toUpperCase())
    }
  })
})
