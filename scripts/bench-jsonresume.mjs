#!/usr/bin/env node
// A JSON Resume theme through vitae vs. through resumed's export path, each a whole process:
//   vitae:    resume build --theme even --format pdf (theme render, offline print, PDF metadata)
//   baseline: what `resumed export` does, emulated with puppeteer-core (resumed is not installed):
//             import the theme, render(resume), launch, setContent(html, {waitUntil: 'networkidle0'}),
//             pdf({format: 'Letter', printBackground: true, ...pdfRenderOptions}), close.
// The measurement lives in bench.mjs (its `jsonresume` group); this is that group alone, kept for
// the command line it always had. Needs `npm run build` first.
//
//   node scripts/bench-jsonresume.mjs [runs=5] [theme=even] [--json]
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [runs = '5', theme = 'even'] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const extra = process.argv.includes('--json') ? ['--json'] : []
const bench = join(dirname(fileURLToPath(import.meta.url)), 'bench.mjs')
const r = spawnSync(process.execPath, [bench, '--only', 'jsonresume', '--runs', runs, '--jsonresume-theme', theme, ...extra], { stdio: 'inherit' })
process.exit(r.status ?? 1)
