#!/usr/bin/env node
// How fast `resume dev` shows a save, and whether it keeps its memory: starts the real CLI on a
// copy of the seed resume, edits it N times, and times each write until the server announces the
// new document on its event stream (the moment /document.html or /document.pdf serves it).
// Prints medians and the resident memory of the dev process tree (Chrome included) after 20 and
// after N rebuilds. No assertions; targets: <= 100 ms to new HTML, <= 250 ms to new PDF, memory
// after N <= after 20.
//
//   node scripts/bench-dev.mjs [--edits 200] [--only html|pdf]
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const EDITS = Number(flag('--edits', 200))
const SAMPLE = Math.min(20, EDITS)
const modes = flag('--only') ? [flag('--only')] : ['html', 'pdf']

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]

/** Resident memory of a process and all its descendants, in MiB (Linux /proc); `own` is the process alone. */
function treeRss(pid) {
  const children = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(name))
    } catch {}
  }
  let kib = 0
  let own = 0
  const walk = (p) => {
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
      kib += rss
      if (p === pid) own = rss
    } catch {}
    for (const c of children.get(p) ?? []) walk(c)
  }
  walk(pid)
  return { total: kib / 1024, own: own / 1024 }
}

const mib = ({ total, own }) => `${total.toFixed(1)} MiB (node ${own.toFixed(1)})`

/** The server's `state` events, as they arrive. */
function events(url, onState) {
  return new Promise((resolve, reject) => {
    const req = get(`${url}events`, (res) => {
      let buffer = ''
      res.setEncoding('utf8').on('data', (chunk) => {
        buffer += chunk
        let end
        while ((end = buffer.indexOf('\n\n')) >= 0) {
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

async function bench(mode) {
  const dir = mkdtempSync(join(tmpdir(), 'vitae-bench-dev-'))
  const file = join(dir, 'resume.yaml')
  cpSync(join(root, 'resume.yaml'), file)
  const seed = readFileSync(file, 'utf8')
  const child = spawn(process.execPath, [join(root, 'bin/resume.js'), 'dev', 'resume.yaml', '--port', '0', ...(mode === 'pdf' ? ['--format', 'pdf'] : [])], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  const url = await new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d
      const m = /serving (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.on('exit', () => reject(new Error(`resume dev exited:\n${out}`)))
  })
  const key = mode === 'pdf' ? 'pdfVersion' : 'version'
  let seen = 0
  let waiting
  const req = await events(url, (s) => {
    if (s.problems) console.error(s.problems)
    if (s[key] > seen) {
      seen = s[key]
      waiting?.(performance.now())
    }
  })
  const next = () => new Promise((resolve) => (waiting = resolve))
  if (seen === 0) await next() // the first build (Chrome starts here in pdf mode)

  const times = []
  const samples = []
  for (let i = 1; i <= EDITS; i++) {
    const arrived = next()
    const start = performance.now()
    writeFileSync(file, seed.replace('label: Computer Engineer', `label: Computer Engineer ${i}`))
    times.push((await arrived) - start)
    if (i === SAMPLE || i % 200 === 0) samples.push(`after ${i}: ${mib(treeRss(child.pid))}`)
    // Past the debounce, so each edit is its own rebuild rather than part of a burst.
    await new Promise((r) => setTimeout(r, 40))
  }
  req.destroy()
  child.kill('SIGINT')
  const code = await new Promise((r) => child.on('exit', r))
  rmSync(dir, { recursive: true, force: true })
  const label = mode === 'pdf' ? 'save -> new PDF served ' : 'save -> new HTML served'
  const target = mode === 'pdf' ? 250 : 100
  console.log(`${label}  median ${median(times).toFixed(1)} ms  p90 ${pct(times, 0.9).toFixed(1)} ms  (${EDITS} edits; target <= ${target} ms)`)
  console.log(`  memory of the dev process tree, rebuilds ${samples.join(', ')}  (exit ${code})`)
}

for (const mode of modes) await bench(mode)
