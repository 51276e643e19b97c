#!/usr/bin/env node
// A JSON Resume theme through vitae vs. through resumed's export path, each a whole process:
//   vitae:    resume build --theme even --format pdf (theme render, offline print, PDF metadata)
//   baseline: what `resumed export` does, emulated with puppeteer-core (resumed is not installed):
//             import the theme, render(resume), launch, setContent(html, {waitUntil: 'networkidle0'}),
//             pdf({format: 'Letter', printBackground: true, ...pdfRenderOptions}), close.
// Same browser, same seed (as plain JSON Resume), medians of N runs. Needs `npm run build` first.
//
//   node scripts/bench-jsonresume.mjs [runs=5] [theme=even]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const runs = Number(process.argv[2] ?? 5)
const theme = process.argv[3] ?? 'even'
const { findBrowser } = await import(pathToFileURL(join(root, 'lib/browser/find.js')).href)
const { chromeArgs, sandboxOffReason } = await import(pathToFileURL(join(root, 'lib/browser/flags.js')).href)
const { toPlainJsonResume } = await import(pathToFileURL(join(root, 'lib/themes/jsonresume-data.js')).href)
const executablePath = findBrowser().found?.path
if (!executablePath) {
  console.error('no browser found (set VITAE_BROWSER)')
  process.exit(6)
}

const work = mkdtempSync(join(tmpdir(), 'vitae-bench-jr-'))
cpSync(join(root, 'resume.yaml'), join(work, 'resume.yaml'))
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'))
writeFileSync(join(work, 'resume.json'), JSON.stringify(toPlainJsonResume(parse(readFileSync(join(root, 'resume.yaml'), 'utf8')))))

// resumed's export, as one program: the same steps it takes, with the same browser flags as vitae.
const baseline = `
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
writeFileSync(join(work, 'baseline.mjs'), baseline)

function time(args) {
  const started = performance.now()
  const r = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return performance.now() - started
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const vitae = []
const resumed = []
for (let i = 0; i < runs; i++) {
  // Interleaved, so a busy moment on a shared machine hits both.
  vitae.push(time([join(root, 'bin/resume.js'), 'build', 'resume.yaml', '--theme', theme, '--format', 'pdf', '-q', '-o', 'out']))
  resumed.push(time(['baseline.mjs']))
}
const v = median(vitae)
const b = median(resumed)
console.log(`resumed-style export (puppeteer, networkidle0), ${theme}`.padEnd(58), `${b.toFixed(1)} ms`)
console.log(`resume build --theme ${theme} --format pdf`.padEnd(58), `${v.toFixed(1)} ms   ${(v / b).toFixed(2)}x baseline`)
rmSync(work, { recursive: true, force: true })
