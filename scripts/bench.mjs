#!/usr/bin/env node
// npm run bench [-- --runs N] [-- --only html,pdf,...]
//
// Medians of whole CLI runs on resume.yaml, each beside a baseline measured in the same run on
// the same machine, so a slow or busy machine moves both. Nothing here asserts: tests never time.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin/resume.js')
const args = process.argv.slice(2)
const runs = Number(args[args.indexOf('--runs') + 1]) || 7
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined
const out = mkdtempSync(join(tmpdir(), 'vitae-bench-'))

/** Resident memory of a process and all its descendants, from /proc (Linux). */
function treeRss(pid) {
  let total = 0
  const children = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ppid = Number(fields[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {}
  }
  const stack = [pid]
  while (stack.length) {
    const p = stack.pop()
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
    } catch {}
    stack.push(...(children.get(p) ?? []))
  }
  return total
}

/** Runs a command once: wall time, peak memory of its process tree, and its stdout. */
function once(cmd, argv, { sampleMemory = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    let peak = 0
    const timer = sampleMemory && existsSync('/proc') ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 15) : undefined
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      if (timer) clearInterval(timer)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (code !== 0) reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}\n${stderr}`))
      else resolve({ ms, peak, stdout })
    })
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Alternates the subject and its baseline run by run, so drift hits both alike. */
async function paired(subject, baseline, options) {
  const a = []
  const b = []
  await once(...subject, options) // warm the file cache; not counted
  await once(...baseline, options)
  for (let i = 0; i < runs; i++) {
    a.push(await once(...subject, options))
    b.push(await once(...baseline, options))
  }
  return { subject: a, baseline: b }
}

const cli = (...argv) => [process.execPath, [bin, ...argv]]
const rows = []
const row = (name, value, unit, note = '') => {
  rows.push({ name, value: Math.round(value * 100) / 100, unit, note })
  console.log(`${name.padEnd(46)} ${String(Math.round(value * 10) / 10).padStart(9)} ${unit.padEnd(4)} ${note}`)
}
const want = (k) => !only || only.has(k)
let pdfBaseline

console.log(`vitae bench: ${runs} runs each, medians; ${new Date().toISOString()}`)
const node0 = await paired([process.execPath, ['-e', '0']], [process.execPath, ['-e', '0']])
row('node -e 0 (startup floor)', median(node0.subject.map((r) => r.ms)), 'ms')

if (want('validate')) {
  const r = await paired(cli('validate'), [process.execPath, ['-e', '0']])
  row('resume validate', median(r.subject.map((x) => x.ms)), 'ms', `node -e 0: ${median(r.baseline.map((x) => x.ms)).toFixed(1)} ms`)
}

if (want('html')) {
  const r = await paired(cli('build', '--format', 'html', '-q', '-o', out), [process.execPath, ['-e', '0']])
  const ms = median(r.subject.map((x) => x.ms))
  const floor = median(r.baseline.map((x) => x.ms))
  row('resume build --format html', ms, 'ms', `${(ms / floor).toFixed(2)}x node -e 0 (target 150 ms where node -e 0 takes 50: 3.0x)`)
}

if (want('docx')) {
  const r = await paired(cli('build', '--format', 'docx', '-q', '-o', out), [process.execPath, ['-e', '0']])
  const ms = median(r.subject.map((x) => x.ms))
  const floor = median(r.baseline.map((x) => x.ms))
  row('resume build --format docx', ms, 'ms', `${(ms / floor).toFixed(2)}x node -e 0 (target 200 ms at 50: 4.0x)`)
  const multi = await once(...cli('build', '--all-variants', '--format', 'docx', '--json', '-o', out))
  const further = median(JSON.parse(multi.stdout).artifacts.slice(1).map((a) => a.ms))
  row('  each further DOCX in the same build', further, 'ms', `${(further / floor).toFixed(2)}x node -e 0 (target 15 ms at 50: 0.30x)`)
}

if (want('pdf')) {
  const html = join(out, 'resume.html')
  await once(...cli('build', '--format', 'html', '-q', '-o', out))
  const r = await paired(cli('build', '--format', 'pdf', '-q', '-o', out), [process.execPath, [join(root, 'scripts/bench-pdf-baseline.mjs'), html, join(out, 'baseline.pdf')]], { sampleMemory: true })
  const ms = median(r.subject.map((x) => x.ms))
  const base = median(r.baseline.map((x) => x.ms))
  pdfBaseline = base
  row('puppeteer-core baseline: launch, setContent, pdf, close', base, 'ms')
  row('resume build --format pdf', ms, 'ms', `${(ms / base).toFixed(2)}x baseline (target <= 1.15x)`)
  const mem = median(r.subject.map((x) => x.peak))
  const memBase = median(r.baseline.map((x) => x.peak))
  row('  peak memory, process tree (baseline)', memBase / 2 ** 20, 'MiB')
  row('  peak memory, process tree (resume)', mem / 2 ** 20, 'MiB', `${(mem / memBase).toFixed(2)}x baseline (target <= 1.1x)`)
  const multi = await once(...cli('build', '--all-variants', '--format', 'pdf', '--json', '-o', out))
  const further = median(JSON.parse(multi.stdout).artifacts.slice(1).map((a) => a.ms))
  row('  each further PDF in the same build', further, 'ms', `${((100 * further) / base).toFixed(1)}% of the baseline (target 80 ms of 700: 11.4%)`)
}

if (want('all')) {
  const r = await paired(cli('build', '--all-variants', '--format', 'pdf,html,docx', '-q', '-o', out), cli('build', '--format', 'pdf', '-q', '-o', out))
  const all = median(r.subject.map((x) => x.ms))
  const one = median(r.baseline.map((x) => x.ms))
  const vsBaseline = pdfBaseline ? `; ${(all / pdfBaseline).toFixed(2)}x the puppeteer baseline (target 1300 ms of 700: 1.86x)` : ''
  row('all variants x pdf,html,docx, one run', all, 'ms', `${(all / one).toFixed(2)}x one PDF alone (${one.toFixed(0)} ms; target 1.5x)${vsBaseline}`)
}

rmSync(out, { recursive: true, force: true })
if (args.includes('--json')) console.log(JSON.stringify(rows, null, 2))
