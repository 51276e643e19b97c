/* Generated from schema/resume.schema.json by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * A link: http, https, mailto or tel.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "url".
 */
export type Url = string
/**
 * Text with inline Markdown: **bold**, _italic_, `code`, [link](https://example.com).
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "text".
 */
export type Text = string
/**
 * A date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "date".
 */
export type IsoDate = string
/**
 * A date as YYYY, YYYY-MM or YYYY-MM-DD; leave it out (or write present) for an ongoing role.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "endDate".
 */
export type EndDate = IsoDate | ('present' | 'Present' | '')
/**
 * One accomplishment: text with inline Markdown, or {text, tags} to tailor it.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "highlight".
 */
export type Highlight =
  | Text
  | {
      text: Text
      tags?: Tags
      [k: string]: unknown
    }
/**
 * Tags for tailoring: variants and --tags keep or drop what carries them.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "tags".
 */
export type Tags = string[]
/**
 * Accomplishments, one bullet each.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "highlights".
 */
export type Highlights = Highlight[]
/**
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "strings".
 */
export type Strings = string[]
/**
 * A CSS length: 0.5in, 12mm, 1.5cm or 36pt.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "length".
 */
export type Length = string
/**
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "section".
 */
export type Section =
  | 'summary'
  | 'work'
  | 'volunteer'
  | 'education'
  | 'projects'
  | 'awards'
  | 'certificates'
  | 'publications'
  | 'skills'
  | 'languages'
  | 'interests'
  | 'references'
/**
 * Tags for tailoring: variants and --tags keep or drop what carries them.
 */
export type Tags1 = string[]
/**
 * Tags for tailoring: variants and --tags keep or drop what carries them.
 */
export type Tags2 = string[]
/**
 * Address lines, one per item.
 */
export type Strings1 = string[]
/**
 * A date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03.
 */
export type IsoDate1 = string

/**
 * A resume for vitae: JSON Resume 1.0 plus tags, education locations and highlights, presentation settings under meta, and variants. Text fields accept inline Markdown (**bold**, _italic_, `code`, [links](https://example.com)).
 */
export interface Resume {
  /**
   * Link to the schema that validates this resume.
   */
  $schema?: string
  basics?: {
    name?: string
    /**
     * e.g. Software Engineer
     */
    label?: string
    /**
     * A picture: a URL or a path relative to the resume file.
     */
    image?: string
    /**
     * e.g. ada@example.com
     */
    email?: string
    /**
     * Any format, e.g. 703-915-8580
     */
    phone?: string
    url?: Url
    summary?: Text
    location?: {
      address?: string
      postalCode?: string
      city?: string
      countryCode?: string
      region?: string
      [k: string]: unknown
    }
    profiles?: {
      /**
       * e.g. LinkedIn
       */
      network?: string
      username?: string
      url?: Url
      [k: string]: unknown
    }[]
    [k: string]: unknown
  }
  work?: {
    /**
     * The organisation, e.g. Acme Corp
     */
    name?: string
    /**
     * e.g. Menlo Park, CA
     */
    location?: string
    description?: string
    position?: string
    url?: Url
    startDate?: IsoDate
    endDate?: EndDate
    summary?: Text
    highlights?: Highlights
    tags?: Tags
    [k: string]: unknown
  }[]
  volunteer?: {
    organization?: string
    location?: string
    position?: string
    url?: Url
    startDate?: IsoDate
    endDate?: EndDate
    summary?: Text
    highlights?: Highlights
    tags?: Tags
    [k: string]: unknown
  }[]
  education?: {
    institution?: string
    url?: Url
    /**
     * e.g. Computer Engineering
     */
    area?: string
    /**
     * e.g. M.S.
     */
    studyType?: string
    /**
     * e.g. Washington, DC
     */
    location?: string
    startDate?: IsoDate
    endDate?: EndDate
    /**
     * e.g. 3.9/4.0
     */
    score?: string
    summary?: Text
    courses?: Strings
    highlights?: Highlights
    tags?: Tags
    [k: string]: unknown
  }[]
  awards?: {
    title?: string
    date?: IsoDate
    awarder?: string
    summary?: Text
    tags?: Tags
    [k: string]: unknown
  }[]
  certificates?: {
    name?: string
    date?: IsoDate
    url?: Url
    issuer?: string
    tags?: Tags
    [k: string]: unknown
  }[]
  publications?: {
    name?: string
    publisher?: string
    releaseDate?: IsoDate
    url?: Url
    summary?: Text
    tags?: Tags
    [k: string]: unknown
  }[]
  skills?: {
    /**
     * The group, e.g. Programming Languages
     */
    name?: string
    level?: string
    keywords?: Strings
    tags?: Tags
    [k: string]: unknown
  }[]
  languages?: {
    language?: string
    fluency?: string
    tags?: Tags
    [k: string]: unknown
  }[]
  interests?: {
    name?: string
    keywords?: Strings
    tags?: Tags
    [k: string]: unknown
  }[]
  references?: {
    name?: string
    reference?: Text
    tags?: Tags
    [k: string]: unknown
  }[]
  projects?: {
    name?: string
    description?: Text
    highlights?: Highlights
    keywords?: Strings
    startDate?: IsoDate
    endDate?: EndDate
    url?: Url
    roles?: Strings
    entity?: string
    /**
     * e.g. Kaggle Contest
     */
    type?: string
    tags?: Tags
    [k: string]: unknown
  }[]
  meta?: {
    canonical?: string
    version?: string
    lastModified?: string
    /**
     * The theme: one of vitae's (classic), a folder under templates/, or an installed theme package (vitae-theme-NAME, jsonresume-theme-NAME, @scope/name)
     */
    theme?: string
    themeOptions?: ThemeOptions
    /**
     * Terms for resume match beside its vocabulary: names with their aliases, and names to leave out.
     */
    match?: {
      terms?: (
        | string
        | {
            name: string
            aliases?: string[]
            kind?: 'language' | 'technology' | 'method' | 'certification'
          }
      )[]
      ignore?: string[]
    }
    /**
     * Renderer plugins adding formats: module paths relative to the resume, or package names.
     */
    plugins?: string[]
    /**
     * Page size for PDF and DOCX.
     */
    page?: 'letter' | 'a4'
    /**
     * Page margins: one length for all sides, or per side.
     */
    margins?:
      | Length
      | {
          top?: Length
          right?: Length
          bottom?: Length
          left?: Length
        }
    /**
     * Fit the PDF (and the Word file) into this many pages by tightening the theme's type and spacing, within the floors the theme declares (theme.json fit); nothing is dropped.
     */
    fit?: number
    /**
     * BCP 47 locale: the language of every word vitae adds (headings, "Present") and of dates, e.g. en-US, de, zh-CN
     */
    locale?: string
    /**
     * Which sections to show, in this order.
     */
    sections?: Section[]
    /**
     * Section headings to use instead of the theme's, e.g. {work: Experience}.
     */
    headings?: {
      [k: string]: string
    }
    /**
     * Words to use instead of the locale's, e.g. {present: Now, gpa: Grade}. documentTitle takes {name}.
     */
    labels?: {
      present?: string
      rangeSeparator?: string
      listSeparator?: string
      colon?: string
      gpa?: string
      courses?: string
      documentTitle?: string
      resume?: string
      email?: string
      phone?: string
      url?: string
      location?: string
      profiles?: string
    }
    [k: string]: unknown
  }
  /**
   * Tailored versions of this resume by name: resume build --variant NAME. More can live in variants/NAME.yaml beside the resume.
   */
  variants?: {
    [k: string]: Variant
  }
  /**
   * Cover letters by name: resume build --letter NAME. More can live in letters/NAME.yaml beside the resume.
   */
  letters?: {
    [k: string]: Letter
  }
  [k: string]: unknown
}
/**
 * Options the theme declares in its theme.json (e.g. accent: "#0a7"), checked against them at build time.
 */
export interface ThemeOptions {
  [k: string]: string | number | boolean
}
/**
 * A tailored version of the resume: which tags and sections to keep, fields to override, and where to write it.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "variant".
 */
export interface Variant {
  /**
   * What the variant is for, e.g. Backend and distributed systems roles.
   */
  description?: string
  tags?: Tags1
  excludeTags?: Tags2
  /**
   * Sections to show, in this order.
   */
  sections?: Section[]
  /**
   * Fields to override, by path: basics.label, work[0].highlights[1], ...
   */
  set?: {
    [k: string]: unknown
  }
  /**
   * At most this many highlights per entry (the first ones kept).
   */
  maxHighlights?: number
  /**
   * The theme for this variant: a vitae theme name, or an installed theme package (vitae-theme-NAME, jsonresume-theme-NAME, @scope/name).
   */
  theme?: string
  themeOptions?: ThemeOptions1
  page?: 'letter' | 'a4'
  /**
   * Fit this variant into this many pages (as meta.fit), over meta.fit.
   */
  fit?: number
  /**
   * The locale for this variant: another language's headings, words and dates.
   */
  locale?: string
  /**
   * The output file name without extension; default: <resume>-<variant>.
   */
  output?: string
}
/**
 * Theme options for this variant, over meta.themeOptions.
 */
export interface ThemeOptions1 {
  [k: string]: string | number | boolean
}
/**
 * A cover letter that goes with the resume (or one of its variants): the sender comes from basics, the look from the theme.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "letter".
 */
export interface Letter {
  /**
   * The letter schema, for editors: ../schema/letter.schema.json or https://vitae.dev/letter.schema.json.
   */
  $schema?: string
  /**
   * The variant of the resume this letter goes with (built beside it); leave it out for the resume as written.
   */
  variant?: string
  /**
   * Who the letter is for; every part is optional.
   */
  recipient?: {
    /**
     * The person, e.g. Dana Reyes.
     */
    name?: string
    /**
     * Their role, e.g. Engineering Manager.
     */
    title?: string
    /**
     * The organisation, e.g. Acme Corp.
     */
    company?: string
    address?: Strings1
  }
  date?: IsoDate1
  /**
   * Text with inline Markdown: **bold**, _italic_, `code`, [link](https://example.com).
   */
  subject?: string
  /**
   * The greeting; default: the locale's ("Dear Hiring Manager,").
   */
  salutation?: string
  /**
   * The letter's text: paragraphs (a blank line between them) and lists, with inline Markdown: **bold**, _italic_, [links](https://example.com).
   */
  body: string
  /**
   * The closing; default: the locale's ("Sincerely,").
   */
  closing?: string
  /**
   * The letter's language: its date and default words; default: the variant's, else meta.locale.
   */
  locale?: string
  /**
   * The theme for this letter; default: its variant's, else meta.theme. A theme without a letter template uses classic's.
   */
  theme?: string
  themeOptions?: ThemeOptions2
  page?: 'letter' | 'a4'
  /**
   * The application's file name, without extension: the resume it goes with is written as OUTPUT.*, the letter as OUTPUT-letter.*, the packet as OUTPUT-packet.pdf; default: <resume>-<letter>.
   */
  output?: string
}
/**
 * Theme options for this letter, over meta.themeOptions.
 */
export interface ThemeOptions2 {
  [k: string]: string | number | boolean
}
/**
 * Theme options by name; which ones a theme takes, and their types, are in its theme.json.
 *
 * This interface was referenced by `Resume`'s JSON-Schema
 * via the `definition` "themeOptions".
 */
export interface ThemeOptions3 {
  [k: string]: string | number | boolean
}
