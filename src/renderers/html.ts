import { pageCss, toCss, type PageSettings } from '../page/geometry.js'
import { themeTemplate } from '../themes/handlebars.js'
import type { RenderContext, Renderer } from './renderer.js'

/** Renders the theme's Handlebars template over the view model: one self-contained HTML file. */
export async function renderHtml(ctx: Pick<RenderContext, 'view' | 'resume' | 'theme' | 'page'> & { fontCss: string }): Promise<string> {
  const template = await themeTemplate(ctx.theme)
  return template({ view: ctx.view, resume: ctx.resume, css: `${pageCss(ctx.page)}\n${ctx.fontCss}\n${ctx.theme.css}`, page: templatePage(ctx.page) })
}

/** Templates see the page as CSS writes it: `{{page.margins.top}}` is "0.5in". */
const templatePage = (page: PageSettings) => ({
  size: page.size,
  margins: { top: toCss(page.margins.top), right: toCss(page.margins.right), bottom: toCss(page.margins.bottom), left: toCss(page.margins.left) },
})

export const htmlRenderer: Renderer = {
  format: 'html',
  extension: 'html',
  async render(ctx: RenderContext) {
    return { format: 'html', extension: 'html', bytes: Buffer.from(await ctx.html(), 'utf8') }
  },
}
