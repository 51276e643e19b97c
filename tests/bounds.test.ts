import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, FIXTURES, ROOT, runCli, SEED, tempDir } from './helpers.js'

/** Bounds that hold for code and files from outside (issue 24); times are the bench's, not asserted here. */

describe('resume import writes only regular files', () => {
  const input = join(FIXTURES, 'import/legacy-jsonresume.json')

  it('refuses a FIFO even with --force, and leaves it a FIFO', async () => {
    const dir = tempDir()
    const fifo = join(dir, 'pipe.yaml')
    execFileSync('mkfifo', [fifo])
    const r = await runCli(['import', input, '-o', fifo, '--force'], { timeoutMs: 20_000 })
    expect(r.code, r.stderr).toBe(7)
    expect(r.stderr).toContain('error[WRITE_FAILED]')
    expect(r.stderr).toContain('a FIFO')
    expect(statSync(fifo).isFIFO()).toBe(true)
  })

  it('refuses a folder, and creates missing folders for a new file', async () => {
    const dir = tempDir()
    const r = await runCli(['import', input, '-o', dir, '--force'])
    expect(r.code, r.stderr).toBe(7)
    expect(r.stderr).toContain('is a folder')
    const nested = join(dir, 'a/b/resume.yaml')
    const ok = await runCli(['import', input, '-o', nested])
    expect(ok.code, ok.stderr).toBe(0)
    expect(readFileSync(nested, 'utf8')).toContain('basics:')
    expect(existsSync(join(dir, 'a/b'))).toBe(true)
  })
})

/** A copy of the seed with `templates/mine`: classic plus a partial that nests {{#each}} six deep, which never finishes. */
function loopingThemeDir(): string {
  const dir = tempDir()
  cpSync(SEED, join(dir, 'resume.yaml'))
  const theme = join(dir, 'templates/mine')
  cpSync(join(ROOT, 'templates/classic'), theme, { recursive: true })
  const manifest = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8'))
  writeFileSync(join(theme, 'theme.json'), JSON.stringify({ ...manifest, name: 'mine' }))
  writeFileSync(join(theme, 'partials/bomb.hbs'), `${'{{#each @root.view.properties.keywords}}'.repeat(6)}${'{{/each}}'.repeat(6)}\n`)
  const main = readFileSync(join(theme, 'resume.hbs'), 'utf8')
  writeFileSync(join(theme, 'resume.hbs'), main.replace('<main class="resume">', '<main class="resume">\n{{> bomb}}'))
  return dir
}

interface Ended {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * The CLI as a child process; `signal` is sent once stdout or stderr matches `when` (or at once
 * when there is no pattern). SIGKILL only after `killAfterMs`, far past any honest end: a test
 * that needed it fails on the signal, never on a time.
 */
function runUntil(args: string[], cwd: string, opts: { signal?: NodeJS.Signals; when?: RegExp; delayMs?: number; killAfterMs?: number } = {}): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let sent = false
    const send = () => {
      if (sent || !opts.signal) return
      sent = true
      setTimeout(() => child.kill(opts.signal), opts.delayMs ?? 0)
    }
    const check = () => {
      if (!opts.when || opts.when.test(stdout) || opts.when.test(stderr)) send()
    }
    child.stdout.on('data', (d) => {
      stdout += d
      check()
    })
    child.stderr.on('data', (d) => {
      stderr += d
      check()
    })
    if (!opts.when) send()
    const killer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(killer)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

describe('resume dev stops at once, and says what a wide --host exposes', () => {
  it('Ctrl-C during a looping render ends dev with 130, long before the render deadline', async () => {
    const dir = loopingThemeDir()
    // The deadline is far past the kill: ending at all means Ctrl-C was honoured, not the timeout.
    const r = await runUntil(['dev', 'resume.yaml', '--theme', 'mine', '--port', '0', '--timeout', '600'], dir, { signal: 'SIGINT', when: /serving http/, delayMs: 1000 })
    expect(r.signal, r.stderr).toBeNull()
    expect(r.code, r.stderr).toBe(130)
  })

  it('a non-loopback --host warns and names what is served; loopback does not', async () => {
    const dir = tempDir()
    cpSync(SEED, join(dir, 'resume.yaml'))
    const wide = await runUntil(['dev', 'resume.yaml', '--host', '0.0.0.0', '--port', '0'], dir, { signal: 'SIGINT', when: /rebuilt in|error/ })
    expect(wide.signal, wide.stderr).toBeNull()
    expect(wide.stderr).toMatch(/warning: --host 0\.0\.0\.0 serves beyond this machine/)
    expect(wide.stderr).toContain('sees your resume')
    const local = await runUntil(['dev', 'resume.yaml', '--host', '127.0.0.1', '--port', '0'], dir, { signal: 'SIGINT', when: /rebuilt in|error/ })
    expect(local.signal, local.stderr).toBeNull()
    expect(local.stdout).toContain('serving http://127.0.0.1:')
    expect(local.stderr).not.toContain('serves beyond')
  })
})
