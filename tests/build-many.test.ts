import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, SEED, tempDir } from './helpers.js'

/** A folder of resumes, as a team keeps them: copies of the seed under other names, and one broken file. */
function pool(names: string[], broken = true): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'people'))
  for (const name of names) cpSync(SEED, join(dir, 'people', `${name}.yaml`))
  if (broken) writeFileSync(join(dir, 'people', 'zz-broken.yaml'), 'basics:\n  name: [unclosed\n')
  return dir
}

const built = (dir: string) => readdirSync(join(dir, 'out')).sort()

describe('many resumes in one run', () => {
  it('builds every resume of a folder under its own name; a broken one fails alone and sets the exit code', async () => {
    const dir = pool(['ada', 'ben', 'cy'])
    const { code, stdout, stderr } = await runCli(['build', 'people', '--format', 'html,txt', '-o', 'out'], { cwd: dir })
    expect(code, stderr).toBe(3)
    expect(built(dir)).toEqual(['ada.html', 'ada.txt', 'ben.html', 'ben.txt', 'cy.html', 'cy.txt'])
    expect(stdout).toContain('4 resumes: 3 built, 1 failed; 6 artifacts')
    expect(stderr).toMatch(/zz-broken\.yaml:\d+:\d+: error\[YAML_SYNTAX\]/)
    expect(stderr).toContain('failed: people/zz-broken.yaml (exit 3)')
  })

  it('prints every PDF of a lane with one browser', async () => {
    const dir = pool(['ada', 'ben', 'cy'], false)
    const { code, stderr } = await runCli(['build', 'people', '--format', 'pdf', '-o', 'out', '--jobs', '1', '--verbose'], { cwd: dir })
    expect(code, stderr).toBe(0)
    expect(built(dir)).toEqual(['ada.pdf', 'ben.pdf', 'cy.pdf'])
    expect(stderr.match(/pdf: browser ready/g)).toHaveLength(1)
  })

  it('reports every resume in one --json report, the failed one with its diagnostics', async () => {
    const dir = pool(['ada'])
    const { code, stdout } = await runCli(['build', 'people/ada.yaml', 'people/zz-broken.yaml', '--format', 'md', '-o', 'out', '--json'], { cwd: dir })
    expect(code).toBe(3)
    const report = JSON.parse(stdout)
    expect(report).toMatchObject({ ok: false, exitCode: 3, shard: null })
    expect(report.resumes.map((r: { file: string; exitCode: number }) => [r.file, r.exitCode])).toEqual([
      ['people/ada.yaml', 0],
      ['people/zz-broken.yaml', 3],
    ])
    expect(report.resumes[0].artifacts[0]).toMatchObject({ format: 'md', path: 'out/ada.md' })
    expect(report.resumes[1].diagnostics[0]).toMatchObject({ code: 'YAML_SYNTAX', file: 'people/zz-broken.yaml' })
  })

  it('--shard splits the list into parts that cover it once, and a file keeps its shard whatever else is listed', async () => {
    const names = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8', 'i9']
    const dir = pool(names, false)
    const parts: string[][] = []
    for (const i of [1, 2, 3]) {
      const { code, stdout } = await runCli(['build', 'people', '--format', 'json', '-o', 'out', '--json', '--shard', `${i}/3`], { cwd: dir })
      expect(code).toBe(0)
      parts.push(JSON.parse(stdout).resumes.map((r: { file: string }) => r.file))
    }
    expect(parts.flat().sort()).toEqual(names.map((n) => `people/${n}.yaml`))
    // The same file, listed alone, lands in the same shard.
    const home = parts.findIndex((p) => p.includes('people/e5.yaml')) + 1
    const alone = await runCli(['build', 'people/e5.yaml', 'people/a1.yaml', '--format', 'json', '-o', 'solo', '--json', '--shard', `${home}/3`], { cwd: dir })
    expect(JSON.parse(alone.stdout).resumes.map((r: { file: string }) => r.file)).toContain('people/e5.yaml')
  })

  it('refuses two resumes that would write the same outputs, and a shard that is not one (exit 2)', async () => {
    const dir = tempDir()
    for (const who of ['a', 'b']) {
      mkdirSync(join(dir, who))
      cpSync(SEED, join(dir, who, 'resume.yaml'))
    }
    const clash = await runCli(['build', 'a/resume.yaml', 'b/resume.yaml', '--format', 'html'], { cwd: dir })
    expect(clash.code).toBe(2)
    expect(clash.stderr).toContain('a/resume.yaml and b/resume.yaml would write the same outputs')
    const shard = await runCli(['build', 'a', '--shard', '4/3'], { cwd: dir })
    expect(shard.code).toBe(2)
    expect(shard.stderr).toContain('--shard "4/3" is not a shard')
  })
})
