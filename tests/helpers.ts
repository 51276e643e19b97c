import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'
import type { Io } from '../src/cli/io.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const BIN = join(ROOT, 'bin/resume.js')
export const FIXTURES = join(ROOT, 'tests/fixtures')
export const SEED = join(ROOT, 'resume.yaml')

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  /** Set for the run (an undefined value unsets the variable); NO_COLOR is always set. */
  env?: NodeJS.ProcessEnv
  /** Standard input: only a child process has one, so a run given input goes to `runBin`. */
  input?: string
  /** Only a child process can be killed, so a run given a time limit goes to `runBin`. */
  timeoutMs?: number
}

/**
 * Runs the CLI's `main()` from src/ in this process, as `resume ARGS` would run: its own working
 * folder and environment for the duration of the call, stdout and stderr captured through the Io
 * the commands write to. A change in src/ is seen without a rebuild, and a run costs no Node start.
 * What only a real process has (signals, the bin's exit code, a stdin, a kill after a timeout)
 * belongs to `runBin`.
 */
export async function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  if (options.input !== undefined || options.timeoutMs !== undefined) return runBin(args, options)
  const { main } = await import('../src/cli/main.js')
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', ...options.env }
  return withProcessState(options.cwd ?? ROOT, env, async () => {
    let stdout = ''
    let stderr = ''
    const io: Io = { out: (text) => (stdout += `${text}\n`), err: (text) => (stderr += `${text}\n`), color: false, debug: args.includes('--debug') }
    const code = await main([process.execPath, BIN, ...args], io)
    return { code, stdout, stderr }
  })
}

/** Runs the real bin/resume.js (the compiled CLI in lib/) as a child process, as a user would. */
export function runBin(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? '')
  })
}

/**
 * The working folder and the environment belong to the whole process: in-process runs that need
 * different ones take turns, while runs that need the same ones (a test's Promise.all of two builds
 * in one folder) may overlap. Both are put back after each run, and so is process.exitCode.
 */
let current: { key: string; running: number; done: Promise<void>; release: () => void } | undefined

async function withProcessState<T>(cwd: string, env: NodeJS.ProcessEnv, run: () => Promise<T>): Promise<T> {
  const key = JSON.stringify([cwd, Object.entries(env).sort(([a], [b]) => a.localeCompare(b))])
  while (current && current.key !== key) await current.done
  if (!current) {
    let release = () => {}
    const done = new Promise<void>((resolve) => (release = resolve))
    const saved = { cwd: process.cwd(), exitCode: process.exitCode, env: Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]])) }
    process.chdir(cwd)
    setEnv(env)
    current = {
      key,
      running: 0,
      done,
      release: () => {
        process.chdir(saved.cwd)
        setEnv(saved.env)
        process.exitCode = saved.exitCode
        current = undefined
        release()
      },
    }
  }
  const state = current
  state.running++
  try {
    return await run()
  } finally {
    if (--state.running === 0) state.release()
  }
}

function setEnv(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}

/** A fresh temporary folder, removed after the test file finishes. */
export function tempDir(prefix = 'vitae-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A temporary copy of the seed resume, so tests can build without touching the repository's dist/. */
export function seedCopy(): string {
  const dir = tempDir()
  cpSync(SEED, join(dir, 'resume.yaml'))
  return dir
}
