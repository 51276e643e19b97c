import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadText } from '../../src/core/load.js'
import { convert } from '../../src/import/index.js'
import { splitDescription } from '../../src/import/linkedin.js'
import { readCsv } from '../../src/import/linkedin-csv.js'
import { dataAsWritten } from '../../src/import/written-numbers.js'
import { countryCode } from '../../src/import/yamlresume.js'
import { FIXTURES } from '../helpers.js'

// Issue 21, "import without invention": what the file says comes across, and nothing it does not.

describe('JSON Resume: nothing invented', () => {
  it('keeps a profile user name without making up a URL for it', () => {
    const { resume } = convert({
      basics: {
        name: 'A',
        profiles: [
          { network: 'Twitter', username: 'ada', url: '' },
          { network: 'GitHub', username: 'ada-l' },
        ],
      },
    })!
    expect(resume.basics?.profiles).toEqual([
      { network: 'Twitter', username: 'ada' },
      { network: 'GitHub', username: 'ada-l' },
    ])
  })

  it('keeps a number as written: "gpa": 4.0 is "4.0", a postal code 02139 keeps its zero', () => {
    const source = loadText('{"basics": {"name": "A", "location": {"postalCode": 02139}}, "education": [{"institution": "MIT", "gpa": 4.0, "score": 3.50}]}', 'r.json')
    const { resume } = convert(dataAsWritten(source.doc, 100))!
    expect(resume.basics?.location?.postalCode).toBe('02139')
    expect(resume.education?.[0]?.score).toBe('3.50')
    const yaml = loadText('education:\n  - institution: MIT\n    score: 4.0\n    courses: [7]\n', 'r.yaml')
    const again = convert(dataAsWritten(yaml.doc, 100))!.resume
    expect(again.education?.[0]).toMatchObject({ score: '4.0', courses: ['7'] })
  })
})

describe('YAMLResume: the whole address', () => {
  it('brings address, postal code and the country (by name) across', () => {
    const { resume, dropped } = convert(parse(readFileSync(join(FIXTURES, 'import/yamlresume.yml'), 'utf8')))!
    expect(resume.basics?.location).toEqual({ address: '123 Main Street', city: 'Sacramento', region: 'California', countryCode: 'US', postalCode: '95814' })
    expect(dropped.map((d) => d.path)).not.toContain('content.location.country')
  })

  it.each([
    ['United States', 'US'],
    ['germany', 'DE'],
    ['de', 'DE'],
    ['UK', 'GB'],
    ['Atlantis', undefined],
  ])('country %s is %s', (name, code) => expect(countryCode(name)).toBe(code))
})

describe('RenderCV: every entry in the closest section', () => {
  const { resume, dropped } = convert(parse(readFileSync(join(FIXTURES, 'import/rendercv-mixed.yaml'), 'utf8')))!

  it('puts a plain-text profile section ("sobre_mi") into the summary, with its title as the heading', () => {
    expect(resume.basics?.summary).toContain('Ingeniera de datos con seis años')
    expect(resume.basics?.summary).toContain('Me interesa la calidad de datos')
    // A second prose section keeps its title as a bold line before its text.
    expect(resume.basics?.summary).toContain('**Professional Profile**')
    expect(resume.basics?.summary).toContain('Bilingual engineer')
    expect(resume.meta?.headings?.summary).toBe('Sobre Mi')
    expect(resume).not.toHaveProperty('x-rendercv')
  })

  it('keeps every kind of entry in a mixed section', () => {
    expect(resume.work?.[0]).toMatchObject({ name: 'Mercado Austral', position: 'Ingeniera de Datos Senior' })
    // A bullet among experience entries is a line of the entry before it.
    expect(resume.work?.[0]?.highlights).toEqual(['Migré 40 pipelines de Airflow 1 a 2 sin cortes', 'Guardias de on-call rotativas para el equipo de pagos'])
    expect(resume.work?.[1]).toMatchObject({ name: 'Consultoría independiente', startDate: '2020', highlights: ['Tableros de ventas para tres pymes'] })
    expect(dropped).toEqual([])
  })

  it('never merges an education section into work', () => {
    expect(resume.education).toEqual([
      { institution: 'Universidad Nacional de Córdoba', area: 'Ingeniería en Sistemas', startDate: '2012-03', endDate: '2018-12' },
      { institution: 'Curso de Posgrado en Ciencia de Datos', startDate: '2019', endDate: '2019' },
    ])
    expect(resume.work?.map((w) => w.name)).not.toContain('Universidad Nacional de Córdoba')
    expect(resume.meta?.sections).toEqual(['summary', 'work', 'education'])
  })
})

describe('LinkedIn CSV cells', () => {
  it('splits prose from bullets, whatever the bullet character', () => {
    expect(splitDescription('Led the team.\n• one\n- two, with a comma\n* three\n–  four')).toEqual({
      summary: 'Led the team.',
      highlights: ['one', 'two, with a comma', 'three', 'four'],
    })
    expect(splitDescription('• a • b • c')).toEqual({ highlights: ['a', 'b', 'c'] })
    // A minus sign is not a bullet.
    expect(splitDescription('-5% churn after the launch')).toEqual({ summary: '-5% churn after the launch' })
  })

  it('finds the header after a "Notes:" preamble holding commas and a blank line in quotes', () => {
    const table = readCsv('Notes:\n"Some, text\n\nacross lines"\n\nName,Number\n"Algorithms, advanced",CS-1\n', ['Name', 'Number'])
    expect(table.columns).toEqual(['Name', 'Number'])
    expect(table.rows).toEqual([{ cells: { Name: 'Algorithms, advanced', Number: 'CS-1' }, line: 7 }])
  })
})
