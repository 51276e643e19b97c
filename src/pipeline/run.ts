import { dirname, join, resolve } from 'node:path'
import { nowMs } from '../core/clock.js'
import { documentTitle } from '../core/labels.js'
import { removeStalePages } from '../core/stale-pages.js'
import { sweepStaleTemps } from '../core/temp-files.js'
import { writeAtomic } from '../core/write.js'
import { type Diagnostic, isVitaeError, VitaeError } from '../diagnostics/diagnostic.js'
import { DEFAULT_DPI, DPI_RANGE, isDpi } from '../page/geometry.js'
import { FORMATS, loadRenderer } from '../renderers/registry.js'
import type { RenderContext, Renderer } from '../renderers/renderer.js'
import { cdnFiles, isScriptUrl } from '../themes/cdn-packages.js'
import { type FitReport, fitDocument, fitLimit } from './fit.js'
import { type ArtifactFailure, type ArtifactReport, type BuildOptions, type BuildResult, DEFAULT_TIMEOUT_MS } from './options.js'
import { preloadNamedTheme } from './outside.js'
import { plan } from './plan.js'
import { pluginRenderers } from './plugins.js'
import { prepareTarget } from './prepare.js'
import { renderContext, renderDocument } from './render-document.js'
import { BuildServices } from './services.js'
import type { Target } from './targets.js'

/** Plans, prepares and renders every target in every format; writes each artifact atomically. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => undefined)
  // A packet is made of PDFs: asking for one builds them.
  const formats = [...new Set([...options.formats, ...(options.packet ? ['pdf'] : [])])]
  // Plugins (the plugins option, then meta.plugins) may add formats: known only once the resume is read.
  const unknownFormats = (known: readonly string[]) => {
    const unknown = formats.filter((f) => !known.includes(f))
    if (unknown.length > 0 || formats.length === 0) {
      throw new VitaeError('usage', [
        { code: 'BAD_FLAG', severity: 'error', message: `unknown format ${unknown.join(', ') || '(none)'}`, hint: `choose from ${known.join(', ')}`, options: ['formats'] },
      ])
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
        options: ['dpi'],
      },
    ])
  }
  const services = new BuildServices({ browserPath: options.browserPath, timeoutMs: timeout, log, browser: options.browser })
  const artifacts: ArtifactReport[] = []
  const failures: ArtifactFailure[] = []
  let p: Awaited<ReturnType<typeof plan>>
  try {
    preloadNamedTheme(options.theme, dirname(resolve(options.input)), services)
    p = await plan(options.input, options.tailor, options)
    if (options.packet && !p.targets.some((t) => t.letter)) {
      throw new VitaeError('usage', [
        {
          code: 'BAD_FLAG',
          severity: 'error',
          message: 'the packet option needs a letter',
          hint: 'name one with the letters option, or use the allLetters option',
          options: ['packet', 'letters', 'allLetters'],
        },
      ])
    }
    const plugins = await pluginRenderers(options, p, services)
    unknownFormats([...FORMATS, ...plugins.keys()])
    const renderers: Renderer[] = await Promise.all(formats.map((f) => plugins.get(f) ?? loadRenderer(f)))
    // The browser starts before anything renders; the formats that need none fill that wait.
    if (renderers.some((r) => r.usesBrowser)) {
      const starting = services.browser()
      starting.then((b) => renderers.forEach((r) => r.warm?.(b))).catch(() => undefined)
    }
    const jobs: Array<{ target: Target; ctx: RenderContext; renderer: Renderer }> = []
    const fits = new Map<Target, FitReport>()
    const printed = new Map<string, Uint8Array>()
    for (const target of p.targets) {
      let { document } = await prepareTarget(p, target, options, services)
      const limit = fitLimit(options, target, document)
      let fit: FitReport | undefined
      // Fitting prints: worth it for the formats with pages, and the HTML and Word files that go with them.
      if (limit !== undefined && renderers.some((r) => r.usesBrowser || r.format === 'docx' || r.format === 'html')) {
        try {
          ;({ document, report: fit } = await fitDocument(document, limit, { plan: p, target, options, services, log }))
        } catch (error) {
          // A document that cannot fit fails in every format; the build goes on with the others.
          if (!isVitaeError(error) || error.kind !== 'render') throw error
          failures.push({ variant: target.variant?.name, format: formats.join(','), path: join(options.outDir, target.name), error })
          options.onFailure?.(failures[failures.length - 1]!)
          continue
        }
        if (fit.settings) fits.set(target, fit)
      }
      const ctx = renderContext(document, { ...options, timeoutMs: timeout, dpi, log }, services)
      for (const renderer of renderers) jobs.push({ target, ctx, renderer })
      // Formats that draw the theme's HTML: a theme from outside renders in the sandbox, whose thread starts now.
      if (renderers.some((r) => r.drawsHtml)) await services.warmFor(document.theme)
    }
    jobs.sort((a, b) => Number(Boolean(a.renderer.usesBrowser)) - Number(Boolean(b.renderer.usesBrowser)))
    // The browser takes a few hundred milliseconds to start: the pages it will print are drawn in
    // that wait rather than after it (each document's HTML is made once; its job awaits it, and a
    // failure is reported there).
    for (const { ctx, renderer } of jobs) if (renderer.usesBrowser && renderer.drawsHtml) ctx.html().catch(() => undefined)
    // Temporary files of builds killed before they could clean up.
    sweepStaleTemps(options.outDir)

    for (const { target, ctx, renderer } of jobs) {
      const started = nowMs()
      const path = join(options.outDir, `${target.name}.${renderer.extension}`)
      const variant = target.variant?.name
      const format = renderer.format
      try {
        const list = await renderDocument(renderer, ctx, path, services)
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
              hint: target.letter
                ? 'shorten the letter, or use smaller margins (the margins option)'
                : 'shorten the resume, tailor a variant, or use smaller margins (the margins option)',
              options: ['maxPages', 'margins'],
            },
          ])
        }
        // A multi-file format (png, a plugin's) names each file: <output>-<name>.<extension>.
        for (const artifact of list) {
          const path = join(options.outDir, `${target.name}${artifact.name ? `-${artifact.name}` : ''}.${artifact.extension ?? renderer.extension}`)
          await writeAtomic(path, artifact.bytes)
          if (options.packet && format === 'pdf') printed.set(target.name, artifact.bytes)
          const report: ArtifactReport = { variant, format, path, bytes: artifact.bytes.byteLength, pages: artifact.pages, ms: nowMs() - started, fit: fits.get(target) }
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
    if (options.packet) await writePackets(p.targets, printed, jobs, options, artifacts, failures)
  } finally {
    await services.dispose()
  }
  const refused = remoteRefused(services.refused, new Set(artifacts.map((a) => a.format)))
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

/** Each letter's packet: its PDF, then its resume's, as one file with a bookmark for each (the PDFs were built just now). */
async function writePackets(
  targets: readonly Target[],
  printed: ReadonlyMap<string, Uint8Array>,
  jobs: ReadonlyArray<{ target: Target; ctx: RenderContext }>,
  options: BuildOptions,
  artifacts: ArtifactReport[],
  failures: ArtifactFailure[],
): Promise<void> {
  const { packetPdf } = await import('../renderers/pdf-packet.js')
  for (const target of targets) {
    const letter = printed.get(target.name)
    const resume = target.resumeName === undefined ? undefined : printed.get(target.resumeName)
    if (!target.letter || !letter || !resume) continue
    const started = nowMs()
    const ctx = jobs.find((j) => j.target === target)!.ctx
    const path = join(options.outDir, `${target.resumeName}-packet.pdf`)
    try {
      const labels = ctx.view.labels
      const parts = [
        { title: ctx.view.properties.title, bytes: letter },
        { title: documentTitle(labels, ctx.view.name), bytes: resume },
      ]
      const { bytes, pages } = await packetPdf(parts, ctx.view.properties, options.sourceDate)
      await writeAtomic(path, bytes)
      const report: ArtifactReport = { variant: target.variant?.name, format: 'packet', path, bytes: bytes.byteLength, pages, ms: nowMs() - started }
      artifacts.push(report)
      options.onArtifact?.(report)
    } catch (error) {
      const failure = isVitaeError(error)
        ? error
        : new VitaeError('render', [{ code: 'PDF_FAILED', severity: 'error', message: `could not join ${path}: ${(error as Error).message}` }], { cause: error })
      failures.push({ variant: target.variant?.name, format: 'packet', path, error: failure })
      options.onFailure?.(failures[failures.length - 1]!)
    }
  }
}

/** One warning per build for everything its documents asked the network (or the disk) for. */
function remoteRefused(urls: ReadonlySet<string>, formats: ReadonlySet<string>): Diagnostic | undefined {
  if (urls.size === 0) return undefined
  const list = [...urls].sort()
  // Say what became of them in the outputs this build wrote, and only those.
  const printed = ['pdf', 'png', 'packet'].some((f) => formats.has(f))
  const outcome = [printed && 'the PDF was printed without them', formats.has('html') && 'the HTML forbids fetching them'].filter(Boolean).join(', and ')
  return {
    code: 'REMOTE_REFUSED',
    severity: 'warning',
    message: `the theme refers to ${list.length} resource${list.length === 1 ? '' : 's'} outside the document, which builds never fetch: ${list.join(', ')}${cdnAdvice(list)}`,
    hint: `inline them in the theme (fonts and images as files in its folder)${outcome ? `; ${outcome}` : ''}`,
  }
}

/**
 * Which npm package would supply each well-known CDN file a JSON Resume theme links (installed beside
 * the theme, its files are inlined instead), and that scripts need nothing: they never run.
 */
function cdnAdvice(urls: readonly string[]): string {
  const byInstall = new Map<string, number>()
  let scripts = 0
  for (const url of urls) {
    if (isScriptUrl(url)) {
      scripts++
      continue
    }
    for (const file of cdnFiles(url)) byInstall.set(file.install, (byInstall.get(file.install) ?? 0) + 1)
  }
  const advice = [...byInstall].map(([install, n]) => `\`${install}\` supplies ${n === 1 ? 'one' : n} of them`)
  if (scripts) advice.push(`${scripts === 1 ? 'one is a script' : `${scripts} are scripts`}, which never run and need nothing`)
  return advice.length ? `; ${advice.join('; ')}` : ''
}
