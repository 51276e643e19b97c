import { pageCss, toCss, type PageSettings } from '../page/geometry.js'
import { themeTemplate } from '../themes/handlebars.js'
import { offlineHtml } from '../themes/offline-html.js'
import { optionsCss } from '../themes/options.js'
import type { RenderContext, Renderer } from './renderer.js'

/** Renders the theme's Handlebars template over the view model: one self-contained HTML file. */
export async function renderHtml(ctx: Pick<RenderContext, 'view' | 'resume' | 'theme' | 'page'> & Partial<Pick<RenderContext, 'options' | 'photo'>> & { fontCss: string }): Promise<string> {
  const template = await themeTemplate(ctx.theme)
  const options = ctx.options ?? {}
  const css = `${pageCss(ctx.page)}\n${optionsCss(options)}${ctx.fontCss}\n${ctx.theme.css}`
  return template({ view: ctx.view, resume: ctx.resume, css, page: templatePage(ctx.page), options, photo: ctx.theme.manifest.photo ? ctx.photo : undefined })
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
    // A JSON Resume theme's page may link CDNs and web fonts: the file we write fetches nothing.
    const html = ctx.theme.jsonResume ? offlineHtml(await ctx.html()) : await ctx.html()
    return { format: 'html', extension: 'html', bytes: Buffer.from(html, 'utf8') }
  },
}
