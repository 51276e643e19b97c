import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { containedPath } from '../src/core/contained.js'
import { BIN, ROOT, type RunResult, runCli, seedCopy, tempDir } from './helpers.js'

/** A copy of the classic theme beside a seed copy, as `templates/mine`, for a test to break. */
function ownTheme(): { dir: string; theme: string } {
  const dir = seedCopy()
  const theme = join(dir, 'templates/mine')
  cpSync(join(ROOT, 'templates/classic'), theme, { recursive: true })
  const manifest = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8'))
  writeFileSync(join(theme, 'theme.json'), JSON.stringify({ ...manifest, name: 'mine' }))
  return { dir, theme }
}

/** A theme whose template nests {{#each}} six deep over every skill keyword: it never finishes. */
function loopingTheme(): string {
  const { dir, theme } = ownTheme()
  const over = '@root.view.properties.keywords'
  writeFileSync(join(theme, 'partials/bomb.hbs'), `${`{{#each ${over}}}`.repeat(6)}${'{{/each}}'.repeat(6)}\n`)
  const main = readFileSync(join(theme, 'resume.hbs'), 'utf8')
  writeFileSync(join(theme, 'resume.hbs'), main.replace('<main class="resume">', '<main class="resume">\n{{> bomb}}'))
  return dir
}

interface Timed extends RunResult {
  ms: number
  pid: number
}

/** The CLI as a child process (signals and a kill need one), with a signal sent `signalAfterMs` after it starts. */
function runTimed(args: string[], cwd: string, signal?: { name: NodeJS.Signals; afterMs: number }): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000)
    const signaller = signal ? setTimeout(() => child.kill(signal.name), signal.afterMs) : undefined
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(killer)
      clearTimeout(signaller)
      resolve({ code, stdout, stderr, ms: performance.now() - started, pid: child.pid! })
    })
  })
}

/** Browsers still running with a profile of the CLI process `pid` (src/browser/profile.ts names them). */
function browsersOf(pid: number): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
  return ps.split('\n').filter((line) => line.includes(`vitae-chrome-${pid}-`))
}

const hasChromium = existsSync('/usr/bin/chromium')
const tempsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp')) : [])

describe('templates run where a deadline and a signal can stop them', () => {
  it('a looping template is RENDER_TIMEOUT (exit 6) within the timeout plus a second, in HTML', async () => {
    const dir = loopingTheme()
    const r = await runTimed(['build', '--format', 'html', '--theme', 'mine', '--timeout', '2'], dir)
    expect(r.code, r.stderr).toBe(6)
    expect(r.stderr).toContain('error[RENDER_TIMEOUT]')
    // The process starts (~0.2 s) before the deadline's clock does; a busy machine adds a little.
    expect(r.ms).toBeLessThan(2000 + 1500)
  })

  it.skipIf(!hasChromium)('and in a PDF build, which leaves no browser behind, and still writes the DOCX', async () => {
    const dir = loopingTheme()
    const r = await runTimed(['build', '--format', 'pdf,docx', '--theme', 'mine', '--timeout', '3'], dir)
    expect(r.code, r.stderr).toBe(6)
    expect(r.stderr).toContain('error[RENDER_TIMEOUT]')
    // Chrome's start and a busy machine add to the process's own start: within 2.5 s of the deadline.
    expect(r.ms).toBeLessThan(3000 + 2500)
    expect(existsSync(join(dir, 'dist/resume.docx'))).toBe(true)
    expect(browsersOf(r.pid)).toEqual([])
  })

  it.skipIf(!hasChromium)('SIGTERM while a template runs ends the build at once with 143, and its browser with it', async () => {
    const dir = loopingTheme()
    const r = await runTimed(['build', '--format', 'pdf', '--theme', 'mine', '--timeout', '30'], dir, { name: 'SIGTERM', afterMs: 1500 })
    expect(r.code, r.stderr).toBe(143)
    expect(r.ms).toBeLessThan(1500 + 1500)
    expect(browsersOf(r.pid)).toEqual([])
  })

  it('Ctrl-C while a template runs ends the build with 130', async () => {
    const dir = loopingTheme()
    const r = await runTimed(['build', '--format', 'html', '--theme', 'mine'], dir, { name: 'SIGINT', afterMs: 1000 })
    expect(r.code, r.stderr).toBe(130)
    expect(r.ms).toBeLessThan(1000 + 1500)
    expect(existsSync(join(dir, 'dist/resume.html'))).toBe(false)
  })
})

describe('temporary files of atomic writes', () => {
  it('a signal during a write removes the temporary file', async () => {
    const dir = tempDir()
    // The library's writeAtomic and the CLI's signal handling, with a write long enough to land in.
    const script = join(dir, 'write.mjs')
    writeFileSync(
      script,
      `import { writeAtomic } from ${JSON.stringify(join(ROOT, 'lib/core/write.js'))}
import { exitOnSignals } from ${JSON.stringify(join(ROOT, 'lib/cli/signals.js'))}
exitOnSignals()
await writeAtomic(${JSON.stringify(join(dir, 'out/big.bin'))}, Buffer.alloc(400 * 1024 * 1024, 1))
`,
    )
    mkdirSync(join(dir, 'out'))
    const child = spawn(process.execPath, [script], { stdio: 'ignore' })
    const code = await new Promise<number | null>((resolve) => {
      const poll = setInterval(() => {
        if (tempsIn(join(dir, 'out')).length > 0) {
          clearInterval(poll)
          child.kill('SIGTERM')
        }
      }, 2)
      child.on('close', (c) => {
        clearInterval(poll)
        resolve(c)
      })
    })
    expect(code).toBe(143)
    expect(tempsIn(join(dir, 'out'))).toEqual([])
    expect(existsSync(join(dir, 'out/big.bin'))).toBe(false)
  })

  it('a build removes the temporary files of dead builds in its output folder, and no one else’s', async () => {
    const dir = seedCopy()
    const out = join(dir, 'dist')
    mkdirSync(out)
    let dead = 4_000_000
    while (existsSync(`/proc/${dead}`)) dead++
    const stale = `.resume.html.${dead}.0badf00d.tmp`
    const live = `.resume.html.${process.pid}.00c0ffee.tmp`
    const other = '.notes.tmp'
    for (const name of [stale, live, other]) writeFileSync(join(out, name), 'x')
    utimesSync(join(out, stale), new Date(0), new Date(0))
    const { code, stderr } = await runCli(['build', '--format', 'html'], { cwd: dir })
    expect(code, stderr).toBe(0)
    expect(tempsIn(out).sort()).toEqual([other, live].sort())
  })
})

describe('a theme reads only inside its folder, symlinks resolved', () => {
  it('a partial that links to /etc/passwd is exit 5 naming it, and nothing is written', async () => {
    const { dir, theme } = ownTheme()
    symlinkSync('/etc/passwd', join(theme, 'partials/leak.hbs'))
    const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', 'mine'], { cwd: dir })
    expect(code).toBe(5)
    expect(stderr).toContain('error[THEME]')
    expect(stderr).toContain('partials/leak.hbs')
    expect(stderr).not.toContain('root:')
    expect(existsSync(join(dir, 'dist/resume.html'))).toBe(false)
  })

  it('so is a stylesheet, a font and a partials folder that link outside', async () => {
    for (const [file, link] of [
      ['style.css', '/etc/hostname'],
      ['fonts/source-sans-3-latin-400-normal.woff2', '/etc/hostname'],
      ['partials', '/etc'],
    ] as const) {
      const { dir, theme } = ownTheme()
      execFileSync('rm', ['-rf', join(theme, file)])
      symlinkSync(link, join(theme, file))
      const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', 'mine'], { cwd: dir })
      expect(code, file).toBe(5)
      expect(stderr, file).toContain(`the theme file ${file} is a link to ${link}, outside the theme folder`)
    }
  })

  it('links inside the folder, and a theme folder that is itself a link, are fine', async () => {
    const { dir, theme } = ownTheme()
    execFileSync('mv', [join(theme, 'style.css'), join(theme, 'real.css')])
    symlinkSync('real.css', join(theme, 'style.css'))
    const linked = join(dir, 'templates/linked')
    symlinkSync(theme, linked)
    const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', './templates/linked'], { cwd: dir })
    expect(code, stderr).toBe(0)
  })

  it('containedPath resolves links in the root and in the path', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'root'))
    writeFileSync(join(dir, 'root/a.txt'), 'a')
    writeFileSync(join(dir, 'b.txt'), 'b')
    symlinkSync(join(dir, 'b.txt'), join(dir, 'root/out.txt'))
    symlinkSync(join(dir, 'root'), join(dir, 'alias'))
    expect(containedPath(join(dir, 'alias'), 'a.txt').ok).toBe(true)
    expect(containedPath(join(dir, 'root'), 'out.txt')).toMatchObject({ ok: false, reason: 'outside' })
    expect(containedPath(join(dir, 'root'), '../b.txt')).toMatchObject({ ok: false, reason: 'outside' })
    expect(containedPath(join(dir, 'root'), 'missing.txt')).toEqual({ ok: false, reason: 'missing' })
  })
})

describe('a browser that does not speak the DevTools protocol', () => {
  /** A "browser" that opens its CDP pipe and writes `body` (JavaScript run with fd 4 as `out`). */
  function fakeBrowser(body: string): string {
    const file = join(tempDir(), 'fake-chrome')
    writeFileSync(file, `#!${process.execPath}\nconst fs = require('node:fs')\n${body}\n`)
    chmodSync(file, 0o755)
    return file
  }

  const cases = {
    'writes something other than JSON': ["fs.writeSync(4, 'this is not json\\0'); setInterval(() => {}, 1000)", 'is not a DevTools message'],
    'writes without ever ending a message': [
      "const out = fs.createWriteStream(null, { fd: 4 }); const chunk = Buffer.alloc(1 << 20, 120); const pump = () => { while (out.write(chunk)); }; out.on('drain', pump); out.on('error', () => process.exit(0)); pump()",
      'without ending a message',
    ],
  }
  for (const [name, [body, says]] of Object.entries(cases)) {
    it(`one that ${name} is BROWSER_LAUNCH (exit 6), and the build's other formats are written`, async () => {
      const dir = seedCopy()
      const { code, stderr } = await runCli(['build', '--format', 'pdf,html,docx', '--browser-path', fakeBrowser(body)], { cwd: dir })
      expect(code, stderr).toBe(6)
      expect(stderr).toContain('error[BROWSER_LAUNCH]')
      expect(stderr).toContain(says)
      expect(stderr).not.toMatch(/^\s+at /m)
      expect(existsSync(join(dir, 'dist/resume.html'))).toBe(true)
      expect(existsSync(join(dir, 'dist/resume.docx'))).toBe(true)
      expect(existsSync(join(dir, 'dist/resume.pdf'))).toBe(false)
    })
  }
})

describe('remote references are refused, and said so', () => {
  function remoteTheme(): string {
    const { dir, theme } = ownTheme()
    let main = readFileSync(join(theme, 'resume.hbs'), 'utf8')
    // Without the theme's own policy: the build must add one.
    main = main.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '')
    main = main.replace('<style>', '<link rel="stylesheet" href="https://fonts.example/x.css">\n<style>')
    main = main.replace('<main class="resume">', '<main class="resume">\n<img src="http://images.example/me.png" alt="">')
    writeFileSync(join(theme, 'resume.hbs'), main)
    writeFileSync(join(theme, 'style.css'), `@import url(http://styles.example/more.css);\n${readFileSync(join(theme, 'style.css'), 'utf8')}`)
    return dir
  }
  const urls = ['http://images.example/me.png', 'http://styles.example/more.css', 'https://fonts.example/x.css']

  it('the HTML gets a policy that forbids fetching, and one warning lists every reference', async () => {
    const dir = remoteTheme()
    const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', 'mine'], { cwd: dir })
    expect(code, stderr).toBe(0)
    expect(stderr.match(/warning\[REMOTE_REFUSED\]/g)).toHaveLength(1)
    for (const url of urls) expect(stderr).toContain(url)
    // It says what became of them in what this build wrote: no PDF was printed.
    expect(stderr).toContain('the HTML forbids fetching them')
    expect(stderr).not.toContain('the PDF was printed without them')
    const html = readFileSync(join(dir, 'dist/resume.html'), 'utf8')
    const csp = html.indexOf('http-equiv="Content-Security-Policy" content="default-src \'none\';')
    expect(csp).toBeGreaterThan(0)
    expect(csp).toBeLessThan(html.indexOf('https://fonts.example/x.css'))
  })

  it.skipIf(!hasChromium)('the PDF prints at once, and the build warns once for both formats', async () => {
    const dir = remoteTheme()
    const r = await runTimed(['build', '--format', 'pdf,html', '--theme', 'mine', '--json'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.ms).toBeLessThan(15_000)
    const report = JSON.parse(r.stdout)
    const warnings = report.warnings.filter((w: { code: string }) => w.code === 'REMOTE_REFUSED')
    expect(warnings).toHaveLength(1)
    for (const url of urls) expect(warnings[0].message).toContain(url)
    expect(warnings[0].hint).toContain('the PDF was printed without them, and the HTML forbids fetching them')
  })

  it('the shipped theme asks for nothing, and keeps its own policy', async () => {
    const dir = seedCopy()
    const { code, stderr } = await runCli(['build', '--format', 'html'], { cwd: dir })
    expect(code, stderr).toBe(0)
    expect(stderr).not.toContain('REMOTE_REFUSED')
    expect(readFileSync(join(dir, 'dist/resume.html'), 'utf8').match(/Content-Security-Policy/g)).toHaveLength(1)
  })
})
