import { toJsonResume } from '../export/json-resume.js'
import { letterMarkdown, toMarkdown } from '../export/markdown.js'
import { letterPlainText, toPlainText } from '../export/plain-text.js'
import type { Artifact, RenderContext, Renderer } from './renderer.js'

/** A format that is text made from the document in one pure step. */
const textRenderer = (format: string, extension: string, make: (ctx: RenderContext) => string): Renderer => ({
  format,
  extension,
  async render(ctx): Promise<Artifact> {
    return { format, extension, bytes: Buffer.from(make(ctx), 'utf8') }
  },
})

/** The tailored resume as JSON Resume 1.0: what other tools read, and what `resume import` reads back. */
export const jsonRenderer = textRenderer('json', 'json', (ctx) => `${JSON.stringify(ctx.letter ?? toJsonResume(ctx.resume), null, 2)}\n`)

/** Markdown that reads well on GitHub: headings, lists, links and bold kept. */
export const markdownRenderer = textRenderer('md', 'md', (ctx) => (ctx.letter ? letterMarkdown(ctx.view, ctx.letter) : toMarkdown(ctx.view)))

/** Plain text for pasting into application forms: every fact in reading order, wrapped at 80 columns. */
export const plainTextRenderer = textRenderer('txt', 'txt', (ctx) => (ctx.letter ? letterPlainText(ctx.view, ctx.letter, { width: 80 }) : toPlainText(ctx.view, { width: 80 })))
