#!/usr/bin/env node
// How fast `resume dev` shows a save, and whether it keeps its memory: starts the real CLI on a
// copy of the seed resume, edits it N times, and times each write until the server announces the
// new document on its event stream (the moment /document.html or /document.pdf serves it).
// Prints medians and the resident memory of the dev process tree (Chrome included) after 20 and
// after N rebuilds. No assertions; targets: <= 100 ms to new HTML, <= 250 ms to new PDF, memory
// after N <= after 20.
// The measurement lives in bench.mjs (its `dev` group); this is that group alone, kept for the
// command line it always had.
//
//   node scripts/bench-dev.mjs [--edits 200] [--only html|pdf] [--json]
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const bench = join(dirname(fileURLToPath(import.meta.url)), 'bench.mjs')
const argv = [bench, '--only', 'dev', '--dev-edits', flag('--edits', '200'), '--dev-formats', flag('--only', 'html,pdf'), ...(args.includes('--json') ? ['--json'] : [])]
const r = spawnSync(process.execPath, argv, { stdio: 'inherit' })
process.exit(r.status ?? 1)
