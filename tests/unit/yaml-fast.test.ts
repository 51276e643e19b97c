import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadText, MAX_DEPTH } from '../../src/core/load.js'
import { nodeAt, type Path, type Source } from '../../src/core/source.js'
import { readPlainYaml } from '../../src/core/yaml-fast.js'

const ROOT = join(import.meta.dirname, '../..')

/** The full reader's verdict: its data, or the codes of what it reports. */
function full(text: string): { data?: unknown; codes?: string[] } {
  try {
    return { data: loadText(text, 'r.yaml').data }
  } catch (error) {
    const diagnostics = (error as { diagnostics?: Array<{ code: string }> }).diagnostics
    if (!diagnostics) throw error
    return { codes: diagnostics.map((d) => d.code) }
  }
}

const fast = (text: string): Source | undefined => readPlainYaml(text, 'r.yaml', MAX_DEPTH, () => loadText(text, 'r.yaml'))

/** The shortcut either steps aside or gives exactly the full reader's data, for a file it accepts. */
function agrees(text: string): boolean {
  const quick = fast(text)
  if (quick === undefined) return true
  const verdict = full(text)
  expect(verdict.codes, `the full reader reports ${verdict.codes} for ${JSON.stringify(text)}, the shortcut read it`).toBeUndefined()
  expect(quick.data).toEqual(verdict.data)
  return true
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : yamlFiles(path)
    return /\.ya?ml$/.test(name) ? [path] : []
  })
}

// Scalars where YAML 1.2's core schema, or the two libraries, could read differently.
// biome-ignore format: a table, read across
const SCALARS = [
  'text', 'two words', '1', '-1', '+1', '01', '0o17', '0x1F', '0b101', '1_000', '1.5', '1.', '.5', '1e3', '1e+3', '1e400', '-1e400',
  '.inf', '-.Inf', '.NaN', 'nan', 'true', 'True', 'tRue', 'yes', 'no', 'on', 'null', 'Null', '~', '2024-03', '2024-03-01',
  '2024-03-01T10:00:00Z', '12:30', '"quoted"', "'single'", '"esc \\t \\u00e9 \\x41"', "'it''s'", 'a #not comment', 'a: b',
  '*alias', '&anchor x', '!tag x', '!!str 12', '!!int "7"', '!!binary aGk=', '[1, 2]', '{a: 1}', '[a, [b]]', '{a: {b: c}}',
  '|\n  line\n  two\n', '>-\n  folded\n  text\n', '|+\n  keep\n\n', '>2\n   indented\n', '', '"multi\n  line"', 'plain\n  continued',
  'C++ & Go', '**bold** text', 'R&D', '<<', '"__proto__"', 'é漢字', '-', '- x', '? x', '%x', '@x', '`x`',
]
const KEYS = ['name', 'summary', 'a b', 'null', '~', '1', '"1"', '1.0', 'true', '"true"', '<<', '__proto__', '"__proto__"', "'q'", '[a]', '{a: 1}', '? k', 'é', 'name']

/** A document made of mappings and lists written in block style, with scalars from SCALARS. */
const documents = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { minLength: 1, maxLength: 4 }).map((pairs) => ({ kind: 'map', pairs }) as never),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq', items }) as never),
  ),
})).node

function write(node: unknown, indent: number): string {
  const pad = ' '.repeat(indent)
  if (typeof node === 'string') return node.includes('\n') ? node.replace(/\n(?=.)/g, `\n${pad}  `) : node
  const n = node as { kind: 'map'; pairs: Array<[string, unknown]> } | { kind: 'seq'; items: unknown[] }
  if (n.kind === 'map') return `\n${n.pairs.map(([k, v]) => `${pad}${k}: ${write(v, indent + 2)}`).join('\n')}`
  return `\n${n.items.map((v) => `${pad}- ${write(v, indent + 2)}`).join('\n')}`
}

describe('YAML shortcut (js-yaml events, the full tree on demand)', () => {
  it('reads the seed, the examples and every fixture as the full reader does', () => {
    const files = [join(ROOT, 'resume.yaml'), ...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests/fixtures')), ...yamlFiles(join(ROOT, 'letters'))]
    let taken = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      agrees(text)
      if (fast(text)) taken++
    }
    expect(files.length).toBeGreaterThan(50)
    // Most of them are the kind of file the shortcut is for; the seed among them.
    expect(taken / files.length).toBeGreaterThan(0.5)
    expect(fast(readFileSync(join(ROOT, 'resume.yaml'), 'utf8'))).toBeDefined()
  })

  it('places values as the full tree does: the same lines, and each value inside its node', () => {
    const files = [join(ROOT, 'resume.yaml'), ...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests/fixtures'))]
    let checked = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const quick = fast(text)
      if (!quick) continue
      const tree = loadText(text, file)
      expect(quick.lineCounter.lineStarts).toEqual(tree.lineCounter.lineStarts)
      const visit = (value: unknown, path: Path) => {
        const range = nodeAt(tree, path)?.range
        const span = quick.spanAt?.(path)
        // Where it says the tree's node starts, it does.
        if (span?.node !== undefined) expect(span.node, `${file} ${path.join('.')}`).toBe(range?.[0])
        if (value !== null && typeof value === 'object') {
          expect(span?.node, `${file} ${path.join('.')}`).toBeDefined()
          for (const [key, child] of Object.entries(value)) visit(child, [...path, Array.isArray(value) ? Number(key) : key])
        } else if (typeof value === 'string' && range) {
          // A text: its span is the node's range but for what the range adds (quotes, an indicator line).
          expect(span, `${file} ${path.join('.')}`).toBeDefined()
          expect(text.slice(range[0], span!.text[0])).toMatch(/^(?:["']|[|>][-+0-9]*[^\n]*\n)?$/)
          expect(text.slice(span!.text[1], range[1])).toMatch(/^["']?$/)
          checked++
        }
      }
      visit(quick.data, [])
    }
    expect(checked).toBeGreaterThan(500)
  })

  it('steps aside or agrees on generated files', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom('\n', '\r\n'), (node, newline) => agrees(`${write(node, 0).replace(/^\n/, '')}\n`.replace(/\n/g, newline))),
      { numRuns: 2500 },
    )
  })

  it('steps aside or agrees on character soup', () => {
    const soup = fc.array(fc.constantFrom(...'ab1 :-\n\r\t#&*!|>"\'[]{},?%@`~.e+_<\\\u00a0\u2028\ufeff\u0085\u000b\u0000\u007f'.split(''), 'null', 'true', '0x', '  ', '\r\n'), {
      maxLength: 30,
    })
    fc.assert(
      fc.property(soup, (chars) => agrees(`a: ${chars.join('')}`) && agrees(chars.join(''))),
      { numRuns: 3000 },
    )
  })

  it('leaves to the full reader what it must report at a place', () => {
    for (const text of [
      'a: 1\na: 2\n', // DUPLICATE_KEY
      'a: &x [1]\nb: *x\n', // aliases are counted and checked there
      'a: !foo x\n', // YAML_TAG
      '<<: {a: 1}\n', // MERGE_KEY
      '__proto__: 1\n', // FORBIDDEN_KEY
      '%YAML 1.1\n---\na: yes\n', // YAML_VERSION
      'a: 1\n---\nb: 2\n', // MULTIPLE_DOCUMENTS
      '- a\n', // ROOT_NOT_MAPPING
      '# only a comment\n', // EMPTY_DOCUMENT
      '[a]: 1\n', // a key that is a list
      'null: x\n', // keys the two read differently
      'a: 1e400\n',
    ]) {
      expect(fast(text), text).toBeUndefined()
    }
  })

  it('makes the full tree only when a place is asked for', () => {
    const text = 'basics:\n  name: Ada\nwork:\n  - name: Analytical Engines\n'
    const quick = fast(text)!
    expect(quick.data).toEqual({ basics: { name: 'Ada' }, work: [{ name: 'Analytical Engines' }] })
    expect(quick.lineCounter.linePos(text.indexOf('Analytical'))).toEqual({ line: 4, col: 11 })
    expect(quick.doc.contents).not.toBeNull()
  })
})
