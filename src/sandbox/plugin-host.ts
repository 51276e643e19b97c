import type { BuildBrowser } from '../browser/build-browser.js'
import { formatBytes, MAX_RENDER_BYTES } from '../core/limits.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import type { PageSettings } from '../page/geometry.js'
import type { HostFunction } from './protocol.js'

/**
 * Runs in the sandbox worker: a renderer plugin, from loading its module (its top level runs then)
 * to its render(ctx). Both are code from outside that may loop; here the build's deadline and
 * Ctrl-C stop them. ctx is the data a render gets, rebuilt on this side, with its functions
 * (html, browser, log, warn) calling back to the main thread.
 */

/** What the main thread needs to know of each renderer a plugin exports, to check it. */
export interface PluginShape {
  isObject: boolean
  format?: unknown
  extension?: unknown
  hasRender: boolean
  usesBrowser: boolean
}

/** The plugin's exports as shapes; `undefined` when it has no default export. A module that cannot load throws its error. */
export async function describePlugin(url: string): Promise<PluginShape[] | undefined> {
  const exported = await defaultExport(url)
  if (exported === undefined) return undefined
  const list = Array.isArray(exported) ? exported : [exported]
  return list.map((candidate) => {
    const r = candidate as Record<string, unknown> | null
    const isObject = Boolean(r) && typeof r === 'object'
    return {
      isObject,
      format: isObject ? plain(r!.format) : undefined,
      extension: isObject ? plain(r!.extension) : undefined,
      hasRender: isObject && typeof r!.render === 'function',
      usesBrowser: isObject && r!.usesBrowser === true,
    }
  })
}

/** The data of a render's ctx: everything but its functions. */
export interface PluginContextData {
  resume: unknown
  view: unknown
  theme: unknown
  page: PageSettings
  options: Record<string, unknown>
  photo?: string
  dpi?: number
  sourceDate?: Date
  timeout: number
}

/** One file of what a render returned, as it crosses to the main thread: only the fields vitae reads. */
export interface PluginItem {
  bytes?: Uint8Array | string
  extension?: unknown
  name?: unknown
  pages?: unknown
}

/** Calls the `index`th renderer of the plugin; returns its files (one, or the list it returned). */
export async function renderPlugin(url: string, label: string, index: number, data: PluginContextData, host: HostFunction): Promise<PluginItem[]> {
  const exported = await defaultExport(url)
  const renderer = (Array.isArray(exported) ? exported : [exported])[index] as { format: string; render(ctx: unknown): unknown }
  const browser: BuildBrowser = {
    print: (html, page) => host('print', html, page) as Promise<Uint8Array>,
    printPng: (html, page, dpi) => host('printPng', html, page, dpi) as Promise<Uint8Array[]>,
    warmPng: () => void host('warmPng').catch(() => undefined),
    // Refused requests reach the build's warning on the main thread; none are kept here.
    takeBlocked: () => [],
  }
  const ctx = {
    ...data,
    html: () => host('html'),
    browser: async () => {
      await host('browser')
      return browser
    },
    log: (message: unknown) => void host('log', String(message)).catch(() => undefined),
    warn: (diagnostic: unknown) => void host('warn', plain(diagnostic)).catch(() => undefined),
  }
  const output = await renderer.render(ctx)
  const items = (Array.isArray(output) ? output : [output]).map(toItem)
  const total = items.reduce((n, item) => n + size(item.bytes), 0)
  if (total > MAX_RENDER_BYTES) {
    throw new VitaeError('render', [
      {
        code: 'PLUGIN_FAILED',
        severity: 'error',
        message: `the plugin ${label} (format ${renderer.format}) returned ${formatBytes(total)}; a render may return at most ${formatBytes(MAX_RENDER_BYTES)}`,
        hint: 'the problem is in the plugin, not in your resume',
      },
    ])
  }
  return items
}

async function defaultExport(url: string): Promise<unknown> {
  const mod = (await import(url)) as { default?: unknown }
  return mod.default
}

/** What a value is, counted without copying it: text as UTF-8. */
const size = (bytes: unknown): number => (typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes instanceof Uint8Array ? bytes.byteLength : 0)

function toItem(item: unknown): PluginItem {
  if (typeof item === 'string' || item instanceof Uint8Array) return { bytes: item }
  if (!item || typeof item !== 'object') return {}
  const a = item as Record<string, unknown>
  const bytes = typeof a.bytes === 'string' || a.bytes instanceof Uint8Array ? a.bytes : undefined
  return { bytes, extension: plain(a.extension), name: plain(a.name), pages: plain(a.pages) }
}

/** A value that can cross threads as it is (no functions, no class instances): else undefined. */
function plain(value: unknown): unknown {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return value
  try {
    return structuredClone(value)
  } catch {
    return undefined
  }
}
