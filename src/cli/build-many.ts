import { createHash } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, extname, join, relative, resolve } from 'node:path'
import { nowMs } from '../core/clock.js'
import { type Diagnostic, isVitaeError, VitaeError } from '../diagnostics/diagnostic.js'
import { BrowserHolder, type BuildResult, build, DEFAULT_TIMEOUT_MS, sourceDate } from '../pipeline/index.js'
import { artifactLine, jsonReport } from './build.js'
import { EXIT_CODES, exitCodeOf } from './exit-codes.js'
import { formatMs, type Io, inCliTerms, printDiagnostics } from './io.js'
import { type BuildFlags, buildOptions } from './options.js'

export interface ManyFlags extends BuildFlags {
  jobs?: number
  shard?: Shard
}

/** `--shard 2/4`: the second of four parts of the list. */
export interface Shard {
  index: number
  count: number
}

const usage = (message: string, hint?: string): VitaeError => new VitaeError('usage', [{ code: 'BAD_FLAG', severity: 'error', message, hint }])

/** The files a resume build reads in a folder: YAML and JSON beside each other, not package manifests or hidden files. */
const RESUME_FILE = /\.(ya?ml|json)$/i
const NOT_A_RESUME = new Set(['package.json', 'package-lock.json', 'tsconfig.json'])

/** Files as given, folders as the resume files directly inside them (sorted); each file once. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = []
  for (const input of inputs) {
    let folder = false
    try {
      folder = statSync(input).isDirectory()
    } catch {
      // A missing file is the build's to report, with its place in the list.
    }
    if (!folder) files.push(input)
    else
      files.push(
        ...readdirSync(input)
          .filter((name) => RESUME_FILE.test(name) && !name.startsWith('.') && !NOT_A_RESUME.has(name))
          .sort()
          .map((name) => join(input, name)),
      )
  }
  return [...new Map(files.map((f) => [resolve(f), f])).values()]
}

/**
 * The files of one shard. A file's shard follows from its path (relative to the working folder)
 * alone, so it lands in the same shard whatever else is in the list and on whichever machine.
 */
export function inShard(files: readonly string[], shard: Shard): string[] {
  const of = (file: string) =>
    createHash('sha256')
      .update(relative(process.cwd(), resolve(file)).split('\\').join('/'))
      .digest()
      .readUInt32BE(0) % shard.count
  return files.filter((file) => of(file) === shard.index - 1)
}

/** `i/n` with 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(m?.[1])
  const count = Number(m?.[2])
  if (!m || count < 1 || index < 1 || index > count) throw usage(`--shard ${JSON.stringify(text)} is not a shard`, 'write it as i/n, from 1/n to n/n, e.g. --shard 2/4')
  return { index, count }
}

interface Outcome {
  file: string
  code: number
  result?: BuildResult
  error?: Diagnostic[]
}

/**
 * `resume build a.yaml b.yaml people/`: every resume, each a build of its own, in `jobs` lanes
 * that each keep one browser for all their resumes (tabs are recycled, so memory stays flat). One
 * that fails does not stop the others; the exit code is the worst of them.
 */
export async function runBuildMany(inputs: readonly string[], flags: ManyFlags, io: Io): Promise<number> {
  const started = nowMs()
  const all = expandInputs(inputs)
  const files = flags.shard ? inShard(all, flags.shard) : all
  if (all.length === 0) throw usage(`no resume files in ${inputs.join(', ')}`, 'give resume files (.yaml, .yml, .json) or folders that hold them')
  const clash = outputClash(files)
  if (clash) throw usage(`${clash[0]} and ${clash[1]} would write the same outputs`, 'rename one, or build them into different --out folders')
  const quiet = flags.quiet || flags.json
  const jobs = Math.max(1, Math.min(flags.jobs ?? availableParallelism(), files.length || 1))
  const date = sourceDate()
  const outcomes: Outcome[] = []
  const queue = [...files.entries()]
  const lane = async () => {
    const options = buildOptions(files[0] ?? '', flags)
    const browser = new BrowserHolder({
      browserPath: options.browserPath,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      log: flags.verbose ? (m) => io.err(m) : () => undefined,
    })
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [index, file] = next
        outcomes[index] = await buildOne(file, flags, io, { browser, sourceDate: date, quiet: Boolean(quiet) })
      }
    } finally {
      await browser.close()
    }
  }
  await Promise.all(Array.from({ length: jobs }, lane))

  const failed = outcomes.filter((o) => o.code !== EXIT_CODES.ok)
  const code = worst(outcomes.map((o) => o.code))
  if (flags.json) {
    io.out(
      JSON.stringify(
        {
          ok: code === EXIT_CODES.ok,
          exitCode: code,
          shard: flags.shard ? `${flags.shard.index}/${flags.shard.count}` : null,
          resumes: outcomes.map((o) => ({
            file: o.file,
            ...(o.result ? jsonReport(o.result, o.code) : { ok: false, exitCode: o.code, artifacts: [], failures: [], diagnostics: (o.error ?? []).map(inCliTerms) }),
          })),
        },
        null,
        2,
      ),
    )
  } else if (!flags.quiet) {
    const artifacts = outcomes.reduce((n, o) => n + (o.result?.artifacts.length ?? 0), 0)
    const shard = flags.shard ? ` (shard ${flags.shard.index}/${flags.shard.count} of ${all.length})` : ''
    io.out(
      `${files.length} resume${files.length === 1 ? '' : 's'}${shard}: ${files.length - failed.length} built, ${failed.length} failed; ${artifacts} artifact${artifacts === 1 ? '' : 's'} in ${formatMs(nowMs() - started)}`,
    )
    for (const o of failed) io.err(`failed: ${o.file} (exit ${o.code})`)
  }
  return code
}

async function buildOne(file: string, flags: ManyFlags, io: Io, context: { browser: BrowserHolder; sourceDate?: Date; quiet: boolean }): Promise<Outcome> {
  try {
    const result = await build({
      ...buildOptions(file, flags),
      sourceDate: context.sourceDate,
      browser: context.browser,
      log: flags.verbose ? (message) => io.err(message) : undefined,
      onArtifact: (a) => {
        if (!context.quiet) io.out(artifactLine(a))
      },
      onFailure: (f) => {
        if (!flags.json) printDiagnostics(io, f.error.diagnostics)
      },
    })
    if (!flags.json) printDiagnostics(io, result.diagnostics, new Map([[result.source.file, result.source.text]]))
    const first = result.failures[0]
    return { file, code: first ? exitCodeOf(first.error.kind) : EXIT_CODES.ok, result }
  } catch (error) {
    if (!isVitaeError(error)) {
      // One resume's bug is reported, and the others still build.
      const message = error instanceof Error ? error.message : String(error)
      io.err(`${file}: internal error: ${message}`)
      return { file, code: EXIT_CODES.internal, error: [] }
    }
    printDiagnostics(io, error.diagnostics)
    return { file, code: exitCodeOf(error.kind), error: error.diagnostics }
  }
}

/** An internal error (a bug) outranks everything; otherwise the highest code, the furthest stage that failed. */
const worst = (codes: number[]): number => (codes.includes(EXIT_CODES.internal) ? EXIT_CODES.internal : Math.max(EXIT_CODES.ok, ...codes))

/** Two resumes whose outputs would share names (people/a/resume.yaml and people/b/resume.yaml). */
function outputClash(files: readonly string[]): [string, string] | undefined {
  const seen = new Map<string, string>()
  for (const file of files) {
    const stem = basename(file, extname(file))
    const other = seen.get(stem)
    if (other) return [other, file]
    seen.set(stem, file)
  }
  return undefined
}
