import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { BASICS_FIELDS, ENTRY_FIELDS, ENTRY_SECTIONS, LOCATION_FIELDS, PROFILE_FIELDS } from '../../src/import/fields.js'
import { convert, detectShape, foreignFormatDiagnostic, fromJsonResume, isEmptyResume, LEGACY_KEYS, legacyKeyFor, normalizeDate, socialUrl } from '../../src/import/index.js'
import { FIXTURES, ROOT } from '../helpers.js'

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/resume.schema.json'), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
const fixture = (name: string): unknown => parse(readFileSync(join(FIXTURES, 'import', name), 'utf8'))

function expectValid(resume: unknown): void {
  const ok = validate(resume)
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([])
  expect(ok).toBe(true)
}

describe('detectShape', () => {
  it('tells the formats apart', () => {
    expect(detectShape(fixture('rendercv.yaml'))).toBe('rendercv')
    expect(detectShape(fixture('yamlresume.yml'))).toBe('yamlresume')
    expect(detectShape(fixture('legacy-jsonresume.json'))).toBe('jsonresume')
    expect(detectShape(parse(readFileSync(join(ROOT, 'resume.yaml'), 'utf8')))).toBe('jsonresume')
    expect(detectShape({ cv: { name: 'A' }, design: { theme: 'classic' } })).toBe('rendercv')
    expect(detectShape({ content: { basics: { name: 'A' } } })).toBe('yamlresume')
    expect(detectShape({})).toBe('unknown')
    expect(detectShape({ hello: 1 })).toBe('unknown')
    expect(detectShape([])).toBe('unknown')
    expect(detectShape('text')).toBe('unknown')
  })

  it('knows an empty resume', () => {
    expect(isEmptyResume({})).toBe(true)
    expect(isEmptyResume({ basics: {}, work: [], meta: { theme: 'classic' } })).toBe(true)
    expect(isEmptyResume({ basics: { name: null } })).toBe(true)
    expect(isEmptyResume({ basics: { name: 'Ada' } })).toBe(false)
    expect(isEmptyResume({ work: [{ name: 'Acme' }] })).toBe(false)
  })

  it('says what to run for another tool’s file, and nothing for ours', () => {
    const d = foreignFormatDiagnostic(fixture('rendercv.yaml'), 'cv.yaml')
    expect(d?.code).toBe('FOREIGN_FORMAT')
    expect(d?.message).toBe('this is a RenderCV file, not a vitae resume; run `resume import cv.yaml` to convert it')
    expect(foreignFormatDiagnostic(fixture('yamlresume.yml'), 'my cv.yml')?.message).toContain("YAMLResume file, not a vitae resume; run `resume import 'my cv.yml'`")
    expect(foreignFormatDiagnostic(fixture('legacy-jsonresume.json'), 'r.json')).toBeUndefined()
  })
})

describe('normalizeDate', () => {
  it.each([
    ['2021', '2021'],
    [2021, '2021'],
    ['2021-9', '2021-09'],
    ['2021-09-01T00:00:00.000Z', '2021-09-01'],
    ['2021/09', '2021-09'],
    ['09/2021', '2021-09'],
    ['Sep 2021', '2021-09'],
    ['Sept. 2021', '2021-09'],
    ['September 1, 2021', '2021-09-01'],
    ['Sep 1, 2016', '2016-09-01'],
    ['1 Sep 2021', '2021-09-01'],
    ['Oct 2016', '2016-10'],
  ])('%s → %s', (input, expected) => expect(normalizeDate(input)).toBe(expected))

  it.each(['Fall 2023', 'present', '2021-13', '2021-02-30', 'soon', '', 21.5])('%s is not a date', (input) => expect(normalizeDate(input)).toBeUndefined())
})

describe('socialUrl', () => {
  it.each([
    ['LinkedIn', 'ada', 'https://linkedin.com/in/ada'],
    ['GitHub', 'ada', 'https://github.com/ada'],
    ['GitLab', 'ada', 'https://gitlab.com/ada'],
    ['X', 'ada', 'https://x.com/ada'],
    ['Twitter', '@ada', 'https://x.com/ada'],
    ['Mastodon', '@ada@hachyderm.io', 'https://hachyderm.io/@ada'],
    ['StackOverflow', '4242/ada', 'https://stackoverflow.com/users/4242/ada'],
    ['ResearchGate', 'Ada_Lovelace', 'https://researchgate.net/profile/Ada_Lovelace'],
    ['YouTube', 'ada', 'https://youtube.com/@ada'],
    ['Google Scholar', 'AbC123', 'https://scholar.google.com/citations?user=AbC123'],
    ['ORCID', '0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-0097'],
    ['IMDB', 'nm0000001', 'https://imdb.com/name/nm0000001'],
    ['Instagram', 'ada', 'https://instagram.com/ada'],
  ])('%s %s', (network, user, url) => expect(socialUrl(network, user)).toBe(url))

  it('builds nothing it cannot', () => {
    expect(socialUrl('Mastodon', 'ada')).toBeUndefined()
    expect(socialUrl('MySpace', 'ada')).toBeUndefined()
  })
})

describe('field tables', () => {
  it('match schema/resume.schema.json', () => {
    for (const section of ENTRY_SECTIONS) {
      expect(Object.keys(ENTRY_FIELDS[section]).sort(), section).toEqual(Object.keys(schema.properties[section].items.properties).sort())
    }
    expect(Object.keys(BASICS_FIELDS).sort()).toEqual(Object.keys(schema.properties.basics.properties).sort())
    expect([...LOCATION_FIELDS].sort()).toEqual(Object.keys(schema.properties.basics.properties.location.properties).sort())
    expect(Object.keys(PROFILE_FIELDS).sort()).toEqual(Object.keys(schema.properties.basics.properties.profiles.items.properties).sort())
  })

  it('LEGACY_KEYS name fields we have', () => {
    for (const { at, to } of LEGACY_KEYS) {
      const fields = at === 'basics' ? BASICS_FIELDS : ENTRY_FIELDS[at.replace('[]', '') as keyof typeof ENTRY_FIELDS]
      expect(fields, at).toBeDefined()
      expect(Object.keys(fields), `${at}.${to}`).toContain(to)
    }
    expect(legacyKeyFor(['work', 3], 'company')).toBe('name')
    expect(legacyKeyFor(['basics'], 'picture')).toBe('image')
    expect(legacyKeyFor(['work', 3], 'name')).toBeUndefined()
  })
})

describe('JSON Resume, legacy', () => {
  const { resume, dropped } = fromJsonResume(fixture('legacy-jsonresume.json'))
  it('validates against our schema', () => expectValid(resume))
  it('renames legacy keys and drops nulls and blanks', () => {
    expect(resume.basics?.image).toBe('https://example.com/richard.jpg')
    expect(resume.basics?.url).toBe('http://richardhendricks.example.com')
    expect(resume.work?.[0]).toMatchObject({ name: 'Pied Piper', url: 'http://piedpiper.example.com', startDate: '2013-12-01' })
    expect(resume.work?.[0]).not.toHaveProperty('endDate')
    expect(resume.work?.[0]?.highlights).toHaveLength(2)
    expect(resume.volunteer?.[0]?.url).toBe('http://coderdojo.example.com/')
    expect(resume.volunteer?.[0]).not.toHaveProperty('highlights')
    expect(resume.education?.[0]).toMatchObject({ score: '4', startDate: '2011-06-01', courses: ['DB1101 - Basic SQL', 'CS2011 - Java Introduction'] })
    expect(resume.publications?.[0]?.url).toContain('wikipedia')
    expect(resume.projects?.[0]?.url).toBe('http://missdirection.example.com')
    expect(resume.projects?.[0]).not.toHaveProperty('endDate')
    expect(resume.languages).toEqual([{ language: 'English', fluency: 'Native speaker' }])
    expect(resume).not.toHaveProperty('$schema')
  })
  it('keeps and reports what has no place', () => {
    expect(dropped.map((d) => [d.path, d.keptAt])).toEqual([
      ['work[0].isCurrentRole', 'work[0].x-jsonresume.isCurrentRole'],
      ['meta.theme', 'meta.x-jsonresume.theme'],
    ])
    expect(resume.work?.[0]?.['x-jsonresume']).toEqual({ isCurrentRole: true })
  })
  it('reads our own resume unchanged', () => {
    const seed = parse(readFileSync(join(ROOT, 'resume.yaml'), 'utf8'))
    const again = fromJsonResume(seed)
    expect(again.dropped).toEqual([])
    expect(again.resume).toEqual(seed)
  })
})

describe('RenderCV', () => {
  const { resume, dropped } = convert(fixture('rendercv.yaml'))!
  it('validates against our schema', () => expectValid(resume))
  it('maps cv and sections by entry kind and title', () => {
    expect(resume.basics).toMatchObject({ name: 'Jane Doe', label: 'Machine Learning Engineer', url: 'https://janedoe.dev', location: { city: 'Toronto', region: 'ON, Canada' } })
    expect(resume.basics?.summary).toContain('**reliable ML systems**')
    expect(resume.basics?.profiles?.map((p) => p.url)).toEqual([
      'https://linkedin.com/in/janedoe',
      'https://github.com/jdoe',
      'https://hachyderm.io/@jane',
      'https://scholar.google.com/citations?user=AbC123xyzAAJ',
      'https://stackoverflow.com/users/4242/jane-doe',
      'https://orcid.org/0000-0002-1825-0097',
    ])
    expect(resume.education?.[0]).toMatchObject({ institution: 'University of Toronto', studyType: 'MSc', startDate: '2018-09', endDate: '2020-06' })
    expect(resume.work?.[0]).toMatchObject({ name: 'Shopify', position: 'Senior ML Engineer', startDate: '2022-03' })
    expect(resume.work?.[0]).not.toHaveProperty('endDate')
    expect(resume.projects?.[0]).toMatchObject({ name: 'tinygrad-lite', url: 'https://github.com/jdoe/tinygrad-lite', startDate: '2021', endDate: '2021' })
    expect(resume.publications?.[0]).toMatchObject({
      name: 'Sparse Graph Transformers for Recommendation',
      publisher: 'RecSys 2021',
      releaseDate: '2021-09',
      url: 'https://doi.org/10.1145/1234567.1234568',
    })
    expect(resume.skills).toEqual([
      { name: 'Languages', keywords: ['Python', 'C++', 'Rust', 'SQL'] },
      { name: 'ML', keywords: ['PyTorch', 'JAX', 'XGBoost'] },
    ])
    expect(resume.languages?.[1]).toEqual({ language: 'French', fluency: 'Professional working proficiency' })
    expect(resume.meta).toMatchObject({
      theme: 'compact',
      page: 'letter',
      margins: { top: '2cm', right: '1.5cm', bottom: '2cm', left: '1.5cm' },
      headings: { skills: 'Technologies' },
    })
    expect(resume.meta?.sections).toEqual(['summary', 'education', 'work', 'projects', 'publications', 'skills', 'languages'])
  })
  it('keeps and reports what has no place', () => {
    expect(dropped.map((d) => d.path)).toEqual(['cv.sections.talks', 'design', 'locale', 'rendercv_settings'])
    expect(dropped[0]!.segments).toEqual(['cv', 'sections', 'talks'])
    expect((resume['x-rendercv'] as { sections: Record<string, unknown> }).sections.talks).toHaveLength(1)
  })
  it('maps themes to the closest we ship', () => {
    for (const [theme, ours] of [
      ['sb2nov', 'classic'],
      ['classic', 'classic'],
      ['engineeringclassic', 'compact'],
      ['moderncv', 'cv'],
    ]) {
      expect(convert({ cv: { name: 'A' }, design: { theme } })!.resume.meta?.theme).toBe(ours)
    }
  })
})

describe('YAMLResume', () => {
  const { resume, dropped } = convert(fixture('yamlresume.yml'))!
  it('validates against our schema', () => expectValid(resume))
  it('maps content, dates, summaries and settings', () => {
    expect(resume.basics).toMatchObject({ name: 'Andy Dufresne', label: 'Headed for the Pacific', location: { city: 'Sacramento', region: 'California', postalCode: '95814' } })
    expect(resume.basics?.summary).toBe('Computer Science major with a strong foundation in **algorithms**. Full stack web developer, specialised in high-quality websites')
    expect(resume.education?.[0]).toMatchObject({ studyType: 'Bachelor', startDate: '2016-09-01', endDate: '2020-07-01', score: '3.8' })
    expect(resume.education?.[0]?.highlights).toHaveLength(2)
    expect(resume.work?.[0]).toMatchObject({
      startDate: '2022-12-01',
      summary: 'Lead engineer of the editor team.',
      highlights: ['Developed efficient and scalable code', 'Mentored junior developers'],
    })
    expect(resume.work?.[0]).not.toHaveProperty('endDate')
    expect(resume.work?.[1]?.startDate).toBe('2020-09')
    expect(resume.awards?.[0]?.date).toBe('2016-10')
    expect(resume.references?.[0]?.reference).toBe('Andy shows exceptional problem-solving skills.')
    expect(resume.projects?.[0]).toMatchObject({ description: 'A web-based educational platform', keywords: ['Education', 'HCI'] })
    expect(resume.meta).toEqual({ locale: 'zh-Hans', margins: { top: '2.5cm', right: '1.5cm', bottom: '2.5cm', left: '1.5cm' }, theme: 'cv' })
  })
  it('keeps and reports what has no place', () => {
    expect(dropped.map((d) => d.path)).toEqual([
      'content.work[0].keywords',
      'content.languages[0].keywords',
      'content.references[0].phone',
      'content.references[0].relationship',
      'layouts',
    ])
  })
})
