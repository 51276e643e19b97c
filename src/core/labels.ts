import type { Section } from '../types/resume.js'

/**
 * The words a reader sees that are not the user's own. One table per language; English is the
 * default and the fallback for any word a table lacks.
 */
export type ContactKind = 'email' | 'phone' | 'url' | 'location' | 'profiles'

/** One language's table, as locales/<tag>.json holds it. */
export interface Labels {
  /** The language's name in itself: "Deutsch". */
  name: string
  dir: 'ltr' | 'rtl'
  sections: Record<Section, string>
  /** The open end of a date range: "Mar 2024 – Present". */
  present: string
  /** Between the two ends of a date range. */
  rangeSeparator: string
  /** Between keywords or courses: ", " or "、". */
  listSeparator: string
  /** After a label: ": ", "\u00a0: " (French), "：" (CJK). */
  colon: string
  /** Before a degree's grade: "GPA 3.9". */
  gpa: string
  /** Before a degree's course list: "Courses: ...". */
  courses: string
  /** Words for contact lines, where a theme labels them. */
  contact: Record<ContactKind, string>
  /** The document's title; `{name}` is the person's name. */
  documentTitle: string
  /** The document's title when the resume has no name. */
  resume: string
}

export const ENGLISH: Labels = {
  name: 'English',
  dir: 'ltr',
  sections: {
    summary: 'Summary',
    work: 'Experience',
    volunteer: 'Volunteering',
    education: 'Education',
    awards: 'Awards',
    certificates: 'Certificates',
    publications: 'Publications',
    skills: 'Skills',
    languages: 'Languages',
    interests: 'Interests',
    references: 'References',
    projects: 'Projects',
  },
  present: 'Present',
  rangeSeparator: ' – ',
  listSeparator: ', ',
  colon: ': ',
  gpa: 'GPA',
  courses: 'Courses',
  contact: { email: 'Email', phone: 'Phone', url: 'Website', location: 'Location', profiles: 'Profiles' },
  documentTitle: '{name} – Resume',
  resume: 'Resume',
}

/** "Hayes Zhao – Lebenslauf", or "Lebenslauf" when there is no name. */
export const documentTitle = (labels: Pick<Labels, 'documentTitle' | 'resume'>, name: string | undefined): string =>
  name?.trim() ? labels.documentTitle.replace('{name}', name.trim()) : labels.resume
