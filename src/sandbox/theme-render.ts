import { formatBytes, MAX_RENDER_BYTES } from '../core/limits.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
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
  const html = await template(context)
  const bytes = Buffer.byteLength(html, 'utf8')
  if (bytes > MAX_RENDER_BYTES) {
    const message = `the theme ${sources.name} made ${formatBytes(bytes)} of HTML; a page may be at most ${formatBytes(MAX_RENDER_BYTES)}`
    throw new VitaeError('theme', [{ code: 'TEMPLATE', severity: 'error', message, file: sources.dir, hint: 'the problem is in the theme, not in your resume' }])
  }
  return html
}
