import { themeTemplate } from '../themes/handlebars.js'
import type { TemplateContext, ThemeSources } from '../themes/template-context.js'
import type { Theme } from '../themes/types.js'

/**
 * Runs in the sandbox worker (src/sandbox/worker-main.ts): renders a Handlebars theme. The
 * worker lives for one build, so a theme is compiled (or its precompiled code loaded) once per
 * build, by folder, and every document of the build reuses it.
 */
const themes = new Map<string, Theme>()

export async function renderTheme(sources: ThemeSources, context: TemplateContext): Promise<string> {
  let theme = themes.get(sources.dir)
  if (!theme) {
    theme = { ...sources, css: '' }
    themes.set(sources.dir, theme)
  }
  const template = await themeTemplate(theme)
  return template(context)
}
