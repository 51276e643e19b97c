import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, runCli, seedCopy } from './helpers.js'

const EXAMPLE = join(ROOT, 'examples/plugin-json-summary/summary.mjs')

describe('renderer plugins', () => {
  const dir = seedCopy()
  writeFileSync(join(dir, 'boom.mjs'), "export default { format: 'boom', extension: 'txt', render() { throw new Error('kaboom') } }\n")
  writeFileSync(join(dir, 'clash.mjs'), "export default { format: 'pdf', extension: 'pdf', render: () => '' }\n")
  writeFileSync(join(dir, 'broken.mjs'), 'export default {\n')
  writeFileSync(join(dir, 'nothing.mjs'), 'export const x = 1\n')
  writeFileSync(
    join(dir, 'multi.mjs'),
    "export default [{ format: 'parts', extension: 'txt', render: (ctx) => [{ name: 'a', bytes: 'A ' + ctx.resume.basics.name }, { name: 'b', bytes: new Uint8Array([66]) }] }]\n",
  )

  it('the example plugin adds a format that --format and --all-variants build', async () => {
    const r = await runCli(['build', 'resume.yaml', '--plugin', EXAMPLE, '-f', 'html,summary', '--all-variants', '-o', 'out-summary', '--json'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const summary = JSON.parse(readFileSync(join(dir, 'out-summary/resume-backend.summary.json'), 'utf8'))
    expect(summary.name).toBe('Hayes Zhao')
    expect(summary.headings).toContain('Experience')
    const formats = JSON.parse(r.stdout).artifacts.map((a: { format: string }) => a.format)
    expect(formats.filter((f: string) => f === 'summary')).toHaveLength(3)
  })

  it('meta.plugins names plugins from the resume, relative to it; a multi-file format names each file', async () => {
    const text = readFileSync(join(dir, 'resume.yaml'), 'utf8').replace(/^meta:\n/m, 'meta:\n  plugins: [./multi.mjs]\n')
    writeFileSync(join(dir, 'with-plugins.yaml'), text)
    const r = await runCli(['build', 'with-plugins.yaml', '-f', 'parts', '-o', 'out-parts'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out-parts/with-plugins-a.txt'), 'utf8')).toBe('A Hayes Zhao')
    expect(readFileSync(join(dir, 'out-parts/with-plugins-b.txt'), 'utf8')).toBe('B')
  })

  it('a plugin that throws while rendering is exit 6 naming it, and the other artifacts are built', async () => {
    const r = await runCli(['build', 'resume.yaml', '--plugin', './boom.mjs', '-f', 'html,boom,docx', '-o', 'out-boom'], { cwd: dir })
    expect(r.code).toBe(6)
    expect(r.stderr).toContain('error[PLUGIN_FAILED]: the plugin ./boom.mjs (format boom) failed: kaboom')
    expect(existsSync(join(dir, 'out-boom/resume.html'))).toBe(true)
    expect(existsSync(join(dir, 'out-boom/resume.docx'))).toBe(true)
  })

  it('a plugin that cannot load is exit 5 naming it', async () => {
    const cases: Array<[string, string]> = [
      ['./missing.mjs', 'cannot be found'],
      ['./broken.mjs', 'cannot be loaded'],
      ['./nothing.mjs', 'has no default export'],
      ['./clash.mjs', 'registers the format pdf, which vitae has already'],
      ['vitae-plugin-not-installed', 'is not installed'],
    ]
    for (const [spec, words] of cases) {
      const r = await runCli(['build', 'resume.yaml', '--plugin', spec, '-f', 'html', '-o', 'out-bad'], { cwd: dir })
      expect(r.code, `${spec}: ${r.stderr}`).toBe(5)
      expect(r.stderr).toContain(`error[PLUGIN]: the plugin ${spec} ${words}`)
    }
  })

  it('an unknown format is still a usage error (exit 2)', async () => {
    const r = await runCli(['build', 'resume.yaml', '--plugin', EXAMPLE, '-f', 'summry', '-o', 'out-x'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('summary')
  })
})
