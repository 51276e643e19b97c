import { pathToFileURL } from 'node:url'
import { renderTimeout } from '../browser/errors.js'
import { loadTimeout } from '../core/limits.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { PageSettings } from '../page/geometry.js'
import type { PluginRunner } from '../renderers/plugins.js'
import type { RenderContext } from '../renderers/renderer.js'
import type { PluginContextData, PluginItem, PluginShape } from '../sandbox/plugin-host.js'
import { sandboxModule } from '../sandbox/sandbox.js'
import { themeSources } from '../themes/template-context.js'
import type { BuildServices } from './services.js'

const PLUGIN_HOST = 'plugin-host'

/**
 * Renderer plugins run in the build's sandbox worker, within the build's timeout: loading the
 * module (its top level) and each render. What a render asks of the build (the document's HTML,
 * a print, a log line, a warning) is answered here, on the main thread.
 */
export function pluginRunner(services: BuildServices, timeoutMs: number): PluginRunner {
  const { sandbox } = services
  return {
    async describe(file, spec) {
      const call = { module: sandboxModule(PLUGIN_HOST), name: 'describePlugin', args: [pathToFileURL(file).href] }
      return (await sandbox.run(call, { timeoutMs, onTimeout: () => loadTimeout('PLUGIN', `the plugin ${spec}`, timeoutMs, file) })) as PluginShape[] | undefined
    },
    async render(file, spec, index, ctx) {
      const call = { module: sandboxModule(PLUGIN_HOST), name: 'renderPlugin', args: [pathToFileURL(file).href, spec, index, contextData(ctx)] }
      const limits = { timeoutMs: ctx.timeout, onTimeout: () => renderTimeout(`the plugin ${spec}`, ctx.timeout) }
      return (await sandbox.run(call, limits, (name, args) => answer(ctx, name, args))) as PluginItem[]
    },
  }
}

/** A render's ctx without its functions: what the worker rebuilds it from. */
function contextData(ctx: RenderContext): PluginContextData {
  const { resume, view, theme, page, options, photo, dpi, sourceDate, timeout } = ctx
  const { template: _template, partials: _partials, ...described } = themeSources(theme)
  return { resume, view, theme: { ...described, css: theme.css }, page, options, photo, dpi, sourceDate, timeout }
}

/** What the plugin's ctx functions ask for, from the worker. */
async function answer(ctx: RenderContext, name: string, args: unknown[]): Promise<unknown> {
  switch (name) {
    case 'html':
      return ctx.html()
    case 'browser':
      await ctx.browser()
      return undefined
    case 'print':
      return (await ctx.browser()).print(String(args[0]), args[1] as PageSettings)
    case 'printPng':
      return (await ctx.browser()).printPng(String(args[0]), args[1] as PageSettings, Number(args[2]))
    case 'warmPng':
      ;(await ctx.browser()).warmPng?.()
      return undefined
    case 'log':
      ctx.log(String(args[0]))
      return undefined
    case 'warn': {
      const d = args[0] as Partial<Diagnostic> | undefined
      if (d && typeof d.message === 'string') ctx.warn?.({ ...d, code: d.code ?? ('PLUGIN_FAILED' as const), severity: 'warning', message: d.message } as Diagnostic)
      return undefined
    }
    default:
      throw new Error(`a plugin asked for ${name}, which vitae does not offer`)
  }
}
