import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { INSTALLED_SCHEMA, schemaPathFor } from '../src/init/init.js'
import { ROOT, runCli, tempDir } from './helpers.js'

describe('resume init', () => {
  it('writes a starter that validates with no warning, every section and a variant in it', async () => {
    const dir = tempDir()
    const r = await runCli(['init'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('wrote resume.yaml')
    const text = readFileSync(join(dir, 'resume.yaml'), 'utf8')
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${INSTALLED_SCHEMA}`)
    const v = await runCli(['validate'], { cwd: dir })
    expect(v.code).toBe(0)
    expect(v.stderr).not.toMatch(/warning\[/)
    expect(v.stderr).toContain('resume.yaml: valid (0 errors, 0 warnings)')

    const data = parse(text)
    const sections = ['work', 'volunteer', 'education', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references', 'projects']
    for (const s of sections) expect(data[s], s).toHaveLength(s === 'skills' ? 2 : 1)
    expect(data.meta).toMatchObject({ theme: 'classic', page: 'letter', margins: '0.5in', locale: 'en-US' })
    expect(data.meta.sections).toEqual(expect.arrayContaining(['summary', ...sections]))
    expect(Object.keys(data.variants)).toEqual(['backend'])
    // Without a terminal nothing is asked: placeholders stand in.
    expect(data.basics).toMatchObject({ name: 'Your Name', email: 'you@example.com' })

    // The variant builds too, and with no warning (its tags are carried by entries).
    const b = await runCli(['build', '--all-variants', '--format', 'html'], { cwd: dir })
    expect(b.code).toBe(0)
    expect(b.stderr).toBe('')
    expect(existsSync(join(dir, 'dist/resume-backend.html'))).toBe(true)
  })

  it('puts --name, --email and --locale in the file, quoted where YAML needs it', async () => {
    const dir = tempDir()
    const r = await runCli(['init', 'cv.yaml', '--name', 'null: Ada # Lovelace', '--email', 'ada@example.org', '--locale', 'de-DE'], { cwd: dir })
    expect(r.code).toBe(0)
    const data = parse(readFileSync(join(dir, 'cv.yaml'), 'utf8'))
    expect(data.basics.name).toBe('null: Ada # Lovelace')
    expect(data.basics.email).toBe('ada@example.org')
    expect(data.meta.locale).toBe('de-DE')
    expect(data.meta.page).toBe('a4')
    expect((await runCli(['validate', 'cv.yaml'], { cwd: dir })).code).toBe(0)
  })

  it('refuses a bad --email or --locale as usage (exit 2), writing nothing', async () => {
    const dir = tempDir()
    expect((await runCli(['init', '--email', 'nope'], { cwd: dir })).code).toBe(2)
    expect((await runCli(['init', '--locale', 'not a locale'], { cwd: dir })).code).toBe(2)
    expect(existsSync(join(dir, 'resume.yaml'))).toBe(false)
  })

  it('never overwrites a file (exit 7, OUTPUT_EXISTS, naming it) unless --force', async () => {
    const dir = tempDir()
    expect((await runCli(['init', '--name', 'First'], { cwd: dir })).code).toBe(0)
    const before = readFileSync(join(dir, 'resume.yaml'), 'utf8')
    const again = await runCli(['init', '--name', 'Second'], { cwd: dir })
    expect(again.code).toBe(7)
    expect(again.stderr).toContain('error[OUTPUT_EXISTS]')
    expect(again.stderr).toContain('resume.yaml exists')
    expect(readFileSync(join(dir, 'resume.yaml'), 'utf8')).toBe(before)

    const forced = await runCli(['init', '--name', 'Second', '--force'], { cwd: dir })
    expect(forced.code).toBe(0)
    expect(parse(readFileSync(join(dir, 'resume.yaml'), 'utf8')).basics.name).toBe('Second')
  })

  it('--ci also writes a workflow that builds the resume and every variant on push', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, '.git'))
    const r = await runCli(['init', '--ci'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('wrote .github/workflows/resume.yml')
    const wf = parse(readFileSync(join(dir, '.github/workflows/resume.yml'), 'utf8'))
    expect(Object.keys(wf.on)).toContain('push')
    const runs: string[] = wf.jobs.build.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run)
    expect(runs.some((run) => /resume build --all-variants --format pdf,html,docx/.test(run))).toBe(true)
    expect(wf.jobs.build.steps.some((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true)

    // All or nothing: with the workflow in place, a second --ci writes neither file.
    const again = await runCli(['init', 'other.yaml', '--ci'], { cwd: dir })
    expect(again.code).toBe(7)
    expect(again.stderr).toContain('.github/workflows/resume.yml exists')
    expect(existsSync(join(dir, 'other.yaml'))).toBe(false)
  })

  it('points the modeline at the schema of the vitae the project uses', () => {
    // Installed in the project: the real relative path, from wherever the resume sits.
    const project = '/home/ada/cv'
    const pkg = `${project}/node_modules/vitae/`
    const schema = `${pkg}schema/resume.schema.json`
    expect(schemaPathFor(`${project}/resume.yaml`, pkg, schema)).toBe('./node_modules/vitae/schema/resume.schema.json')
    expect(schemaPathFor(`${project}/docs/resume.yaml`, pkg, schema)).toBe('../node_modules/vitae/schema/resume.schema.json')
    // This repository: its own schema folder, as the seed resume has it.
    expect(schemaPathFor(join(ROOT, 'resume.yaml'))).toBe('./schema/resume.schema.json')
    // A global install or npx's cache: where `npm install vitae` will put it.
    expect(schemaPathFor('/home/ada/cv/resume.yaml', '/usr/lib/node_modules/vitae/', '/usr/lib/node_modules/vitae/schema/resume.schema.json')).toBe(INSTALLED_SCHEMA)
  })
})
