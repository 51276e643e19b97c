import { stringify } from 'yaml'
import { paperForLocale } from '../page/locale-paper.js'

/** What `resume init` fills in; everything else in the starter is an example to overwrite. */
export interface StarterValues {
  name: string
  email: string
  locale: string
  /** The `$schema` path for the modeline, relative to the resume file. */
  schemaPath: string
}

export const PLACEHOLDER_NAME = 'Your Name'
export const PLACEHOLDER_EMAIL = 'you@example.com'
export const DEFAULT_LOCALE = 'en-US'

/** A YAML scalar for a user's value: quoted only where YAML needs it (`null`, `: `, a leading `*`…). */
const scalar = (value: string): string => stringify(value, { lineWidth: 0 }).trimEnd()

/** A line with its comment in the column the starter's other comments use. */
const commented = (text: string, comment: string): string => `${text.padEnd(37)} # ${comment}`

/**
 * The starter resume: every section with one example entry, comments saying what each field
 * takes, one variant, and `meta` with its choices. It must validate with no warning: the tags the
 * variant names are carried by entries, and every key is one the schema knows.
 */
export function starterResume(v: StarterValues): string {
  const page = paperForLocale(v.locale)
  return `# yaml-language-server: $schema=${v.schemaPath}
# Your resume as code. Preview it while you edit: npx resume dev
# Build it: npx resume build --format pdf,html,docx   (all variants: --all-variants)
# Every entry below is an example: change it, or delete the ones you do not need.
# Text fields take inline Markdown: **bold**, _italic_, \`code\` and [links](https://example.com).
basics:
  name: ${scalar(v.name)}
  label: Software Engineer            # the line under your name
  email: ${scalar(v.email)}
  phone: +1 555 0100                  # any format
  url: https://example.com
  summary: >-
    Engineer with **five years** of experience building reliable web services.
    Two or three sentences on what you do best and what you are looking for.
  location:
    city: Springfield
    region: IL
    countryCode: US
  profiles:
    - network: GitHub
      username: your-handle
      url: https://github.com/your-handle

# Jobs, newest first. Dates are YYYY, YYYY-MM or YYYY-MM-DD; leave endDate out for "Present".
work:
  - name: Example Corp
    position: Senior Software Engineer
    location: Springfield, IL
    url: https://example.com
    startDate: 2022-03
    tags: [backend]                   # variants keep or drop tagged entries
    highlights:
      - Cut p99 latency of the **orders API** by 40% by batching database writes
      - text: Led a team of four through a migration to Kubernetes
        tags: [lead]                  # a single highlight can carry tags too

# Volunteering, shaped like work.
volunteer:
  - organization: Code Club
    position: Mentor
    startDate: 2021-09
    endDate: 2023-06
    summary: Taught programming basics to school children every week.

education:
  - institution: State University
    studyType: B.S.
    area: Computer Science
    location: Springfield, IL
    startDate: "2014"                 # a bare year is quoted, so YAML keeps it text
    endDate: "2018"
    score: 3.8 GPA
    courses: [Distributed Systems, Databases]

awards:
  - title: Engineering Excellence Award
    date: 2023-12
    awarder: Example Corp
    summary: For the latency work on the orders API.

certificates:
  - name: Certified Kubernetes Administrator
    date: 2022-05
    issuer: The Linux Foundation
    url: https://example.com/certificate

publications:
  - name: Batching Writes Without Losing Them
    publisher: Example Engineering Blog
    releaseDate: 2023-04-02
    url: https://example.com/blog/batching

# Skill groups: a name and its keywords.
skills:
  - name: Languages
    keywords: [TypeScript, Go, SQL]
  - name: Infrastructure
    keywords: [Kubernetes, PostgreSQL, AWS]
    tags: [backend]

languages:
  - language: English
    fluency: Native speaker

interests:
  - name: Cycling
    keywords: [long distance, bike repair]

references:
  - name: Jane Doe, Engineering Manager at Example Corp
    reference: Available on request.

projects:
  - name: tiny-queue
    description: A job queue in 300 lines of Go
    url: https://github.com/your-handle/tiny-queue
    startDate: "2021"
    keywords: [Go, Redis]
    highlights:
      - Used in production by three teams

# How the resume looks. Flags (--theme, --page, --margin) win over these.
meta:
  theme: classic                      # a theme shipped with vitae, or a folder under templates/
${commented(`  page: ${page}`, 'letter or a4')}
  margins: 0.5in                      # one length, or {top, right, bottom, left}
${commented(`  locale: ${scalar(v.locale)}`, 'dates through Intl, e.g. en-US, en-GB, de-DE')}
  # Sections to show, in this order; leave one out to hide it.
  sections: [summary, work, projects, education, skills, awards, certificates, publications, volunteer, languages, interests, references]
  headings:
    work: Experience                  # a heading of your own for any section

# Tailored versions: resume build --variant backend. Tagged entries and highlights stay when
# they carry one of the variant's tags; untagged ones always stay.
variants:
  backend:
    description: Backend engineering roles
    tags: [backend]
    excludeTags: [lead]               # dropped even when another tag matches
    sections: [summary, work, projects, skills, education]
    maxHighlights: 3                  # per entry, the first ones kept
    set:                              # override any field by path
      basics.label: Backend Engineer
`
}
