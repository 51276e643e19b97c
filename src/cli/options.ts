import { type Diagnostic, type OptionName, optionPhrase, VitaeError } from '../diagnostics/diagnostic.js'
import { type Margins, type PageSize, parseMarginList } from '../page/geometry.js'
import type { BuildOptions, OverrideOption, TailorOptions } from '../pipeline/options.js'

/** The flags of `build` (and the tailoring ones of `explain`), as commander hands them over. */
export interface BuildFlags {
  format?: string
  out?: string
  theme?: string
  plugin?: string[]
  page?: PageSize
  margin?: string
  strict?: boolean
  timeout?: number
  browserPath?: string
  maxPages?: number
  fit?: number
  dpi?: number
  variant?: string[]
  allVariants?: boolean
  tags?: string[]
  excludeTags?: string[]
  sections?: string[]
  set?: string[]
  letter?: string[]
  allLetters?: boolean
  packet?: boolean
  json?: boolean
  quiet?: boolean
  verbose?: boolean
}

const usage = (message: string, hint?: string): VitaeError => new VitaeError('usage', [{ code: 'BAD_FLAG', severity: 'error', message, hint }])

/** `--set path=value`, parsed into the library's override; the value stays text, typed by the schema later. */
export function parseOverride(pair: string): OverrideOption {
  const eq = pair.indexOf('=')
  if (eq <= 0) throw usage(`--set ${JSON.stringify(pair)} needs the form path=value`, 'e.g. --set basics.label="ML Engineer"')
  return { path: pair.slice(0, eq), value: pair.slice(eq + 1), origin: '--set' }
}

export function tailorOptions(flags: BuildFlags): TailorOptions {
  return {
    variants: flags.variant,
    allVariants: flags.allVariants,
    tags: flags.tags,
    excludeTags: flags.excludeTags,
    sections: flags.sections,
    overrides: (flags.set ?? []).map(parseOverride),
    letters: flags.letter,
    allLetters: flags.allLetters,
  }
}

/** The flags of `build` as the library's options (callbacks are the caller's to add). */
export function buildOptions(file: string, flags: BuildFlags): BuildOptions {
  let margins: Margins | undefined
  if (flags.margin !== undefined) {
    const parsed = parseMarginList(flags.margin)
    if (!parsed.ok) throw usage(`--margin ${JSON.stringify(flags.margin)} is not a margin`, 'give one to four lengths like 0.5in, 12mm or 36pt, e.g. --margin 0.5in,0.6in')
    margins = parsed.margins
  }
  return {
    input: file,
    formats: (flags.format ?? 'pdf')
      .split(',')
      .map((f) => f.trim().toLowerCase())
      .filter(Boolean),
    outDir: flags.out ?? 'dist',
    theme: flags.theme,
    plugins: flags.plugin?.length ? flags.plugin : undefined,
    page: flags.page || margins ? { size: flags.page, margins } : undefined,
    strict: flags.strict,
    timeoutMs: flags.timeout !== undefined ? flags.timeout * 1000 : undefined,
    browserPath: flags.browserPath,
    maxPages: flags.maxPages,
    fit: flags.fit,
    dpi: flags.dpi,
    tailor: tailorOptions(flags),
    packet: flags.packet,
  }
}

/** Library options by the flag that sets them: messages name "the X option", the CLI shows the flag. */
const FLAG_OF: Record<OptionName, string> = {
  formats: '--format',
  outDir: '--out',
  theme: '--theme',
  plugins: '--plugin',
  page: '--page',
  margins: '--margin',
  strict: '--strict',
  timeout: '--timeout <seconds>',
  browserPath: '--browser-path',
  maxPages: '--max-pages',
  fit: '--fit',
  dpi: '--dpi',
  variants: '--variant',
  tags: '--tags',
  excludeTags: '--exclude-tags',
  sections: '--sections',
  overrides: '--set',
  letters: '--letter',
  allLetters: '--all-letters',
  packet: '--packet',
  verbose: '--verbose',
}

/** A diagnostic in the command line's words: each option it names, by its flag ("the maxPages option allows 1" → "--max-pages allows 1"). */
export function inFlagTerms(d: Diagnostic): Diagnostic {
  const { options, ...rest } = d
  if (!options?.length) return rest
  const reword = (text: string) => options.reduce((out, name) => out.replaceAll(optionPhrase(name), FLAG_OF[name]), text)
  return { ...rest, message: reword(d.message), ...(d.hint ? { hint: reword(d.hint) } : {}) }
}
