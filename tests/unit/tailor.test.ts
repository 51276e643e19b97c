import { describe, expect, it } from 'vitest'
import { type TailorLayer, tailor } from '../../src/core/tailor.js'
import type { Resume, Section } from '../../src/types/resume.js'

// What `resume build --variant` and `resume explain` show a user: which entries, highlights and
// sections a variant keeps, and the rule that decided each.

const ORDER: Section[] = ['summary', 'work', 'projects', 'skills']

const resume = (): Resume =>
  ({
    basics: { name: 'Ada', summary: 'Builds things.' },
    work: [
      {
        name: 'Infra Co',
        position: 'SRE',
        tags: ['backend'],
        highlights: ['Kept the lights on', { text: 'Ran the **GPU** fleet', tags: ['ml'] }, { text: 'Cut p99 latency', tags: ['backend'] }, 'Mentored two'],
      },
      { name: 'Model Lab', position: 'Researcher', tags: ['ml'], highlights: ['Trained models'] },
      { name: 'Corner Shop', position: 'Clerk', highlights: ['Sold things'] },
    ],
    projects: [{ name: 'tiny-gpu', tags: ['ml'] }],
    skills: [{ name: 'Languages', keywords: ['Go'] }],
    variants: { backend: { tags: ['backend'] } },
  }) as Resume

const layer = (source: string, rest: Omit<TailorLayer, 'source'> = {}): TailorLayer => ({ source, ...rest })
const kept = (t: ReturnType<typeof tailor>, section: Section) => (t.resume[section] as Array<{ name: string }>).map((e) => e.name)
const entryDecision = (t: ReturnType<typeof tailor>, section: Section, entry: number) =>
  t.decisions.find((d) => d.section === section && d.entry === entry && d.highlight === undefined)

describe('tailor: which entries a variant keeps', () => {
  it('with no layers keeps everything, and says untagged entries are always kept', () => {
    const t = tailor(resume(), [], ORDER)
    expect(kept(t, 'work')).toEqual(['Infra Co', 'Model Lab', 'Corner Shop'])
    expect(entryDecision(t, 'work', 2)).toMatchObject({ kept: true, reason: 'untagged: always kept', label: expect.stringContaining('Corner Shop') })
    expect(entryDecision(t, 'work', 0)).toMatchObject({ kept: true, reason: 'tags backend: no tag filter' })
  })

  it('keeps entries with one of the tags and untagged ones, and names the tags of what it drops', () => {
    const t = tailor(resume(), [layer('variant backend', { tags: ['backend'] })], ORDER)
    expect(kept(t, 'work')).toEqual(['Infra Co', 'Corner Shop'])
    expect(entryDecision(t, 'work', 0)).toMatchObject({ kept: true, reason: 'tag backend is included by variant backend' })
    expect(entryDecision(t, 'work', 1)).toMatchObject({ kept: false, reason: "none of its tags (ml) is among variant backend's tags (backend)" })
  })

  it('lets an excluded tag win over an included one', () => {
    const base = resume()
    base.work![0]!.tags = ['backend', 'legacy']
    const t = tailor(base, [layer('variant backend', { tags: ['backend'], excludeTags: ['legacy'] })], ORDER)
    expect(kept(t, 'work')).toEqual(['Corner Shop'])
    expect(entryDecision(t, 'work', 0)).toMatchObject({ kept: false, reason: 'tag legacy is excluded by variant backend' })
  })

  it('filters highlights one by one, with the same rules as entries', () => {
    const t = tailor(resume(), [layer('--tags', { tags: ['backend'] })], ORDER)
    const infra = t.resume.work![0]!
    expect(infra.highlights).toEqual(['Kept the lights on', { text: 'Cut p99 latency', tags: ['backend'] }, 'Mentored two'])
    const dropped = t.decisions.find((d) => d.section === 'work' && d.entry === 0 && d.highlight === 1)
    // The label is the highlight's plain text, so explain shows what the reader would have read.
    expect(dropped).toMatchObject({ kept: false, label: 'Ran the GPU fleet', reason: "none of its tags (ml) is among --tags's tags (backend)" })
  })

  it('stacks layers: an entry must pass the variant and the flags on top of it', () => {
    const base = resume()
    base.work![0]!.tags = ['backend', 'ml']
    const t = tailor(base, [layer('variant backend', { tags: ['backend'] }), layer('--tags', { tags: ['ml'] })], ORDER)
    expect(kept(t, 'work')).toEqual(['Infra Co', 'Corner Shop'])
    expect(entryDecision(t, 'work', 0)!.reason).toBe('tag backend is included by variant backend; tag ml is included by --tags')
  })

  it('caps highlights after filtering, counting only those kept, with the last layer that sets a cap', () => {
    const t = tailor(resume(), [layer('variant a', { maxHighlights: 1 }), layer('variant b', { excludeTags: ['ml'], maxHighlights: 2 })], ORDER)
    expect(t.resume.work![0]!.highlights).toEqual(['Kept the lights on', { text: 'Cut p99 latency', tags: ['backend'] }])
    const capped = t.decisions.find((d) => d.section === 'work' && d.entry === 0 && d.highlight === 3)
    expect(capped).toMatchObject({ kept: false, reason: 'beyond the 2 highlights per entry that variant b allows' })
  })

  it('leaves its input untouched and drops the variants from what it returns', () => {
    const base = resume()
    const before = structuredClone(base)
    const t = tailor(base, [layer('v', { tags: ['ml'], set: [{ path: ['basics', 'label'], value: 'ML Engineer', origin: '--set' }] })], ORDER)
    expect(base).toEqual(before)
    expect(t.resume.variants).toBeUndefined()
    expect(t.resume.basics?.label).toBe('ML Engineer')
  })
})

describe('tailor: overrides', () => {
  it('applies before the filters, so a path counts entries as the file lists them', () => {
    const set = [{ path: ['work', 1, 'position'], value: 'Staff Researcher', origin: 'resume.yaml:40:7' }]
    const t = tailor(resume(), [layer('variant ml', { tags: ['ml'], set })], ORDER)
    // work[1] is Model Lab in the file; after the filter it is the first kept entry.
    expect(t.resume.work!.map((w) => w.position)).toEqual(['Staff Researcher', 'Clerk'])
    expect(t.overrides).toEqual(set)
  })

  it('applies layers in order: a later override of the same path wins', () => {
    const t = tailor(
      resume(),
      [
        layer('variant a', { set: [{ path: ['basics', 'label'], value: 'A', origin: 'a' }] }),
        layer('--set', { set: [{ path: ['basics', 'label'], value: 'B', origin: '--set' }] }),
      ],
      ORDER,
    )
    expect(t.resume.basics?.label).toBe('B')
  })
})

describe('tailor: sections', () => {
  it('shows the default order when nothing chooses one, and only sections with something in them', () => {
    const base = resume()
    delete base.projects
    const t = tailor(base, [], ORDER)
    expect(t.resume.meta?.sections).toEqual(['summary', 'work', 'skills'])
    expect(t.sections.map((s) => s.id)).toEqual(['summary', 'work', 'skills'])
  })

  it('follows meta.sections, and says which sections it leaves out', () => {
    const base = resume()
    base.meta = { sections: ['skills', 'work'] }
    const t = tailor(base, [], ORDER)
    expect(t.resume.meta?.sections).toEqual(['skills', 'work'])
    expect(t.sections.find((s) => s.id === 'projects')).toEqual({ id: 'projects', kept: false, reason: 'not among meta.sections' })
    expect(t.sections.find((s) => s.id === 'summary')).toEqual({ id: 'summary', kept: false, reason: 'not among meta.sections' })
  })

  it('lets the last layer with a section list win over meta.sections and earlier layers', () => {
    const base = resume()
    base.meta = { sections: ['work'] }
    const t = tailor(base, [layer('variant a', { sections: ['work', 'skills'] }), layer('--sections', { sections: ['projects', 'work'] })], ORDER)
    expect(t.resume.meta?.sections).toEqual(['projects', 'work'])
    expect(t.sections.find((s) => s.id === 'work')).toEqual({ id: 'work', kept: true, reason: "listed in --sections's sections" })
    expect(t.sections.find((s) => s.id === 'skills')).toEqual({ id: 'skills', kept: false, reason: "not among --sections's sections" })
  })

  it('omits a section whose every entry the tags dropped, and says so instead of showing an empty heading', () => {
    const t = tailor(resume(), [layer('variant backend', { tags: ['backend'] })], ORDER)
    expect(t.resume.projects).toEqual([])
    expect(t.resume.meta?.sections).not.toContain('projects')
    expect(t.sections.find((s) => s.id === 'projects')).toEqual({ id: 'projects', kept: false, reason: 'omitted: the tag filters dropped every entry' })
  })

  it("takes the last layer's locale, and keeps the resume's when no layer sets one", () => {
    const base = resume()
    base.meta = { locale: 'en-US' }
    expect(tailor(base, [], ORDER).resume.meta?.locale).toBe('en-US')
    expect(tailor(base, [layer('a', { locale: 'de-DE' }), layer('b', {}), layer('c', { locale: 'fr-FR' })], ORDER).resume.meta?.locale).toBe('fr-FR')
  })
})
