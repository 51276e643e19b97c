import { FORMATS } from '../renderers/registry.js'
import type { Renderer } from '../renderers/renderer.js'
import { type BuildOptions, DEFAULT_TIMEOUT_MS } from './options.js'
import type { Plan } from './plan.js'
import { pluginRunner } from './plugin-runner.js'
import type { BuildServices } from './services.js'

/** The renderers the plugins option (paths from the working folder) and meta.plugins (from the resume's) add; their code runs in the build's sandbox. */
export async function pluginRenderers(options: Pick<BuildOptions, 'plugins' | 'timeoutMs'>, plan: Plan, services: BuildServices): Promise<Map<string, Renderer>> {
  const fromMeta = (plan.resume.meta as { plugins?: unknown } | undefined)?.plugins
  const specs = [
    ...(options.plugins ?? []).map((spec) => ({ spec, origin: 'option' as const })),
    ...(Array.isArray(fromMeta) ? fromMeta.filter((s): s is string => typeof s === 'string') : []).map((spec) => ({ spec, origin: 'resume' as const })),
  ]
  if (specs.length === 0) return new Map()
  const { loadPlugins } = await import('../renderers/plugins.js')
  return loadPlugins(specs, plan.resumeDir, FORMATS, pluginRunner(services, options.timeoutMs ?? DEFAULT_TIMEOUT_MS))
}
