import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, runCli, seedCopy, tempDir } from './helpers.js'

const fixture = (name: string) => join('tests/fixtures/variants', name)

/** A temp folder holding the base fixture as resume.yaml. */
function baseCopy(): string {
  const dir = tempDir()
  cpSync(join(FIXTURES, 'variants/base.yaml'), join(dir, 'resume.yaml'))
  return dir
}

describe('variants of the seed resume', () => {
  let dir = ''
  let stdout = ''
  beforeAll(async () => {
    dir = seedCopy()
    const result = await runCli(['build', '--all-variants', '--format', 'html'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    stdout = result.stdout
  })

  it('builds every variant, one line per artifact and a summary', () => {
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['resume-ai-infra.html', 'resume-backend.html', 'resume-ml.html'])
    expect(stdout).toMatch(/^dist\/resume-backend\.html {2}/m)
    expect(stdout).toMatch(/^3 artifacts in /m)
  })

  it('the backend variant keeps backend work, drops the Kaggle project and AI tools, and relabels', () => {
    const html = readFileSync(join(dir, 'dist/resume-backend.html'), 'utf8')
    expect(html).toContain('Backend &amp; Distributed Systems Engineer')
    expect(html).toContain('Distributed Key-Value storage system')
    expect(html).toContain('Scaled backend system throughput by 100x')
    expect(html).not.toContain('H&amp;M Personalized Fashion Recommendations')
    expect(html).not.toContain('AI tools')
    expect(html).not.toContain('Architected the core two-stage optimization')
    // untagged highlights stay in every variant
    expect(html).toContain('Co-first-authored')
  })

  it('the ml variant puts projects before work and caps highlights at three', () => {
    const html = readFileSync(join(dir, 'dist/resume-ml.html'), 'utf8')
    expect(html).toContain('Machine Learning Engineer')
    expect(html.indexOf('section-projects')).toBeLessThan(html.indexOf('section-work'))
    const gra = html.slice(html.indexOf('Graduate Research Assistant</span>'), html.indexOf('Software Engineer Intern'))
    expect(gra.match(/<li>/g)).toHaveLength(3)
    expect(html).toContain('H&amp;M Personalized Fashion Recommendations')
  })
})

describe('tags, sections and overrides', () => {
  it('--tags keeps matching and untagged things, drops the rest', async () => {
    const dir = baseCopy()
    const { code, stderr } = await runCli(['build', '--format', 'html', '--tags', 'backend'], { cwd: dir })
    expect(code, stderr).toBe(0)
    const html = readFileSync(join(dir, 'dist/resume.html'), 'utf8')
    expect(html).toContain('Untagged highlight stays')
    expect(html).toContain('Tuned the database')
    expect(html).not.toContain('Trained a model')
    expect(html).not.toContain('Modelworks')
  })

  it('--exclude-tags wins over --tags', async () => {
    const dir = baseCopy()
    expect((await runCli(['build', '--format', 'html', '--tags', 'backend', '--exclude-tags', 'db'], { cwd: dir })).code).toBe(0)
    const html = readFileSync(join(dir, 'dist/resume.html'), 'utf8')
    expect(html).toContain('Acme')
    expect(html).not.toContain('Tuned the database')
  })

  it('a filter that empties a section omits it, and explain says why', async () => {
    const dir = baseCopy()
    expect((await runCli(['build', '--format', 'html', '--tags', 'ml'], { cwd: dir })).code).toBe(0)
    const html = readFileSync(join(dir, 'dist/resume.html'), 'utf8')
    expect(html).not.toContain('section-projects')
    const { stdout } = await runCli(['explain', '--tags', 'ml'], { cwd: dir })
    expect(stdout).toContain('- projects: omitted: the tag filters dropped every entry')
    expect(stdout).toMatch(/- Kernel {2}\(none of its tags \(systems\) is among the command line's tags \(ml\)\)/)
  })

  it('--sections chooses and orders sections; --set overrides a field, typed by the schema', async () => {
    const dir = baseCopy()
    const { code, stderr } = await runCli(
      ['build', '--format', 'html', '--sections', 'projects,work', '--set', 'basics.label=ML Engineer', '--set', 'work[0].highlights[0]=Rewritten bullet'],
      { cwd: dir },
    )
    expect(code, stderr).toBe(0)
    const html = readFileSync(join(dir, 'dist/resume.html'), 'utf8')
    expect(html).toContain('ML Engineer')
    expect(html).toContain('Rewritten bullet')
    expect(html).not.toContain('Untagged highlight stays')
    expect(html.indexOf('section-projects')).toBeLessThan(html.indexOf('section-work'))
  })

  it('--set with a bad value fails like the file would, naming the flag (exit 4)', async () => {
    const { code, stderr } = await runCli(['build', '--set', 'basics.email=nope'], { cwd: baseCopy() })
    expect(code).toBe(4)
    expect(stderr).toContain('error[FORMAT]: --set basics.email=nope: email must be an email address')
  })

  it('--set on a field that does not exist is exit 4 with a suggestion', async () => {
    const { code, stderr } = await runCli(['build', '--set', 'basics.nmae=x'], { cwd: baseCopy() })
    expect(code).toBe(4)
    expect(stderr).toContain('basics has no field nmae')
    expect(stderr).toContain('did you mean basics.name?')
  })

  it('flags compose on top of a variant', async () => {
    const dir = baseCopy()
    writeFileSync(join(dir, 'resume.yaml'), `${readFileSync(join(dir, 'resume.yaml'), 'utf8')}variants:\n  be:\n    tags: [backend]\n`)
    expect((await runCli(['build', '--format', 'html', '--variant', 'be', '--exclude-tags', 'db'], { cwd: dir })).code).toBe(0)
    const html = readFileSync(join(dir, 'dist/resume-be.html'), 'utf8')
    expect(html).toContain('Untagged highlight stays')
    expect(html).not.toContain('Tuned the database') // excluded by the flag
    expect(html).not.toContain('Modelworks') // dropped by the variant
  })

  it('variants can live in variants/NAME.yaml beside the resume, with positions in that file', async () => {
    const dir = baseCopy()
    mkdirSync(join(dir, 'variants'))
    writeFileSync(join(dir, 'variants/ml.yaml'), 'description: ML roles\ntags: [ml]\nset:\n  basics.label: ML Engineer\n')
    const ok = await runCli(['build', '--format', 'html', '--variant', 'ml'], { cwd: dir })
    expect(ok.code, ok.stderr).toBe(0)
    expect(readFileSync(join(dir, 'dist/resume-ml.html'), 'utf8')).toContain('Modelworks')
    writeFileSync(join(dir, 'variants/bad.yaml'), 'tags: [ml]\nmaxHighlights: many\n')
    const bad = await runCli(['validate'], { cwd: dir })
    expect(bad.code).toBe(4)
    expect(bad.stderr).toContain('variants/bad.yaml:2:16: error[TYPE]: maxHighlights must be a whole number')
  })
})

describe('bad variants', () => {
  it('an unknown variant is exit 2 with the known ones and a suggestion', async () => {
    const { code, stderr } = await runCli(['build', '--variant', 'backnd'], { cwd: seedCopy() })
    expect(code).toBe(2)
    expect(stderr).toContain('there is no variant "backnd"')
    expect(stderr).toContain('did you mean backend? the variants are ai-infra, backend, ml')
  })

  it('an override of a path that does not exist is exit 4 at the variant line', async () => {
    const { code, stderr } = await runCli(['build', fixture('bad-path.yaml'), '--variant', 'backend'])
    expect(code).toBe(4)
    expect(stderr).toContain(`${fixture('bad-path.yaml')}:8:7: error[SET_PATH]: work has 1 entry, so work[3] does not exist`)
  })

  it('an override with the wrong type is exit 4 at the value', async () => {
    const { code, stderr } = await runCli(['validate', fixture('bad-type.yaml')])
    expect(code).toBe(4)
    expect(stderr).toContain(`${fixture('bad-type.yaml')}:6:21: error[FORMAT]: email must be an email address`)
    expect(stderr).toContain(`${fixture('bad-type.yaml')}:7:24: error[TYPE]: profiles must be a list`)
  })

  it('two variants writing the same output name are refused', async () => {
    const { code, stderr } = await runCli(['validate', fixture('same-output.yaml')])
    expect(code).toBe(4)
    expect(stderr).toContain(`${fixture('same-output.yaml')}:7:13: error[OUTPUT_CONFLICT]: the variants one and two would both write ada.*`)
  })

  it('variant names that would escape the output folder are refused', async () => {
    const out = tempDir()
    const { code, stderr } = await runCli(['build', fixture('escape-name.yaml'), '--all-variants', '--out', out])
    expect(code).toBe(4)
    expect(stderr).toContain(`${fixture('escape-name.yaml')}:4:3: error[VARIANT_NAME]: "../x" cannot be a variant name`)
    expect(stderr).toContain(`${fixture('escape-name.yaml')}:6:3: error[VARIANT_NAME]: "/etc/x" cannot be a variant name`)
    expect(existsSync(join(out, '..', 'x.html'))).toBe(false)
  })

  it('an unknown tag in a variant is a warning with a suggestion; an unknown section an error', async () => {
    const tag = await runCli(['validate', fixture('unknown-tag.yaml')])
    expect(tag.code).toBe(0)
    expect(tag.stderr).toContain(`${fixture('unknown-tag.yaml')}:8:12: warning[UNKNOWN_TAG]: no entry or highlight carries the tag bakend; did you mean backend?`)
    const section = await runCli(['validate', fixture('unknown-section.yaml')])
    expect(section.code).toBe(4)
    expect(section.stderr).toContain(`${fixture('unknown-section.yaml')}:5:22: error[ENUM]`)
    expect(section.stderr).toContain('did you mean skills?')
  })
})

describe('explain and --json', () => {
  it('explain names the rule behind every kept and dropped thing', async () => {
    const { code, stdout } = await runCli(['explain', '--variant', 'backend'], { cwd: seedCopy() })
    expect(code).toBe(0)
    expect(stdout).toContain('variant backend — Backend and distributed systems roles')
    expect(stdout).toMatch(/set basics\.label = "Backend & Distributed Systems Engineer" {2}\(resume\.yaml:\d+:\d+\)/)
    expect(stdout).toMatch(/- H&M Personalized Fashion Recommendations {2}\(none of its tags \(ml, recsys\) is among variant backend's tags/)
    expect(stdout).toMatch(/\+ Distributed Key-Value storage system {2}\(tag backend is included by variant backend\)/)
    expect(stdout).toMatch(/\+ Co-first-authored 'STARDUST'.* {2}\(untagged: always kept\)/)
  })

  it('build --json prints only JSON on stdout: artifacts, bytes, warnings', async () => {
    const { code, stdout } = await runCli(['build', '--format', 'html', '--all-variants', '--json', '--tags', 'pythn'], { cwd: seedCopy() })
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as { ok: boolean; artifacts: Array<{ variant: string; format: string; path: string; bytes: number }>; warnings: Array<{ code: string }> }
    expect(report.ok).toBe(true)
    expect(report.artifacts.map((a) => a.variant)).toEqual(['ai-infra', 'backend', 'ml'])
    expect(report.artifacts.every((a) => a.format === 'html' && a.bytes > 10_000 && a.path.startsWith('dist/'))).toBe(true)
    expect(report.warnings.map((w) => w.code)).toContain('UNKNOWN_TAG')
  })

  it('build --json still prints a report when nothing could be built', async () => {
    const { code, stdout } = await runCli(['build', '--json', '--variant', 'nope'], { cwd: seedCopy() })
    expect(code).toBe(2)
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, exitCode: 2 })
  })
})
