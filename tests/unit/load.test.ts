import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadBytes, loadFile, loadText, MAX_ALIAS_VALUES, MAX_DEPTH, MAX_INPUT_BYTES } from '../../src/core/load.js'
import { placeOf } from '../../src/core/source.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { ROOT } from '../helpers.js'

// Reading resume.yaml: what a user sees is either the data or every problem, each at its place.

/** The diagnostics a load throws, as code, line and column (the kind of error must be "input": exit 3). */
function problems(load: () => unknown): Array<[string, number | undefined, number | undefined]> {
  try {
    load()
  } catch (error) {
    expect(error).toMatchObject({ kind: 'input' })
    return (error as { diagnostics: Diagnostic[] }).diagnostics.map((d) => [d.code, d.line, d.column])
  }
  throw new Error('the load succeeded')
}

const firstProblem = (load: () => unknown): Diagnostic => {
  try {
    load()
  } catch (error) {
    return (error as { diagnostics: Diagnostic[] }).diagnostics[0]!
  }
  throw new Error('the load succeeded')
}

describe('load: YAML 1.2, read the way a reader expects', () => {
  it('returns the data with the file name it was given', () => {
    const source = loadText('basics:\n  name: Ada\n', 'resume.yaml')
    expect(source.data).toEqual({ basics: { name: 'Ada' } })
    expect(source.file).toBe('resume.yaml')
  })

  it('keeps yes, no, on and off as text and 0755 as a number, as YAML 1.2 says', () => {
    const { data } = loadText('a: yes\nb: off\nc: 0755\nd: 2024-01\ne: ~\n', 'r.yaml')
    expect(data).toEqual({ a: 'yes', b: 'off', c: 755, d: '2024-01', e: null })
  })

  it('refuses a %YAML 1.1 directive, at the directive, rather than read values another way', () => {
    expect(problems(() => loadText('%YAML 1.1\n---\na: yes\n', 'r.yaml'))).toEqual([['YAML_VERSION', 1, 1]])
    expect(loadText('%YAML 1.2\n---\na: yes\n', 'r.yaml').data).toEqual({ a: 'yes' })
  })

  it('accepts aliases for repeated text', () => {
    expect(loadText('a: &x hello\nb: *x\n', 'r.yaml').data).toEqual({ a: 'hello', b: 'hello' })
  })
})

describe('load: syntax errors, each at the place to fix', () => {
  it('a tab used to indent: the line and column of the tab', () => {
    const d = firstProblem(() => loadText('basics:\n\tname: Ada\n', 'r.yaml'))
    expect([d.code, d.line, d.column]).toEqual(['YAML_SYNTAX', 2, 1])
    expect(d.message).toBe('tabs cannot indent YAML; use spaces')
  })

  it('an unclosed quote: the opening quote, not the end of the file', () => {
    const d = firstProblem(() => loadText('basics:\n  name: "Ada\n  email: a@b.co\nwork: []\n', 'r.yaml'))
    expect([d.code, d.line, d.column]).toEqual(['YAML_SYNTAX', 2, 9])
    expect(d.message).toBe('a quoted string is never closed')
  })

  it('an unclosed [ or {: the opening bracket, not the end of the file', () => {
    const seq = firstProblem(() => loadText('basics:\n  name: Ada\nskills:\n  - keywords: [Go, Rust\n', 'r.yaml'))
    expect([seq.code, seq.line, seq.column, seq.message]).toEqual(['YAML_SYNTAX', 4, 15, 'this [ is never closed with ]'])
    const map = firstProblem(() => loadText('basics: {name: Ada\n', 'r.yaml'))
    expect([map.line, map.column, map.message]).toEqual([1, 9, 'this { is never closed with }'])
  })

  it('a key written twice: the second one, which would otherwise silently win', () => {
    expect(problems(() => loadText('basics:\n  name: A\n  name: B\n', 'r.yaml'))).toEqual([['DUPLICATE_KEY', 3, 3]])
  })

  it('two keys that only differ by quoting ("1" and 1, "true" and true) are the same key once read', () => {
    expect(problems(() => loadText('x-a:\n  1: one\n  "1": uno\n', 'r.yaml'))).toEqual([['DUPLICATE_KEY', 3, 3]])
    const d = firstProblem(() => loadText('x-a:\n  true: yes\n  "true": no\n', 'r.yaml'))
    expect(d.message).toContain('read as "true"')
  })

  it('reports every problem of a file in one run, in file order', () => {
    const text = 'a: 1\na: 2\nb:\n  c: 1\n  c: 2\n'
    expect(problems(() => loadText(text, 'r.yaml'))).toEqual([
      ['DUPLICATE_KEY', 2, 1],
      ['DUPLICATE_KEY', 5, 3],
    ])
  })
})

describe('load: what YAML allows but a resume must not use', () => {
  it.each([
    // At the tagged value, where tests/diagnostics.test.ts places it too (not at the tag itself).
    ['a custom tag', 'basics: !!python/object { name: A }\n', 'YAML_TAG', 1, 25],
    ['a merge key', 'base: &b { name: A }\nbasics:\n  <<: *b\n', 'MERGE_KEY', 3, 3],
    ['__proto__', 'basics:\n  __proto__: { admin: true }\n', 'FORBIDDEN_KEY', 2, 3],
    ['an alias to no anchor', 'basics:\n  name: *nobody\n', 'UNDEFINED_ALIAS', 2, 9],
    ['a list as the whole file', '- a\n- b\n', 'ROOT_NOT_MAPPING', 1, 1],
    ['a second document', 'basics: { name: A }\n---\nbasics: { name: B }\n', 'MULTIPLE_DOCUMENTS', 2, 1],
  ])('%s', (_what, text, code, line, column) => {
    expect(problems(() => loadText(text, 'r.yaml'))).toEqual([[code, line, column]])
  })

  it('an empty file, or one of comments only, holds no resume', () => {
    expect(problems(() => loadText('', 'r.yaml'))).toEqual([['EMPTY_DOCUMENT', 1, 1]])
    expect(problems(() => loadText('# nothing yet\n', 'r.yaml'))).toEqual([['EMPTY_DOCUMENT', 1, 1]])
  })

  it('an alias inside the value it names would be endless: refused at the alias', () => {
    expect(problems(() => loadText('a: &x\n  b: *x\n', 'r.yaml'))).toEqual([['ALIAS_CYCLE', 2, 6]])
  })

  it('an alias bomb is refused at the alias that crosses the bound, not expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 6; i++)
      lines.push(
        `${'abcdefg'[i]}: &${'abcdefg'[i]} [${Array(10)
          .fill(`*${'abcdefg'[i - 1]}`)
          .join(', ')}]`,
      )
    const d = firstProblem(() => loadText(`${lines.join('\n')}\n`, 'r.yaml'))
    // a stands for 10 values, b for 10 x 11, c for 10 x 111, d for 10 x 1,111: past 10,000 in all at d.
    expect([d.code, d.line]).toEqual(['ALIAS_LIMIT', 4])
    expect(d.message).toContain(`at most ${MAX_ALIAS_VALUES} values`)
  })

  it(`nesting deeper than ${MAX_DEPTH} levels is refused, without exhausting the stack`, () => {
    const flow = `${'['.repeat(MAX_DEPTH + 50)}${']'.repeat(MAX_DEPTH + 50)}`
    expect(problems(() => loadText(`a: ${flow}\n`, 'r.yaml')).map(([code]) => code)).toEqual(['TOO_DEEP'])
    expect(() => loadText(`a: ${'['.repeat(20)}${']'.repeat(20)}\n`, 'r.yaml')).not.toThrow()
  })
})

describe('load: bytes and files', () => {
  it('refuses UTF-16 at 1:1, saying how to save it', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('basics: {}\n', 'utf16le')])
    const d = firstProblem(() => loadBytes(utf16, 'r.yaml'))
    expect([d.code, d.line, d.column]).toEqual(['NOT_UTF8', 1, 1])
    expect(d.hint).toContain('UTF-8')
  })

  it('places a Latin-1 byte at its line, and its column in characters, not bytes', () => {
    const bytes = Buffer.concat([Buffer.from('basics:\n  name: Zoë \u2014 '), Buffer.from([0xe9]), Buffer.from('\n')])
    const d = firstProblem(() => loadBytes(bytes, 'r.yaml'))
    expect([d.code, d.line, d.column]).toEqual(['NOT_UTF8', 2, 15])
    expect(d.message).toContain('0xE9')
  })

  it('drops a byte order mark at the start', () => {
    expect(loadBytes(Buffer.from('\uFEFFbasics: { name: A }\n'), 'r.yaml').data).toEqual({ basics: { name: 'A' } })
  })

  it(`refuses a file over ${MAX_INPUT_BYTES} bytes before parsing it`, () => {
    expect(problems(() => loadBytes(Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20), 'r.yaml'))).toEqual([['INPUT_TOO_LARGE', undefined, undefined]])
  })

  it('names a missing file or a folder by the name the user gave, with no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitae-load-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    await expect(loadFile(join(dir, 'nope.yaml'), 'nope.yaml')).rejects.toMatchObject({
      kind: 'input',
      diagnostics: [{ code: 'FILE_NOT_FOUND', message: 'cannot find nope.yaml', file: 'nope.yaml' }],
    })
    await expect(loadFile(dir, 'cv')).rejects.toMatchObject({ diagnostics: [{ code: 'FILE_UNREADABLE', message: 'cv is a folder, not a file' }] })
    writeFileSync(join(dir, 'ok.yaml'), 'basics: { name: A }\n')
    expect((await loadFile(join(dir, 'ok.yaml'), 'ok.yaml')).data).toEqual({ basics: { name: 'A' } })
  })
})

// A .json resume is read with JSON.parse when the full reader would have nothing to say about it;
// its places are found (by the full reader) only when a diagnostic asks for one.
describe('load: a clean .json file takes the quick path, with the same data and places', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)
  const sample = readFileSync(join(ROOT, 'node_modules/@jsonresume/schema/sample.resume.json'), 'utf8')
  const legacy = readFileSync(join(ROOT, 'tests/fixtures/import/legacy-jsonresume.json'), 'utf8')

  it('gives the data the YAML reader gives, for real JSON Resume files, tabs and escapes included', () => {
    for (const text of [sample, legacy, JSON.stringify(JSON.parse(sample), null, '\t'), '{"basics":{"name":"A\\u00e9\\"\\\\","x":[1,2.5e3,true,null,{}]}}']) {
      const quick = loadBytes(bytes(text), 'r.json')
      expect(quick.data).toEqual(loadText(text, 'r.json').data)
      // quick: no YAML tree until one is asked for
      expect(Object.getOwnPropertyDescriptor(quick, 'doc')?.get).toBeTypeOf('function')
    }
  })

  it('finds a place in it, on demand, where the full reader does', () => {
    const text = '{\n  "basics": {\n    "name": "A",\n    "emial": "a@b.c"\n  }\n}\n'
    const quick = loadBytes(bytes(text), 'r.json')
    expect(placeOf(quick, ['basics', 'emial'])).toEqual(placeOf(loadText(text, 'r.json'), ['basics', 'emial']))
    expect(placeOf(quick, ['basics', 'emial'])).toMatchObject({ line: 4 })
  })

  it('leaves to the full reader what JSON.parse would pass over: a repeated key, __proto__, deep nesting, bad syntax', () => {
    expect(problems(() => loadBytes(bytes('{"basics": {"name": "A", "name": "B"}}'), 'r.json'))).toEqual([['DUPLICATE_KEY', 1, 26]])
    expect(problems(() => loadBytes(bytes('{"basics": {"\\u006eame": "A", "name": "B"}}'), 'r.json')).map((p) => p[0])).toEqual(['DUPLICATE_KEY'])
    expect(problems(() => loadBytes(bytes('{"__proto__": {"x": 1}}'), 'r.json')).map((p) => p[0])).toEqual(['FORBIDDEN_KEY'])
    const deep = `{"a":${'['.repeat(MAX_DEPTH + 5)}${']'.repeat(MAX_DEPTH + 5)}}`
    expect(problems(() => loadBytes(bytes(deep), 'r.json')).map((p) => p[0])).toContain('TOO_DEEP')
    expect(problems(() => loadBytes(bytes('{"basics": {"name": "A",}'), 'r.json')).length).toBeGreaterThan(0)
    // a key-like string in a value is not a key: no false repeat
    expect(loadBytes(bytes('{"a": "name", "b": ["name", "name"], "name": 1}'), 'r.json').data).toEqual({ a: 'name', b: ['name', 'name'], name: 1 })
  })
})
