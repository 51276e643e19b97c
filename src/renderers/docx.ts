import { Document } from 'docx'
import { isVitaeError, VitaeError } from '../diagnostics/diagnostic.js'
import { pageTwips } from '../page/geometry.js'
import { fitDocxTokens } from '../themes/fit.js'
import { docxBody } from './docx-body.js'
import { docxLetterBody } from './docx-letter.js'
import { compileLook, packageBytes } from './docx-package.js'
import { docxNumbering, docxStyles } from './docx-styles.js'
import { docxTokens } from './docx-tokens.js'
import type { Artifact, RenderContext, Renderer } from './renderer.js'

/**
 * The resume as a Word document: the view model the HTML renders, written as real Word structure
 * (Title, Heading 1, bulleted lists, hyperlinks) with the theme's docx tokens as its styles.
 */
export async function renderDocx(ctx: RenderContext): Promise<Uint8Array> {
  // A fitted document (the fit option) gets the sizes and spacing its PDF was fitted with.
  const tokens = ctx.fit ? fitDocxTokens(docxTokens(ctx.theme), ctx.fit) : docxTokens(ctx.theme)
  // The accent option, when a hex colour, colours the Word file as it does the page.
  const accent = typeof ctx.options?.accent === 'string' ? /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(ctx.options.accent)?.[1] : undefined
  if (accent) tokens.accent = (accent.length === 3 ? [...accent].map((c) => c + c).join('') : accent).toUpperCase()
  const page = pageTwips(ctx.page)
  const { properties } = ctx.view
  // Everything the Document is given but its text and core properties: documents of one look
  // (the variants of a build, its letters) share their styles, numbering, theme and settings parts.
  const look = {
    styles: docxStyles(tokens, { textWidth: page.textWidth, lang: ctx.view.lang, dir: ctx.view.dir }),
    numbering: docxNumbering(tokens),
  }
  const make = () =>
    new Document({
      title: properties.title,
      subject: properties.subject,
      creator: properties.author || 'vitae',
      lastModifiedBy: properties.author || 'vitae',
      keywords: properties.keywords.join(', '),
      revision: 1,
      ...look,
      sections: [
        {
          properties: { page: { size: { width: page.width, height: page.height }, margin: { ...page.margins, header: 0, footer: 0, gutter: 0 } } },
          children: ctx.letter ? docxLetterBody(ctx.view, ctx.letter, tokens) : docxBody(ctx.view, tokens),
        },
      ],
    })
  return packageBytes(await compileLook(make, JSON.stringify(look)), ctx.sourceDate ?? new Date())
}

export const docxRenderer: Renderer = {
  format: 'docx',
  extension: 'docx',
  async render(ctx: RenderContext): Promise<Artifact> {
    if (ctx.theme.jsonResume) {
      ctx.warn?.({
        code: 'DOCX_FALLBACK',
        severity: 'warning',
        message: `the JSON Resume theme ${ctx.theme.jsonResume.packageName} makes HTML only: the Word file uses the classic theme's look`,
        hint: 'the PDF and HTML use the theme',
      })
    }
    try {
      return { format: 'docx', extension: 'docx', bytes: await renderDocx(ctx) }
    } catch (error) {
      if (isVitaeError(error)) throw error
      const message = error instanceof Error ? error.message : String(error)
      throw new VitaeError('render', [{ code: 'DOCX', severity: 'error', message: `could not write the Word file: ${message}` }], { cause: error })
    }
  },
}
