import { printFailed, renderTimeout } from '../browser/errors.js'
import { BrowserSession } from '../browser/session.js'
import { isVitaeError, type VitaeError } from '../diagnostics/diagnostic.js'
import { finishPdf } from './pdf-metadata.js'
import type { Artifact, RenderContext, Renderer, RendererOptions } from './renderer.js'

const TIMED_OUT = Symbol('timed out')

/**
 * Prints the HTML theme with Chrome. The browser starts when the renderer is made (a build makes
 * it only when a PDF is wanted), so it boots while the build does other work; every PDF of the
 * build uses it, and the same tab; dispose() closes it, and a print that times out kills it.
 */
export function createPdfRenderer(options: RendererOptions): Renderer {
  const start = (): BrowserSession | VitaeError => {
    try {
      return new BrowserSession(options)
    } catch (error) {
      // A missing browser fails each PDF, when it renders, not the making of the renderer.
      if (isVitaeError(error)) return error
      throw error
    }
  }
  let session: BrowserSession | VitaeError | undefined = start()

  const closeSession = async (): Promise<void> => {
    const closing = session
    session = undefined
    if (closing instanceof BrowserSession) await closing.close()
  }

  return {
    format: 'pdf',
    extension: 'pdf',
    warmsUp: true,
    async render(ctx: RenderContext): Promise<Artifact> {
      const current = (session ??= start())
      if (!(current instanceof BrowserSession)) throw current
      const job = renderPdf(current, ctx)
      let timer: NodeJS.Timeout | undefined
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(TIMED_OUT), ctx.timeout)
      })
      try {
        return await Promise.race([job, deadline])
      } catch (error) {
        if (error !== TIMED_OUT) throw error
        // A hung browser is not worth reusing: kill it; the next PDF, if any, starts a new one.
        job.catch(() => undefined)
        await closeSession()
        throw renderTimeout(ctx.timeout)
      } finally {
        clearTimeout(timer)
      }
    },
    dispose: closeSession,
  }
}

async function renderPdf(session: BrowserSession, ctx: RenderContext): Promise<Artifact> {
  const steps = stopwatch()
  let raw: Uint8Array
  try {
    raw = await session.print(await ctx.html(), ctx.page, (step) => steps.lap(step))
    steps.lap('print')
  } catch (error) {
    // Theme errors and a browser that would not start arrive here already explained.
    if (isVitaeError(error)) throw error
    throw printFailed(error instanceof Error ? error.message : String(error), error)
  }
  const blocked = session.takeBlocked()
  // Every refused URL, sorted: --verbose is where a theme author looks for what their page wanted.
  if (blocked.length > 0) ctx.log(`pdf: refused ${blocked.length} request${blocked.length === 1 ? '' : 's'} (builds are offline): ${[...new Set(blocked)].sort().join(', ')}`)
  const { bytes, pages } = await finishPdf(raw, ctx.view.properties, ctx.sourceDate)
  steps.lap('metadata')
  ctx.log(`pdf: ${pages} page${pages === 1 ? '' : 's'} in ${steps.summary()}`)
  return { format: 'pdf', extension: 'pdf', bytes, pages }
}

/** Step times for --verbose, so a slow PDF says where the time went. */
function stopwatch() {
  const start = performance.now()
  let last = start
  const laps: string[] = []
  return {
    lap(name: string) {
      const now = performance.now()
      laps.push(`${name} ${Math.round(now - last)}`)
      last = now
    },
    summary: () => `${Math.round(last - start)} ms (${laps.join(', ')})`,
  }
}
