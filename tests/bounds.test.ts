import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, FIXTURES, ROOT, runBin, runCli, SEED, tempDir } from './helpers.js'
import { readPdf } from './read-pdf.js'

const hasChromium = existsSync('/usr/bin/chromium')

/** Bounds that hold for code and files from outside (issue 24); times are the bench's, not asserted here. */

describe('resume import and init write only regular files', () => {
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

  it('so does resume init --force', async () => {
    const dir = tempDir()
    const fifo = join(dir, 'resume.yaml')
    execFileSync('mkfifo', [fifo])
    const r = await runCli(['init', fifo, '--force', '--name', 'Ada', '--email', 'ada@example.com'], { timeoutMs: 20_000 })
    expect(r.code, r.stderr).toBe(7)
    expect(r.stderr).toContain('resume init writes only regular files')
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

/** A seed copy with node_modules/jsonresume-theme-NAME whose index.js is `body`. */
function jsonResumeTheme(name: string, body: string, dir = tempDir()): string {
  if (!existsSync(join(dir, 'resume.yaml'))) cpSync(SEED, join(dir, 'resume.yaml'))
  const pkg = join(dir, 'node_modules', `jsonresume-theme-${name}`)
  mkdirSync(pkg, { recursive: true })
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: `jsonresume-theme-${name}`, version: '1.0.0', main: 'index.js' }))
  writeFileSync(join(pkg, 'index.js'), body)
  return dir
}

describe('a JSON Resume theme package is loaded only where a deadline and a signal reach it', () => {
  const LOOP = "while (true) {}\nexports.render = () => '<html></html>'\nexports.pdfRenderOptions = { format: 'A4' }\n"

  it('one whose top-level code loops is stopped at --timeout: exit 5 naming it', async () => {
    const dir = jsonResumeTheme('spin', LOOP)
    const r = await runUntil(['build', 'resume.yaml', '--theme', 'spin', '-f', 'html', '--timeout', '2'], dir)
    expect(r.signal, r.stderr).toBeNull()
    expect(r.code, r.stderr).toBe(5)
    expect(r.stderr).toContain('error[THEME]: the JSON Resume theme jsonresume-theme-spin did not finish loading')
    expect(existsSync(join(dir, 'dist/resume.html'))).toBe(false)
  })

  it('and SIGTERM while it loops ends the build with 143, long before the deadline', async () => {
    const dir = jsonResumeTheme('spin', LOOP)
    const r = await runUntil(['build', 'resume.yaml', '--theme', 'spin', '-f', 'html', '--timeout', '600'], dir, { signal: 'SIGTERM', delayMs: 1500 })
    expect(r.signal, r.stderr).toBeNull()
    expect(r.code, r.stderr).toBe(143)
  })

  it('one whose render returns more than 64 MiB of HTML is exit 5 naming it', async () => {
    const dir = jsonResumeTheme('vast', "exports.render = () => '<html><body>' + 'x'.repeat(65 * 1024 * 1024) + '</body></html>'\n")
    const r = await runUntil(['build', 'resume.yaml', '--theme', 'vast', '-f', 'html'], dir)
    expect(r.code, r.stderr).toBe(5)
    expect(r.stderr).toContain('error[THEME]: the JSON Resume theme jsonresume-theme-vast render() returned 65 MiB of HTML; a page may be at most 64 MiB')
    expect(existsSync(join(dir, 'dist/resume.html'))).toBe(false)
  })

  it.skipIf(!hasChromium)('its pdfRenderOptions still set the page (read in the worker)', async () => {
    const dir = jsonResumeTheme(
      'a4',
      "exports.render = (r) => '<html><body><h1>' + r.basics.name + '</h1></body></html>'\nexports.pdfRenderOptions = { format: 'A4', margin: { top: '1in' } }\n",
    )
    // The seed asks for Letter itself; without that, the theme's A4 stands.
    writeFileSync(join(dir, 'resume.yaml'), readFileSync(join(dir, 'resume.yaml'), 'utf8').replace(/^ {2}page: letter\n/m, ''))
    const r = await runCli(['build', 'resume.yaml', '--theme', 'a4', '-f', 'pdf', '-o', 'out-a4'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const pdf = await readPdf(join(dir, 'out-a4/resume.pdf'))
    // A4 is 595 x 842 points; the seed's own page is Letter (612 x 792).
    expect(Math.abs(pdf.pageSizes[0]!.width - 595)).toBeLessThan(2)
    expect(pdf.text).toContain('Hayes Zhao')
  })
})

describe('renderer plugins run where the deadline and signals reach them, and return at most 64 MiB', () => {
  const dir = tempDir()
  cpSync(SEED, join(dir, 'resume.yaml'))
  const plugin = (name: string, body: string) => writeFileSync(join(dir, `${name}.mjs`), body)
  plugin('spin', "export default { format: 'spin', extension: 'txt', render() { for (;;) {} } }\n")
  plugin('spin-load', "for (;;) {}\nexport default { format: 'late', extension: 'txt', render: () => 'never' }\n")
  plugin('huge', "export default { format: 'huge', extension: 'txt', render: () => 'x'.repeat(65 * 1024 * 1024) }\n")
  plugin(
    'huge-parts',
    "export default { format: 'parts', extension: 'bin', render: () => [{ name: 'a', bytes: new Uint8Array(40 << 20) }, { name: 'b', bytes: new Uint8Array(40 << 20) }] }\n",
  )
  plugin(
    'asks',
    `export default {
  format: 'asks', extension: 'txt', usesBrowser: true,
  async render(ctx) {
    ctx.log('asked for the html')
    ctx.warn({ code: 'PLUGIN_NOTE', message: 'a note from the plugin' })
    const html = await ctx.html()
    const pdf = await (await ctx.browser()).print(html, ctx.page)
    return [{ name: 'html', extension: 'html', bytes: html }, { name: 'pdf', extension: 'pdf', bytes: pdf }]
  },
}
`,
  )

  it('a render that loops is RENDER_TIMEOUT (exit 6) at --timeout, and the other formats are written', async () => {
    const r = await runUntil(['build', 'resume.yaml', '--plugin', './spin.mjs', '-f', 'html,spin', '--timeout', '2', '-o', 'out-spin'], dir)
    expect(r.signal, r.stderr).toBeNull()
    expect(r.code, r.stderr).toBe(6)
    expect(r.stderr).toContain('error[RENDER_TIMEOUT]')
    expect(existsSync(join(dir, 'out-spin/resume.html'))).toBe(true)
    expect(existsSync(join(dir, 'out-spin/resume.txt'))).toBe(false)
  })

  it('SIGTERM and Ctrl-C during a looping render end the build at once (143, 130)', async () => {
    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const) {
      const r = await runUntil(['build', 'resume.yaml', '--plugin', './spin.mjs', '-f', 'spin', '--timeout', '600', '-o', 'out-spin-sig'], dir, { signal, delayMs: 2000 })
      expect(r.signal, `${signal}: ${r.stderr}`).toBeNull()
      expect(r.code, r.stderr).toBe(code)
    }
  })

  it('a plugin whose top level loops is stopped at --timeout: exit 5 (PLUGIN) naming it', async () => {
    const r = await runUntil(['build', 'resume.yaml', '--plugin', './spin-load.mjs', '-f', 'html', '--timeout', '2', '-o', 'out-late'], dir)
    expect(r.signal, r.stderr).toBeNull()
    expect(r.code, r.stderr).toBe(5)
    expect(r.stderr).toContain('error[PLUGIN]: the plugin ./spin-load.mjs did not finish loading')
  })

  it('a render returning more than 64 MiB, in one file or in all, is exit 6 and writes nothing of it', async () => {
    for (const [name, format] of [
      ['huge', 'huge'],
      ['huge-parts', 'parts'],
    ]) {
      const out = `out-${name}`
      const r = await runUntil(['build', 'resume.yaml', '--plugin', `./${name}.mjs`, '-f', `html,${format}`, '-o', out], dir)
      expect(r.code, r.stderr).toBe(6)
      expect(r.stderr).toMatch(new RegExp(`error\\[PLUGIN_FAILED\\]: the plugin \\./${name}\\.mjs \\(format ${format}\\) returned (65|80) MiB`))
      expect(r.stderr).toContain('at most 64 MiB')
      expect(readdirSync(join(dir, out))).toEqual(['resume.html'])
    }
  })

  it('what a plugin prints goes to stderr: --json keeps stdout to its report', async () => {
    plugin('chatty', "console.log('chatter from the plugin')\nexport default { format: 'chatty', extension: 'txt', render() { console.log('more chatter'); return 'ok' } }\n")
    // The bin as a child process: what reaches the process's own streams is the point.
    const r = await runBin(['build', 'resume.yaml', '--plugin', './chatty.mjs', '-f', 'chatty', '--json', '-o', 'out-chatty'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).artifacts).toHaveLength(1)
    expect(r.stderr).toContain('more chatter')
  })

  it.skipIf(!hasChromium)('ctx.html(), ctx.browser().print(), log and warn still work from the worker', async () => {
    const r = await runCli(['build', 'resume.yaml', '--plugin', './asks.mjs', '-f', 'asks', '-o', 'out-asks', '--verbose'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('asked for the html')
    expect(r.stderr).toContain('a note from the plugin')
    expect(readFileSync(join(dir, 'out-asks/resume-html.html'), 'utf8')).toContain('Hayes Zhao')
    const pdf = await readPdf(join(dir, 'out-asks/resume-pdf.pdf'))
    expect(pdf.text).toContain('Hayes Zhao')
  })
})

describe('aliases are counted while the file is read, and rejected in linear time', () => {
  const dir = tempDir()
  /** `count` aliases of one name, in one flow list on one line: the shape of the 112 kB file. */
  const manyAliases = (name: string, count: number) => {
    const file = join(dir, name)
    writeFileSync(file, `basics:\n  name: &n Hayes Zhao\n  summary: text\nwork:\n  - name: Acme\n    highlights: [${Array.from({ length: count }, () => '*n').join(', ')}]\n`)
    return file
  }

  it('16,000 aliases (112 kB) are ALIAS_LIMIT (exit 3) at the alias past the bound, with a frame a screen wide', async () => {
    const file = manyAliases('sixteen-thousand.yaml', 16_000)
    const r = await runUntil(['validate', file], dir)
    expect(r.signal, r.stderr).toBeNull()
    expect(r.code, r.stderr).toBe(3)
    expect(r.stderr).toMatch(/sixteen-thousand\.yaml:6:\d+: error\[ALIAS_LIMIT\]: the file has more than 10000 aliases/)
    // The line is 64 kB long; the frame shows the neighbourhood of the column only.
    for (const line of r.stderr.split('\n')) expect(line.length).toBeLessThan(200)
  })

  it('a file of aliases just under 1 MiB is rejected too, and SIGTERM sent meanwhile is honoured', async () => {
    const file = manyAliases('a-mebibyte.yaml', 260_000)
    expect(statSync(file).size).toBeLessThan(1024 * 1024)
    const plain = await runUntil(['validate', file], dir)
    expect(plain.signal, plain.stderr).toBeNull()
    expect(plain.code, plain.stderr).toBe(3)
    const termed = await runUntil(['validate', file], dir, { signal: 'SIGTERM', delayMs: 300 })
    expect(termed.signal, termed.stderr).toBeNull()
    expect([3, 143]).toContain(termed.code)
  })

  it('an alias bomb (aliases of aliases) stops at the alias that crosses the bound', async () => {
    const r = await runCli(['validate', join(FIXTURES, 'invalid/alias-bomb.yaml')])
    expect(r.code, r.stderr).toBe(3)
    expect(r.stderr).toContain('error[ALIAS_LIMIT]: here the aliases come to')
  })

  it('aliases within the bound read as the values they name', async () => {
    const file = join(dir, 'few.yaml')
    writeFileSync(
      file,
      'basics:\n  name: &who Hayes Zhao\n  label: Engineer\nwork:\n  - name: &acme Acme\n    position: Engineer\n    highlights: &hl [Built *things*, Led a team]\n  - name: *acme\n    position: *who\n    highlights: *hl\n',
    )
    const r = await runCli(['build', file, '-f', 'json', '-o', join(dir, 'out')])
    expect(r.code, r.stderr).toBe(0)
    const json = JSON.parse(readFileSync(join(dir, 'out/few.json'), 'utf8'))
    expect(json.work[1]).toMatchObject({ name: 'Acme', position: 'Hayes Zhao', highlights: ['Built *things*', 'Led a team'] })
  })
})

describe('no page keeps what fetches or navigates behind the policy', () => {
  it('a theme of ours and a JSON Resume theme lose meta refresh and preconnect-like links; the warning names them', async () => {
    const dir = loopingThemeDir()
    // Not looping: the partial that would loop is emptied; the head gets what must go.
    writeFileSync(join(dir, 'templates/mine/partials/bomb.hbs'), '')
    const main = join(dir, 'templates/mine/resume.hbs')
    const head =
      '<meta http-equiv="refresh" content="0; url=https://track.example/r">\n<link rel="preconnect" href="https://fonts.example">\n<link rel="dns-prefetch" href="//cdn.example">\n<link rel="prefetch" href="https://next.example/page">\n'
    writeFileSync(main, readFileSync(main, 'utf8').replace('<head>', `<head>\n${head}`))
    jsonResumeTheme(
      'fetchy',
      `exports.render = (r) => '<!doctype html><html><head>${head.replace(/\n/g, '')}<link rel="preload" as="font" href="https://fonts.example/x.woff2"><link rel="prerender" href="https://pre.example/"></head><body><h1>' + r.basics.name + '</h1></body></html>'\n`,
      dir,
    )
    for (const theme of ['mine', 'fetchy']) {
      const out = `out-${theme}`
      const r = await runCli(['build', 'resume.yaml', '--theme', theme, '-f', 'html', '-o', out], { cwd: dir })
      expect(r.code, r.stderr).toBe(0)
      const html = readFileSync(join(dir, out, 'resume.html'), 'utf8')
      expect(html).toContain('Hayes Zhao')
      expect(html).not.toMatch(/http-equiv="refresh"|rel="(preconnect|dns-prefetch|prefetch|prerender|preload)"/i)
      expect(r.stderr).toContain('warning[REMOTE_REFUSED]')
      for (const url of ['https://track.example/r', 'https://fonts.example', 'https://next.example/page']) expect(r.stderr).toContain(url)
    }
  })
})
