import { renderTimeout } from '../browser/errors.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { DEFAULT_DPI } from '../page/geometry.js'
import type { Artifact, RenderContext, Renderer } from '../renderers/renderer.js'
import { type BuildOptions, DEFAULT_TIMEOUT_MS } from './options.js'
import type { DocumentContext } from './prepare.js'
import type { BuildServices } from './services.js'

/** What a renderer is given for a prepared document: the document and the build's settings. */
export function renderContext(document: DocumentContext, options: Pick<BuildOptions, 'timeoutMs' | 'sourceDate' | 'dpi' | 'log'>, services: BuildServices): RenderContext {
  const warn = (d: Diagnostic) => services.warn(d)
  return {
    ...document,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    log: options.log ?? (() => undefined),
    sourceDate: options.sourceDate,
    dpi: options.dpi ?? DEFAULT_DPI,
    warn,
  }
}

const TIMED_OUT = Symbol('timed out')

/**
 * One document in one format, as `build` and `dev` both render it: within the deadline, as a list
 * of files (one for most formats, a page each for png). A render that outlives the deadline is
 * abandoned, and the browser or sandbox it was using is stopped: the next document starts afresh.
 * `what` names the output in the timeout's message.
 */
export async function renderDocument(renderer: Renderer, ctx: RenderContext, what: string, services: BuildServices): Promise<Artifact[]> {
  const job = renderer.render(ctx)
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), ctx.timeout)
  })
  try {
    const produced = await Promise.race([job, deadline])
    return Array.isArray(produced) ? produced : [produced]
  } catch (error) {
    if (error !== TIMED_OUT) throw error
    job.catch(() => undefined)
    await Promise.all([renderer.usesBrowser ? services.resetBrowser() : undefined, services.sandbox.busy ? services.sandbox.stop() : undefined])
    throw renderTimeout(`rendering ${what}`, ctx.timeout)
  } finally {
    clearTimeout(timer)
  }
}
