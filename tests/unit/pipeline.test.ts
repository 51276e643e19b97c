import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { labelsFor } from '../../src/core/labels.js'
import { entryLabel, SECTIONS } from '../../src/core/sections.js'
import { buildView } from '../../src/core/view.js'
import { inspect, plan } from '../../src/pipeline/plan.js'
import { prepareTarget, tailorTarget } from '../../src/pipeline/prepare.js'
import { build } from '../../src/pipeline/run.js'
import { BuildServices } from '../../src/pipeline/services.js'
import { ROOT, SEED } from '../helpers.js'

const services = () => new BuildServices({ timeoutMs: 30_000, log: () => undefined })

describe('plan: load, validate and variants, once', () => {
  it('finds the seed valid with its three variants', async () => {
    const seen = await inspect(SEED)
    expect(seen.diagnostics).toEqual([])
    expect([...seen.variants.keys()]).toEqual(['ai-infra', 'backend', 'ml'])
  })

  it('reports a schema problem without throwing, and plan refuses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitae-unit-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    writeFileSync(join(dir, 'r.yaml'), 'basics:\n  name: A\n  email: nope\n')
    const seen = await inspect(join(dir, 'r.yaml'))
    expect(seen.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['FORMAT', 3, 10]])
    await expect(plan(join(dir, 'r.yaml'))).rejects.toMatchObject({ kind: 'validation' })
  })

  it('types an override by the schema and names its origin', async () => {
    const p = await plan(SEED, { overrides: [{ path: 'basics.label', value: 'ML Engineer', origin: '--set' }] })
    const t = await tailorTarget(p, p.targets[0]!, {}, services())
    expect(t.resume.basics?.label).toBe('ML Engineer')
    expect(t.overrides[0]).toMatchObject({ path: ['basics', 'label'], origin: '--set' })
    await expect(plan(SEED, { overrides: [{ path: 'basics.email', value: 'nope', origin: '--set' }] })).rejects.toMatchObject({ kind: 'validation' })
  })
})

describe('tailoring, in-process', () => {
  it('a variant keeps what its tags allow and says why it dropped the rest', async () => {
    const p = await plan(SEED, { variants: ['backend'] })
    const t = await tailorTarget(p, p.targets[0]!, {}, services())
    const hm = t.decisions.find((d) => d.label.startsWith('H&M'))
    expect(hm).toMatchObject({ kept: false })
    expect(hm?.reason).toMatch(/none of its tags .* is among variant backend's tags/)
    expect(t.resume.meta?.sections).toEqual(['summary', 'education', 'work', 'projects', 'skills', 'awards'])
  })

  it('the ml variant caps highlights at three per entry', async () => {
    const p = await plan(SEED, { variants: ['ml'] })
    const t = await tailorTarget(p, p.targets[0]!, {}, services())
    for (const job of t.resume.work ?? []) expect((job.highlights ?? []).length).toBeLessThanOrEqual(3)
  })
})

describe('the section table', () => {
  it('names every section the schema knows, once', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/resume.schema.json'), 'utf8')) as { definitions: { section: { enum: string[] } } }
    expect(SECTIONS.map((s) => s.id).sort()).toEqual([...schema.definitions.section.enum].sort())
  })

  it('titles an entry the way explain and the view both show it', () => {
    expect(entryLabel('work', { position: 'Engineer', name: 'Acme' })).toBe('Engineer | Acme')
    expect(entryLabel('education', { studyType: 'MS.', area: 'CE', institution: 'GWU' })).toBe('MS. CE | GWU')
    expect(entryLabel('projects', { name: 'Kernel', type: 'Contest' })).toBe('Kernel')
  })
})

describe('the view', () => {
  it('shapes the seed into sections and entries in the resume’s order', async () => {
    const p = await plan(SEED)
    const { document } = await prepareTarget(p, p.targets[0]!, {}, services())
    const view = document.view
    expect(view.sections.map((s) => s.id)).toEqual(['summary', 'education', 'work', 'projects', 'awards', 'skills'])
    expect(view.sections.map((s) => s.heading)).toEqual(['', 'Education', 'Experience', 'Projects', 'Awards & Honors', 'Skills & Interests'])
    const job = view.sections.find((s) => s.id === 'work')!.entries[0]!
    expect(job).toMatchObject({ title: 'Graduate Research Assistant', organization: 'George Washington University', location: 'Washington, DC', dates: 'Mar 2024 – Sep 2024' })
    expect(job.bullets).toHaveLength(4)
    expect(view.properties.title).toBe('Hayes Zhao – Resume')
  })

  it('takes every word a reader sees from the labels', () => {
    const english = labelsFor('en')
    const labels = { ...english, sections: { ...english.sections, work: 'Berufserfahrung' }, present: 'heute', gpa: 'Note', courses: 'Kurse', documentTitle: '{name} – Lebenslauf' }
    const view = buildView(
      { basics: { name: 'A' }, work: [{ name: 'X', startDate: '2020-01' }], education: [{ institution: 'U', score: '1,3', courses: ['Algebra'] }] },
      { sections: ['work', 'education'], labels, locale: 'de-DE' },
    )
    expect(view.sections[0]).toMatchObject({ heading: 'Berufserfahrung', entries: [{ dates: 'Jan. 2020 – heute' }] })
    expect(view.sections[1]!.entries[0]).toMatchObject({ note: 'Note 1,3' })
    expect(JSON.stringify(view.sections[1]!.entries[0]!.bullets)).toContain('Kurse: Algebra')
    expect(view.properties.title).toBe('A – Lebenslauf')
  })
})

describe('build-scoped services', () => {
  it('two builds in one process share nothing: a theme edited between them shows in the second', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitae-unit-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    cpSync(SEED, join(dir, 'resume.yaml'))
    cpSync(join(ROOT, 'templates/classic'), join(dir, 'templates/classic'), { recursive: true })
    const once = () => build({ input: join(dir, 'resume.yaml'), formats: ['html'], outDir: join(dir, 'out') })
    await once()
    expect(readFileSync(join(dir, 'out/resume.html'), 'utf8')).not.toContain('edited-between-builds')
    const css = join(dir, 'templates/classic/style.css')
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n/* edited-between-builds */\n`)
    await once()
    expect(readFileSync(join(dir, 'out/resume.html'), 'utf8')).toContain('edited-between-builds')
  })

  it('a disposed build refuses to start a browser', async () => {
    const s = services()
    await s.dispose()
    await expect(s.browser()).rejects.toThrow(/build is over/)
  })
})
