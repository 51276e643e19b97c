import type { Renderer } from './renderer.js'

/**
 * Formats by name. Each loads its module only when asked for, so `--format html` never pays
 * for puppeteer or docx. Adding a format: a file in this folder and one line here.
 */
const REGISTRY: Record<string, () => Promise<Renderer>> = {
  html: async () => (await import('./html.js')).htmlRenderer,
  pdf: async () => (await import('./pdf.js')).pdfRenderer,
  png: async () => (await import('./png.js')).pngRenderer,
  docx: async () => (await import('./docx.js')).docxRenderer,
  json: async () => (await import('./text-formats.js')).jsonRenderer,
  md: async () => (await import('./text-formats.js')).markdownRenderer,
  txt: async () => (await import('./text-formats.js')).plainTextRenderer,
}

export const FORMATS = Object.keys(REGISTRY)

export async function loadRenderer(format: string): Promise<Renderer> {
  const load = REGISTRY[format]
  if (!load) throw new Error(`unknown format ${format}`)
  return load()
}
