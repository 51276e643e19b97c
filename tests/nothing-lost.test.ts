import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { FIXTURES, ROOT, runCli, tempDir } from './helpers.js'
import { readPdf } from './read-pdf.js'

// Issue 21, "nothing lost": every string of a resume with every field of the schema filled must
// reach every format a user can ask for, in every theme vitae ships. The fixture gives each field
// a value no other field holds, so finding the value means the field was shown. A link counts as
// shown when it is the target of a link (the address a reader clicks) as well as when it is text.

const FIXTURE = join(FIXTURES, 'rich/every-field.yaml')
const THEMES = readdirSync(join(ROOT, 'templates'))
  .filter((name) => existsSync(join(ROOT, 'templates', name, 'theme.json')))
  .sort()

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DATE_KEYS = new Set(['startDate', 'endDate', 'date', 'releaseDate'])
/** Not content of the resume: how it is tailored and drawn, and its cover letters (documents of their own, tests/letters.test.ts). */
const SKIPPED_KEYS = new Set(['tags', 'meta', 'variants', 'letters', 'image'])

/** Every string leaf of the resume with its path; dates as the English locale prints them ("Mar 2024"). */
function leaves(value: unknown, path = ''): Array<{ path: string; text: string }> {
  if (typeof value === 'string') {
    const key = path
      .split('.')
      .at(-1)!
      .replace(/\[\d+\]$/, '')
    if (DATE_KEYS.has(key)) {
      const [y, m] = value.split('-')
      return [{ path, text: m ? `${MONTHS[Number(m) - 1]} ${y}` : y! }]
    }
    return [{ path, text: value }]
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (SKIPPED_KEYS.has(k) ? [] : leaves(v, path ? `${path}.${k}` : k)))
  return []
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  )

/** The HTML page's text and link targets (not its CSS, fonts or head). */
function htmlText(html: string): string {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<style[\s\S]*?<\/style>/gi, '')
  const hrefs = [...body.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!))
  return `${decodeEntities(body.replace(/<[^>]+>/g, ' '))} ${hrefs.join(' ')}`
}

/** The Word file's text runs and its hyperlink targets. */
function docxText(bytes: Uint8Array): string {
  const parts = unzipSync(bytes)
  const xml = strFromU8(parts['word/document.xml']!)
  const rels = strFromU8(parts['word/_rels/document.xml.rels'] ?? new Uint8Array())
  const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((m) => decodeEntities(m[1]!))
  const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => decodeEntities(m[1]!))
  return `${runs.join('')} ${targets.join(' ')}`
}

/** Compared without spaces or case: text wraps, and a theme may print headings or names in capitals. */
const flat = (s: string): string => s.normalize('NFC').replace(/\s+/g, '').toLowerCase()

const fixture = parse(readFileSync(FIXTURE, 'utf8'))
const VALUES = leaves(fixture)

function missing(text: string): string[] {
  const hay = flat(text)
  return VALUES.filter((v) => !hay.includes(flat(v.text))).map((v) => `${v.path}: ${JSON.stringify(v.text)}`)
}

describe('every value of a resume with every field filled reaches every format', () => {
  const dir = tempDir('vitae-lost-')
  const texts: Record<string, string> = {}

  beforeAll(async () => {
    const md = await runCli(['build', FIXTURE, '--format', 'md,txt', '-q', '-o', join(dir, 'text')])
    expect(md.code, md.stderr).toBe(0)
    // Markdown escapes punctuation with backslashes; the reader does not see them.
    texts.md = readFileSync(join(dir, 'text/every-field.md'), 'utf8').replace(/\\([\\`*_[\]<>~|#+-])/g, '$1')
    texts.txt = readFileSync(join(dir, 'text/every-field.txt'), 'utf8')
    for (const theme of THEMES) {
      const out = join(dir, theme)
      const run = await runCli(['build', FIXTURE, '--format', 'pdf,html,docx', '-q', '-o', out, '--theme', theme])
      expect(run.code, run.stderr).toBe(0)
      // Every field is shown, so no theme has anything to warn about.
      expect(run.stderr, `${theme}: ${run.stderr}`).toBe('')
      texts[`${theme} html`] = htmlText(readFileSync(join(out, 'every-field.html'), 'utf8'))
      const pdf = await readPdf(join(out, 'every-field.pdf'))
      texts[`${theme} pdf`] = `${pdf.text} ${pdf.links.join(' ')}`
      texts[`${theme} docx`] = docxText(readFileSync(join(out, 'every-field.docx')))
    }
  }, 240_000)

  it('the fixture fills every field of the schema', () => {
    // A field added to the schema must be added to the fixture too, or this test proves nothing about it.
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/resume.schema.json'), 'utf8'))
    const fields = (node: any, path: string): string[] => {
      if (node?.properties) return Object.entries(node.properties).flatMap(([k, v]) => (SKIPPED_KEYS.has(k) || k === '$schema' ? [] : fields(v, path ? `${path}.${k}` : k)))
      if (node?.items && (node.type === 'array' || !node.type)) return fields(node.items, `${path}[]`)
      return [path]
    }
    const filled = new Set(VALUES.map((v) => v.path.replace(/\[\d+\]/g, '[]')))
    const defined = new Set(
      fields(schema, '').map((f) => {
        const ref = f.replace(/\[\]$/, '')
        return filled.has(`${ref}[]`) ? `${ref}[]` : f
      }),
    )
    for (const f of defined)
      expect(
        [...filled].some((p) => p === f || p.startsWith(`${f}[]`) || p.startsWith(`${f}.`)),
        `no value for ${f}`,
      ).toBe(true)
  })

  it.each(['md', 'txt'])('%s shows every value', (format) => {
    expect(missing(texts[format]!)).toEqual([])
  })

  for (const theme of THEMES)
    it.each(['html', 'pdf', 'docx'])(`${theme}: %s shows every value`, (format) => {
      expect(missing(texts[`${theme} ${format}`]!)).toEqual([])
    })

  /** What a reader sees: Markdown's marks and link targets gone. */
  const seen = (name: string): string =>
    (name === 'md' ? texts.md!.replace(/\[([^\]]*)\]\(<[^>]*>\)/g, '$1').replace(/\*\*|(?<!\w)_|_(?!\w)/g, '') : texts[name]!).replace(/\s+/g, ' ')

  it('a skill with a level and no keywords has no dangling colon, in any format', () => {
    for (const name of Object.keys(texts)) {
      const text = seen(name)
      expect(text, name).toMatch(/Incident command \(Seasoned practitioner\)/)
      expect(text, name).not.toMatch(/Seasoned practitioner\)\s*:/)
    }
  })

  it('a project shows its entity as the organisation, and its type and roles', () => {
    for (const name of Object.keys(texts)) {
      const one = seen(name)
      expect(one, name).toMatch(/Lighthouse status pages[^A-Za-z]+Harborlight Collective/)
      expect(one, name).toMatch(/application · Maintainer, Release manager/)
    }
  })
})

describe('a theme that leaves a field out says so in its manifest, and the build names it', () => {
  it('warns once per omitted field the resume fills, naming the field and the theme (FIELD_OMITTED)', async () => {
    const dir = tempDir('vitae-omits-')
    const theme = join(dir, 'templates/terse')
    cpSync(join(ROOT, 'templates/classic'), theme, { recursive: true })
    const manifest = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8'))
    writeFileSync(join(theme, 'theme.json'), JSON.stringify({ ...manifest, name: 'terse', omits: ['work[].description', 'projects[].roles', 'basics.location.postalCode'] }))
    cpSync(FIXTURE, join(dir, 'resume.yaml'))
    const run = await runCli(['build', 'resume.yaml', '--theme', 'templates/terse', '--format', 'html,md', '-o', 'out'], { cwd: dir })
    expect(run.code, run.stderr).toBe(0)
    const omitted = run.stderr.split('\n').filter((l) => l.includes('warning[FIELD_OMITTED]'))
    expect(omitted).toHaveLength(3)
    expect(omitted[0]).toMatch(/the theme terse does not show work\[\]\.description/)
    expect(run.stderr).toMatch(/does not show projects\[\]\.roles/)
    expect(run.stderr).toMatch(/does not show basics\.location\.postalCode/)
    // A resume with nothing in those fields hears nothing.
    cpSync(join(ROOT, 'resume.yaml'), join(dir, 'seed.yaml'))
    const seed = await runCli(['build', 'seed.yaml', '--theme', 'templates/terse', '--format', 'html', '-o', 'out'], { cwd: dir })
    expect(seed.stderr).not.toContain('FIELD_OMITTED')
  })

  it('no built-in theme leaves anything out', () => {
    for (const theme of THEMES) expect(JSON.parse(readFileSync(join(ROOT, 'templates', theme, 'theme.json'), 'utf8')).omits, theme).toBeUndefined()
  })
})
