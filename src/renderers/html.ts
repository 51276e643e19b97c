import type { RenderContext, Renderer } from './renderer.js'

/**
 * The theme's HTML as a file: one self-contained page. The build renders it once per document, in
 * its sandbox worker, where a looping template can be stopped (src/pipeline/prepare.ts).
 */
export const htmlRenderer: Renderer = {
  format: 'html',
  extension: 'html',
  drawsHtml: true,
  async render(ctx: RenderContext) {
    return { format: 'html', extension: 'html', bytes: Buffer.from(await ctx.html(), 'utf8') }
  },
}
