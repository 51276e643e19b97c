import type { ErrorKind } from '../diagnostics/diagnostic.js'

/**
 * The one place error kinds become exit codes. The numbers are a contract scripts rely on
 * (README, "Exit codes"); signals add theirs (128 + the signal's number) in src/cli/signals.ts.
 */
export const EXIT_CODES: Readonly<Record<ErrorKind | 'ok', number>> = {
  ok: 0,
  internal: 1,
  usage: 2,
  input: 3,
  validation: 4,
  theme: 5,
  render: 6,
  output: 7,
}

export const exitCodeOf = (kind: ErrorKind): number => EXIT_CODES[kind]

/** "0 ok, 2 usage, ..., 1 internal": the table as `--help` prints it, success first and the bug last. */
export const exitCodesHelp = (): string => {
  const rows = Object.entries(EXIT_CODES).filter(([kind]) => kind !== 'internal')
  return [...rows, ['internal error', EXIT_CODES.internal] as const].map(([kind, code]) => `${code} ${kind}`).join(', ')
}

/** How a shell reports a process ended by a signal: 128 + its number. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
