/**
 * What a theme is, in one place: its manifest, the loaded theme the build draws with, and what
 * JSON Resume themes and precompiled templates add. Types only, so every module of themes/ (and
 * the build) can name them without importing the code that loads them.
 */
import type { FontFaceFile } from '../fonts/faces.js'
import type { Margins, PageSize } from '../page/geometry.js'
import type { Section } from '../types/resume.js'
import type { FitDeclaration } from './fit.js'

export interface FontFace {
  family: string
  weight: number
  style: 'normal' | 'italic'
  /** Font files, each optionally limited to a unicode-range (a latin and a latin-ext subset, say). */
  files: Array<string | { file: string; unicodeRange?: string }>
}

/**
 * DOCX style tokens: what Word needs to belong to the same family as the PDF. Sizes and spacing
 * are in points, colours are hex RGB without the #.
 */
export interface DocxTokens {
  /**
   * Body text. The PDF's web fonts are not embedded in Word files, so name a font every reader
   * has or substitutes with the same metrics (Arial: Liberation Sans in LibreOffice), or the
   * line breaks, and the page count, differ from one reader to the next.
   */
  font: string
  /** The name at the top (the PDF's display serif). */
  headingFont: string
  /** Inline `code`. */
  codeFont: string
  size: number
  /** Contact line, places and dates. */
  smallSize: number
  nameSize: number
  /** The label under the name. */
  labelSize: number
  /** Section headings. */
  headingSize: number
  /** Line height as a multiple of single spacing. */
  lineSpacing: number
  color: string
  accent: string
  muted: string
  /** The quiet separators: title | organisation, place | dates, between contact items. */
  rule: string
  /** After bullets and group lines. */
  paragraphSpacing: number
  /** Before each entry. */
  entrySpacing: number
  /** Before each section heading. */
  sectionSpacing: number
}

export interface ThemeManifest {
  name: string
  description?: string
  version?: string
  template: string
  partials?: string
  styles?: string[]
  /** The theme's cover letter template and its own stylesheets (schema/theme.schema.json). */
  letter?: { template: string; styles?: string[] }
  fonts?: FontFace[]
  /** The order to show sections in; any it leaves out follow in the section table's order (src/core/sections.ts). */
  sections?: Section[]
  /** Headings the theme sets over the locale's words; an empty one hides that heading. */
  headings?: Partial<Record<Section, string>>
  /** `size: "locale"`: the paper the resume's locale prints on (A4 in Europe, Letter in the US). */
  page?: { size?: PageSize | 'locale'; margins?: Partial<Margins<string>> }
  docx?: Partial<DocxTokens>
  /** The options a resume may set under meta.themeOptions, as a JSON Schema object (src/themes/options.ts). */
  options?: OptionsSchema
  /** What may give, and how far, when a build fits the resume to its pages (src/themes/fit.ts). */
  fit?: FitDeclaration
  /** Sections set in a side column: read (and written to Word and text) before the others (src/themes/columns.ts). */
  side?: Section[]
  /** The theme shows basics.image: templates get it inlined as `photo` (src/core/photo.ts). */
  photo?: boolean
  /** Fields the theme does not show (`work[].description`); a value there is a FIELD_OMITTED warning. */
  omits?: string[]
}

export interface Theme {
  name: string
  dir: string
  manifest: ThemeManifest
  template: string
  partials: Record<string, string>
  /** The theme's stylesheets (its fonts come separately, as faces). */
  css: string
  /**
   * The theme's font faces with their files' checked paths. Each document inlines only the faces
   * its text needs (src/pipeline/fonts.ts), so an English resume does not carry latin-ext.
   */
  faces: FontFaceFile[]
  /** The manifest's page settings, parsed and checked. */
  page: { size?: PageSize | 'locale'; margins: Partial<Margins> }
  /** The compiled template, made on first use (src/themes/handlebars.ts). */
  compiled?: Promise<(context: unknown) => Promise<string>>
  /** Its templates as compiled at install, when they still match (src/themes/precompiled.ts). */
  precompiled?: Promise<Precompiled | undefined>
  /** The letter template and its CSS, read with the theme (for a theme whose manifest has `letter`). */
  letter?: { template: string; css: string }
  /** 'letter' for the theme as it draws a cover letter (src/themes/letter.ts): its template is the letter's. */
  document?: 'letter'
  /** Set for a JSON Resume theme package: its render() makes the HTML; the rest is classic's (src/themes/resolve.ts). */
  jsonResume?: JsonResumeThemeInfo
}

/** Themes by folder: one per build (the build's services own it), so edits show on the next build. */
export type ThemeCache = Map<string, Promise<Theme>>

/** A theme's options schema, as its manifest declares it (checked by schema/theme.schema.json). */
export interface OptionsSchema {
  type?: 'object'
  additionalProperties?: boolean
  properties: Record<string, { type: string; default?: unknown; enum?: unknown[]; format?: string; pattern?: string; description?: string }>
}

/** A JSON Resume theme, as the rest of the build sees it. */
export interface JsonResumeThemeInfo {
  packageName: string
  version?: string
  dir: string
  pdf?: PdfRenderOptions
}

/** The subset of Puppeteer's PDF options JSON Resume themes export, which vitae honours. */
export interface PdfRenderOptions {
  format?: string
  margin?: { top?: string | number; right?: string | number; bottom?: string | number; left?: string | number }
  printBackground?: boolean
  mediaType?: 'print' | 'screen'
}

/** Handlebars template specs (as `Handlebars.precompile` writes them), for a main template and partials. */
export interface Precompiled {
  hash: string
  main: TemplateSpecification
  partials: Record<string, TemplateSpecification>
}

type TemplateSpecification = Parameters<typeof import('handlebars').template>[0]
