import { relative } from 'node:path'
import { EXIT_CODES, isVitaeError } from '../diagnostics/diagnostic.js'
import { performance } from 'node:perf_hooks'
import { build, type ArtifactReport, type BuildResult } from '../core/build.js'
import type { TailorFlags } from '../core/plan.js'
import type { PageSize } from '../renderers/renderer.js'
import { formatBytes, formatMs, printDiagnostics, type Io } from './io.js'

export interface BuildFlags {
  format?: string
  out?: string
  theme?: string
  page?: PageSize
  margin?: string
  strict?: boolean
  timeout?: number
  browserPath?: string
  maxPages?: number
  variant?: string[]
  allVariants?: boolean
  tags?: string[]
  excludeTags?: string[]
  sections?: string[]
  set?: string[]
  json?: boolean
  quiet?: boolean
  verbose?: boolean
}

export function tailorFlags(flags: BuildFlags): TailorFlags {
  return { variants: flags.variant, allVariants: flags.allVariants, tags: flags.tags, excludeTags: flags.excludeTags, sections: flags.sections, set: flags.set }
}

const display = (path: string): string => {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') ? path : rel
}

export function artifactLine(a: ArtifactReport): string {
  const pages = a.pages === undefined ? '' : `${a.pages} page${a.pages === 1 ? '' : 's'}  `
  return `${display(a.path)}  ${pages}${formatBytes(a.bytes)}  ${formatMs(a.ms)}`
}

export async function runBuild(file: string, flags: BuildFlags, io: Io): Promise<number> {
  const formats = (flags.format ?? 'pdf').split(',').map((f) => f.trim().toLowerCase()).filter(Boolean)
  const started = performance.now()
  const quiet = flags.quiet || flags.json
  let result: BuildResult
  try {
    result = await build({
    tailor: tailorFlags(flags),
    input: file,
    formats,
    outDir: flags.out ?? 'dist',
    theme: flags.theme,
    page: flags.page,
    margins: flags.margin,
    strict: flags.strict,
    timeout: flags.timeout !== undefined ? flags.timeout * 1000 : undefined,
    browserPath: flags.browserPath,
    maxPages: flags.maxPages,
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
      io.out(JSON.stringify({ ok: false, exitCode: EXIT_CODES[error.kind], artifacts: [], failures: [], diagnostics: error.diagnostics }, null, 2))
      return EXIT_CODES[error.kind]
    }
    throw error
  }
  const first = result.failures[0]
  const code = first ? EXIT_CODES[first.error.kind] : EXIT_CODES.ok
  if (!flags.json || !flags.quiet) printDiagnostics(io, result.diagnostics, new Map([[result.source.file, result.source.text]]))
  if (flags.json) {
    io.out(JSON.stringify(jsonReport(result, code), null, 2))
  } else if (!flags.quiet && (result.artifacts.length + result.failures.length > 1 || result.failures.length)) {
    const pages = result.artifacts.reduce((n, a) => n + (a.pages ?? 0), 0)
    const failed = result.failures.length ? `, ${result.failures.length} failed` : ''
    io.out(`${result.artifacts.length} artifact${result.artifacts.length === 1 ? '' : 's'}${failed}${pages ? `, ${pages} PDF page${pages === 1 ? '' : 's'}` : ''} in ${formatMs(performance.now() - started)}`)
  }
  return code
}

/** The --json report: stable keys for scripts; paths as the CLI prints them. */
export function jsonReport(result: BuildResult, code: number) {
  return {
    ok: code === 0,
    exitCode: code,
    artifacts: result.artifacts.map((a) => ({ variant: a.variant ?? null, format: a.format, path: display(a.path), bytes: a.bytes, pages: a.pages ?? null, ms: Math.round(a.ms) })),
    failures: result.failures.map((f) => ({ variant: f.variant ?? null, format: f.format, path: display(f.path), exitCode: EXIT_CODES[f.error.kind], diagnostics: f.error.diagnostics })),
    warnings: result.diagnostics.filter((d) => d.severity === 'warning'),
  }
}
