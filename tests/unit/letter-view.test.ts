import { describe, expect, it } from 'vitest'
import { labelsFor } from '../../src/core/labels.js'
import { buildLetterView, letterDate } from '../../src/core/letter-view.js'

const resumeView = { name: 'Hayes Zhao', label: 'Engineer', properties: { title: 'Hayes Zhao – Resume', author: 'Hayes Zhao', subject: 'Engineer', keywords: ['Redis'] } }
const today = new Date(Date.UTC(2026, 11, 6, 23, 30))

describe('letter view', () => {
  it('dates a letter in the locale’s long form, from the letter or the build’s day, in UTC', () => {
    expect(letterDate(undefined, today, 'en-US')).toBe('December 6, 2026')
    expect(letterDate('2026-03-05', today, 'de')).toBe('5. März 2026')
    expect(letterDate('2026-03', today, 'en-US')).toBe('March 2026')
    expect(letterDate(undefined, today, 'zh-CN')).toBe('2026年12月6日')
  })

  it('takes the locale’s words where the letter sets none, and its own where it does', () => {
    const de = buildLetterView({ body: 'Text.' }, resumeView, labelsFor('de'), { locale: 'de', today })
    expect([de.salutation, de.closing, de.properties.title]).toEqual(['Sehr geehrte Damen und Herren,', 'Mit freundlichen Grüßen', 'Hayes Zhao – Anschreiben'])
    const own = buildLetterView({ body: 'Text.', salutation: 'Hi Dana,', closing: 'Best,' }, resumeView, labelsFor('en'), { locale: 'en', today })
    expect([own.salutation, own.closing, own.signature]).toEqual(['Hi Dana,', 'Best,', 'Hayes Zhao'])
  })

  it('keeps the recipient’s lines in order without empty ones, and parses the text as data', () => {
    const view = buildLetterView(
      { recipient: { name: 'Dana Reyes', title: '', company: 'Acme', address: ['1 Main St', ' '] }, subject: 'Re: **{{x}}**', body: 'One {{> header}}.\n\n- a\n- b' },
      resumeView,
      labelsFor('en'),
      { locale: 'en', today },
    )
    expect(view.recipient).toEqual(['Dana Reyes', 'Acme', '1 Main St'])
    expect(view.subject).toEqual([
      { type: 'text', text: 'Re: ' },
      { type: 'strong', children: [{ type: 'text', text: '{{x}}' }] },
    ])
    expect(view.body).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'One {{> header}}.' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]] },
    ])
    expect(view.properties).toMatchObject({ title: 'Hayes Zhao – Cover letter', subject: 'Re: {{x}}', author: 'Hayes Zhao' })
  })
})
