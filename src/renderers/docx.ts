import type { Renderer, RendererOptions } from './renderer.js'

// Placeholder until the DOCX renderer lands (issue 4).
export function createDocxRenderer(_options: RendererOptions): Renderer {
  throw new Error('the DOCX renderer is not built yet')
}
