import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { renderTimeout } from '../browser/errors.js'
import { removeStalePages } from '../core/stale-pages.js'
import { sweepStaleTemps } from '../core/temp-files.js'
import { writeAtomic } from '../core/write.js'
import { type Diagnostic, isVitaeError, VitaeError } from '../diagnostics/diagnostic.js'
import { DEFAULT_DPI, DPI_RANGE, isDpi } from '../page/geometry.js'
import { FORMATS, loadRenderer } from '../renderers/registry.js'
import type { Artifact, RenderContext, Renderer } from '../renderers/renderer.js'
import { type ArtifactFailure, type ArtifactReport, type BuildOptions, type BuildResult, DEFAULT_TIMEOUT_MS } from './options.js'
import { plan } from './plan.js'
import { pluginRenderers } from './plugins.js'
import { prepareTarget } from './prepare.js'
import { BuildServices } from './services.js'
import type { Target } from './targets.js'

/** Plans, prepares and renders every target in every format; writes each artifact atomically. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => undefined)
  const formats = [...new Set(options.formats)]
  // Plugins (the plugins option, then meta.plugins) may add formats: known only once the resume is read.
  const unknownFormats = (known: readonly string[]) => {
    const unknown = formats.filter((f) => !known.includes(f))
    if (unknown.length > 0 || formats.length === 0) {
      throw new VitaeError('usage', [{ code: 'BAD_FLAG', severity: 'error', message: `unknown format ${unknown.join(', ') || '(none)'}`, hint: `choose from ${known.join(', ')}` }])
    }
  }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const dpi = options.dpi ?? DEFAULT_DPI
  if (!isDpi(dpi)) {
    throw new VitaeError('usage', [
      {
        code: 'BAD_FLAG',
        severity: 'error',
        message: `the dpi option must be a whole number from ${DPI_RANGE.min} to ${DPI_RANGE.max}, not ${dpi}`,
        hint: `${DEFAULT_DPI} (the default) suits a screen; 300 suits print`,
      },
    ])
  }
  const services = new BuildServices({ browserPath: options.browserPath, timeoutMs: timeout, log })
  const artifacts: ArtifactReport[] = []
  const failures: ArtifactFailure[] = []
  let p: Awaited<ReturnType<typeof plan>>
  try {
    p = await plan(options.input, options.tailor, options)
    const plugins = await pluginRenderers(options, p, services)
    unknownFormats([...FORMATS, ...plugins.keys()])
    const renderers: Renderer[] = await Promise.all(formats.map((f) => plugins.get(f) ?? loadRenderer(f)))
    // The browser starts before anything renders; the formats that need none fill that wait.
    if (renderers.some((r) => r.usesBrowser)) {
      const starting = services.browser()
      starting.then((b) => renderers.forEach((r) => r.warm?.(b))).catch(() => undefined)
    }
    const jobs: Array<{ target: Target; ctx: RenderContext; renderer: Renderer }> = []
    for (const target of p.targets) {
      const { document } = await prepareTarget(p, target, options, services)
      const warn = (d: Diagnostic) => services.warn(d)
      for (const renderer of renderers) jobs.push({ target, ctx: { ...document, timeout, log, sourceDate: options.sourceDate, dpi, warn }, renderer })
      // Formats that draw the theme's HTML: a theme from outside renders in the sandbox, whose thread starts now.
      if (renderers.some((r) => r.format !== 'docx')) await services.warmFor(document.theme)
    }
    jobs.sort((a, b) => Number(Boolean(a.renderer.usesBrowser)) - Number(Boolean(b.renderer.usesBrowser)))
    // Temporary files of builds killed before they could clean up.
    sweepStaleTemps(options.outDir)

    for (const { target, ctx, renderer } of jobs) {
      const started = performance.now()
      const path = join(options.outDir, `${target.name}.${renderer.extension}`)
      const variant = target.variant?.name
      const format = renderer.format
      try {
        const produced = await withDeadline(renderer, ctx, path, services)
        const list = Array.isArray(produced) ? produced : [produced]
        // A document's pages are those of all its files (png: one file a page), checked before any is written.
        const pages = list.some((a) => a.pages !== undefined) ? list.reduce((n, a) => n + (a.pages ?? 0), 0) : undefined
        if (options.maxPages !== undefined && pages !== undefined && pages > options.maxPages) {
          const one = list.length === 1 ? list[0]!.name : '*'
          const what = join(options.outDir, `${target.name}${one ? `-${one}` : ''}.${list[0]!.extension ?? renderer.extension}`)
          throw new VitaeError('render', [
            {
              code: 'PAGE_LIMIT',
              severity: 'error',
              message: `${what} has ${pages} pages; the maxPages option allows ${options.maxPages}`,
              hint: 'shorten the resume, tailor a variant, or use smaller margins (the margins option)',
            },
          ])
        }
        // A multi-file format (png, a plugin's) names each file: <output>-<name>.<extension>.
        for (const artifact of list) {
          const path = join(options.outDir, `${target.name}${artifact.name ? `-${artifact.name}` : ''}.${artifact.extension ?? renderer.extension}`)
          await writeAtomic(path, artifact.bytes)
          const report: ArtifactReport = { variant, format, path, bytes: artifact.bytes.byteLength, pages: artifact.pages, ms: performance.now() - started }
          artifacts.push(report)
          options.onArtifact?.(report)
        }
        // Pages numbered 1..n: the pages past n are an earlier, longer build's.
        const numbered = list.every((a, i) => a.name === String(i + 1))
        if (numbered && list.length > 0) removeStalePages(options.outDir, target.name, list[0]!.extension ?? renderer.extension, list.length)
      } catch (error) {
        if (!isVitaeError(error) || error.kind === 'theme') throw error
        failures.push({ variant, format, path, error })
        options.onFailure?.(failures[failures.length - 1]!)
      }
    }
  } finally {
    await services.dispose()
  }
  const refused = remoteRefused(services.refused)
  const late = [...services.warnings, ...(refused ? [refused] : [])]
  // Under strict, a warning found while rendering fails the build too; its artifacts were written
  // by then (the warning came from making them), but the run does not pass.
  // A photo left out is the resume's matter (exit 4); the rest is the theme's (exit 5).
  for (const kind of ['validation', 'theme'] as const) {
    const mine = late.filter((d) => (d.code === 'PHOTO_REMOTE' ? 'validation' : 'theme') === kind)
    if (!options.strict || mine.length === 0) continue
    const error = new VitaeError(
      kind,
      mine.map((d) => ({ ...d, severity: 'error' as const })),
    )
    failures.push({ format: 'build', path: options.outDir, error })
    options.onFailure?.(failures[failures.length - 1]!)
  }
  return { artifacts, failures, diagnostics: [...p.diagnostics, ...(options.strict ? [] : late)], source: { file: p.source.file, text: p.source.text } }
}

/** One warning per build for everything its documents asked the network (or the disk) for. */
function remoteRefused(urls: ReadonlySet<string>): Diagnostic | undefined {
  if (urls.size === 0) return undefined
  const list = [...urls].sort()
  return {
    code: 'REMOTE_REFUSED',
    severity: 'warning',
    message: `the theme refers to ${list.length} resource${list.length === 1 ? '' : 's'} outside the document, which builds never fetch: ${list.join(', ')}`,
    hint: 'inline them in the theme (fonts and images as files in its folder); the PDF was printed without them, and the HTML forbids fetching them',
  }
}

const TIMED_OUT = Symbol('timed out')

/** A render that outlives the timeout is abandoned; a browser it was using is replaced. */
async function withDeadline(renderer: Renderer, ctx: RenderContext, path: string, services: BuildServices): Promise<Artifact | Artifact[]> {
  const job = renderer.render(ctx)
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), ctx.timeout)
  })
  try {
    return await Promise.race([job, deadline])
  } catch (error) {
    if (error !== TIMED_OUT) throw error
    job.catch(() => undefined)
    // A hung browser or template is not worth reusing: stop it; the next document starts a new one.
    await Promise.all([renderer.usesBrowser ? services.resetBrowser() : undefined, services.sandbox.busy ? services.sandbox.stop() : undefined])
    throw renderTimeout(`rendering ${path}`, ctx.timeout)
  } finally {
    clearTimeout(timer)
  }
}
