// Writes lib/bundle/main.cache: V8's code cache for the bundled CLI, made after running the commands
// people run most (validate; build to the formats that need no browser; help), in this process, so
// the cache holds the functions those commands compiled and not only the bundle's top level.
// bin/load-cli.js reads it; a Node that rejects it has the CLI write its own on first run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCli } from '../bin/load-cli.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = mkdtempSync(join(tmpdir(), 'vitae-warm-'))
const { main, saveCache } = loadCli({ useCache: false })
const quiet = { out: () => {}, err: () => {}, color: false, debug: false }
try {
  for (const args of [['validate', join(root, 'resume.yaml')], ['build', join(root, 'resume.yaml'), '--format', 'html,docx,md,txt,json', '-q', '-o', out], ['--help']]) {
    await main(['node', 'resume', ...args], quiet)
  }
  saveCache({ always: true })
} finally {
  rmSync(out, { recursive: true, force: true })
}
