import { relative } from 'node:path'
import { nowMs } from '../core/clock.js'
import { isVitaeError } from '../diagnostics/diagnostic.js'
import { type ArtifactReport, type BuildResult, build, sourceDate } from '../pipeline/index.js'
import { EXIT_CODES, exitCodeOf } from './exit-codes.js'
import { formatBytes, formatMs, type Io, inCliTerms, printDiagnostics } from './io.js'
import { type BuildFlags, buildOptions } from './options.js'

const display = (path: string): string => {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') ? path : rel
}

export function artifactLine(a: ArtifactReport): string {
  const fitted = a.fit?.percent === undefined ? '' : ` (fitted at ${a.fit.percent}%)`
  const pages = a.pages === undefined ? (fitted ? `${fitted.trim()}  ` : '') : `${a.pages} page${a.pages === 1 ? '' : 's'}${fitted}  `
  return `${display(a.path)}  ${pages}${formatBytes(a.bytes)}  ${formatMs(a.ms)}`
}

export async function runBuild(file: string, flags: BuildFlags, io: Io): Promise<number> {
  const started = nowMs()
  const quiet = flags.quiet || flags.json
  let result: BuildResult
  try {
    result = await build({
      ...buildOptions(file, flags),
      sourceDate: sourceDate(),
      log: flags.verbose ? (message) => io.err(message) : undefined,
      onArtifact: (a) => {
        if (!quiet) io.out(artifactLine(a))
      },
      onFailure: (f) => {
        if (!flags.json) printDiagnostics(io, f.error.diagnostics)
      },
    })
  } catch (error) {
    // Scripts reading --json get a report even when nothing could be built.
    if (flags.json && isVitaeError(error)) {
      printDiagnostics(io, error.diagnostics)
      const code = exitCodeOf(error.kind)
      io.out(JSON.stringify({ ok: false, exitCode: code, artifacts: [], failures: [], diagnostics: error.diagnostics.map(inCliTerms) }, null, 2))
      return code
    }
    throw error
  }
  const first = result.failures[0]
  const code = first ? exitCodeOf(first.error.kind) : EXIT_CODES.ok
  if (!flags.json || !flags.quiet) printDiagnostics(io, result.diagnostics, new Map([[result.source.file, result.source.text]]))
  if (flags.json) {
    io.out(JSON.stringify(jsonReport(result, code), null, 2))
  } else if (!flags.quiet && (result.artifacts.length + result.failures.length > 1 || result.failures.length)) {
    // Page images (png) are one page each, of a PDF already counted when it was built too.
    const pages = result.artifacts.reduce((n, a) => n + (a.format === 'pdf' ? (a.pages ?? 0) : 0), 0)
    const failed = result.failures.length ? `, ${result.failures.length} failed` : ''
    io.out(
      `${result.artifacts.length} artifact${result.artifacts.length === 1 ? '' : 's'}${failed}${pages ? `, ${pages} PDF page${pages === 1 ? '' : 's'}` : ''} in ${formatMs(nowMs() - started)}`,
    )
  }
  return code
}

/** The --json report: stable keys for scripts; paths as the CLI prints them. */
export function jsonReport(result: BuildResult, code: number) {
  return {
    ok: code === EXIT_CODES.ok,
    exitCode: code,
    artifacts: result.artifacts.map((a) => ({
      variant: a.variant ?? null,
      format: a.format,
      path: display(a.path),
      bytes: a.bytes,
      pages: a.pages ?? null,
      ms: Math.round(a.ms),
      fit: fitJson(a),
    })),
    failures: result.failures.map((f) => ({
      variant: f.variant ?? null,
      format: f.format,
      path: display(f.path),
      exitCode: exitCodeOf(f.error.kind),
      diagnostics: f.error.diagnostics.map(inCliTerms),
    })),
    warnings: result.diagnostics.filter((d) => d.severity === 'warning').map(inCliTerms),
  }
}

/** How a fitted document was fitted, for --json: null when the build left it as it was. */
function fitJson(a: ArtifactReport) {
  const s = a.fit?.settings
  if (!a.fit || !s) return null
  const m = (l: { value: number; unit: string }) => `${l.value}${l.unit}`
  return {
    pages: a.fit.limit,
    pagesBefore: a.fit.pagesBefore,
    percent: a.fit.percent,
    step: Math.round(s.step * 1000) / 1000,
    type: Math.round(s.type * 10000) / 10000,
    lineHeight: Math.round(s.leading * 10000) / 10000,
    spacing: Math.round(s.space * 10000) / 10000,
    margins: { top: m(s.margins.top), right: m(s.margins.right), bottom: m(s.margins.bottom), left: m(s.margins.left) },
  }
}
