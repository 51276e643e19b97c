import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, runCli, tempDir } from '../helpers.js'

const fixture = (name: string) => join(FIXTURES, 'import', name)

describe('resume import', () => {
  it.each([
    ['rendercv.yaml', 'RenderCV', 4],
    ['yamlresume.yml', 'YAMLResume', 5],
    ['legacy-jsonresume.json', 'JSON Resume', 2],
  ])('converts %s into a resume that validates', async (name, tool, warnings) => {
    const dir = tempDir()
    const out = join(dir, 'resume.yaml')
    const run = await runCli(['import', fixture(name), '-o', out])
    expect(run.stderr).toContain(`imported from ${tool}`)
    expect(run.code).toBe(0)
    expect(run.stderr.match(/warning\[IMPORT_DROPPED\]/g) ?? []).toHaveLength(warnings)
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/)
    const check = await runCli(['validate', out])
    expect(check.stderr).toContain('valid (0 errors, 0 warnings)')
    expect(check.code).toBe(0)
  })

  it('warns at the dropped value’s place in the source', async () => {
    const run = await runCli(['import', fixture('rendercv.yaml'), '-o', join(tempDir(), 'r.yaml')])
    expect(run.stderr).toMatch(/rendercv\.yaml:76:5: warning\[IMPORT_DROPPED\]: cv\.sections\.talks has no place/)
  })

  it('will not overwrite without --force (exit 7)', async () => {
    const dir = tempDir()
    const out = join(dir, 'resume.yaml')
    writeFileSync(out, 'mine')
    const run = await runCli(['import', fixture('rendercv.yaml'), '-o', out])
    expect(run.code).toBe(7)
    expect(run.stderr).toContain('already exists')
    expect(readFileSync(out, 'utf8')).toBe('mine')
    const forced = await runCli(['import', fixture('rendercv.yaml'), '-o', out, '--force'])
    expect(forced.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('Jane Doe')
  })

  it('names the formats it knows for anything else (exit 3)', async () => {
    const dir = tempDir()
    const odd = join(dir, 'odd.yaml')
    writeFileSync(odd, 'hello: world\n')
    const run = await runCli(['import', odd, '-o', join(dir, 'out.yaml')])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('UNKNOWN_FORMAT')
    expect(run.stderr).toContain('JSON Resume, RenderCV, YAMLResume')
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false)
    const missing = await runCli(['import', join(dir, 'nope.json')])
    expect(missing.code).toBe(3)
  })
})
