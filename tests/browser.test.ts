import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { findBrowser } from '../src/browser/find.js'
import { PROFILE_PREFIX, sweepStaleProfiles } from '../src/browser/profile.js'
import { BIN, ROOT, runCli, seedCopy, tempDir } from './helpers.js'

const browser = findBrowser()
if (!browser.found && process.env.CI) throw new Error(`CI has no browser for the browser tests; tried ${browser.tried.join(', ')}`)

/** An empty file that passes for an executable. */
function fakeExecutable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, '#!/bin/sh\nexit 1\n')
  chmodSync(path, 0o755)
  return path
}

const NOTHING = { VITAE_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '' }

describe('finding a browser', () => {
  it('takes --browser-path first, then VITAE_BROWSER, then PUPPETEER_EXECUTABLE_PATH', () => {
    const dir = tempDir()
    const [a, b, c] = ['a', 'b', 'c'].map((n) => fakeExecutable(join(dir, n)))
    const env = { VITAE_BROWSER: b, PUPPETEER_EXECUTABLE_PATH: c }
    expect(findBrowser({ browserPath: a, env }).found).toEqual({ path: a, source: 'the browserPath option' })
    expect(findBrowser({ env }).found).toEqual({ path: b, source: 'VITAE_BROWSER' })
    expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: c } }).found).toEqual({ path: c, source: 'PUPPETEER_EXECUTABLE_PATH' })
  })

  it('reports a named browser that is not there instead of using another', () => {
    const search = findBrowser({ env: { VITAE_BROWSER: '/nonexistent/chrome' } })
    expect(search.found).toBeUndefined()
    expect(search.missing).toEqual({ path: '/nonexistent/chrome', source: 'VITAE_BROWSER' })
  })

  it("finds the newest chrome-headless-shell in Puppeteer's cache before Chrome for Testing", () => {
    const cache = tempDir()
    fakeExecutable(join(cache, 'chrome/linux-140.0.7339.80/chrome-linux64/chrome'))
    fakeExecutable(join(cache, 'chrome-headless-shell/linux-9.0.1/chrome-headless-shell-linux64/chrome-headless-shell'))
    const newest = fakeExecutable(join(cache, 'chrome-headless-shell/linux-131.0.6778.85/chrome-headless-shell-linux64/chrome-headless-shell'))
    const search = findBrowser({ env: { PUPPETEER_CACHE_DIR: cache, VITAE_CACHE_DIR: tempDir() }, platform: 'linux', arch: 'x64' })
    expect(search.found).toMatchObject({ path: newest, source: "Puppeteer's cache", headlessShell: true })
  })

  it("prefers the headless shell `npm run setup` extracted into vitae's cache to any full browser, and says which it passed over", () => {
    const puppeteer = tempDir()
    const vitae = tempDir()
    const chrome = fakeExecutable(join(puppeteer, 'chrome/linux-150.0.7871.100/chrome-linux64/chrome'))
    fakeExecutable(join(vitae, 'headless-shell/linux-99.0.1/chromium'))
    const shell = fakeExecutable(join(vitae, 'headless-shell/linux-147.0.7727.0/chromium'))
    const env = { PUPPETEER_CACHE_DIR: puppeteer, VITAE_CACHE_DIR: vitae, PATH: '' }
    expect(findBrowser({ env, platform: 'linux', arch: 'x64' }).found).toEqual({ path: shell, source: "vitae's cache", headlessShell: true, preferredTo: chrome })
    // The extracted build is Linux x64 only; elsewhere the full browser it passed over is used.
    expect(findBrowser({ env, platform: 'linux', arch: 'arm64' }).found?.path).not.toBe(shell)
    // A browser the user names wins over any shell.
    const named = fakeExecutable(join(tempDir(), 'chrome'))
    expect(findBrowser({ env: { ...env, VITAE_BROWSER: named }, platform: 'linux', arch: 'x64' }).found).toEqual({ path: named, source: 'VITAE_BROWSER' })
  })

  it('without a headless shell, takes Chrome for Testing from the cache and names no shell', () => {
    const puppeteer = tempDir()
    const chrome = fakeExecutable(join(puppeteer, 'chrome/linux-150.0.7871.100/chrome-linux64/chrome'))
    const search = findBrowser({ env: { PUPPETEER_CACHE_DIR: puppeteer, VITAE_CACHE_DIR: tempDir(), PATH: '' }, platform: 'linux', arch: 'x64' })
    expect(search.found).toEqual({ path: chrome, source: "Puppeteer's cache" })
    expect(search.tried.join(', ')).toContain('chrome-headless-shell on PATH')
  })

  it('knows the cache layout on macOS', () => {
    const cache = tempDir()
    const app = fakeExecutable(join(cache, 'chrome/mac_arm-131.0.6778.85/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'))
    expect(findBrowser({ env: { PUPPETEER_CACHE_DIR: cache }, platform: 'darwin', arch: 'arm64', home: cache }).found?.path).toBe(app)
  })

  it('looks nowhere else with VITAE_BROWSER_SEARCH=none (the test hook)', () => {
    const search = findBrowser({ env: { VITAE_BROWSER_SEARCH: 'none' } })
    expect(search.found).toBeUndefined()
    expect(search.tried.join(', ')).toMatch(/VITAE_BROWSER.*not set/)
  })
})

describe('a missing browser', () => {
  it('is exit 6 with what to do, for --browser-path', async () => {
    const dir = seedCopy()
    const r = await runCli(['build', 'resume.yaml', '--format', 'pdf', '-o', 'out', '--browser-path', '/nonexistent/chrome'], { cwd: dir })
    expect(r.code).toBe(6)
    expect(r.stderr).toContain('error[BROWSER_NOT_FOUND]')
    expect(r.stderr).toContain('/nonexistent/chrome')
    expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace for an expected failure
    expect(existsSync(join(dir, 'out/resume.pdf'))).toBe(false)
  })

  it('is exit 6 naming what was tried and how to get one, when discovery finds nothing', async () => {
    const dir = seedCopy()
    const r = await runCli(['build', 'resume.yaml', '--format', 'pdf', '-o', 'out'], { cwd: dir, env: { ...NOTHING, VITAE_BROWSER_SEARCH: 'none' } })
    expect(r.code).toBe(6)
    expect(r.stderr).toContain('error[BROWSER_NOT_FOUND]')
    expect(r.stderr).toContain('VITAE_BROWSER')
    expect(r.stderr).toContain('apt-get install chromium')
    expect(r.stderr).toContain('npx @puppeteer/browsers install chrome-headless-shell@stable')
  })

  it('is exit 6 when the browser will not start', async () => {
    const dir = seedCopy()
    const r = await runCli(['build', 'resume.yaml', '--format', 'pdf', '-o', 'out', '--browser-path', '/bin/false'], { cwd: dir, env: { TMPDIR: tempDir() } })
    expect(r.code).toBe(6)
    expect(r.stderr).toContain('error[BROWSER_LAUNCH]')
  })
})

describe('stale profiles', () => {
  it('are removed once their process is gone, and only then', () => {
    const tmp = tempDir()
    const saved = process.env.TMPDIR
    process.env.TMPDIR = tmp
    try {
      const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim()
      const old = Date.now() / 1000 - 3600
      const stale = join(tmp, `${PROFILE_PREFIX}${dead}-abc`)
      const fresh = join(tmp, `${PROFILE_PREFIX}${dead}-def`)
      const live = join(tmp, `${PROFILE_PREFIX}${process.pid}-ghi`)
      for (const dir of [stale, fresh, live]) mkdirSync(join(dir, 'Default'), { recursive: true })
      for (const dir of [stale, live]) utimesSync(dir, old, old)
      sweepStaleProfiles()
      expect(existsSync(stale)).toBe(false)
      expect(existsSync(fresh)).toBe(true) // young: maybe another PID namespace's live build
      expect(existsSync(live)).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
    }
  })
})

/** Browser processes whose profile lives under `tmp`, i.e. those one CLI run started. */
function browsers(tmp: string): string[] {
  // /proc, not pgrep: a bare Debian has no procps.
  const flag = `--user-data-dir=${join(tmp, PROFILE_PREFIX)}`
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false
    try {
      // As pgrep -f: the whole command line (Chrome rewrites its children's into one string).
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(flag)
    } catch {
      return false // gone meanwhile
    }
  })
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (check()) return true
    await sleep(25)
  }
  return check()
}

const profiles = (tmp: string): string[] => readdirSync(tmp).filter((f) => f.startsWith(PROFILE_PREFIX))

/**
 * Starts a PDF build with its own TMPDIR, so its browser can be told from any other. A child process
 * (not `runCli`): these tests send it signals and kill it, and look for its browser by its pid.
 */
function startBuild(args: string[] = []) {
  const dir = seedCopy()
  const tmp = tempDir()
  const child = spawn(process.execPath, [BIN, 'build', 'resume.yaml', '--format', 'pdf', '-o', 'out', ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { dir, tmp, child, exit, stderr: () => stderr }
}

describe.skipIf(!browser.found)('the browser is always closed', () => {
  it('after a build', async () => {
    const run = startBuild()
    expect((await run.exit).code, run.stderr()).toBe(0)
    expect(browsers(run.tmp)).toEqual([])
    expect(profiles(run.tmp)).toEqual([])
  })

  it('after a print that times out (exit 6, RENDER_TIMEOUT)', async () => {
    const run = startBuild(['--timeout', '0.2'])
    expect((await run.exit).code).toBe(6)
    expect(run.stderr()).toContain('error[RENDER_TIMEOUT]')
    expect(await until(() => browsers(run.tmp).length === 0, 2000)).toBe(true)
    expect(profiles(run.tmp)).toEqual([])
  })

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`after ${signal} mid-render (exit ${code})`, async () => {
      // Every variant, so the build is surely still printing when the browser reports ready.
      const run = startBuild(['--all-variants', '--verbose'])
      expect(await until(() => run.stderr().includes('pdf: browser ready'), 20_000), 'the browser started').toBe(true)
      expect(browsers(run.tmp).length).toBeGreaterThan(0)
      run.child.kill(signal)
      const exit = await run.exit
      expect(exit.code, `${JSON.stringify(exit)}\n${run.stderr()}`).toBe(code)
      expect(await until(() => browsers(run.tmp).length === 0, 2000)).toBe(true)
      expect(profiles(run.tmp)).toEqual([])
    })
  }

  it('after the CLI is killed outright (the pipe closes, Chrome quits)', async () => {
    const run = startBuild(['--all-variants', '--verbose'])
    expect(await until(() => run.stderr().includes('pdf: browser ready'), 20_000), 'the browser started').toBe(true)
    expect(browsers(run.tmp).length).toBeGreaterThan(0)
    run.child.kill('SIGKILL')
    await run.exit
    expect(await until(() => browsers(run.tmp).length === 0, 5000)).toBe(true)
  })
})

describe.skipIf(!browser.found)('npm run setup', () => {
  it('keeps a browser named in VITAE_BROWSER, installs nothing, and says so in one line', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/setup-browser.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, ...NOTHING, VITAE_BROWSER: browser.found?.path },
    })
    expect(out.trim().split('\n')).toHaveLength(1)
    expect(out).toContain(`${browser.found?.path} (VITAE_BROWSER)`)
  })

  // With a full browser alone, setup goes on to install a headless shell: not a test's business.
  it.skipIf(!browser.found?.headlessShell)('reports the headless shell it finds, in one line', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/setup-browser.mjs')], { encoding: 'utf8', env: { ...process.env, ...NOTHING } })
    expect(out.trim().split('\n')).toHaveLength(1)
    expect(out).toContain(browser.found?.path)
  })
})
