import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadText } from '../../src/core/load.js'
import { tailor } from '../../src/core/tailor.js'
import { checkVariants, collectVariants, outputName, tagInventory, variantLayer } from '../../src/core/variants.js'
import type { Resume } from '../../src/types/resume.js'

// Variants: defined in the resume or in variants/NAME.yaml beside it, checked against the resume,
// and merged as tailoring layers.

const RESUME = `basics:
  name: Ada
  label: Engineer
work:
  - name: Infra Co
    tags: [backend]
    highlights:
      - { text: Ran the GPU fleet, tags: [ml] }
      - Kept the lights on
variants:
  backend:
    tags: [backend]
    set:
      basics.label: Backend Engineer
  ml:
    tags: [ml, backnd]
    output: ada-ml
`

/** A resume folder: resume.yaml and the given variants/NAME.yaml files. */
async function folder(resumeText: string, variantFiles: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vitae-variants-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  if (Object.keys(variantFiles).length) mkdirSync(join(dir, 'variants'))
  for (const [name, text] of Object.entries(variantFiles)) writeFileSync(join(dir, 'variants', name), text)
  const source = loadText(resumeText, 'resume.yaml')
  const resume = source.data as Resume
  return { dir, source, resume, ...(await collectVariants(source, resume, dir)) }
}

describe('variants: where they come from', () => {
  it('takes variants from the resume and from variants/*.yaml, in that order, ignoring other files', async () => {
    const { variants, diagnostics } = await folder(RESUME, { 'eu.yaml': 'page: a4\nlocale: en-GB\n', 'notes.txt': 'not a variant', 'zz.yml': 'tags: [ml]\n' })
    expect(diagnostics).toEqual([])
    expect([...variants.keys()]).toEqual(['backend', 'ml', 'eu', 'zz'])
    expect(variants.get('eu')).toMatchObject({ file: join('variants', 'eu.yaml'), def: { page: 'a4', locale: 'en-GB' } })
    expect(variants.get('backend')!.file).toBe('resume.yaml')
  })

  it('reports a problem in a variant file in that file, at its own line', async () => {
    const { diagnostics } = await folder(RESUME, { 'eu.yaml': '# the European one\npage: a4\nmaxHighlights: -1\n' })
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['RANGE', join('variants', 'eu.yaml'), 3, 16]])
  })

  it('refuses a name defined both in the resume and as a file, keeping the one in the resume', async () => {
    const { variants, diagnostics } = await folder(RESUME, { 'backend.yaml': 'tags: [ml]\n' })
    expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([['VARIANT_DUPLICATE', 'error', join('variants', 'backend.yaml'), 1, 1]])
    expect(diagnostics[0]!.message).toBe('the variant backend is defined both here and in resume.yaml')
    expect(variants.get('backend')!.def.tags).toEqual(['backend'])
  })
})

describe('variants: checked against the resume', () => {
  it('warns of a tag nothing carries, at the tag, with the likely one', async () => {
    const { variants, resume } = await folder(RESUME)
    const found = await checkVariants(variants, resume, 'resume')
    expect(found.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([['UNKNOWN_TAG', 'warning', 'resume.yaml', 16, 16]])
    expect(found[0]!.message).toBe('no entry or highlight carries the tag backnd; did you mean backend?')
  })

  it('lists the tags in use when nothing is close', async () => {
    const { variants, resume } = await folder(RESUME.replace('backnd', 'frontend'))
    const [d] = await checkVariants(variants, resume, 'resume')
    expect(d!.hint).toBe('the tags in use are backend, ml')
  })

  it('refuses two variants that would write the same files, at the second one', async () => {
    const { variants, resume } = await folder(RESUME.replace('backnd', 'ml').replace('output: ada-ml', 'output: resume-backend'))
    const found = await checkVariants(variants, resume, 'resume')
    expect(found.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['OUTPUT_CONFLICT', 'error', 17, 13]])
    expect(found[0]!.message).toBe('the variants backend and ml would both write resume-backend.*')
  })

  it('checks what set: overrides, at the override: a path the resume lacks, a value the schema refuses', async () => {
    const text = RESUME.replace('basics.label: Backend Engineer', 'basics.lable: Backend Engineer\n      basics.email: not-an-email')
    const { variants, resume } = await folder(text)
    const found = (await checkVariants(variants, resume, 'resume')).filter((d) => d.code !== 'UNKNOWN_TAG')
    expect(found.map((d) => [d.severity, d.line])).toEqual([
      ['error', 14],
      ['error', 15],
    ])
    expect(found[0]!.message).toContain('lable')
    expect(found[1]!.code).toBe('FORMAT')
  })
})

describe('variants: names and merging', () => {
  it('names outputs stem-variant unless the variant sets output', async () => {
    const { variants } = await folder(RESUME)
    expect(outputName('cv')).toBe('cv')
    expect(outputName('cv', variants.get('backend'))).toBe('cv-backend')
    expect(outputName('cv', variants.get('ml'))).toBe('ada-ml')
  })

  it('gathers the tags of entries and highlights, not the tags variants ask for', async () => {
    const { resume } = await folder(RESUME)
    expect([...tagInventory(resume)].sort()).toEqual(['backend', 'ml'])
  })

  it('becomes a tailoring layer whose overrides remember where they were written', async () => {
    const { variants, resume } = await folder(RESUME)
    const layer = variantLayer(variants.get('backend')!, resume)
    expect(layer).toMatchObject({ source: 'variant backend', tags: ['backend'] })
    expect(layer.set).toEqual([{ path: ['basics', 'label'], value: 'Backend Engineer', origin: 'resume.yaml:14:21' }])
    const t = tailor(resume, [layer], ['work'])
    expect(t.resume.basics?.label).toBe('Backend Engineer')
    expect(t.resume.work![0]!.highlights).toEqual(['Kept the lights on'])
  })

  it('from a file: carries page, locale and limits, with its overrides placed in that file', async () => {
    const { variants, resume } = await folder(RESUME, { 'eu.yaml': 'locale: en-GB\nmaxHighlights: 1\nsections: [work]\nset:\n  basics.label: Engineer (EU)\n' })
    const layer = variantLayer(variants.get('eu')!, resume)
    expect(layer).toMatchObject({ locale: 'en-GB', maxHighlights: 1, sections: ['work'] })
    expect(layer.set![0]!.origin).toBe(`${join('variants', 'eu.yaml')}:5:17`)
  })
})
