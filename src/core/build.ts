import { basename, dirname, extname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { VitaeError, isVitaeError, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { PageSize, RenderContext, Renderer } from '../renderers/renderer.js'
import { FORMATS, isFormat, rendererFactory } from '../renderers/registry.js'
import { findTheme, loadTheme } from '../themes/theme.js'
import type { Resume } from '../types/resume.js'
import { loadFile } from './load.js'
import { parseMargins, resolvePage } from './page.js'
import { placeOf, placeOfChar, type Source } from './source.js'
import { checkResume, validateResume, type Locator } from './validate.js'
import { buildView } from './view.js'
import { writeAtomic } from './write.js'

export const DEFAULT_THEME = 'classic'
export const DEFAULT_TIMEOUT_MS = 30_000

export interface BuildOptions {
  /** The resume file. */
  input: string
  formats: string[]
  outDir: string
  theme?: string
  page?: PageSize
  /** One to four CSS lengths, as for --margin. */
  margins?: string
  strict?: boolean
  timeout?: number
  browserPath?: string
  /** Fail a paged artifact (PDF) that runs longer than this. */
  maxPages?: number
  /** Called as each artifact is written, so a caller can report progress as it happens. */
  onArtifact?(artifact: ArtifactReport): void
  /** Verbose progress. */
  log?(message: string): void
}

export interface ArtifactReport {
  format: string
  path: string
  bytes: number
  pages?: number
  ms: number
}

export interface ArtifactFailure {
  format: string
  path: string
  error: VitaeError
}

export interface BuildResult {
  artifacts: ArtifactReport[]
  failures: ArtifactFailure[]
  /** Warnings from validation (errors throw before anything renders). */
  diagnostics: Diagnostic[]
  source: Source
}

export function sourceLocator(source: Source): Locator {
  return {
    file: source.file,
    place: (path, options) => placeOf(source, path, options),
    placeOfText: (path, char) => placeOfChar(source, path, char),
  }
}

/** SOURCE_DATE_EPOCH (reproducible builds): the time to stamp into outputs instead of now. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH
  if (raw === undefined || raw === '') return undefined
  if (!/^\d+$/.test(raw)) {
    throw new VitaeError('usage', [{ code: 'BAD_ENV', severity: 'error', message: `SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(raw)}` }])
  }
  return new Date(Number(raw) * 1000)
}

/** Loads and validates: the shared first half of `validate` and `build`. */
export async function loadResume(input: string, options: { strict?: boolean } = {}): Promise<{ source: Source; resume: Resume; diagnostics: Diagnostic[] }> {
  const source = await loadFile(input)
  const { resume, diagnostics } = await validateResume(source.data, sourceLocator(source), options)
  return { source, resume, diagnostics }
}

/** All diagnostics for a file, without throwing for validation problems (for `resume validate`). */
export async function validateFile(input: string): Promise<{ source: Source; diagnostics: Diagnostic[] }> {
  const source = await loadFile(input)
  return { source, diagnostics: await checkResume(source.data, sourceLocator(source)) }
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => undefined)
  const unknown = options.formats.filter((f) => !isFormat(f))
  if (unknown.length > 0 || options.formats.length === 0) {
    throw new VitaeError('usage', [
      { code: 'BAD_FLAG', severity: 'error', message: `unknown format ${unknown.join(', ') || '(none)'}`, hint: `choose from ${FORMATS.join(', ')}` },
    ])
  }
  const margins = options.margins !== undefined ? parseMargins(options.margins) : undefined
  const stamp = sourceDate()
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS

  const { source, resume, diagnostics } = await loadResume(options.input, options)
  const resumeDir = dirname(resolve(options.input))
  const theme = await loadTheme(findTheme(options.theme ?? resume.meta?.theme ?? DEFAULT_THEME, resumeDir))
  const page = resolvePage(resume, theme, { page: options.page, margins })
  const view = buildView(resume, {
    sections: theme.manifest.sections,
    headings: theme.manifest.headings,
    present: theme.manifest.labels?.present,
  })

  let html: Promise<string> | undefined
  const { renderHtml } = await import('../renderers/html.js')
  const ctx: RenderContext = {
    resume,
    view,
    theme,
    page,
    timeout,
    log,
    sourceDate: stamp,
    html: () => (html ??= Promise.resolve().then(() => renderHtml({ view, resume, theme, page }))),
  }

  const name = basename(options.input, extname(options.input))
  const artifacts: ArtifactReport[] = []
  const failures: ArtifactFailure[] = []
  const renderers = new Map<string, Renderer>()
  try {
    for (const format of [...new Set(options.formats)]) {
      const started = performance.now()
      let renderer = renderers.get(format)
      if (!renderer) {
        renderer = (await rendererFactory(format))({ browserPath: options.browserPath, timeout, log })
        renderers.set(format, renderer)
      }
      const path = join(options.outDir, `${name}.${renderer.extension}`)
      try {
        const artifact = await renderer.render(ctx)
        if (options.maxPages !== undefined && artifact.pages !== undefined && artifact.pages > options.maxPages) {
          throw new VitaeError('render', [
            {
              code: 'PAGE_LIMIT',
              severity: 'error',
              message: `${path} has ${artifact.pages} pages; --max-pages allows ${options.maxPages}`,
              hint: 'shorten the resume, tailor a variant, or use smaller margins (--margin)',
            },
          ])
        }
        await writeAtomic(path, artifact.bytes)
        const report = { format, path, bytes: artifact.bytes.byteLength, pages: artifact.pages, ms: performance.now() - started }
        artifacts.push(report)
        options.onArtifact?.(report)
      } catch (error) {
        if (!isVitaeError(error) || error.kind === 'theme') throw error
        failures.push({ format, path, error })
      }
    }
  } finally {
    await Promise.allSettled([...renderers.values()].map((r) => r.dispose?.()))
  }
  return { artifacts, failures, diagnostics, source }
}
