import { keyOfVariant, type MatchReport } from './match.js'

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length))
const padStart = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s)

/**
 * The report for a terminal: coverage per variant, best first; then, for the best variant, each
 * term by status with where the resume shows it, what dropped it and the smallest change that
 * would show it.
 */
export function reportText(r: MatchReport, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s)
  const required = r.terms.filter((t) => t.importance === 'required').length
  const preferred = r.terms.filter((t) => t.importance === 'preferred').length
  const lines = [`${r.posting}: ${r.terms.length} terms (${required} required, ${preferred} preferred, ${r.terms.length - required - preferred} mentioned) against ${r.resume}`, '']
  if (r.terms.length === 0) {
    lines.push('no technology, method or certification terms found in the posting')
    return `${lines.join('\n')}\n`
  }
  const name = (n: string | null) => n ?? '(resume as written)'
  const width = Math.max(7, ...r.variants.map((v) => name(v.name).length))
  lines.push(paint('1', `${pad('variant', width)}  coverage  required  shown  dropped  absent`))
  for (const v of r.variants) {
    lines.push(
      `${pad(name(v.name), width)}  ${padStart(`${v.coverage.toFixed(1)}%`, 8)}  ${padStart(`${v.required.shown}/${v.required.total}`, 8)}  ${padStart(String(v.shown), 5)}  ${padStart(String(v.dropped), 7)}  ${padStart(String(v.absent), 6)}`,
    )
  }
  const best = r.variants[0]!
  const key = keyOfVariant(best.name)
  lines.push('', paint('1', r.variants.length > 1 ? `terms in ${name(best.name)}, the best:` : `terms in ${name(best.name)}:`))
  const termWidth = Math.min(28, Math.max(...r.terms.map((t) => t.name.length)))
  const mark = { shown: paint('32', 'shown  '), dropped: paint('33', 'dropped'), absent: paint('31', 'absent ') }
  for (const status of ['shown', 'dropped', 'absent'] as const) {
    for (const t of r.terms) {
      const s = t.variants[key]!
      if (s.status !== status) continue
      const head = `  ${mark[status]}  ${pad(t.name, termWidth)}  ${pad(t.importance, 9)}`
      if (status === 'shown') {
        const first = s.shown[0]!
        lines.push(`${head}  ${first.where} (${r.resume}:${first.line}:${first.column})${s.shown.length > 1 ? ` +${s.shown.length - 1}` : ''}`)
      } else if (status === 'dropped') {
        const first = s.dropped[0]!
        lines.push(`${head}  ${first.where} (${r.resume}:${first.line}:${first.column}): ${first.reasons.join('; ')}`)
        if (s.suggestion) lines.push(`  ${' '.repeat(7)}  ${paint('2', `to show it: ${s.suggestion.text}`)}`)
      } else {
        lines.push(`${head}  ${paint('2', 'not in the resume')}`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}

/** The `--json` report: the documented shape (README, "Matching a job posting"). */
export function reportJson(r: MatchReport): string {
  const { diagnostics: _, ...rest } = r
  return JSON.stringify({ version: 1, ...rest, best: r.variants[0]?.name ?? null }, null, 2)
}
