import { basename, dirname, extname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { VitaeError, hasErrors, isVitaeError, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { PageSize, RenderContext, Renderer } from '../renderers/renderer.js'
import { FORMATS, isFormat, rendererFactory } from '../renderers/registry.js'
import { findTheme, loadTheme } from '../themes/theme.js'
import type { Resume } from '../types/resume.js'
import { loadFile } from './load.js'
import { parseMargins, resolvePage } from './page.js'
import { placeOf, placeOfChar, type Source } from './source.js'
import { checkResume, validateResume, type Locator } from './validate.js'
import { buildView } from './view.js'
import { planTargets, type Target, type TailorFlags } from './plan.js'
import { tailor, type Tailored } from './tailor.js'
import { checkVariants, collectVariants, type VariantDef } from './variants.js'
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
  /** Variants and tailoring flags. */
  tailor?: TailorFlags
  /** Called as each artifact is written, so a caller can report progress as it happens. */
  onArtifact?(artifact: ArtifactReport): void
  /** Called when an artifact fails; the build goes on with the others. */
  onFailure?(failure: ArtifactFailure): void
  /** Verbose progress. */
  log?(message: string): void
}

export interface ArtifactReport {
  variant?: string
  format: string
  path: string
  bytes: number
  pages?: number
  ms: number
}

export interface ArtifactFailure {
  variant?: string
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
  const diagnostics = await checkResume(source.data, sourceLocator(source))
  if (hasErrors(diagnostics)) return { source, diagnostics }
  // Variants are checked against a valid resume only: their paths and tags refer to it.
  const resume = source.data as Resume
  const { variants, diagnostics: found } = await collectVariants(source, resume, dirname(resolve(input)))
  found.push(...(await checkVariants(variants, resume, basename(input, extname(input)))))
  return { source, diagnostics: [...diagnostics, ...found] }
}

/** Everything before rendering: the validated resume, its variants, and the targets to make. */
export interface Plan {
  source: Source
  resume: Resume
  diagnostics: Diagnostic[]
  variants: Map<string, VariantDef>
  targets: Target[]
  resumeDir: string
}

export async function plan(input: string, flags: TailorFlags = {}, options: { strict?: boolean } = {}): Promise<Plan> {
  const { source, resume, diagnostics } = await loadResume(input, options)
  const resumeDir = dirname(resolve(input))
  const stem = basename(input, extname(input))
  const { variants, diagnostics: found } = await collectVariants(source, resume, resumeDir)
  found.push(...(await checkVariants(variants, resume, stem)))
  const variantProblems = options.strict ? found.map((d) => ({ ...d, severity: 'error' as const })) : found
  if (hasErrors(variantProblems)) throw new VitaeError('validation', [...diagnostics, ...variantProblems])
  const planned = await planTargets(resume, source, variants, flags, stem)
  return { source, resume, variants, targets: planned.targets, resumeDir, diagnostics: [...diagnostics, ...variantProblems, ...planned.diagnostics] }
}

/** One target tailored and shaped for its theme: what the renderers are given. */
export async function prepareTarget(p: Plan, target: Target, options: Pick<BuildOptions, 'theme' | 'page' | 'margins'>): Promise<{ tailored: Tailored; ctx: Omit<RenderContext, 'timeout' | 'log' | 'sourceDate'> }> {
  const themeName = options.theme ?? target.variant?.def.theme ?? p.resume.meta?.theme ?? DEFAULT_THEME
  const theme = await loadTheme(findTheme(themeName, p.resumeDir))
  const tailored = tailor(p.resume, target.layers, theme.manifest.sections)
  const resume = tailored.resume
  const margins = options.margins !== undefined ? parseMargins(options.margins) : undefined
  const page = resolvePage(resume, theme, { page: options.page ?? (target.variant?.def.page as PageSize | undefined), margins })
  const view = buildView(resume, { sections: theme.manifest.sections, headings: theme.manifest.headings, present: theme.manifest.labels?.present })
  let html: Promise<string> | undefined
  // The HTML (and Handlebars with it) loads only for the formats that ask for it.
  const renderOnce = async () => (await import('../renderers/html.js')).renderHtml({ view, resume, theme, page })
  return { tailored, ctx: { resume, view, theme, page, html: () => (html ??= renderOnce()) } }
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => undefined)
  const formats = [...new Set(options.formats)]
  const unknown = formats.filter((f) => !isFormat(f))
  if (unknown.length > 0 || formats.length === 0) {
    throw new VitaeError('usage', [
      { code: 'BAD_FLAG', severity: 'error', message: `unknown format ${unknown.join(', ') || '(none)'}`, hint: `choose from ${FORMATS.join(', ')}` },
    ])
  }
  if (options.margins !== undefined) parseMargins(options.margins)
  const stamp = sourceDate()
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS

  const p = await plan(options.input, options.tailor, options)
  const artifacts: ArtifactReport[] = []
  const failures: ArtifactFailure[] = []
  // Every renderer is made before anything renders: the PDF one starts its browser in the
  // background, and the documents of the formats that need no browser fill that wait.
  const renderers = new Map<string, Renderer>()
  try {
    for (const format of formats) renderers.set(format, (await rendererFactory(format))({ browserPath: options.browserPath, timeout, log }))
    const jobs: Array<{ target: Target; ctx: RenderContext; renderer: Renderer }> = []
    for (const target of p.targets) {
      const { ctx } = await prepareTarget(p, target, options)
      for (const renderer of renderers.values()) jobs.push({ target, ctx: { ...ctx, timeout, log, sourceDate: stamp }, renderer })
    }
    jobs.sort((a, b) => Number(Boolean(a.renderer.warmsUp)) - Number(Boolean(b.renderer.warmsUp)))

    for (const { target, ctx, renderer } of jobs) {
      const started = performance.now()
      const path = join(options.outDir, `${target.name}.${renderer.extension}`)
      const variant = target.variant?.name
      const format = renderer.format
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
        const report: ArtifactReport = { variant, format, path, bytes: artifact.bytes.byteLength, pages: artifact.pages, ms: performance.now() - started }
        artifacts.push(report)
        options.onArtifact?.(report)
      } catch (error) {
        if (!isVitaeError(error) || error.kind === 'theme') throw error
        failures.push({ variant, format, path, error })
        options.onFailure?.(failures[failures.length - 1]!)
      }
    }
  } finally {
    await Promise.allSettled([...renderers.values()].map((r) => r.dispose?.()))
  }
  return { artifacts, failures, diagnostics: p.diagnostics, source: p.source }
}
