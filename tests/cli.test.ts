import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, ROOT, runBin, runCli, SEED, tempDir } from './helpers.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }

// The bin itself, as a child process: what a shell sees (its exit status, its streams).
describe('bin/resume.js', () => {
  it('--version prints the package version', async () => {
    const { code, stdout } = await runBin(['--version'])
    expect(code).toBe(0)
    expect(stdout.trim()).toBe(pkg.version)
  })

  it('--help lists the commands and the exit codes', async () => {
    const { code, stdout } = await runBin(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/build \[options\] \[files\.\.\.\]/)
    expect(stdout).toMatch(/validate \[options\] \[file\]/)
    expect(stdout).toContain('4 validation')
  })

  it("exits with the command's code: 2 for usage, 4 for an invalid resume", async () => {
    const usage = await runBin(['biuld'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('(Did you mean build?)')
    const invalid = await runBin(['validate', join(FIXTURES, 'invalid/month-13.yaml')])
    expect(invalid.code).toBe(4)
    expect(invalid.stderr).toContain('error[')
  })

  it('a reader that closes the pipe before the output comes (`resume --help | head -0`) is no crash: exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/resume.js'), '--help'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })
})

describe('bin/resume.js, bundled', () => {
  // runCli runs src/; this is the one build of every format through lib/bundle, as installed: a
  // module the bundle lost, or a file it finds beside itself (PDF.js for page images), shows here.
  it('builds every format of the seed', async () => {
    const dir = tempDir()
    cpSync(SEED, join(dir, 'resume.yaml'))
    const r = await runBin(['build', '--format', 'pdf,png,html,docx,json,md,txt', '-o', 'out', '--json'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout) as { artifacts: Array<{ format: string }> }
    expect(new Set(report.artifacts.map((a) => a.format))).toEqual(new Set(['pdf', 'png', 'html', 'docx', 'json', 'md', 'txt']))
  })
})

describe('the package as npm publishes it', () => {
  // The installed CLI has only the files package.json's "files" lists (locales/ was once missing,
  // and every build of an installed vitae failed). A copy of exactly those files, beside this
  // checkout's node_modules, must build the seed in every browserless format.
  it('holds every file the CLI reads', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as Array<{
      files: Array<{ path: string }>
    }>
    const dir = tempDir()
    for (const { path } of packed[0]!.files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      copyFileSync(join(ROOT, path), join(dir, path))
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
    const work = tempDir()
    cpSync(SEED, join(work, 'resume.yaml'))
    const run = spawnSync(process.execPath, [join(dir, 'bin/resume.js'), 'build', '--all-variants', '--format', 'html,docx,md,txt,json', '-o', 'out', '-q'], {
      cwd: work,
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    expect(readdirSync(join(work, 'out')).filter((f) => f.endsWith('.docx')).length).toBeGreaterThan(1)
  })
})

describe('bin/load-cli.js, the code cache', () => {
  // The bundle is compiled from V8's code cache (lib/bundle/main.cache). A cache V8 rejects (another
  // Node, other flags, a damaged file) must cost only time: the command works, and leaves a good one.
  it('runs with a damaged cache and writes a fresh one that V8 then accepts', async () => {
    const dir = tempDir()
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true })
    mkdirSync(join(dir, 'lib/bundle'), { recursive: true })
    cpSync(join(ROOT, 'lib/bundle/main.cjs'), join(dir, 'lib/bundle/main.cjs'))
    writeFileSync(join(dir, 'lib/bundle/main.cache'), Buffer.alloc(4096, 7))
    for (const shared of ['lib/generated', 'schema', 'locales', 'templates', 'styles', 'node_modules', 'package.json']) symlinkSync(join(ROOT, shared), join(dir, shared))
    const run = () => spawnSync(process.execPath, [join(dir, 'bin/resume.js'), 'validate', SEED], { encoding: 'utf8' })
    const first = run()
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).toContain('valid (0 errors')
    const written = readFileSync(join(dir, 'lib/bundle/main.cache'))
    expect(written.length).toBeGreaterThan(100_000)
    expect(written.equals(Buffer.alloc(4096, 7))).toBe(false)
    const second = run()
    expect(second.status, second.stderr).toBe(0)
    // accepted this time: the file is left as it was
    expect(readFileSync(join(dir, 'lib/bundle/main.cache')).equals(written)).toBe(true)
    expect(readdirSync(join(dir, 'lib/bundle')).sort()).toEqual(['main.cache', 'main.cjs'])
    // `resume match` has a cache of its own: missing here, so its first run writes it, and no other.
    const runMatch = () => spawnSync(process.execPath, [join(dir, 'bin/resume.js'), 'match', join(ROOT, 'examples/posting.md'), SEED], { encoding: 'utf8' })
    const match = runMatch()
    expect(match.status, match.stderr).toBe(0)
    expect(readdirSync(join(dir, 'lib/bundle')).sort()).toEqual(['main.cache', 'main.cjs', 'match.cache'])
    expect(readFileSync(join(dir, 'lib/bundle/main.cache')).equals(written)).toBe(true)
    // and accepts it on the next: match changes a V8 flag while it reads the posting, and sets it
    // back, or the cache it wrote would be made under other flags and rejected on every run.
    const matchCache = readFileSync(join(dir, 'lib/bundle/match.cache'))
    expect(runMatch().status).toBe(0)
    expect(readFileSync(join(dir, 'lib/bundle/match.cache')).equals(matchCache)).toBe(true)
  })
})

describe('the resume command', () => {
  it('an unknown command is a usage error (exit 2) with a suggestion', async () => {
    const { code, stderr } = await runCli(['biuld'])
    expect(code).toBe(2)
    expect(stderr).toContain('(Did you mean build?)')
  })

  it('an unknown flag or a bad flag value is exit 2', async () => {
    expect((await runCli(['build', '--colour'])).code).toBe(2)
    expect((await runCli(['build', '--page', 'a5'])).code).toBe(2)
    expect((await runCli(['build', '--timeout', 'soon'])).code).toBe(2)
    const margin = await runCli(['build', '--margin', 'wide'])
    expect(margin.code).toBe(2)
    expect(margin.stderr).toContain('--margin "wide" is not a margin')
    const format = await runCli(['build', '--format', 'rtf'])
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('unknown format rtf')
  })

  it('validate accepts the seed resume with no warnings', async () => {
    const { code, stderr } = await runCli(['validate'])
    expect(code).toBe(0)
    expect(stderr).toContain('resume.yaml: valid (0 errors, 0 warnings)')
  })
})

// The harness itself: in-process runs must behave like separate processes.
describe('runCli (main() in-process)', () => {
  it('runs in the given folder and environment, and puts both back', async () => {
    const dir = tempDir()
    cpSync(SEED, join(dir, 'resume.yaml'))
    const cwd = process.cwd()
    const before = process.env.SOURCE_DATE_EPOCH
    const r = await runCli(['validate'], { cwd: dir, env: { SOURCE_DATE_EPOCH: 'soon' } })
    expect(r.code).toBe(0)
    expect(process.cwd()).toBe(cwd)
    expect(process.env.SOURCE_DATE_EPOCH).toBe(before)
    const built = await runCli(['build', '--format', 'html', '-q'], { cwd: dir, env: { SOURCE_DATE_EPOCH: 'soon' } })
    // The bad SOURCE_DATE_EPOCH reached the build: the environment was the run's own.
    expect(built.code).toBe(2)
    expect(built.stderr).toContain('SOURCE_DATE_EPOCH')
  })

  it('lets overlapping runs with different folders take turns, each reading its own resume.yaml', async () => {
    const good = tempDir()
    cpSync(SEED, join(good, 'resume.yaml'))
    const bad = tempDir()
    writeFileSync(join(bad, 'resume.yaml'), 'basics:\n  name: A\n  email: nope\n')
    const [a, b, c] = await Promise.all([runCli(['validate'], { cwd: good }), runCli(['validate'], { cwd: bad }), runCli(['validate'], { cwd: good })])
    expect([a.code, b.code, c.code]).toEqual([0, 4, 0])
    expect(b.stderr).toContain('resume.yaml:3:10')
  })
})
