import { join } from 'node:path'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import type { DocxTokens, Theme } from '../themes/types.js'

/**
 * The shape of the Word file's masthead and headings, beside the sizes and colours of
 * DocxTokens: what tells the built-in themes apart in Word. The defaults are classic's.
 */
export interface DocxShapeTokens {
  /** Name, label and contact line: centred, or flush left. */
  mastheadAlign: 'center' | 'left'
  /** A thick rule in the accent colour under the contact line, or none. */
  mastheadRule: 'none' | 'accent'
  /** The label under the name: tracked capitals, italic, or as written. */
  labelCase: 'caps' | 'italic' | 'none'
  labelColor: 'muted' | 'accent'
  /** Section headings: tracked capitals, Word's small capitals, or as written. */
  headingCase: 'caps' | 'smallCaps' | 'none'
  /** A rule under each section heading, or none. */
  headingRule: 'below' | 'none'
  /** Organisations in italic, rather than in the accent colour. */
  organizationItalic: boolean
  /** The name in the accent colour, or in the text colour (`color`). */
  nameColor: 'accent' | 'ink'
  /** The label on its own line under the name, or on the name's line after it. */
  labelPlacement: 'below' | 'beside'
  /** Places (the location before the dates) in italic. */
  locationItalic: boolean
}

export type ThemeDocxTokens = DocxTokens & DocxShapeTokens

const DEFAULT_SHAPE: Readonly<DocxShapeTokens> = {
  mastheadAlign: 'center',
  mastheadRule: 'none',
  labelCase: 'caps',
  labelColor: 'muted',
  headingCase: 'caps',
  headingRule: 'below',
  organizationItalic: false,
  nameColor: 'accent',
  labelPlacement: 'below',
  locationItalic: false,
}

const FLAGS = ['organizationItalic', 'locationItalic'] as const

const CHOICES: Record<Exclude<keyof DocxShapeTokens, (typeof FLAGS)[number]>, readonly string[]> = {
  mastheadAlign: ['center', 'left'],
  mastheadRule: ['none', 'accent'],
  labelCase: ['caps', 'italic', 'none'],
  labelColor: ['muted', 'accent'],
  headingCase: ['caps', 'smallCaps', 'none'],
  headingRule: ['below', 'none'],
  nameColor: ['accent', 'ink'],
  labelPlacement: ['below', 'beside'],
}

/** What a theme without a "docx" block (or with part of one) gets: the classic look. */
export const DEFAULT_DOCX_TOKENS: Readonly<DocxTokens> = {
  font: 'Arial',
  headingFont: 'Georgia',
  codeFont: 'Consolas',
  size: 10,
  smallSize: 9.5,
  nameSize: 22,
  labelSize: 10.5,
  headingSize: 10.5,
  lineSpacing: 0.95,
  color: '1B1B1B',
  accent: '1F3A5F',
  muted: '4A4F57',
  rule: '9AA7B8',
  paragraphSpacing: 1,
  entrySpacing: 4,
  sectionSpacing: 7,
}

const FONTS = ['font', 'headingFont', 'codeFont'] as const
const COLORS = ['color', 'accent', 'muted', 'rule'] as const
const SIZES = ['size', 'smallSize', 'nameSize', 'labelSize', 'headingSize'] as const
const SPACINGS = ['paragraphSpacing', 'entrySpacing', 'sectionSpacing'] as const

/**
 * The theme's tokens over the defaults, checked: a typo in theme.json is the theme's problem
 * (exit 5, naming the manifest), never a Word file that fails to open.
 */
export function docxTokens(theme: Theme): ThemeDocxTokens {
  const tokens: Record<string, unknown> = { ...DEFAULT_DOCX_TOKENS, ...DEFAULT_SHAPE, ...theme.manifest.docx }
  const problems: string[] = []
  const check = (key: string, ok: (value: unknown) => boolean, expected: string) => {
    if (!ok(tokens[key])) problems.push(`docx.${key} is ${JSON.stringify(tokens[key])}; it must be ${expected}`)
  }

  for (const key of FONTS) check(key, isFontName, 'a font name')
  for (const key of COLORS) {
    check(key, (v) => typeof v === 'string' && /^#?[0-9A-Fa-f]{6}$/.test(v), 'a colour in hex, like "1F3A5F"')
    // "#1f3a5f" is how CSS writes a colour: take it as Word's "1F3A5F".
    if (typeof tokens[key] === 'string') tokens[key] = (tokens[key] as string).replace(/^#/, '').toUpperCase()
  }
  for (const key of SIZES) check(key, (v) => isNumberIn(v, 1, 200), 'a font size in points, 1 to 200')
  for (const key of SPACINGS) check(key, (v) => isNumberIn(v, 0, 200), 'a space in points, 0 to 200')
  check('lineSpacing', (v) => isNumberIn(v, 0.5, 5), 'a multiple of single line spacing, 0.5 to 5')
  for (const [key, allowed] of Object.entries(CHOICES)) check(key, (v) => allowed.includes(v as string), allowed.map((a) => JSON.stringify(a)).join(' or '))
  for (const key of FLAGS) check(key, (v) => typeof v === 'boolean', 'true or false')

  if (problems.length > 0) {
    const file = join(theme.dir, 'theme.json')
    throw new VitaeError(
      'theme',
      problems.map((message): Diagnostic => ({ code: 'THEME', severity: 'error', message, file, hint: 'fix the "docx" block of the theme manifest' })),
    )
  }
  return tokens as unknown as ThemeDocxTokens
}

// A name as Word's font menu lists it: no control characters, no stray spaces at either end.
const isFontName = (value: unknown): boolean => typeof value === 'string' && /^\S(?:[^\u0000-\u001f]{0,62}\S)?$/.test(value)
const isNumberIn = (value: unknown, min: number, max: number): boolean => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
