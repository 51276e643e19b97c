#!/usr/bin/env node
// npm run bench [-- --runs N] [--only KEY,...] [--json] [--dev-edits N] [--dev-formats html,pdf]
//                  [--jsonresume-theme NAME]
//
// Medians of whole CLI runs, each beside a baseline measured in the same run on the same machine
// (subject and baseline alternated run by run), so a slow or busy machine moves both. Every row
// that has a target from an issue says whether it met it, and a summary table ends the run.
// Nothing here asserts and nothing exits non-zero for a missed target: tests never time.
//
// Groups, in order (keys for --only; the default is all of them):
//   validate    resume validate beside node -e 0
//   html        resume build --format html beside node -e 0
//   peer        (issue 22) HTML of the JSON Resume sample, built-in theme and --theme even, beside
//               resumed 6.1 + jsonresume-theme-even (installed once into a scratch folder, as for resumed)
//   docx        --format docx beside node -e 0, and each further DOCX of an --all-variants build
//   pdf         --format pdf beside a puppeteer-core program (bench-pdf-baseline.mjs): time, memory,
//               each further PDF of an --all-variants build
//   resumed     (issue 22) the seed's cold PDF beside real resumed 6.1 + jsonresume-theme-even exporting
//               it (installed once into a scratch folder under the temp dir): time and peak memory
//   all         every variant x pdf,html,docx in one run, beside one PDF alone
//   themes      (issue 9)  --format html --theme T for each templates/*/theme.json, beside node -e 0
//   jsonresume  (issue 9)  --theme even --format pdf beside resumed's export path, emulated
//   i18n        (issue 10) artifact sizes of the seed and a Chinese resume; its HTML build's time
//   formats     (issue 12) --format json, md, txt, each beside --format html
//   png         (issue 12) scripts/bench-png.mjs, when it exists (written apart)
//   fit         (issue 20) --fit 1 on a resume a few lines over one page, beside a plain PDF build of it
//   dev         (issue 11) resume dev: save -> new HTML / PDF served, memory after 20 and N rebuilds
//   many        (issue 22) N seed copies to PDF in one run (--many N, default 40): time per resume beside
//               one separate build, and per resume and peak memory at 2N (linear time, flat memory)
//   match       (issue 19) resume match: precision and recall of the posting terms found against the
//               hand-annotated postings (all, and the held-out ones); a two-page posting against
//               every variant beside resume validate; postings at the 1 MiB limit, dense with names,
//               as list items and as one line (linear cost)
//   letters     (issue 18) the seed's letter and its resume as PDF in one run, beside that resume's PDF alone
//   bounds      (issue 24) resume validate of files of aliases (16,000 in 112 kB; up to 1 MiB) and an
//               alias bomb, each refused: whole CLI runs, against "well under a second"
//
// --json: the report as one JSON document on stdout; the readable lines go to stderr.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin/resume.js')
const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback
}
const runs = Number(flag('--runs')) || 7
const devEdits = Number(flag('--dev-edits')) || 200
const devFormats = flag('--dev-formats', 'html,pdf').split(',')
const jsonResumeTheme = flag('--jsonresume-theme', 'even')
const asJson = args.includes('--json')
const GROUPS = ['validate', 'html', 'peer', 'docx', 'pdf', 'resumed', 'all', 'themes', 'jsonresume', 'i18n', 'formats', 'png', 'fit', 'dev', 'letters', 'match', 'many', 'bounds']
const only = flag('--only') ? new Set(flag('--only').split(',')) : undefined
for (const k of only ?? []) {
  if (!GROUPS.includes(k)) {
    console.error(`bench: unknown group ${k}; one of ${GROUPS.join(', ')}`)
    process.exit(2)
  }
}
const want = (k) => !only || only.has(k)
const say = asJson ? (s) => process.stderr.write(`${s}\n`) : (s) => process.stdout.write(`${s}\n`)
const out = mkdtempSync(join(tmpdir(), 'vitae-bench-'))

/** Resident memory of a process and all its descendants, in bytes, from /proc (Linux); `own` is the process alone. */
function treeRss(pid) {
  const children = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {}
  }
  let total = 0
  let own = 0
  const stack = [pid]
  while (stack.length) {
    const p = stack.pop()
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024
      total += rss
      if (p === pid) own = rss
    } catch {}
    stack.push(...(children.get(p) ?? []))
  }
  return { total, own }
}

/** Runs a command once: wall time, peak memory of its process tree, and its stdout. Exit codes other than `okCodes` reject. */
function once(cmd, argv, { sampleMemory = false, okCodes = [0], env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } })
    let stdout = ''
    let stderr = ''
    let peak = 0
    const timer = sampleMemory && existsSync('/proc') ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid).total)), 15) : undefined
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      if (timer) clearInterval(timer)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (!okCodes.includes(code)) reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}\n${stderr}`))
      else resolve({ ms, peak, stdout })
    })
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]

/** Alternates the subject and its baseline run by run, so drift hits both alike. Medians of ms (and peak memory). */
async function paired(subject, baseline, options, baselineOptions = options) {
  const a = []
  const b = []
  await once(...subject, options) // warm the file cache; not counted
  await once(...baseline, baselineOptions)
  for (let i = 0; i < runs; i++) {
    a.push(await once(...subject, options))
    b.push(await once(...baseline, baselineOptions))
  }
  return {
    ms: median(a.map((x) => x.ms)),
    base: median(b.map((x) => x.ms)),
    peak: median(a.map((x) => x.peak)),
    basePeak: median(b.map((x) => x.peak)),
  }
}

const node0 = [process.execPath, ['-e', '0']]
const cli = (...argv) => [process.execPath, [bin, ...argv]]
/** One build with --json: its artifacts (path, bytes, ms, ...). */
const report = async (...argv) => JSON.parse((await once(...cli(...argv, '--json'))).stdout).artifacts

// ---- rows -------------------------------------------------------------------------------------

const rows = []
let group = ''
const x = (r) => `${r.toFixed(2)}x`
const fmtValue = (v) => v.toFixed(1).padStart(9)

/**
 * A printed row: name, median, unit, and a note. `check` is the issue's target, compared as
 * `measured <= limit`: { measured, limit, show: (n) => text, of: 'what the ratio is of' }.
 */
function row(name, value, unit, { check, note, extra } = {}) {
  const r = { group, name, value: Math.round(value * 100) / 100, unit, ...extra }
  const parts = []
  if (check) {
    r.measured = check.measured
    r.limit = check.limit
    r.target = `<= ${check.show(check.limit)}${check.of ? ` ${check.of}` : ''}`
    r.shown = check.show(check.measured)
    // Most targets are ceilings; a quality figure (precision) is a floor: `atLeast`.
    if (check.atLeast) r.target = `>= ${check.show(check.limit)}${check.of ? ` ${check.of}` : ''}`
    r.met = check.atLeast ? check.measured >= check.limit : check.measured <= check.limit
    // A ratio says what it is of; an absolute figure (bytes, ms) says how much of its target it uses.
    const said = check.of ? `${r.shown} ${check.of}` : `${Math.round((100 * check.measured) / check.limit)}% of the target`
    parts.push(`${said}; target ${r.target}  ${r.met ? 'met' : 'MISSED'}`)
  }
  if (note) parts.push(note)
  r.note = parts.join('; ')
  rows.push(r)
  say(`${name.padEnd(52)} ${fmtValue(value)} ${unit.padEnd(4)} ${r.note}`)
}
const notMeasured = []
const skip = (what, why) => {
  notMeasured.push({ group, what, why })
  say(`${what.padEnd(52)} ${'-'.padStart(9)}      not measured: ${why}`)
}

// ---- groups -----------------------------------------------------------------------------------

let pdfBaseline

async function validate() {
  const r = await paired(cli('validate'), node0)
  row('resume validate', r.ms, 'ms', { note: `${x(r.ms / r.base)} node -e 0 (${r.base.toFixed(1)} ms); no target` })
}

async function html() {
  const r = await paired(cli('build', '--format', 'html', '-q', '-o', out), node0)
  row('resume build --format html', r.ms, 'ms', { check: { measured: r.ms / r.base, limit: 1.8, show: x, of: 'node -e 0' }, note: '90 ms where node -e 0 takes 50' })
}

/** The peer's versions: what the issue names, and the even release of that time. */
const PEER = { resumed: '6.1.0', even: '0.26.1', puppeteer: '24' }

/**
 * resumed with jsonresume-theme-even and the puppeteer resumed asks for, installed once from the npm
 * registry into a scratch folder beside the bench's temp files, never a dependency of vitae (the
 * groups peer and resumed). Puppeteer's own browser download is skipped: its host may be out of reach.
 */
async function installResumed() {
  const dir = join(tmpdir(), 'vitae-bench-peers', `resumed-${PEER.resumed}`)
  const cliPath = join(dir, 'node_modules/resumed/bin/resumed.js')
  if (!existsSync(cliPath) || !existsSync(join(dir, 'node_modules/jsonresume-theme-even')) || !existsSync(join(dir, 'node_modules/puppeteer'))) {
    mkdirSync(dir, { recursive: true })
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const env = { PUPPETEER_SKIP_DOWNLOAD: '1' }
    const install = ['install', '--no-audit', '--no-fund', '--prefix', dir, `resumed@${PEER.resumed}`, `jsonresume-theme-even@${PEER.even}`, `puppeteer@${PEER.puppeteer}`]
    await new Promise((resolve, reject) => {
      const child = spawn(npm, install, { stdio: 'ignore', env: { ...process.env, ...env } })
      child.on('error', reject)
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm ${install.join(' ')} exited ${code}`))))
    })
  }
  return { dir, cliPath }
}

/** HTML beside resumed, the peer that beat us there (issue 22): the same JSON Resume sample, in one run. */
async function peer() {
  const { dir, cliPath } = await installResumed()
  const sample = join(dir, 'sample.json')
  if (!existsSync(sample)) await once(process.execPath, [cliPath, 'init', sample])
  mkdirSync(join(out, 'peer'), { recursive: true })
  const p = { sample, render: [process.execPath, [cliPath, 'render', sample, '--theme', 'jsonresume-theme-even', '--output', join(out, 'peer', 'resumed.html')]] }
  const own = await paired(cli('build', p.sample, '--format', 'html', '-q', '-o', join(out, 'peer')), p.render)
  row(`resumed ${PEER.resumed} render, its sample, even ${PEER.even}`, own.base, 'ms', { note: 'baseline' })
  row('resume build sample.json --format html (classic)', own.ms, 'ms', {
    check: { measured: own.base / own.ms, limit: 1.3, atLeast: true, show: (n) => `${n.toFixed(2)}x`, of: 'faster than resumed' },
  })
  const even = await paired(cli('build', p.sample, '--theme', 'even', '--format', 'html', '-q', '-o', join(out, 'peer')), p.render)
  row('resume build sample.json --theme even --format html', even.ms, 'ms', {
    check: { measured: even.ms / even.base, limit: 1, show: x, of: 'resumed' },
    note: `resumed ${even.base.toFixed(0)} ms in these runs`,
  })
}

async function docx() {
  const r = await paired(cli('build', '--format', 'docx', '-q', '-o', out), node0)
  row('resume build --format docx', r.ms, 'ms', { check: { measured: r.ms / r.base, limit: 4, show: x, of: 'node -e 0' }, note: '200 ms at 50' })
  const further = median((await report('build', '--all-variants', '--format', 'docx', '-o', out)).slice(1).map((a) => a.ms))
  row('  each further DOCX in the same build', further, 'ms', { check: { measured: further / r.base, limit: 0.3, show: x, of: 'node -e 0' }, note: '15 ms at 50' })
}

async function pdf() {
  const page = join(out, 'resume.html')
  await once(...cli('build', '--format', 'html', '-q', '-o', out))
  const baseline = [process.execPath, [join(root, 'scripts/bench-pdf-baseline.mjs'), page, join(out, 'baseline.pdf')]]
  const r = await paired(cli('build', '--format', 'pdf', '-q', '-o', out), baseline, { sampleMemory: true })
  pdfBaseline = r.base
  row('puppeteer-core baseline: launch, print, close', r.base, 'ms', { note: 'baseline' })
  row('resume build --format pdf', r.ms, 'ms', { check: { measured: r.ms / r.base, limit: 1.15, show: x, of: 'baseline' } })
  row('  peak memory, process tree (baseline)', r.basePeak / 2 ** 20, 'MiB', { note: 'baseline' })
  row('  peak memory, process tree (resume)', r.peak / 2 ** 20, 'MiB', { check: { measured: r.peak / r.basePeak, limit: 1.1, show: x, of: 'baseline' } })
  const further = median((await report('build', '--all-variants', '--format', 'pdf', '-o', out)).slice(1).map((a) => a.ms))
  row('  each further PDF in the same build', further, 'ms', {
    check: { measured: (100 * further) / r.base, limit: 11.4, show: (n) => `${n.toFixed(1)}%`, of: 'of the baseline' },
    note: '80 ms of 700',
  })
}

/** (issue 22) The seed's cold PDF beside real resumed exporting the same resume: time and peak memory of each process tree. */
async function resumed() {
  const peer = await resumedPeer()
  const r = await paired(cli('build', '--format', 'pdf', '-q', '-o', out), peer.run, { sampleMemory: true }, { sampleMemory: true, env: peer.env })
  const { findBrowser } = await import(pathToFileURL(join(root, 'lib/browser/find.js')).href)
  const ours = findBrowser().found
  row('resumed 6.1 export, even theme (seed as JSON Resume)', r.base, 'ms', { note: `baseline; its browser ${peer.browser}` })
  row('resume build --format pdf (seed, cold)', r.ms, 'ms', {
    check: { measured: r.ms / r.base, limit: 0.4, show: x, of: 'resumed export' },
    note: `browser ${ours?.path}${ours?.headlessShell ? ' (a headless shell)' : ''}`,
  })
  row('  peak memory, process tree (resumed export)', r.basePeak / 2 ** 20, 'MiB', { note: 'baseline' })
  row('  peak memory, process tree (resume build)', r.peak / 2 ** 20, 'MiB', { check: { measured: r.peak / r.basePeak, limit: 0.5, show: x, of: 'resumed export' } })
}

/**
 * The real peer for a PDF: resumed 6.1 with jsonresume-theme-even (and the puppeteer it asks for),
 * installed once into a scratch folder beside the bench's temp files, never a dependency of vitae.
 * Puppeteer's own browser download is skipped (its host may be out of reach); resumed exports with
 * the full browser vitae would use without a headless shell, which is what puppeteer downloads
 * (Chrome for Testing, a full browser) stands for. Returns the argv of `resumed export` on the seed.
 */
async function resumedPeer() {
  const { cliPath } = await installResumed()
  const { findBrowser } = await import(pathToFileURL(join(root, 'lib/browser/find.js')).href)
  const { sandboxOffReason } = await import(pathToFileURL(join(root, 'lib/browser/flags.js')).href)
  const { toPlainJsonResume } = await import(pathToFileURL(join(root, 'lib/themes/jsonresume-data.js')).href)
  const { parse } = await import('yaml')
  const found = findBrowser().found
  const browser = found?.preferredTo ?? found?.path
  if (!browser) throw new Error('no browser found (set VITAE_BROWSER)')
  const json = join(out, 'resumed-seed.json')
  writeFileSync(json, JSON.stringify(toPlainJsonResume(parse(readFileSync(join(root, 'resume.yaml'), 'utf8')))))
  const argv = [cliPath, 'export', json, '--theme', 'jsonresume-theme-even', '-o', join(out, 'resumed.pdf')]
  if (sandboxOffReason()) argv.push('--puppeteer-arg=--no-sandbox')
  return { run: [process.execPath, argv], browser, env: { PUPPETEER_EXECUTABLE_PATH: browser } }
}

async function all() {
  const r = await paired(cli('build', '--all-variants', '--format', 'pdf,html,docx', '-q', '-o', out), cli('build', '--format', 'pdf', '-q', '-o', out))
  row('all variants x pdf,html,docx, one run', r.ms, 'ms', {
    check: { measured: r.ms / r.base, limit: 1.5, show: x, of: 'one PDF alone' },
    note: `one PDF alone ${r.base.toFixed(0)} ms`,
  })
  if (pdfBaseline) {
    row('  the same, beside the puppeteer baseline', r.ms, 'ms', {
      check: { measured: r.ms / pdfBaseline, limit: 1.86, show: x, of: 'puppeteer baseline' },
      note: '1300 ms of 700',
    })
  } else skip('  the same, beside the puppeteer baseline', 'needs the pdf group in the same run')
}

/** One browser and one theme load for both documents: the letter should cost little beside its resume. */
async function letters() {
  const alone = cli('build', '--variant', 'backend', '--format', 'pdf', '-q', '-o', out)
  const r = await paired(cli('build', '--letter', 'northwind', '--format', 'pdf', '-q', '-o', out), alone)
  row('letter + its resume as PDF, one run', r.ms, 'ms', {
    check: { measured: r.ms / r.base, limit: 1.15, show: x, of: 'the resume PDF alone' },
    note: `resume PDF alone ${r.base.toFixed(0)} ms`,
  })
  const p = await paired(cli('build', '--letter', 'northwind', '--packet', '-q', '-o', out), alone)
  row('  the same with --packet', p.ms, 'ms', { note: `${x(p.ms / p.base)} the resume PDF alone; no target` })
}

async function themes() {
  const names = readdirSync(join(root, 'templates'))
    .filter((d) => existsSync(join(root, 'templates', d, 'theme.json')))
    .sort()
  for (const name of names) {
    const r = await paired(cli('build', '--format', 'html', '--theme', name, '-q', '-o', join(out, 'themes')), node0)
    row(`resume build --format html --theme ${name}`, r.ms, 'ms', {
      check: { measured: r.ms / r.base, limit: 3, show: x, of: 'node -e 0' },
      note: `node -e 0 ${r.base.toFixed(1)} ms`,
    })
  }
}

/**
 * resumed's `export`, as one program (resumed is not installed): import the theme, render(resume),
 * launch, setContent(html, {waitUntil: 'networkidle0'}), pdf({format: 'Letter', printBackground,
 * ...pdfRenderOptions}), close. Same browser and flags as vitae, same seed as plain JSON Resume.
 * Returns the argv that runs it.
 */
async function resumedExport(theme) {
  const { findBrowser } = await import(pathToFileURL(join(root, 'lib/browser/find.js')).href)
  const { chromeArgs, sandboxOffReason } = await import(pathToFileURL(join(root, 'lib/browser/flags.js')).href)
  const { toPlainJsonResume } = await import(pathToFileURL(join(root, 'lib/themes/jsonresume-data.js')).href)
  const { parse } = await import('yaml')
  const executablePath = findBrowser().found?.path
  if (!executablePath) throw new Error('no browser found (set VITAE_BROWSER)')
  const work = join(out, 'resumed')
  mkdirSync(work, { recursive: true })
  if (!existsSync(join(work, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'))
  writeFileSync(join(work, 'resume.json'), JSON.stringify(toPlainJsonResume(parse(readFileSync(join(root, 'resume.yaml'), 'utf8')))))
  const program = `
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer from 'puppeteer-core'
const theme = await import(${JSON.stringify(pathToFileURL(join(root, 'node_modules', `jsonresume-theme-${theme}`)).href)}).catch(() => import('jsonresume-theme-${theme}'))
const render = theme.render ?? theme.default?.render
const pdfRenderOptions = theme.pdfRenderOptions ?? theme.default?.pdfRenderOptions ?? {}
const html = await render(JSON.parse(readFileSync(${JSON.stringify(join(work, 'resume.json'))}, 'utf8')))
const userDataDir = mkdtempSync(join(tmpdir(), 'vitae-baseline-'))
const browser = await puppeteer.launch({ executablePath: ${JSON.stringify(executablePath)}, pipe: true, ignoreDefaultArgs: true, args: ${JSON.stringify(chromeArgs({ userDataDir: '__DIR__', noSandbox: sandboxOffReason() !== undefined }))}.map((a) => a.replace('__DIR__', userDataDir)) })
const page = await browser.newPage()
await page.setContent(html, { waitUntil: 'networkidle0' })
writeFileSync(${JSON.stringify(join(work, 'baseline.pdf'))}, await page.pdf({ format: 'Letter', printBackground: true, ...pdfRenderOptions }))
await browser.close()
rmSync(userDataDir, { recursive: true, force: true })
`
  writeFileSync(join(work, 'export.mjs'), program)
  return [process.execPath, [join(work, 'export.mjs')]]
}

async function jsonresume() {
  const theme = jsonResumeTheme
  const baseline = await resumedExport(theme)
  const r = await paired(cli('build', '--theme', theme, '--format', 'pdf', '-q', '-o', join(out, 'jsonresume')), baseline)
  row(`resumed-style export, ${theme} (networkidle0)`, r.base, 'ms', { note: 'baseline' })
  row(`resume build --theme ${theme} --format pdf`, r.ms, 'ms', {
    check: { measured: r.ms / r.base, limit: 1 / 3, show: x, of: 'resumed-style export' },
    note: 'a third of its time',
  })
}

async function i18n() {
  const zh = join(root, 'tests/fixtures/i18n/zh-CN.yaml')
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`
  const size = (name, a, limit) => row(name, a.bytes / 1000, 'kB', { check: { measured: a.bytes, limit, show: kB }, note: `${a.bytes} bytes`, extra: { bytes: a.bytes } })
  const [seed] = await report('build', '--format', 'html', '-o', join(out, 'i18n'))
  size('seed resume.yaml: HTML size', seed, 200_000)
  const zhArtifacts = await report('build', zh, '--format', 'html,pdf', '-o', join(out, 'i18n'))
  size(
    'zh-CN resume: HTML size',
    zhArtifacts.find((a) => a.format === 'html'),
    1_500_000,
  )
  size(
    'zh-CN resume: PDF size',
    zhArtifacts.find((a) => a.format === 'pdf'),
    500_000,
  )
  const r = await paired(cli('build', zh, '--format', 'html', '-q', '-o', join(out, 'i18n')), node0)
  row('resume build zh-CN.yaml --format html', r.ms, 'ms', { check: { measured: r.ms / r.base, limit: 4, show: x, of: 'node -e 0' }, note: `node -e 0 ${r.base.toFixed(1)} ms` })
}

async function formats() {
  for (const f of ['json', 'md', 'txt']) {
    const r = await paired(cli('build', '--format', f, '-q', '-o', join(out, 'formats')), cli('build', '--format', 'html', '-q', '-o', join(out, 'formats')))
    row(`resume build --format ${f}`, r.ms, 'ms', { check: { measured: r.ms / r.base, limit: 1, show: x, of: '--format html' }, note: `html ${r.base.toFixed(1)} ms` })
  }
}

// ---- png: hook for scripts/bench-png.mjs (written apart; not part of this file) ------------------
// When the script exists it is run as `node scripts/bench-png.mjs --runs N`. Its stdout is shown
// under this group; a line that is a JSON object with name, value and unit (and optionally
// `limit` and `measured`, compared measured <= limit, and `target`/`note` texts) becomes a row of
// this report and of the summary. Anything else it prints is passed through as it is.
async function png() {
  const script = join(root, 'scripts/bench-png.mjs')
  if (!existsSync(script)) return skip('png (scripts/bench-png.mjs)', 'the script is not there yet')
  const { stdout } = await once(process.execPath, [script, '--runs', String(runs)])
  for (const line of stdout.split('\n').filter((l) => l.trim())) {
    let parsed
    try {
      parsed = JSON.parse(line)
    } catch {}
    if (parsed && typeof parsed === 'object' && parsed.name && typeof parsed.value === 'number' && parsed.unit) {
      const check =
        typeof parsed.limit === 'number'
          ? { measured: parsed.measured ?? parsed.value, limit: parsed.limit, show: (n) => (Number.isInteger(n) ? String(n) : n.toFixed(2)), of: parsed.of }
          : undefined
      row(parsed.name, parsed.value, parsed.unit, { check, note: parsed.note })
    } else say(`  ${line}`)
  }
}

// ---- dev: resume dev on a copy of the seed, edited N times -----------------------------------
// Each edit is timed from the write until the server announces the new document on its event
// stream (the moment /document.html or /document.pdf serves it). Memory is the resident size of
// the dev process tree (Chrome included) after 20 rebuilds and after the last.

/** The server's `state` events, as they arrive. */
function events(url, onState) {
  return new Promise((resolve, reject) => {
    const req = get(`${url}events`, (res) => {
      let buffer = ''
      res.setEncoding('utf8').on('data', (chunk) => {
        buffer += chunk
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (data) onState(JSON.parse(data))
        }
      })
      resolve(req)
    })
    req.on('error', reject)
  })
}

async function devLoop(mode, edits) {
  const dir = mkdtempSync(join(out, `dev-${mode}-`))
  const file = join(dir, 'resume.yaml')
  cpSync(join(root, 'resume.yaml'), file)
  const seed = readFileSync(file, 'utf8')
  const child = spawn(process.execPath, [bin, 'dev', 'resume.yaml', '--port', '0', ...(mode === 'pdf' ? ['--format', 'pdf'] : [])], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  })
  let log = ''
  child.stderr.setEncoding('utf8').on('data', (d) => (log += d))
  const exited = new Promise((r) => child.on('exit', r))
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d) => {
        log += d
        const m = /serving (http:\/\/\S+)/.exec(log)
        if (m) resolve(m[1])
      })
      exited.then(() => reject(new Error(`resume dev exited:\n${log}`)))
    })
    const key = mode === 'pdf' ? 'pdfVersion' : 'version'
    let seen = 0
    let waiting
    let problems
    const req = await events(url, (s) => {
      if (s.problems) problems = s.problems
      if (s[key] > seen) {
        seen = s[key]
        waiting?.(performance.now())
      }
    })
    const next = () => new Promise((resolve) => (waiting = resolve))
    if (seen === 0) await next() // the first build (Chrome starts here in pdf mode)
    const sampleAt = Math.min(20, edits)
    const times = []
    // Resident memory after each of the 5 rebuilds up to a point, so one collection does not decide.
    const memory = { [sampleAt]: [], [edits]: [] }
    for (let i = 1; i <= edits; i++) {
      const arrived = next()
      const start = performance.now()
      writeFileSync(file, seed.replace('label: Computer Engineer', `label: Computer Engineer ${i}`))
      const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`edit ${i}: no new ${mode} within 30 s${problems ? `: ${problems}` : ''}`)), 30_000).unref())
      times.push((await Promise.race([arrived, late])) - start)
      for (const at of [sampleAt, edits]) if (i > at - 5 && i <= at) memory[at].push(treeRss(child.pid))
      // Past the debounce, so each edit is its own rebuild rather than part of a burst.
      await new Promise((r) => setTimeout(r, 40))
    }
    req.destroy()
    if (problems) throw new Error(`resume dev reported problems: ${JSON.stringify(problems)}`)
    const mid = (xs) => ({ total: median(xs.map((m) => m.total)), own: median(xs.map((m) => m.own)) })
    return { times, sampleAt, memory: { [sampleAt]: mid(memory[sampleAt]), [edits]: mid(memory[edits]) } }
  } finally {
    child.kill('SIGINT')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
}

async function dev() {
  for (const mode of devFormats) {
    const { times, memory, sampleAt } = await devLoop(mode, devEdits)
    const limit = mode === 'pdf' ? 250 : 100
    const m = median(times)
    row(`resume dev: save -> new ${mode.toUpperCase()} served`, m, 'ms', {
      check: { measured: m, limit, show: (n) => `${n.toFixed(0)} ms` },
      note: `p90 ${pct(times, 0.9).toFixed(1)} ms, ${devEdits} edits`,
    })
    const mib = (b) => b / 2 ** 20
    const first = memory[sampleAt]
    row(`  memory after ${sampleAt} rebuilds (${mode})`, mib(first.total), 'MiB', {
      note: `process tree, median of rebuilds ${sampleAt - 4}-${sampleAt}; node alone ${mib(first.own).toFixed(1)} MiB`,
    })
    if (devEdits > sampleAt) {
      const last = memory[devEdits]
      row(`  memory after ${devEdits} rebuilds (${mode})`, mib(last.total), 'MiB', {
        check: { measured: last.total / first.total, limit: 1, show: x, of: `after ${sampleAt}` },
        note: `node alone ${mib(last.own).toFixed(1)} MiB`,
      })
    } else skip(`  memory after more rebuilds (${mode})`, `--dev-edits ${devEdits} is not more than ${sampleAt}`)
  }
}

/** Issue 20: a fitted one-page build costs at most twice a plain PDF build of the same resume. */
async function fit() {
  const file = join(root, 'tests/fixtures/fit/two-pages.yaml')
  const [fitted] = await report('build', file, '--format', 'pdf', '--fit', '1', '-o', join(out, 'fit'))
  if (fitted?.pages !== 1 || !fitted.fit) throw new Error(`bench fit: expected one fitted page, got ${JSON.stringify(fitted)}`)
  const r = await paired(cli('build', file, '--format', 'pdf', '--fit', '1', '-q', '-o', join(out, 'fit')), cli('build', file, '--format', 'pdf', '-q', '-o', join(out, 'plain')))
  row('resume build --fit 1 (2 pages to 1)', r.ms, 'ms', {
    check: { measured: r.ms / r.base, limit: 2, show: x, of: 'a plain PDF build' },
    note: `plain ${r.base.toFixed(0)} ms; fitted at ${fitted.fit.percent}%`,
  })
}

// ---- run --------------------------------------------------------------------------------------

/** A folder of `n` copies of the seed, as a team's CV pool. */
function seedPool(n) {
  const dir = join(out, `pool-${n}`)
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < n; i++) cpSync(join(root, 'resume.yaml'), join(dir, `person-${String(i).padStart(4, '0')}.yaml`))
  return dir
}

async function many() {
  const n = Number(flag('--many')) || 40
  const measure = async (size) => {
    const r = await paired(cli('build', seedPool(size), '--format', 'pdf', '-q', '-o', join(out, `many-${size}`)), cli('build', '--format', 'pdf', '-q', '-o', out), {
      sampleMemory: true,
    })
    return { each: r.ms / size, separate: r.base, peak: r.peak }
  }
  const small = await measure(n)
  row(`${n} resumes to PDF in one run, per resume`, small.each, 'ms', {
    check: { measured: small.each, limit: 200, show: (v) => `${v.toFixed(0)} ms` },
    note: `one separate build ${small.separate.toFixed(0)} ms (${x(small.each / small.separate)} of it)`,
  })
  const large = await measure(2 * n)
  row(`${2 * n} resumes to PDF in one run, per resume`, large.each, 'ms', {
    check: { measured: large.each / small.each, limit: 1.1, show: x, of: `per resume at ${n}` },
    note: 'linear time: the same per resume at twice the count',
  })
  row(`  peak memory at ${2 * n} resumes`, large.peak / 2 ** 20, 'MiB', {
    check: { measured: large.peak / small.peak, limit: 1.1, show: x, of: `the peak at ${n}` },
    note: 'flat memory: tabs are recycled',
  })
}

async function match() {
  const { all: every, heldOut } = JSON.parse((await once(process.execPath, [join(root, 'scripts/match-quality.mjs'), '--json'])).stdout)
  for (const [label, r] of [
    ['all', every],
    ['held out', heldOut],
  ]) {
    // In-sample: the learned vocabulary comes from these very postings (a term one reader listed
    // among it), so these figures are no test of the 0.85 targets, which are for postings the
    // extractor has not seen: those are the blind rows of the README and `--cross-validate`.
    const note = `${r.postings.length} postings, ${r.gold} annotated terms; in-sample, no target (blind figures: README)`
    row(`match terms, ${label}: precision`, 100 * r.precision, '%', { note })
    row(`match terms, ${label}: recall`, 100 * r.recall, '%', { note })
  }
  // A two-page posting: four of the fixtures one after the other (about 1,000 words).
  const dir = join(root, 'tests/fixtures/postings')
  const posting = join(out, 'posting.txt')
  writeFileSync(
    posting,
    ['01-backend-python.txt', '06-data-engineer.txt', '08-ml-engineer.md', '16-java-enterprise.txt'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n\n'),
  )
  const r = await paired(cli('match', posting, '--all-variants'), cli('validate'))
  row('resume match (2-page posting) --all-variants', r.ms, 'ms', {
    check: { measured: r.ms / r.base, limit: 1.5, show: x, of: 'resume validate' },
    note: `validate ${r.base.toFixed(1)} ms`,
  })
  // Postings at the 1 MiB limit, dense with names: every rule looks names up by position, so the
  // cost stays linear whether the text has 9,000 lines or one.
  const items = Array.from(
    { length: 9000 },
    (_, i) => `- Build the Quest Scripting Framework (QSF) with Foo${i} Bar, FEA and CTEs, canary releases and root cause analysis in Python`,
  )
  for (const [what, name, text] of [
    ['a 1 MiB posting of list items', 'dense.txt', `Requirements\n${items.join('\n')}\n`],
    ['a 1 MiB posting on one line', 'one-line.txt', `Requirements\n- ${items.map((l) => l.slice(2)).join('; ')}\n`],
    // HTML is read a character at a time into a text mapped back to the file.
    ['a 1 MiB HTML posting', 'dense.html', `<h2>Requirements</h2>\n<ul>\n${items.map((l) => `  <li>${l.slice(2)} &amp; R&amp;D on AWS&nbsp;Lambda</li>`).join('\n')}\n</ul>\n`],
  ]) {
    const file = join(out, name)
    writeFileSync(file, text.slice(0, 1024 * 1024 - 2))
    const big = await paired(cli('match', file), node0)
    row(`resume match: ${what}`, big.ms, 'ms', { check: { measured: big.ms, limit: 3000, show: (n) => `${Math.round(n)} ms` }, note: `node -e 0 ${big.base.toFixed(1)} ms` })
  }
}

/** Files a hostile user might hand `resume validate`: each is refused (exit 3), and should be at once. */
async function bounds() {
  const dir = join(out, 'bounds')
  mkdirSync(dir, { recursive: true })
  const aliases = (n) => `basics:\n  name: &n Hayes Zhao\nwork:\n  - name: Acme\n    highlights: [${Array.from({ length: n }, () => '*n').join(', ')}]\n`
  const cases = [
    ['16,000 aliases (112 kB)', 'sixteen-thousand.yaml', aliases(16_000)],
    ['260,000 aliases (1 MiB)', 'a-mebibyte.yaml', aliases(260_000)],
    ['an alias bomb (aliases of aliases)', 'bomb.yaml', readFileSync(join(root, 'tests/fixtures/invalid/alias-bomb.yaml'), 'utf8')],
  ]
  for (const [what, name, text] of cases) {
    const file = join(dir, name)
    writeFileSync(file, text)
    const r = await paired(cli('validate', file), node0, { okCodes: [0, 3] })
    row(`resume validate: ${what}`, r.ms, 'ms', { check: { measured: r.ms, limit: 1000, show: (n) => `${Math.round(n)} ms` }, note: `refused; node -e 0 ${r.base.toFixed(1)} ms` })
  }
}

const groups = { validate, html, peer, docx, pdf, resumed, all, themes, jsonresume, i18n, formats, png, fit, dev, letters, match, many, bounds }
const took = []
const started = performance.now()
const load = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ')
say(`vitae bench: ${runs} runs each, medians; ${cpus().length} cores, load ${load}; ${new Date().toISOString()}`)
{
  group = 'floor'
  const r = await paired(node0, node0)
  row('node -e 0 (startup floor)', r.ms, 'ms', { note: 'baseline' })
}
for (const key of GROUPS) {
  if (!want(key)) continue
  group = key
  say(`-- ${key}`)
  const t = performance.now()
  try {
    await groups[key]()
  } catch (error) {
    skip(`${key} (the group stopped)`, String(error.message ?? error).split('\n')[0])
    if (!asJson) console.error(error)
  }
  const seconds = (performance.now() - t) / 1000
  took.push({ group: key, seconds: Math.round(seconds * 10) / 10 })
  say(`   (${key} took ${seconds.toFixed(1)} s)`)
}
rmSync(out, { recursive: true, force: true })
const total = (performance.now() - started) / 1000

const checked = rows.filter((r) => r.target)
say('')
say(`summary: ${checked.filter((r) => r.met).length} of ${checked.length} targets met; ${notMeasured.length} not measured; ${total.toFixed(0)} s in all`)
say(`${'measure'.padEnd(46)} ${'target'.padEnd(30)} ${'measured'.padStart(10)}  result`)
for (const r of checked) say(`${r.name.trim().padEnd(46)} ${r.target.padEnd(30)} ${r.shown.padStart(10)}  ${r.met ? 'met' : 'MISSED'}`)
for (const n of notMeasured) say(`${n.what.trim().padEnd(46)} ${'-'.padEnd(30)} ${'-'.padStart(10)}  not measured`)
say(`time per group: ${took.map((t) => `${t.group} ${t.seconds.toFixed(0)} s`).join(', ')}`)

if (asJson) {
  const doc = { date: new Date().toISOString(), runs, devEdits, cores: cpus().length, loadavg: loadavg(), seconds: Math.round(total), groups: took, rows, notMeasured }
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`)
}
