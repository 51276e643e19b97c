import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Frame, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../src/browser/find.js'
import { PROFILE_PREFIX } from '../src/browser/profile.js'
import { BrowserSession } from '../src/browser/session.js'
import { AbortError, type DevRebuilder, type DevResult } from '../src/dev/rebuilder.js'
import { RebuildScheduler } from '../src/dev/scheduler.js'
import { BIN, ROOT, runCli, seedCopy } from './helpers.js'

const found = findBrowser()
if (!found.found && process.env.CI) throw new Error(`CI has no browser for the dev tests; tried ${found.tried.join(', ')}`)

/** `resume dev` as a child process, as a user runs it. */
interface Dev {
  child: ChildProcess
  url: string
  stdout(): string
  stderr(): string
  exit: Promise<number | null>
  /** Resolves when stdout (or stderr) has matched `pattern` `count` times in all. */
  waitFor(pattern: RegExp, count?: number, stream?: 'stdout' | 'stderr'): Promise<void>
}

const running = new Set<Dev>()

// A child process (not `runCli`): dev runs until stopped, and the tests stop it with SIGINT and
// look for its browser by its pid; in-process it would take this test process's signals.
async function startDev(dir: string, args: string[] = []): Promise<Dev> {
  const child = spawn(process.execPath, [BIN, 'dev', 'resume.yaml', '--port', '0', ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const text = { stdout: '', stderr: '' }
  const waiters: Array<() => void> = []
  const poke = () => {
    for (const w of [...waiters]) w()
  }
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    text.stdout += d
    poke()
  })
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    text.stderr += d
    poke()
  })
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const waitFor = (pattern: RegExp, count = 1, stream: 'stdout' | 'stderr' = 'stdout') =>
    new Promise<void>((resolve, reject) => {
      const global = new RegExp(pattern.source, 'g')
      const check = () => {
        if ((text[stream].match(global)?.length ?? 0) >= count) {
          waiters.splice(waiters.indexOf(check), 1)
          resolve()
        }
      }
      waiters.push(check)
      exit.then(() => reject(new Error(`resume dev exited before ${pattern}:\n${text.stdout}\n${text.stderr}`)))
      check()
    })
  const dev: Dev = { child, url: '', stdout: () => text.stdout, stderr: () => text.stderr, exit, waitFor }
  running.add(dev)
  exit.then(() => running.delete(dev))
  await waitFor(/serving (http:\/\/\S+)/)
  dev.url = /serving (http:\/\/\S+)/.exec(text.stdout)![1]!
  return dev
}

/** Ctrl-C, as a user would; SIGKILL only if it does not go (a test failed half-way). */
async function stopDev(dev: Dev): Promise<number | null> {
  dev.child.kill('SIGINT')
  const timer = setTimeout(() => dev.child.kill('SIGKILL'), 10_000)
  const code = await dev.exit
  clearTimeout(timer)
  return code
}

/** A GET with the path exactly as given: fetch() would normalise `/../` away before sending it. */
function rawGet(base: string, path: string): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

const chromeOf = (pid: number): number[] => {
  const r = spawnSync('pgrep', ['-f', `${PROFILE_PREFIX}${pid}-`], { encoding: 'utf8' })
  return r.stdout.split('\n').filter(Boolean).map(Number)
}

describe.skipIf(!found.found)('resume dev', () => {
  let browser: Browser

  beforeAll(async () => {
    const { default: puppeteer } = await import('puppeteer-core')
    const root = process.getuid?.() === 0
    browser = await puppeteer.launch({ executablePath: found.found!.path, headless: true, args: root ? ['--no-sandbox'] : [] })
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all([...running].map(stopDev))
  })

  /** The shell page, and the frame that shows the document now. */
  async function open(dev: Dev): Promise<Page> {
    const page = await browser.newPage()
    await page.goto(dev.url)
    await page.waitForFunction(() => Number(document.documentElement.dataset.version) >= 1)
    return page
  }
  const waitVersion = (page: Page, v: number) => page.waitForFunction((n) => Number(document.documentElement.dataset.version) >= n, {}, v)
  const shownFrame = async (page: Page): Promise<Frame> => {
    const handle = await page.$('#html iframe.shown')
    return (await handle!.contentFrame())!
  }
  const documentText = async (page: Page) => (await shownFrame(page)).evaluate(() => document.body.textContent ?? '')

  it('shows the resume, and each save without reloading the page', async () => {
    const dir = seedCopy()
    const dev = await startDev(dir)
    const page = await open(dev)
    expect(await documentText(page)).toContain('Hayes Zhao')
    // A full refresh would lose this; a swapped frame keeps it.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))

    const file = join(dir, 'resume.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('label: Computer Engineer', 'label: Principal Tinkerer'))
    await waitVersion(page, 2)
    expect(await documentText(page)).toContain('Principal Tinkerer')
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42)
    // The document carries its strict policy; the live reload lives in the shell only.
    const doc = await rawGet(dev.url, '/document.html')
    expect(doc.headers['content-security-policy']).toMatch(/^default-src 'none'/)
    expect(doc.body.toString()).not.toMatch(/<script/i)
    await page.close()
    expect(await stopDev(dev)).toBe(0)
  })

  it("shows a bad save's diagnostics with their source line, keeps the last good version, and clears on the fix", async () => {
    const dir = seedCopy()
    const dev = await startDev(dir)
    const page = await open(dev)
    const file = join(dir, 'resume.yaml')
    const good = readFileSync(file, 'utf8')
    const lines = good.split('\n')
    const line = lines.findIndex((l) => l.includes('startDate: 2024-03')) + 1
    expect(line).toBeGreaterThan(0)
    writeFileSync(file, good.replace('startDate: 2024-03', 'startDate: 2024-13'))

    await page.waitForFunction(() => document.documentElement.dataset.state === 'error')
    const problems = await page.$eval('#problems', (el) => (el as HTMLElement).textContent)
    const column = lines[line - 1]!.indexOf('2024-03') + 1
    expect(problems).toContain(`resume.yaml:${line}:${column}: error[DATE_FORMAT]`)
    // The source line as saved, and a caret under the column.
    expect(problems).toContain(` ${line} | ${lines[line - 1]!.replace('2024-03', '2024-13')}\n`)
    expect(problems).toContain(`| ${' '.repeat(column - 1)}^`)
    await dev.waitFor(new RegExp(`resume.yaml:${line}:${column}: error\\[DATE_FORMAT\\]`), 1, 'stderr')
    // Still the last good document, in the page and on the server.
    expect(await page.evaluate(() => document.documentElement.dataset.version)).toBe('1')
    expect(await documentText(page)).toContain('Hayes Zhao')
    expect((await rawGet(dev.url, '/document.html')).status).toBe(200)

    writeFileSync(file, good.replace('label: Computer Engineer', 'label: Fixed Again'))
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ok')
    await waitVersion(page, 2)
    expect(await page.$eval('#problems', (el) => (el as HTMLElement).hidden)).toBe(true)
    expect(await documentText(page)).toContain('Fixed Again')
    await page.close()
    expect(await stopDev(dev)).toBe(0)
  })

  it('sees edits to the theme (its CSS) and to variants/ beside the resume', async () => {
    const dir = seedCopy()
    cpSync(join(ROOT, 'templates/classic'), join(dir, 'templates/classic'), { recursive: true })
    const dev = await startDev(dir, ['--variant', 'solo'])
    // No such variant yet: a usage problem shown in the page, until variants/solo.yaml appears.
    await dev.waitFor(/there is no variant "solo"/, 1, 'stderr')
    const page = await browser.newPage()
    await page.goto(dev.url)
    await page.waitForFunction(() => document.documentElement.dataset.state === 'error')
    mkdirSync(join(dir, 'variants'))
    writeFileSync(join(dir, 'variants/solo.yaml'), 'description: Just me\nset:\n  basics.label: Solo Variant\n')
    await waitVersion(page, 1)
    expect(await documentText(page)).toContain('Solo Variant')

    const css = join(dir, 'templates/classic/style.css')
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n.resume { outline: 7px solid rgb(1, 2, 3); }\n`)
    await waitVersion(page, 2)
    const outline = await (await shownFrame(page)).$eval('.resume', (el) => getComputedStyle(el).outlineColor)
    expect(outline).toBe('rgb(1, 2, 3)')
    await page.close()
    expect(await stopDev(dev)).toBe(0)
  })

  it('--letter previews the cover letter, and sees edits to letters/ beside the resume', async () => {
    const dir = seedCopy()
    cpSync(join(ROOT, 'letters'), join(dir, 'letters'), { recursive: true })
    const dev = await startDev(dir, ['--letter', 'northwind'])
    const page = await open(dev)
    expect(await documentText(page)).toContain('Dear Hiring Manager,')
    const file = join(dir, 'letters/northwind.yaml')
    writeFileSync(file, `${readFileSync(file, 'utf8')}salutation: Dear Ms. Reyes,\n`)
    await waitVersion(page, 2)
    expect(await documentText(page)).toContain('Dear Ms. Reyes,')
    await page.close()
    expect(await stopDev(dev)).toBe(0)
  })

  it('folds a burst of saves into one rebuild', async () => {
    const dir = seedCopy()
    const dev = await startDev(dir)
    await dev.waitFor(/rebuilt in/)
    const file = join(dir, 'resume.yaml')
    const good = readFileSync(file, 'utf8')
    // An editor's save: truncate, write, write again.
    writeFileSync(file, '')
    writeFileSync(file, good.replace('label: Computer Engineer', 'label: Burst One'))
    writeFileSync(file, good.replace('label: Computer Engineer', 'label: Burst Two'))
    await dev.waitFor(/rebuilt in/, 2)
    // A later save is the third rebuild: had the burst made two, this would be the fourth line.
    writeFileSync(file, good.replace('label: Computer Engineer', 'label: After'))
    await dev.waitFor(/rebuilt in/, 3)
    const doc = (await rawGet(dev.url, '/document.html')).body.toString()
    expect(doc).toContain('After')
    expect(dev.stdout().match(/rebuilt in/g)).toHaveLength(3)
    expect(dev.stderr()).not.toContain('error[')
    expect(await stopDev(dev)).toBe(0)
  })

  it('a save caught between truncating and writing is not reported as an empty resume', async () => {
    const dir = seedCopy()
    const dev = await startDev(dir)
    await dev.waitFor(/rebuilt in/)
    const file = join(dir, 'resume.yaml')
    const good = readFileSync(file, 'utf8')
    // A slow save: the file stays empty past the debounce (30 ms), then is written.
    writeFileSync(file, '')
    await new Promise((r) => setTimeout(r, 45))
    writeFileSync(file, good.replace('label: Computer Engineer', 'label: Slow Save'))
    await dev.waitFor(/rebuilt in/, 2)
    expect((await rawGet(dev.url, '/document.html')).body.toString()).toContain('Slow Save')
    expect(dev.stderr()).not.toContain('EMPTY_DOCUMENT')
    // A file left empty is reported, after the wait.
    writeFileSync(file, '')
    await dev.waitFor(/EMPTY_DOCUMENT/, 1, 'stderr')
    expect(await stopDev(dev)).toBe(0)
  })

  it('serves the document, the shell and the events, and no file from disk', async () => {
    const dir = seedCopy()
    const dev = await startDev(dir)
    await dev.waitFor(/rebuilt in/)
    expect((await rawGet(dev.url, '/')).status).toBe(200)
    expect((await rawGet(dev.url, '/document.html?v=1')).status).toBe(200)
    for (const path of [
      '/../package.json',
      '/%2e%2e/',
      '/%2e%2e/package.json',
      '//etc/passwd',
      '/resume.yaml',
      '/document.html/../../package.json',
      '/..%2fpackage.json',
      '/document.pdf',
      '/C:/Windows/win.ini',
    ]) {
      const r = await rawGet(dev.url, path)
      expect(r.status, path).toBe(404)
      expect(r.body.toString(), path).toBe('not found\n')
    }
    expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(await stopDev(dev)).toBe(0)
  })

  it('with --format pdf reprints on each save in one warm browser, and Ctrl-C leaves no Chrome behind', async () => {
    const dir = seedCopy()
    const dev = await startDev(dir, ['--format', 'pdf'])
    await dev.waitFor(/rebuilt in/)
    const first = await rawGet(dev.url, '/document.pdf')
    expect(first.status).toBe(200)
    expect(first.body.subarray(0, 5).toString()).toBe('%PDF-')
    const chrome = chromeOf(dev.child.pid!)
    expect(chrome.length).toBeGreaterThan(0)

    const file = join(dir, 'resume.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('label: Computer Engineer', 'label: Printed Twice'))
    await dev.waitFor(/rebuilt in/, 2)
    const second = await rawGet(dev.url, '/document.pdf')
    expect(second.headers['x-document-version']).toBe('2')
    expect(Buffer.compare(first.body, second.body)).not.toBe(0)
    // The same browser: its processes are the ones that printed the first PDF.
    expect(chromeOf(dev.child.pid!)).toEqual(expect.arrayContaining([Math.min(...chrome)]))

    expect(await stopDev(dev)).toBe(0)
    expect(chromeOf(dev.child.pid!)).toEqual([])
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`${PROFILE_PREFIX}${dev.child.pid}-`))).toEqual([])
  })

  it('Ctrl-C during a build exits 130, and still leaves no Chrome behind', async () => {
    const dir = seedCopy()
    // The first PDF build starts Chrome: it is still running when the URL is printed.
    const dev = await startDev(dir, ['--format', 'pdf'])
    expect(await stopDev(dev)).toBe(130)
    expect(dev.stdout()).not.toMatch(/rebuilt in/)
    expect(chromeOf(dev.child.pid!)).toEqual([])
  })
})

// `resume dev --format pdf` reprints every save in one tab (each document swapped in for the last,
// src/browser/document.ts): a tab that kept what it no longer shows grew Chrome by 1.6 MiB a save.
describe.skipIf(!found.found)('the tab that prints each save', () => {
  it('holds only the document it shows, however many it has printed', async () => {
    const dir = seedCopy()
    expect((await runCli(['build', 'resume.yaml', '--format', 'html', '-q', '-o', 'out'], { cwd: dir })).code).toBe(0)
    const html = readFileSync(join(dir, 'out/resume.html'), 'utf8')
    const mm = { value: 15, unit: 'mm' } as const
    const settings = { size: 'a4', margins: { top: mm, right: mm, bottom: mm, left: mm } } as const
    const session = new BrowserSession({ timeoutMs: 30_000, log: () => undefined, collect: true })
    try {
      const print = (i: number) => session.print(html.replace('Computer Engineer', `Computer Engineer ${i}`), settings)
      // Fewer than the prints after which a tab is replaced by a fresh one (RECYCLE_TAB_AFTER).
      for (let i = 1; i <= 12; i++) await print(i)
      // The one it shows, and at most one on its way out (kept 13 documents and all their nodes).
      expect((await session.printTabCounters()).documents).toBeLessThanOrEqual(2)
    } finally {
      await session.close()
    }
  })
})

describe('rebuild scheduling', () => {
  it('a rebuild asked for while another runs aborts it, and only the newer result counts', async () => {
    const signals: AbortSignal[] = []
    const finish: Array<(r: DevResult) => void> = []
    const rebuilder: DevRebuilder = {
      rebuild: (signal) => {
        signals.push(signal)
        return new Promise((resolve, reject) => {
          finish.push(resolve)
          signal.addEventListener('abort', () => reject(new AbortError()))
        })
      },
      watchPaths: () => [],
      dispose: async () => undefined,
    }
    const done: string[] = []
    const scheduler = new RebuildScheduler(
      rebuilder,
      ({ result, version }) => done.push(`${version}:${result.ok ? result.html : 'failed'}`),
      (e) => done.push(`crash ${e}`),
    )
    scheduler.request()
    expect(scheduler.busy).toBe(true)
    scheduler.request()
    expect(signals[0]!.aborted).toBe(true)
    expect(signals[1]!.aborted).toBe(false)
    finish[0]!({ ok: true, html: 'old', warnings: [] })
    finish[1]!({ ok: true, html: 'new', warnings: [] })
    await new Promise((r) => setTimeout(r, 0))
    expect(done).toEqual(['1:new'])
    expect(scheduler.busy).toBe(false)
    await scheduler.close()
  })
})
