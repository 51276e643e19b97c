import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { Io } from '../src/cli/io.js'
import { main } from '../src/cli/main.js'
import { runBin, SEED, tempDir } from './helpers.js'

// Mutations of the seed resume, fed to `resume validate`. Whatever the input, the CLI must answer
// like a tool, not crash like a program: never exit 1, never a stack trace, a file:line:col for
// every input problem, and whatever it accepts must build.
//
// Replay a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run tests/fuzz.test.ts
// More cases: FUZZ_RUNS=5000.

const SEED_NUMBER = Number(process.env.FUZZ_SEED ?? 20241113)
const RUNS = Number(process.env.FUZZ_RUNS ?? 400)
const CHILD_RUNS = Math.max(1, Math.round(RUNS / 16))

const seedText = readFileSync(SEED, 'utf8')
const _seedLines = seedText.split('\n')

// ---------------------------------------------------------------------------------------------
// Mutations: each is data (so fast-check can shrink it and print it), applied to the seed's bytes.

const KEYS = [
  'margins',
  'page',
  'locale',
  'theme',
  'sections',
  'headings',
  'startDate',
  'endDate',
  'date',
  'url',
  'email',
  'phone',
  'username',
  'tags',
  'excludeTags',
  'highlights',
  'keywords',
  'set',
  'maxHighlights',
  'output',
  'description',
  'name',
  'text',
  'x-mine',
  'variants',
  'meta',
  'basics',
  'work',
  '__proto__',
  'constructor',
  'toString',
  '"basics.label"',
  '"work[0].highlights[9]"',
  '"work[99]"',
]
const SCALARS = [
  '0',
  '99in',
  '4in',
  '0.5in',
  '12mm',
  '1e3pt',
  'a4',
  'letter',
  'de-DE',
  'ar',
  'zz',
  '[work, work]',
  '[skills]',
  '{ top: 9in }',
  '{ work: X }',
  '{ tags: [nope] }',
  '42',
  '-1',
  '3.5',
  '1e309',
  '.nan',
  'true',
  'false',
  'null',
  '~',
  '[]',
  '{}',
  '""',
  "''",
  '2024-13',
  '2024-02-30',
  '0x1F',
  '0o17',
  '"\\u0001"',
  '"\\uD800"',
  '|',
  '>',
  '&a x',
  '*a',
  '!!str x',
  '!foo x',
  '<<: {}',
  'javascript:alert(1)',
  '"a\\u202Eb"',
  '"\\u200B"',
]

const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '\u0000',
    '\t',
    '\r',
    '\r\n',
    '\uFEFF',
    '\u202E',
    '\u200D',
    '\u00AD',
    '\uFFFE',
    '\u2028',
    '- ',
    ': ',
    '#',
    '"',
    "'",
    '[',
    '{',
    '&x ',
    '*x',
    '%YAML 1.1\n',
    '---\n',
    '...\n',
    '? ',
    '|\n',
    '`',
  ),
)

// Weighted so that not every input dies in the YAML parser: type changes and line edits reach
// the schema, the linter, the variants and the renderers.
const mutation = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: unicodeText }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('scalar' as const),
      line: fc.nat(),
      value: fc.oneof(
        fc.constantFrom(...SCALARS),
        unicodeText.map((t) => JSON.stringify(t)),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), key: fc.constantFrom(...KEYS), value: fc.constantFrom(...SCALARS) }) },
)
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function apply(input: Buffer, m: Mutation): Buffer {
  if (m.kind === 'bytes' || m.kind === 'text' || m.kind === 'truncate') {
    const at = input.length === 0 ? 0 : m.at % (input.length + 1)
    if (m.kind === 'truncate') return input.subarray(0, at)
    const insert = m.kind === 'bytes' ? Buffer.from(m.bytes) : Buffer.from(m.text, 'utf8')
    return Buffer.concat([input.subarray(0, at), insert, input.subarray(at)])
  }
  const lines = input.toString('latin1').split('\n') // latin1: byte-exact round trip
  if (lines.length === 0) return input
  const i = m.line % lines.length
  if (m.kind === 'delete') lines.splice(i, 1)
  else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]!)
  else if (m.kind === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!]
  else if (m.kind === 'indent') lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '')
  else if (m.kind === 'insert') {
    // A key beside an existing one, at its indent: reaches meta, variants and entries.
    const indent = /^(\s*(?:- )?)/.exec(lines[i]!)![1]!.replace('- ', '  ')
    lines.splice(i, 0, `${indent}${m.key}: ${Buffer.from(m.value, 'utf8').toString('latin1')}`)
  } else if (m.kind === 'scalar') {
    const value = Buffer.from(m.value, 'utf8').toString('latin1')
    lines[i] = /^(\s*(?:- )?[\w$-]+:)\s.*$/.test(lines[i]!) ? lines[i]!.replace(/^(\s*(?:- )?[\w$-]+:)\s.*$/, `$1 ${value}`) : lines[i]!.replace(/^(\s*- ).*$/, `$1${value}`)
  }
  return Buffer.from(lines.join('\n'), 'latin1')
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 })
const mutate = (ms: Mutation[]): Buffer => ms.reduce(apply, Buffer.from(seedText, 'utf8'))

// ---------------------------------------------------------------------------------------------

interface Outcome {
  code: number | null
  stderr: string
  stdout: string
}

function memoryIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), color: false, debug: false }
}

async function inProcess(argv: string[]): Promise<Outcome> {
  const io = memoryIo()
  const code = await main(['node', 'resume', ...argv], io)
  return { code, stderr: io.stderr.join('\n'), stdout: io.stdout.join('\n') }
}

/** What must hold for any input; returns what went wrong, or '' when all is well. */
async function check(file: string, validate: Outcome, dir: string): Promise<string> {
  const { code, stderr } = validate
  if (code === 1) return `validate exited 1 (internal error):\n${stderr}`
  if (/internal error/i.test(stderr) || /^ {4}at /m.test(stderr)) return `validate printed a stack or an internal error (exit ${code}):\n${stderr}`
  if (code !== 0 && code !== 2) {
    const place = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error\\[`)
    if (!place.test(stderr)) return `exit ${code} without a file:line:col:\n${stderr}`
  }
  if (code === 0) {
    const built = await inProcess(['build', file, '--format', 'html,docx', '-q', '-o', join(dir, 'out')])
    if (built.code !== 0) return `validate accepted it, but build --format html,docx exited ${built.code}:\n${built.stderr}`
    // validate checks the variants too, so each of them must build as well.
    if (/^variants:/m.test(readFileSync(file, 'latin1'))) {
      const all = await inProcess(['build', file, '--all-variants', '--format', 'html,docx', '-q', '-o', join(dir, 'variants')])
      if (all.code !== 0) return `validate accepted it, but build --all-variants --format html,docx exited ${all.code}:\n${all.stderr}`
    }
  }
  return ''
}

let counter = 0
function caseFile(root: string, bytes: Buffer): { dir: string; file: string } {
  const dir = join(root, String(counter++))
  mkdirSync(dir)
  const file = join(dir, 'resume.yaml')
  writeFileSync(file, bytes)
  return { dir, file }
}

/** Runs the property; on failure prints the seed, the mutations and the input, ready to replay. */
async function fuzz(name: string, runs: number, seed: number, run: (file: string, dir: string) => Promise<Outcome>) {
  const root = tempDir('vitae-fuzz-')
  let failure: { input: string; problem: string } | undefined
  const codes = new Map<number | null, number>()
  const diagnosticCodes = new Map<string, number>()
  console.log(`fuzz ${name}: seed ${seed}, ${runs} runs (replay with FUZZ_SEED=${seed})`)
  try {
    await fc.assert(
      fc.asyncProperty(mutations, async (ms) => {
        const bytes = mutate(ms)
        const { dir, file } = caseFile(root, bytes)
        const outcome = await run(file, dir)
        codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1)
        for (const m of outcome.stderr.matchAll(/(?:error|warning)\[([A-Z_0-9]+)\]/g)) diagnosticCodes.set(m[1]!, (diagnosticCodes.get(m[1]!) ?? 0) + 1)
        const problem = await check(file, outcome, dir)
        if (problem) failure = { input: bytes.toString('utf8'), problem }
        return problem === ''
      }),
      { seed, numRuns: runs, endOnFailure: false },
    )
    // What the runs exercised, so a fuzzer that only ever hits one path shows it.
    const list = (m: Map<unknown, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ×${n}`)
        .join(', ')
    console.log(`fuzz ${name}: exit codes ${list(codes)}; diagnostics ${list(diagnosticCodes)}`)
  } catch (error) {
    const detail = failure ? `\nthe smallest failing input (as JSON):\n${JSON.stringify(failure.input)}\n${failure.problem}` : ''
    throw new Error(`fuzz ${name} failed with seed ${seed} (replay: FUZZ_SEED=${seed} npx vitest run tests/fuzz.test.ts)${detail}\n\n${(error as Error).message}`)
  }
}

describe('fuzz: mutations of the seed resume', () => {
  it(`resume validate in-process answers every one like a tool (${RUNS} runs)`, { timeout: 120_000 }, async () => {
    await fuzz('in-process', RUNS, SEED_NUMBER, (file) => inProcess(['validate', file]))
  })

  it(`and so does the real CLI, as a child process (${CHILD_RUNS} runs)`, { timeout: 120_000 }, async () => {
    await fuzz('child process', CHILD_RUNS, SEED_NUMBER + 1, (file, dir) => runBin(['validate', file], { cwd: dir }))
  })
})
