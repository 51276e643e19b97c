import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PACKAGE_SCHEMA_REF, schemaRef, toYaml } from '../../src/import/write-yaml.js'
import type { Resume } from '../../src/types/resume.js'
import { ROOT } from '../helpers.js'

const seed = parse(readFileSync(join(ROOT, 'resume.yaml'), 'utf8')) as Resume

describe('toYaml', () => {
  const text = toYaml(seed, { schema: './schema/resume.schema.json' })

  it('starts with the schema line and parses back to the same data', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/resume.schema.json')
    expect(parse(text)).toEqual(seed)
  })

  it('orders sections as a resume.yaml does, meta and variants last', () => {
    const keys = Object.keys(
      parse(
        toYaml({
          variants: {},
          meta: { theme: 'classic' },
          skills: [{ name: 's' }],
          'x-a': 1,
          work: [{ name: 'w' }],
          basics: { name: 'n' },
          education: [{ institution: 'e' }],
        } as Resume),
      ),
    )
    expect(keys).toEqual(['basics', 'education', 'work', 'skills', 'x-a', 'meta', 'variants'])
  })

  it('quotes what YAML would read as something else, folds long text, keeps lists of words on a line', () => {
    expect(text).toContain('startDate: "2023"')
    expect(text).toMatch(/summary: >-\n {4}Computer Engineer/)
    expect(text).toContain('keywords: [Python, C/C++, Java, CUDA, SQL]')
    expect(text).toMatch(/highlights:\n {6}- /)
    const tricky = toYaml({ basics: { name: 'true', label: '1.5', phone: '0x1F', email: 'null@x.y', summary: 'a: b # c' } } as Resume)
    expect(parse(tricky)).toEqual({ basics: { name: 'true', label: '1.5', phone: '0x1F', email: 'null@x.y', summary: 'a: b # c' } })
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(110)
  })

  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 4 }), fc.string({ maxLength: 300 }), (highlights, summary) => {
        const resume = { basics: { name: 'A', summary }, work: [{ name: 'W', highlights }] } as Resume
        expect(parse(toYaml(resume))).toEqual(resume)
      }),
      { numRuns: 300 },
    )
  })
})

describe('schemaRef', () => {
  it('points at the schema relative to the resume when it is in the same tree, else at the installed package', () => {
    expect(schemaRef('/repo/resume.yaml', '/repo/schema/resume.schema.json')).toBe('./schema/resume.schema.json')
    expect(schemaRef('/home/me/cv/resume.yaml', '/home/me/cv/node_modules/vitae/schema/resume.schema.json')).toBe('./node_modules/vitae/schema/resume.schema.json')
    expect(schemaRef('/home/me/cv/resume.yaml', '/usr/lib/node_modules/vitae/schema/resume.schema.json')).toBe(PACKAGE_SCHEMA_REF)
  })
})
