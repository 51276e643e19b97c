#!/usr/bin/env node
// node scripts/bench-png.mjs [--runs N]
//
// What page images cost beside the PDF they are drawn from: medians of whole CLI runs of
// `resume build --format pdf`, `--format png` and `--format pdf,png`, on the seed (one page) and
// on tests/fixtures/ats/long.yaml (three), run interleaved so a busy machine slows each alike.
// The target: png at most pdf + 30 % per page. Nothing here asserts: tests never time.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin/resume.js')
const args = process.argv.slice(2)
const runs = Number(args[args.indexOf('--runs') + 1]) || 7
const out = mkdtempSync(join(tmpdir(), 'vitae-bench-png-'))

function once(argv) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, [bin, ...argv], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`resume ${argv.join(' ')} exited ${code}\n${stderr}`))))
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const documents = [
  { name: 'seed', file: 'resume.yaml', pages: 1 },
  { name: 'long', file: 'tests/fixtures/ats/long.yaml', pages: 3 },
]
const formats = ['pdf', 'png', 'pdf,png']

try {
  const times = new Map()
  // One warm-up of each, not counted: the first Chrome start after a while is slower.
  for (const d of documents) for (const f of formats) await once(['build', d.file, '--format', f, '-q', '-o', out])
  for (let i = 0; i < runs; i++) {
    for (const d of documents) {
      for (const f of formats) {
        const key = `${d.name} ${f}`
        if (!times.has(key)) times.set(key, [])
        times.get(key).push(await once(['build', d.file, '--format', f, '-q', '-o', out]))
      }
    }
  }
  const pad = (s, n) => String(s).padEnd(n)
  console.log(`medians of ${runs} runs each, whole CLI runs (node bin/resume.js build ...)`)
  for (const d of documents) {
    const pdf = median(times.get(`${d.name} pdf`))
    const png = median(times.get(`${d.name} png`))
    const both = median(times.get(`${d.name} pdf,png`))
    const perPage = (png - pdf) / pdf / d.pages
    console.log(`${pad(`${d.name} (${d.pages} page${d.pages === 1 ? '' : 's'}) --format pdf`, 40)} ${pdf.toFixed(1).padStart(8)} ms`)
    console.log(
      `${pad(`${d.name} --format png`, 40)} ${png.toFixed(1).padStart(8)} ms   ${(png / pdf).toFixed(2)}x pdf   +${(perPage * 100).toFixed(1)}% of pdf per page (target <= 30%)`,
    )
    console.log(`${pad(`${d.name} --format pdf,png`, 40)} ${both.toFixed(1).padStart(8)} ms   ${(both / pdf).toFixed(2)}x pdf`)
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
