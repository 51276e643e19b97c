import { relative } from 'node:path'
import { EXIT_CODES } from '../diagnostics/diagnostic.js'
import { build, type ArtifactReport } from '../core/build.js'
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
  quiet?: boolean
  verbose?: boolean
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
  const formats = (flags.format ?? 'html').split(',').map((f) => f.trim().toLowerCase()).filter(Boolean)
  const result = await build({
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
      if (!flags.quiet) io.out(artifactLine(a))
    },
  })
  printDiagnostics(io, result.diagnostics, new Map([[result.source.file, result.source.text]]))
  for (const failure of result.failures) printDiagnostics(io, failure.error.diagnostics)
  const first = result.failures[0]
  return first ? EXIT_CODES[first.error.kind] : EXIT_CODES.ok
}
