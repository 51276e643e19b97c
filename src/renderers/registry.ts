import type { RendererFactory } from './renderer.js'

/**
 * Formats by name. Each loads its module only when asked for, so `--format html` never pays
 * for puppeteer or docx. Adding a format: a file in this folder and one line here.
 */
const REGISTRY: Record<string, () => Promise<RendererFactory>> = {
  html: async () => (await import('./html.js')).createHtmlRenderer,
  pdf: async () => (await import('./pdf.js')).createPdfRenderer,
  docx: async () => (await import('./docx.js')).createDocxRenderer,
}

export const FORMATS = Object.keys(REGISTRY)

export function isFormat(name: string): boolean {
  return Object.hasOwn(REGISTRY, name)
}

export async function rendererFactory(format: string): Promise<RendererFactory> {
  const load = REGISTRY[format]
  if (!load) throw new Error(`unknown format ${format}`)
  return load()
}
