// Writes V8's code caches for the bundled CLI (bin/load-cli.js reads them): lib/bundle/main.cache,
// made by running validate and build to HTML (with Markdown beyond bold, which loads markdown-it),
// and lib/bundle/match.cache, made by running match. Each is made in a process of its own, after
// its commands ran there, so it holds the functions they compiled and not only the bundle's top
// level, and nothing of the other's. A Node that rejects a cache has the CLI write its own.
import { spawnSync } from 'node:child_process'
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
const resume = join(root, 'resume.yaml')
const families = {
  main: [
    ['validate', resume],
    ['build', resume, '--format', 'html', '-q', '-o', out],
    // Markdown beyond bold (a link, emphasis) loads markdown-it, which the seed alone never needs.
    ['build', resume, '--format', 'html', '-q', '-o', out, '--set', 'basics.summary=See [the site](https://example.com), *then* `code`'],
  ],
  match: [['match', posting, resume, '--all-variants']],
}
const family = process.argv[2]
if (!family) {
  // One process per cache: a cache holds everything its process compiled.
  rmSync(out, { recursive: true, force: true })
  for (const name of Object.keys(families)) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], { stdio: 'inherit' })
    if (child.status !== 0) process.exit(child.status ?? 1)
  }
  process.exit(0)
}
const commands = families[family]
const { main, saveCache } = loadCli({ useCache: false, argv: ['node', 'resume', ...commands[0]] })
const quiet = { out: () => {}, err: () => {}, color: false, debug: false }
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
