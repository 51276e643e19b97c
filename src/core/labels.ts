import type { Section } from '../types/resume.js'

/**
 * The words a reader sees that are not the user's own. One table per language; English is the
 * default and the fallback for any word a table lacks.
 */
export interface Labels {
  sections: Record<Section, string>
  /** The open end of a date range: "Mar 2024 – Present". */
  present: string
  /** Between the two ends of a date range. */
  rangeSeparator: string
  /** Before a degree's grade: "GPA 3.9". */
  gpa: string
  /** Before a degree's course list: "Courses: ...". */
  courses: string
  /** The document's title; `{name}` is the person's name. */
  documentTitle: string
  /** The document's title when the resume has no name. */
  resume: string
}

export const ENGLISH: Labels = {
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
  gpa: 'GPA',
  courses: 'Courses',
  documentTitle: '{name} – Resume',
  resume: 'Resume',
}

export const documentTitle = (labels: Labels, name: string): string => (name ? labels.documentTitle.replace('{name}', name) : labels.resume)
