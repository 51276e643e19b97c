/**
 * Generated resumes for the fit and page-flow tests: deterministic, plain words, each built around
 * one shape of entry (bullet-less entries in a long run, long entries of many bullets), so a test
 * can ask where pages break without a fixture file per case.
 */

/** The entry shapes the page-flow tests cover: every kind of entry a built-in theme draws. */
export const SHAPES = ['work', 'skills', 'languages', 'awards', 'publications', 'mixed'] as const
export type Shape = (typeof SHAPES)[number]

const WORDS =
  'designed built scaled migrated reviewed shipped measured automated documented replaced the billing service search index schema registry deployment system feature store with a rollback plan for many teams across regions'.split(
    ' ',
  )

/** A sentence of `n` words, the same for the same seed. */
export function words(seed: number, n: number): string {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(WORDS[(seed * 7 + i * 13 + ((seed * i) % 5)) % WORDS.length]!)
  const text = out.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

const basics = {
  name: 'Morgan Example',
  label: 'Staff Software Engineer',
  email: 'morgan@example.com',
  phone: '555-010-0199',
  summary: words(1, 40),
}

const job = (i: number, bullets: number) => ({
  position: `Engineer Grade ${i + 1}`,
  name: `Company Number ${i + 1}`,
  location: 'Seattle, WA',
  startDate: `${2020 - i * 2}-01`,
  endDate: `${2021 - i * 2}-12`,
  highlights: Array.from({ length: bullets }, (_, b) => words(i * 31 + b, 14 + ((i + b) % 4) * 9)),
})

/** A resume of `count` entries of one shape (about a page per 40 short entries), after a short work section. */
export function longResume(shape: Shape, count: number): Record<string, unknown> {
  const resume: Record<string, unknown> = { basics }
  const sections: string[] = ['summary', 'work']
  resume.work = [job(0, 3), job(1, 2)]
  if (shape === 'work' || shape === 'mixed') resume.work = Array.from({ length: shape === 'work' ? count : 4 }, (_, i) => job(i, 4 + (i % 5)))
  if (shape === 'skills' || shape === 'mixed') {
    sections.push('skills')
    // Levels with no keywords (the dangling-colon case), and some with keywords.
    resume.skills = Array.from({ length: count }, (_, i) =>
      i % 3 === 2 ? { name: `Skill ${i + 1}`, level: 'Advanced', keywords: ['one', 'two', 'three'] } : { name: `Skill ${i + 1}`, level: i % 2 ? 'Expert' : 'Intermediate' },
    )
  }
  if (shape === 'languages' || shape === 'mixed') {
    sections.push('languages')
    resume.languages = Array.from({ length: count }, (_, i) => ({ language: `Language ${i + 1}`, fluency: i % 2 ? 'Professional working proficiency' : 'Native' }))
  }
  if (shape === 'awards' || shape === 'mixed') {
    sections.push('awards')
    resume.awards = Array.from({ length: count }, (_, i) => ({ title: `Award ${i + 1}`, awarder: `Society ${i + 1}`, date: `${2000 + (i % 24)}-05` }))
  }
  if (shape === 'publications' || shape === 'mixed') {
    sections.push('publications')
    resume.publications = Array.from({ length: count }, (_, i) => ({
      name: `Paper ${i + 1}: ${words(i, 6).slice(0, -1)}`,
      publisher: `Journal ${i + 1}`,
      releaseDate: `${2000 + (i % 24)}-03`,
    }))
  }
  resume.meta = { sections }
  return resume
}

/**
 * One resume holding every shape, with a variant per shape: a page-flow test builds them all in
 * one run (`--all-variants`), one browser. Each variant keeps two short jobs ahead of its long
 * run, so a run that cannot break shows as a page left half empty before it.
 */
export function flowResume(count = 90): Record<string, unknown> {
  const resume = longResume('mixed', count)
  resume.work = Array.from({ length: 12 }, (_, i) => ({ ...job(i, 4 + (i % 5)), ...(i >= 2 ? { tags: ['more'] } : {}) }))
  const only = (...sections: string[]) => ({ excludeTags: ['more'], sections: ['summary', 'work', ...sections] })
  resume.variants = {
    work: { sections: ['summary', 'work'] },
    skills: only('skills'),
    languages: only('languages'),
    awards: only('awards'),
    publications: only('publications'),
    mixed: only('skills', 'languages', 'awards', 'publications'),
  }
  return resume
}
