// Writes lib/bundle/main.cache: V8's code cache for the bundled CLI, made after running the commands
// people run most (validate; build to the formats that need no browser; match; help), in this process, so
// the cache holds the functions those commands compiled and not only the bundle's top level.
// bin/load-cli.js reads it; a Node that rejects it has the CLI write its own on first run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCli } from '../bin/load-cli.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = mkdtempSync(join(tmpdir(), 'vitae-warm-'))
const posting = join(out, 'posting.md')
writeFileSync(
  posting,
  '# Senior Backend Engineer\n\n## Requirements\n\n- 5+ years of Go or Python, PostgreSQL and Kafka\n- Kubernetes, Terraform, CI/CD\n\n## Nice to have\n\n- gRPC, Redis\n',
)
const { main, saveCache } = loadCli({ useCache: false })
const quiet = { out: () => {}, err: () => {}, color: false, debug: false }
const resume = join(root, 'resume.yaml')
const commands = [
  ['validate', resume],
  ['build', resume, '--format', 'html,docx,md,txt,json', '-q', '-o', out],
  // Markdown beyond bold (a link, emphasis) loads markdown-it, which the seed alone never needs.
  ['build', resume, '--format', 'html', '-q', '-o', out, '--set', 'basics.summary=See [the site](https://example.com), *then* `code`'],
  ['match', posting, resume, '--all-variants'],
  ['--help'],
]
try {
  for (const args of commands) {
    // A command that fails here is a broken bundle, not a slower one: the build stops.
    const code = await main(['node', 'resume', ...args], quiet)
    if (code !== 0) throw new Error(`warm-code-cache: resume ${args.join(' ')} exited ${code}`)
  }
  saveCache({ always: true })
} finally {
  rmSync(out, { recursive: true, force: true })
}
