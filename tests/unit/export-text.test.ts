import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { blocksInline, plainText } from '../../src/core/inline.js'
import { labelsFor } from '../../src/core/labels.js'
import { buildView } from '../../src/core/view.js'
import { toJsonResume } from '../../src/export/json-resume.js'
import { toMarkdown } from '../../src/export/markdown.js'
import { displayWidth, toPlainText, wrap } from '../../src/export/plain-text.js'
import { fromJsonResume } from '../../src/import/json-resume.js'
import type { Resume } from '../../src/types/resume.js'
import { ROOT } from '../helpers.js'

const seed = parse(readFileSync(join(ROOT, 'resume.yaml'), 'utf8')) as Resume
const theme = JSON.parse(readFileSync(join(ROOT, 'templates/classic/theme.json'), 'utf8'))
const view = buildView(seed, { sections: theme.sections, labels: labelsFor('en', { themeHeadings: theme.headings, headings: seed.meta?.headings }) })

/** Every fact of the view, in reading order, as plain text. */
function facts(): string[] {
  const out = [view.name, view.label ?? '', ...view.contact.map((c) => c.text)]
  for (const s of view.sections) {
    if (s.heading) out.push(s.heading)
    if (s.text) out.push(plainText(blocksInline(s.text)))
    for (const e of s.entries) {
      out.push(e.title, e.organization ?? '', e.note ?? '', e.location ?? '', e.dates ?? '')
      if (e.summary) out.push(plainText(blocksInline(e.summary)))
      out.push(...(e.keywords ?? []), ...e.bullets.map((b) => plainText(b)))
    }
  }
  return out.filter(Boolean)
}

function expectInOrder(haystack: string, needles: string[]): void {
  let at = 0
  for (const n of needles) {
    const i = haystack.indexOf(n, at)
    expect(i, `"${n}" after position ${at}`).toBeGreaterThanOrEqual(0)
    at = i + n.length
  }
}

describe('toMarkdown', () => {
  const md = toMarkdown(view)
  it('has the name, the contact line with links, sections and entries', () => {
    expect(md.startsWith('# Hayes Zhao\n')).toBe(true)
    expect(md).toContain('[hayes.zhao09@gmail.com](<mailto:hayes.zhao09@gmail.com>)')
    expect(md).toContain('## Experience')
    expect(md).toContain('**Graduate Research Assistant**, George Washington University')
    expect(md).toContain('- **Accelerated multi-accelerator inference throughput by 26.1%** by developing')
  })
  it('holds every fact in order', () => {
    // Markdown escapes and markup aside, the text reads as the view does.
    const text = md
      .replace(/\\([\\`*_[\]<>~|])/g, '$1')
      .replace(/\*\*|~~|(?<![\w])_|_(?![\w])/g, '')
      .replace(/\]\(<[^>]*>\)/g, '')
      .replace(/\[/g, '')
      .replace(/\s+/g, ' ')
    expectInOrder(
      text,
      facts().map((f) => f.replace(/\s+/g, ' ')),
    )
  })
  it('escapes Markdown in plain fields', () => {
    const v = buildView({ basics: { name: 'A *star* [x]' } } as Resume, { sections: [], labels: labelsFor('en') })
    expect(toMarkdown(v)).toContain('# A \\*star\\* \\[x\\]')
  })
})

describe('toPlainText', () => {
  const txt = toPlainText(view, { width: 80 })
  it('holds every fact in order, without markup', () => {
    const flat = txt.replace(/\n {2}/g, ' ').replace(/\s+/g, ' ')
    const headings = new Set(view.sections.map((s) => s.heading))
    expectInOrder(
      flat,
      facts().map((f) => (headings.has(f) ? f.toUpperCase() : f).replace(/\s+/g, ' ')),
    )
    expect(txt).not.toMatch(/\*\*|\]\(/)
    expect(txt).toMatch(/^• Accelerated multi-accelerator/m)
  })
  it('has no line over 80 columns', () => {
    for (const line of txt.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80)
  })
  it('counts CJK characters as two columns and breaks between them', () => {
    const lines = wrap('分布式系统工程师，专注于高性能计算与人工智能基础设施的研究与开发工作。'.repeat(3), 20, '• ', '  ')
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20)
    expect(lines.length).toBeGreaterThan(5)
    expect(displayWidth('漢字ab')).toBe(6)
  })
  it('cuts a word longer than the line', () => {
    for (const l of wrap('x'.repeat(50), 20)) expect(l.length).toBeLessThanOrEqual(20)
  })
})

describe('toJsonResume', () => {
  const exported = toJsonResume(seed)
  it('is JSON Resume the official schema accepts', async () => {
    const require = createRequire(import.meta.url)
    const { validate } = require('@jsonresume/schema') as { validate: (r: unknown, cb: (err: unknown, ok: boolean) => void) => void }
    const result = await new Promise<{ err: unknown; ok: boolean }>((resolve) => validate(JSON.parse(JSON.stringify(exported)), (err, ok) => resolve({ err, ok })))
    expect(result.err).toBeNull()
    expect(result.ok).toBe(true)
  })
  it('has plain-string highlights', () => {
    for (const w of exported.work as Array<{ highlights: unknown[] }>) for (const h of w.highlights) expect(typeof h).toBe('string')
  })
  it('comes back the same through resume import', () => {
    const back = fromJsonResume(JSON.parse(JSON.stringify(exported)))
    expect(back.dropped).toEqual([])
    expect(back.resume).toEqual(seed)
  })
  it('leaves an ongoing role without endDate', () => {
    const out = toJsonResume({ work: [{ name: 'A', startDate: '2024', endDate: 'present' }] } as Resume)
    expect(out.work).toEqual([{ name: 'A', startDate: '2024' }])
  })
})

describe('plain text where CJK or emoji meet Latin text (issue 21)', () => {
  const resume = {
    basics: { name: '张伟 Zhang Wei' },
    work: [
      {
        name: 'Trajectry (前身为安永中国)',
        position: '数据工程师',
        highlights: ['2022年12月上线 Spark 作业', '上线🚀Launch day, 用户增长30%', 'Led 迁移 to Kafka（实时）'],
      },
    ],
  }
  const view = buildView(resume as never, { sections: ['work'], labels: labelsFor('en') })
  const txt = toPlainText(view)
  const md = toMarkdown(view)

  it.each(['Trajectry (前身为安永中国)', '2022年12月上线 Spark 作业', '上线🚀Launch day, 用户增长30%', 'Led 迁移 to Kafka（实时）'])(
    'keeps %s as written, as the Markdown does',
    (text) => {
      expect(txt).toContain(text)
      expect(md.replace(/\\(.)/g, '$1')).toContain(text)
    },
  )

  it('still breaks a long CJK line between characters, with no space added', () => {
    const lines = wrap('前身为安永中国'.repeat(10), 20)
    expect(lines.length).toBeGreaterThan(1)
    for (const l of lines) expect(l).not.toMatch(/ /)
  })
})
