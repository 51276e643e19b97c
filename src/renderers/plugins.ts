import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isVitaeError, VitaeError } from '../diagnostics/diagnostic.js'
import { findPackage, packageEntry } from '../themes/package-entry.js'
import type { Artifact, RenderContext, Renderer } from './renderer.js'

/** What a plugin's render may return: bytes, text, an artifact, or several (a multi-file format). */
export type PluginOutput = Uint8Array | string | PluginArtifact | Array<Uint8Array | string | PluginArtifact>

/** One file of a plugin's output; `name` (a plain file name part) tells several apart: resume-NAME.ext. */
export interface PluginArtifact {
  bytes: Uint8Array | string
  extension?: string
  name?: string
  pages?: number
}

/** A renderer as a plugin writes it (see defineRenderer in the package entry). */
export interface PluginRenderer {
  /** The --format name: lowercase letters, digits and dashes, not one of vitae's own. */
  format: string
  /** The output file's extension, without the dot. */
  extension: string
  render(ctx: RenderContext): PluginOutput | Promise<PluginOutput>
  /** Set when render asks for ctx.browser(): the build starts the browser early. */
  usesBrowser?: boolean
  /** Set when render asks for ctx.html(): the build readies the theme's sandbox early. */
  drawsHtml?: boolean
}

/** Where a plugin was named: the --plugin option (from the working folder), or meta.plugins (from the resume's). */
export interface PluginSpec {
  spec: string
  origin: 'option' | 'resume'
}

const FORMAT_NAME = /^[a-z][a-z0-9-]{0,31}$/
const EXTENSION = /^[A-Za-z0-9][A-Za-z0-9.]{0,15}$/
const PART_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

const loadFailure = (spec: string, message: string, hint?: string, cause?: unknown): VitaeError =>
  new VitaeError('theme', [{ code: 'PLUGIN', severity: 'error', message: `the plugin ${spec} ${message}`, hint: hint ?? 'the problem is in the plugin, not in your resume' }], {
    cause,
  })

/** The module file a plugin spec names: a path, or a package looked up from the resume's folder. */
function locate(p: PluginSpec, resumeDir: string): string {
  const looksLikePath = p.spec.startsWith('.') || isAbsolute(p.spec) || /\.(m?js|cjs)$/.test(p.spec)
  if (looksLikePath) {
    const file = resolve(p.origin === 'option' ? process.cwd() : resumeDir, p.spec)
    if (!existsSync(file)) throw loadFailure(p.spec, `cannot be found: there is no file ${file}`, undefined)
    return file
  }
  const dir = findPackage(p.spec, resumeDir)
  if (!dir) throw loadFailure(p.spec, 'is not installed', `npm install ${p.spec} beside the resume, or give a path such as ./plugin.mjs`)
  return packageEntry(dir)
}

/**
 * Loads renderer plugins: each module's default export is a renderer or a list of them. Every
 * failure to load (missing, syntax error, no valid renderer, a format vitae or another plugin
 * already has) is a theme-kind error (exit 5) naming the plugin.
 */
export async function loadPlugins(specs: PluginSpec[], resumeDir: string, builtIn: readonly string[]): Promise<Map<string, Renderer>> {
  const loaded = new Map<string, Renderer>()
  const from = new Map<string, string>()
  for (const p of specs) {
    const file = locate(p, resumeDir)
    let mod: { default?: unknown }
    try {
      mod = (await import(pathToFileURL(file).href)) as { default?: unknown }
    } catch (error) {
      throw loadFailure(p.spec, `cannot be loaded: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, undefined, error)
    }
    const exported = mod.default
    const list = Array.isArray(exported) ? exported : [exported]
    if (exported === undefined || list.length === 0) throw loadFailure(p.spec, 'has no default export', 'export default defineRenderer({ format, extension, render(ctx) { ... } })')
    for (const candidate of list) {
      const r = candidate as Partial<PluginRenderer> | null
      if (!r || typeof r !== 'object' || typeof r.render !== 'function' || typeof r.format !== 'string' || typeof r.extension !== 'string') {
        throw loadFailure(p.spec, 'does not export a renderer: its default export must be { format, extension, render(ctx) } or a list of them')
      }
      if (!FORMAT_NAME.test(r.format)) throw loadFailure(p.spec, `names its format ${JSON.stringify(r.format)}: use lowercase letters, digits and dashes`)
      if (!EXTENSION.test(r.extension)) throw loadFailure(p.spec, `gives the extension ${JSON.stringify(r.extension)}: use letters and digits, without the leading dot`)
      if (builtIn.includes(r.format)) throw loadFailure(p.spec, `registers the format ${r.format}, which vitae has already`, 'give the plugin’s format another name')
      if (loaded.has(r.format)) {
        if (from.get(r.format) === file) continue // the same module named twice (flag and meta.plugins)
        throw loadFailure(p.spec, `registers the format ${r.format}, which the plugin ${from.get(r.format)} has already`)
      }
      loaded.set(r.format, adapt(r as PluginRenderer, p.spec))
      from.set(r.format, file)
    }
  }
  return loaded
}

/** A plugin's renderer behind vitae's interface: its output normalised, its failures named (exit 6). */
function adapt(plugin: PluginRenderer, spec: string): Renderer {
  return {
    format: plugin.format,
    extension: plugin.extension,
    usesBrowser: plugin.usesBrowser === true,
    drawsHtml: plugin.drawsHtml === true,
    async render(ctx: RenderContext): Promise<Artifact | Artifact[]> {
      let output: PluginOutput
      try {
        output = await plugin.render(ctx)
      } catch (error) {
        if (isVitaeError(error)) throw error
        throw failed(spec, plugin.format, `failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, error)
      }
      const items = Array.isArray(output) ? output : [output]
      if (items.length === 0) throw failed(spec, plugin.format, 'returned nothing')
      const artifacts = items.map((item) => toArtifact(item, plugin, spec))
      const names = new Set(artifacts.map((a) => `${a.name ?? ''}.${a.extension}`))
      if (names.size !== artifacts.length) throw failed(spec, plugin.format, 'returned several files with the same name: give each a distinct name')
      return artifacts.length === 1 ? artifacts[0]! : artifacts
    },
  }
}

function toArtifact(item: unknown, plugin: PluginRenderer, spec: string): Artifact {
  const bytes = (value: unknown): Uint8Array | undefined => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value instanceof Uint8Array ? value : undefined)
  const direct = bytes(item)
  if (direct) return { format: plugin.format, extension: plugin.extension, bytes: direct }
  const a = item as Partial<PluginArtifact> | null
  const b = a && typeof a === 'object' ? bytes(a.bytes) : undefined
  if (!a || !b) throw failed(spec, plugin.format, 'returned neither bytes (a Uint8Array), text, nor { bytes }')
  const extension = a.extension ?? plugin.extension
  if (!EXTENSION.test(extension)) throw failed(spec, plugin.format, `returned the extension ${JSON.stringify(extension)}`)
  if (a.name !== undefined && !PART_NAME.test(a.name))
    throw failed(spec, plugin.format, `returned the file name part ${JSON.stringify(a.name)}: use letters, digits, dots, dashes and underscores`)
  return { format: plugin.format, extension, bytes: b, name: a.name, pages: typeof a.pages === 'number' ? a.pages : undefined }
}

const failed = (spec: string, format: string, message: string, cause?: unknown): VitaeError =>
  new VitaeError(
    'render',
    [{ code: 'PLUGIN_FAILED', severity: 'error', message: `the plugin ${spec} (format ${format}) ${message}`, hint: 'the problem is in the plugin, not in your resume' }],
    { cause },
  )

/** Types a renderer plugin: `export default defineRenderer({ format: 'summary', extension: 'txt', render(ctx) { ... } })`. */
export function defineRenderer<T extends PluginRenderer | PluginRenderer[]>(renderer: T): T {
  return renderer
}
