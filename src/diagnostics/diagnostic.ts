import type { DiagnosticCode } from './codes.js'

/** A problem found in the user's input, reported as a value rather than thrown text. */
export type Severity = 'error' | 'warning'

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `DUPLICATE_KEY`; documented in the README. */
  code: DiagnosticCode
  severity: Severity
  message: string
  /** Path of the file as the user named it; absent for problems that have no file (flags). */
  file?: string
  /** 1-based line and column; absent when the problem has no place in a file. */
  line?: number
  column?: number
  hint?: string
  /**
   * The options the message and hint name (as `optionPhrase` words them), so a caller can word
   * them its own way: the CLI shows each as its flag.
   */
  options?: OptionName[]
}

/** The library's options that messages name; `verbose` stands for asking for progress (the log option). */
export type OptionName =
  | 'formats'
  | 'outDir'
  | 'theme'
  | 'plugins'
  | 'page'
  | 'margins'
  | 'strict'
  | 'timeout'
  | 'browserPath'
  | 'maxPages'
  | 'fit'
  | 'dpi'
  | 'variants'
  | 'tags'
  | 'excludeTags'
  | 'sections'
  | 'overrides'
  | 'letters'
  | 'allLetters'
  | 'packet'
  | 'verbose'

/** How a library message names an option: "the maxPages option"; progress is "verbose output". */
export const optionPhrase = (name: OptionName): string => (name === 'verbose' ? 'verbose output' : `the ${name} option`)

/**
 * The failure classes. The library speaks in kinds; only the CLI turns them into exit codes
 * (src/cli/exit-codes.ts).
 */
export type ErrorKind = 'internal' | 'usage' | 'input' | 'validation' | 'theme' | 'render' | 'output'

/** The one error type the library throws on purpose: a kind and the diagnostics behind it. */
export class VitaeError extends Error {
  readonly kind: ErrorKind
  readonly diagnostics: Diagnostic[]

  constructor(kind: ErrorKind, diagnostics: Diagnostic[], options?: { cause?: unknown }) {
    const list = diagnostics
    super(list.map((d) => d.message).join('; '), options)
    this.name = 'VitaeError'
    this.kind = kind
    this.diagnostics = list
  }
}

export function isVitaeError(error: unknown): error is VitaeError {
  return error instanceof VitaeError
}

export const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === 'error')
