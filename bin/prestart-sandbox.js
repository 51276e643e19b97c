// Starts the sandbox's worker thread while the CLI loads, when the command line names a theme that
// is not one of vitae's own. Such a theme (a JSON Resume package, a theme folder of the user's)
// renders in that worker, and the worker's start (40 ms or more of Node's own bootstrap) then
// overlaps loading the CLI and reading the resume instead of following them, on another core.
// src/sandbox/sandbox.ts adopts the worker if it was made as the sandbox would make one (the same
// heap limit); one never used is unreferenced and ends with the process.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

/** The sandbox's heap limit: HEAP_MB in src/sandbox/sandbox.ts, which adopts no worker with another. */
const HEAP_MB = 512

/** The value of --theme, as commander reads it (`--theme x` or `--theme=x`), before any `--`. */
function themeNamed(argv) {
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--') return undefined
    if (argv[i] === '--theme') return argv[i + 1]
    if (argv[i].startsWith('--theme=')) return argv[i].slice('--theme='.length)
  }
  return undefined
}

function prestartSandbox(argv) {
  const name = themeNamed(argv)
  // A built-in theme renders on the main thread from its compiled templates: no worker.
  if (!name || existsSync(join(__dirname, '../templates', name, 'theme.json'))) return
  const file = join(__dirname, '../lib/bundle/worker-main.js')
  if (!existsSync(file)) return
  const { Worker } = require('node:worker_threads')
  const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, stdout: true, stderr: false })
  const early = { worker, exited: false }
  // Until the sandbox takes it over: a failed start is the sandbox's to report, with its own worker.
  worker.on('error', () => undefined)
  worker.once('exit', () => {
    early.exited = true
  })
  worker.unref()
  globalThis[Symbol.for('vitae.earlyWorker')] = early
}

module.exports = { prestartSandbox }
