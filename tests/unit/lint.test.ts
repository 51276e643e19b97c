import { describe, expect, it } from 'vitest'
import { lintResume } from '../../src/core/lint.js'
import { loadText } from '../../src/core/load.js'
import { locatorOf } from '../../src/core/source.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'

// What the schema cannot say about a resume, each problem at the place the user must edit.

function lint(yaml: string): Diagnostic[] {
  const source = loadText(yaml, 'r.yaml')
  return lintResume(source.data, locatorOf(source))
}
const brief = (list: Diagnostic[]) => list.map((d) => [d.code, d.severity, d.line, d.column])

describe('lint: unknown keys', () => {
  it('warns at the key itself, with the key it probably meant', () => {
    const [d, ...rest] = lint('basics:\n  name: Ada\n  emial: ada@example.com\n')
    expect(rest).toEqual([])
    expect([d!.code, d!.severity, d!.line, d!.column]).toEqual(['UNKNOWN_KEY', 'warning', 3, 3])
    expect(d!.message).toBe('unknown key emial; did you mean email?')
    expect(d!.hint).toBe('rename it to email')
  })

  it('finds keys inside list entries, and offers x- when nothing is close', () => {
    const [d] = lint('work:\n  - name: X\n    salary: lots\n')
    expect([d!.code, d!.line, d!.column]).toEqual(['UNKNOWN_KEY', 3, 5])
    expect(d!.hint).toContain('prefix it with x-')
  })

  it('leaves x- keys alone: they are the user’s own', () => {
    expect(lint('basics:\n  name: Ada\n  x-pronouns: she/her\nx-notes: anything\n')).toEqual([])
  })
})

describe('lint: links', () => {
  it('refuses a javascript: URL in a url field, at its value', () => {
    expect(brief(lint('basics:\n  name: Ada\n  url: "javascript:alert(1)"\n'))).toEqual([['URL_SCHEME', 'error', 3, 8]])
  })

  it('refuses one hidden in a Markdown link of a text field, and says where it was', () => {
    const [d] = lint('basics:\n  name: Ada\n  summary: "Read [my blog](javascript:alert(1))"\n')
    expect([d!.code, d!.line]).toEqual(['URL_SCHEME', 3])
    expect(d!.message).toMatch(/^in a Markdown link: /)
  })

  it('accepts https and mailto links', () => {
    expect(lint('basics:\n  name: Ada\n  url: https://ada.dev\n  summary: "[mail](mailto:ada@example.com) or [site](https://ada.dev)"\n')).toEqual([])
  })
})

describe('lint: characters a document cannot hold or a reader cannot see', () => {
  it('a control character is an error at the character, not at the start of the value', () => {
    const [d] = lint('basics:\n  name: Ada\n  label: "Data\\u0007 engineer"\n')
    expect([d!.code, d!.severity, d!.line]).toEqual(['CONTROL_CHAR', 'error', 3])
    expect(d!.column).toBeGreaterThan(10)
    expect(d!.message).toContain('U+0007')
  })

  it('an invisible character breaks an email (error) but only weakens prose (warning)', () => {
    const email = lint('basics:\n  name: Ada\n  email: "ada\\u200B@example.com"\n')
    expect(brief(email).map(([code, severity]) => [code, severity])).toEqual([['INVISIBLE_CHAR', 'error']])
    expect(email[0]!.message).toContain('zero-width space')
    expect(email[0]!.message).toContain('breaks it as an address')
    const summary = lint('basics:\n  name: Ada\n  summary: "Ships\\u200B code"\n')
    expect(brief(summary).map(([code, severity]) => [code, severity])).toEqual([['INVISIBLE_CHAR', 'warning']])
  })

  it('lets joiners that shape a script or an emoji through', () => {
    // ZWNJ in Persian, ZWJ in Devanagari and in a family emoji: all doing real work.
    expect(lint('basics:\n  name: Ada\n  summary: "می\u200Cخواهم क्\u200Dष 👩\u200D💻"\n')).toEqual([])
  })
})

describe('lint: dates', () => {
  it('refuses a day that does not exist, at the date', () => {
    const [d, ...rest] = lint('work:\n  - name: X\n    startDate: 2023-02-29\n')
    expect(rest).toEqual([])
    expect([d!.code, d!.line, d!.column]).toEqual(['DATE_INVALID', 3, 16])
    expect(d!.message).toBe('startDate 2023-02-29 does not exist: that month has 28 days')
  })

  it('knows leap years', () => {
    expect(lint('work:\n  - name: X\n    startDate: 2024-02-29\n')).toEqual([])
    expect(lint('work:\n  - name: X\n    startDate: 2000-02-29\n')).toEqual([])
    expect(brief(lint('work:\n  - name: X\n    startDate: 1900-02-29\n'))[0]![0]).toBe('DATE_INVALID')
  })

  it('warns at the end date when it comes before the start date, also across precisions', () => {
    expect(brief(lint('work:\n  - name: X\n    startDate: 2021-05\n    endDate: "2020"\n'))).toEqual([['DATE_ORDER', 'warning', 4, 14]])
    expect(lint('work:\n  - name: X\n    startDate: 2021-05\n    endDate: 2021-05-20\n')).toEqual([])
  })

  it('does not compare a date that is already wrong: one message, not two', () => {
    const list = lint('work:\n  - name: X\n    startDate: 2021-13\n    endDate: "2020"\n')
    expect(list.filter((d) => d.code === 'DATE_ORDER')).toEqual([])
  })
})

describe('lint: margins', () => {
  it('refuses margins that leave less than an inch for text, naming the page', () => {
    const [d] = lint('basics: { name: Ada }\nmeta:\n  page: letter\n  margins: 3.8in\n')
    expect([d!.code, d!.severity, d!.line, d!.column]).toEqual(['RANGE', 'error', 4, 12])
    expect(d!.message).toBe('the margins leave less than an inch of the Letter page for text')
  })

  it('checks the narrowest page the resume may print on when meta.page is not set', () => {
    // 8.27in (A4) - 2 x 3.7in leaves under an inch; Letter (8.5in) would leave 1.1in.
    const [d] = lint('basics: { name: Ada }\nmeta:\n  margins: { left: 3.7in, right: 3.7in }\n')
    expect(d!.message).toContain('of the A4 page')
    expect(lint('basics: { name: Ada }\nmeta:\n  page: letter\n  margins: { left: 3.7in, right: 3.7in }\n')).toEqual([])
  })

  it("counts a variant's page too", () => {
    const yaml = 'basics: { name: Ada }\nmeta:\n  page: letter\n  margins: { left: 3.7in, right: 3.7in }\nvariants:\n  eu: { page: a4 }\n'
    expect(lint(yaml).map((d) => d.code)).toEqual(['RANGE'])
  })

  it('accepts ordinary margins in any unit', () => {
    expect(lint('basics: { name: Ada }\nmeta:\n  margins: { top: 12mm, right: 1.5cm, bottom: 36pt, left: 0.5in }\n')).toEqual([])
  })
})
