import type { LetterView } from '../core/letter-view.js'
import type { View, ViewSection } from '../core/view.js'
import { type PageSettings, pageCss, toCss } from '../page/geometry.js'
import type { Resume } from '../types/resume.js'
import { splitColumns } from './columns.js'
import { optionsCss } from './options.js'
import type { Theme } from './types.js'

/** What a theme's template is given: plain data, so it can be copied to the thread that renders it. */
export interface TemplateContext {
  view: View
  resume: Resume
  /** The page's CSS: page size and margins, the theme's options, the fonts this document needs, the theme's styles. */
  css: string
  page: { size: string; margins: { top: string; right: string; bottom: string; left: string } }
  /** The theme's options, defaults merged with the resume's and the variant's. */
  options: Record<string, unknown>
  /** The photo as a data: URL, for themes that show one. */
  photo?: string
  /** For a theme with a side column (theme.json `side`): the view's sections split between the two. */
  columns?: { side: ViewSection[]; main: ViewSection[] }
  /** A cover letter's parts, for the theme's letter template (src/core/letter-view.ts). */
  letter?: LetterView
}

export function templateContext(ctx: {
  view: View
  resume: Resume
  theme: Pick<Theme, 'css' | 'manifest'>
  page: PageSettings
  fontCss: string
  options?: Record<string, unknown>
  photo?: string
  letter?: LetterView
}): TemplateContext {
  const options = ctx.options ?? {}
  return {
    view: ctx.view,
    resume: ctx.resume,
    css: `${pageCss(ctx.page)}\n${optionsCss(options)}${ctx.fontCss}\n${ctx.theme.css}`,
    page: templatePage(ctx.page),
    options,
    photo: ctx.theme.manifest.photo ? ctx.photo : undefined,
    columns: ctx.theme.manifest.side ? splitColumns(ctx.view.sections, ctx.theme.manifest.side) : undefined,
    ...(ctx.letter ? { letter: ctx.letter } : {}),
  }
}

/** Templates see the page as CSS writes it: `{{page.margins.top}}` is "0.5in". */
const templatePage = (page: PageSettings): TemplateContext['page'] => ({
  size: page.size,
  margins: { top: toCss(page.margins.top), right: toCss(page.margins.right), bottom: toCss(page.margins.bottom), left: toCss(page.margins.left) },
})

/** A theme as the render thread needs it: its sources, without what was compiled or inlined on this side. */
export type ThemeSources = Omit<Theme, 'compiled' | 'precompiled' | 'css'>

export function themeSources(theme: Theme): ThemeSources {
  const { compiled: _compiled, precompiled: _precompiled, css: _css, ...sources } = theme
  return sources
}
