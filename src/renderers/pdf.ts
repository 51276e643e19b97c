import type { Renderer, RendererOptions } from './renderer.js'

// Placeholder until the PDF renderer lands (issue 3).
export function createPdfRenderer(_options: RendererOptions): Renderer {
  throw new Error('the PDF renderer is not built yet')
}
