import type { Diagnostic } from './diagnostic.js'

export interface FormatOptions {
  /** Source text by file name, for the code frame under each diagnostic. */
  sources?: ReadonlyMap<string, string>
  color?: boolean
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text)

// Direction controls and zero-width characters, shown as <U+202E> in a code frame: printed as they
// are, they reorder or hide the very line that reports them.
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
const visible = (text: string): string => text.replace(INVISIBLE, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)

/** Characters of a source line a code frame shows: about a screen's width, whatever the line's length. */
export const FRAME_WIDTH = 80

/**
 * The part of a line around the column, at most FRAME_WIDTH characters, with "…" where it was cut
 * (`more` says the pieces given were cut already): a minified or machine-written line of 24 kB
 * shows its neighbourhood, not itself. `before` is what comes before the caret, as shown.
 */
function around(before: string[], after: string[], more: { before: boolean; after: boolean }): { shown: string; before: string[] } {
  if (!more.before && !more.after && before.length + after.length <= FRAME_WIDTH) return { shown: [...before, ...after].join(''), before }
  const keepBefore = Math.min(before.length, Math.max(FRAME_WIDTH / 2, FRAME_WIDTH - after.length))
  const keepAfter = Math.min(after.length, FRAME_WIDTH - keepBefore)
  const head = [...(more.before || keepBefore < before.length ? ['…'] : []), ...before.slice(before.length - keepBefore)]
  const tail = [...after.slice(0, keepAfter), ...(more.after || keepAfter < after.length ? ['…'] : [])]
  return { shown: [...head, ...tail].join(''), before: head }
}

/**
 * `resume.yaml:14:9: error[CODE]: message`, then the source line and a caret under the column,
 * then the hint: the shape compilers use, so editors and CI annotators can jump to the place. A
 * long line shows only a screen's width around the column.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const color = options.color ?? false
  const where = [d.file, d.line, d.column].filter((part) => part !== undefined).join(':')
  const severity = paint(color, d.severity === 'error' ? '1;31' : '1;33', `${d.severity}[${d.code}]`)
  const lines = [`${where ? `${paint(color, '1', where)}: ` : ''}${severity}: ${d.message}`]
  const source = d.file !== undefined ? options.sources?.get(d.file) : undefined
  if (source !== undefined && d.line !== undefined) {
    const text = source.split(/\r?\n/)[d.line - 1]
    if (text !== undefined) {
      const gutter = String(d.line)
      const at = Math.max(0, (d.column ?? 1) - 1)
      // Only the neighbourhood is looked at: a 1 MB line is not copied into a million characters.
      const reach = FRAME_WIDTH * 2
      const { shown, before } = around(Array.from(visible(text.slice(Math.max(0, at - reach), at))), Array.from(visible(text.slice(at, at + reach))), {
        before: at > reach,
        after: text.length > at + reach,
      })
      // Keep tabs as tabs in the caret line so the caret lines up under the same character.
      const pad = before.map((ch) => (ch === '\t' ? '\t' : ' ')).join('')
      lines.push(` ${gutter} | ${shown}`)
      lines.push(` ${' '.repeat(gutter.length)} | ${pad}${paint(color, '1;32', '^')}`)
    }
  }
  if (d.hint) lines.push(`  = ${paint(color, '1;36', 'hint')}: ${d.hint}`)
  return lines.join('\n')
}

export function formatDiagnostics(list: readonly Diagnostic[], options: FormatOptions = {}): string {
  return list.map((d) => formatDiagnostic(d, options)).join('\n\n')
}

export function summarize(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length
  const warnings = list.length - errors
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
}
