/** A problem found in the user's input, reported as a value rather than thrown text. */
export type Severity = 'error' | 'warning'

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `DUPLICATE_KEY`; documented in the README. */
  code: string
  severity: Severity
  message: string
  /** Path of the file as the user named it; absent for problems that have no file (flags). */
  file?: string
  /** 1-based line and column; absent when the problem has no place in a file. */
  line?: number
  column?: number
  hint?: string
}

/**
 * The failure classes the CLI maps to exit codes. The numbers are a contract
 * (README, "Exit codes"); the library speaks in kinds, only the CLI in numbers.
 */
export const EXIT_CODES = {
  ok: 0,
  internal: 1,
  usage: 2,
  input: 3,
  validation: 4,
  theme: 5,
  render: 6,
  output: 7,
} as const

export type ErrorKind = Exclude<keyof typeof EXIT_CODES, 'ok'>

/** The one error type the library throws on purpose: a kind and the diagnostics behind it. */
export class VitaeError extends Error {
  readonly kind: ErrorKind
  readonly diagnostics: Diagnostic[]

  constructor(kind: ErrorKind, diagnostics: Diagnostic[] | string, options?: { cause?: unknown }) {
    const list: Diagnostic[] =
      typeof diagnostics === 'string'
        ? [{ code: kind.toUpperCase(), severity: 'error', message: diagnostics }]
        : diagnostics
    super(list.map((d) => d.message).join('; '), options)
    this.name = 'VitaeError'
    this.kind = kind
    this.diagnostics = list
  }
}

export function isVitaeError(error: unknown): error is VitaeError {
  return error instanceof VitaeError
}

export const hasErrors = (list: readonly Diagnostic[]): boolean =>
  list.some((d) => d.severity === 'error')
