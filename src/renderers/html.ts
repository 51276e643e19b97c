import { themeTemplate } from '../themes/handlebars.js'
import type { PageSettings, RenderContext, Renderer } from './renderer.js'

const PAGE_SIZES = { letter: 'Letter', a4: 'A4' } as const

/** Page size and margins as CSS, so printing the HTML from a browser matches the PDF. */
export function pageCss(page: PageSettings): string {
  const { top, right, bottom, left } = page.margins
  return [
    `@page { size: ${PAGE_SIZES[page.size]}; margin: ${top} ${right} ${bottom} ${left}; }`,
    `:root { --page-margin-top: ${top}; --page-margin-right: ${right}; --page-margin-bottom: ${bottom}; --page-margin-left: ${left}; }`,
  ].join('\n')
}

/** Renders the theme's Handlebars template over the view model: one self-contained HTML file. */
export async function renderHtml(ctx: Pick<RenderContext, 'view' | 'resume' | 'theme' | 'page'>): Promise<string> {
  const template = await themeTemplate(ctx.theme)
  return template({ view: ctx.view, resume: ctx.resume, css: `${pageCss(ctx.page)}\n${ctx.theme.css}`, page: ctx.page })
}

export function createHtmlRenderer(): Renderer {
  return {
    format: 'html',
    extension: 'html',
    async render(ctx: RenderContext) {
      return { format: 'html', extension: 'html', bytes: Buffer.from(await ctx.html(), 'utf8') }
    },
  }
}
