import { printFailed } from '../browser/errors.js'
import { nowMs } from '../core/clock.js'
import { isVitaeError } from '../diagnostics/diagnostic.js'
import { finishPdf } from './pdf-metadata.js'
import type { Artifact, RenderContext, Renderer } from './renderer.js'

/**
 * Prints the HTML theme with the build's browser. The build starts the browser before anything
 * renders (usesBrowser), so it boots while the other formats render; a timeout is the build's to
 * enforce, and it replaces a browser that hung.
 */
export const pdfRenderer: Renderer = {
  format: 'pdf',
  extension: 'pdf',
  usesBrowser: true,
  drawsHtml: true,
  render: renderPdf,
}

async function renderPdf(ctx: RenderContext): Promise<Artifact> {
  const steps = stopwatch()
  const browser = await ctx.browser()
  let raw: Uint8Array
  try {
    raw = await browser.print(await ctx.html(), ctx.page, (step) => steps.lap(step))
    steps.lap('print')
  } catch (error) {
    // Theme errors and a browser that would not start arrive here already explained.
    if (isVitaeError(error)) throw error
    throw printFailed(error instanceof Error ? error.message : String(error), error)
  }
  const blocked = browser.takeBlocked()
  // Every refused URL, sorted: verbose output is where a theme author looks for what their page wanted.
  if (blocked.length > 0) ctx.log(`pdf: refused ${blocked.length} request${blocked.length === 1 ? '' : 's'} (builds are offline): ${[...new Set(blocked)].sort().join(', ')}`)
  // (By default the build's one REMOTE_REFUSED warning lists them too: the browser reports each.)
  const { bytes, pages } = await finishPdf(raw, ctx.view.properties, ctx.sourceDate)
  steps.lap('metadata')
  ctx.log(`pdf: ${pages} page${pages === 1 ? '' : 's'} in ${steps.summary()}`)
  return { format: 'pdf', extension: 'pdf', bytes, pages }
}

/** Step times for verbose output, so a slow PDF says where the time went. */
function stopwatch() {
  const start = nowMs()
  let last = start
  const laps: string[] = []
  return {
    lap(name: string) {
      const now = nowMs()
      laps.push(`${name} ${Math.round(now - last)}`)
      last = now
    },
    summary: () => `${Math.round(last - start)} ms (${laps.join(', ')})`,
  }
}
