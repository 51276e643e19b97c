import type { DiagnosticCode } from '../diagnostics/codes.js'
import { VitaeError } from '../diagnostics/diagnostic.js'

/**
 * The most one render of code from outside may hand back: a plugin's files together, a theme's
 * HTML. A resume's PDF is well under a megabyte and its HTML a few (fonts and a photo inlined);
 * this bound stops only a runaway, before it is copied between threads or written.
 */
export const MAX_RENDER_BYTES = 64 * 1024 * 1024

export const formatBytes = (n: number): string => (n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} bytes`)

const seconds = (ms: number): string => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`)

/**
 * Loading a theme package or a plugin runs its top-level code, which may loop or wait forever: past
 * the timeout it is stopped, and that is a failure to load (exit 5), named like the others.
 */
export function loadTimeout(code: Extract<DiagnosticCode, 'THEME' | 'PLUGIN'>, what: string, ms: number, file?: string): VitaeError {
  return new VitaeError('theme', [
    {
      code,
      severity: 'error',
      message: `${what} did not finish loading within ${seconds(ms)} (its top-level code loops or waits), so it was stopped`,
      file,
      hint: `the problem is in the ${code === 'PLUGIN' ? 'plugin' : 'theme package'}, not in your resume; the timeout option sets the limit`,
    },
  ])
}
