import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { formatBytes, MAX_RENDER_BYTES } from '../core/limits.js'
import { isVitaeError, VitaeError } from '../diagnostics/diagnostic.js'
import type { PluginItem, PluginShape } from '../sandbox/plugin-host.js'
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
 * Runs plugin code where a deadline and a signal can stop it (the build's sandbox worker): loading
 * a module runs its top level, and render(ctx) may loop. src/pipeline/plugin-runner.ts is it.
 */
export interface PluginRunner {
  /** The module's default export, described; undefined when there is none. Rejects as the import does. */
  describe(file: string, spec: string): Promise<PluginShape[] | undefined>
  /** The `index`th renderer's render(ctx), its output as it crossed threads. */
  render(file: string, spec: string, index: number, ctx: RenderContext): Promise<PluginItem[]>
}

/**
 * Loads renderer plugins: each module's default export is a renderer or a list of them. Every
 * failure to load (missing, syntax error, no valid renderer, a format vitae or another plugin
 * already has, a top level that does not finish) is a theme-kind error (exit 5) naming the plugin.
 */
export async function loadPlugins(specs: PluginSpec[], resumeDir: string, builtIn: readonly string[], runner: PluginRunner): Promise<Map<string, Renderer>> {
  const loaded = new Map<string, Renderer>()
  const from = new Map<string, string>()
  for (const p of specs) {
    const file = locate(p, resumeDir)
    let list: PluginShape[] | undefined
    try {
      list = await runner.describe(file, p.spec)
    } catch (error) {
      if (isVitaeError(error)) throw error
      throw loadFailure(p.spec, `cannot be loaded: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, undefined, error)
    }
    if (list === undefined || list.length === 0) throw loadFailure(p.spec, 'has no default export', 'export default defineRenderer({ format, extension, render(ctx) { ... } })')
    for (const [index, r] of list.entries()) {
      if (!r.isObject || !r.hasRender || typeof r.format !== 'string' || typeof r.extension !== 'string') {
        throw loadFailure(p.spec, 'does not export a renderer: its default export must be { format, extension, render(ctx) } or a list of them')
      }
      if (!FORMAT_NAME.test(r.format)) throw loadFailure(p.spec, `names its format ${JSON.stringify(r.format)}: use lowercase letters, digits and dashes`)
      if (!EXTENSION.test(r.extension)) throw loadFailure(p.spec, `gives the extension ${JSON.stringify(r.extension)}: use letters and digits, without the leading dot`)
      if (builtIn.includes(r.format)) throw loadFailure(p.spec, `registers the format ${r.format}, which vitae has already`, 'give the plugin’s format another name')
      if (loaded.has(r.format)) {
        if (from.get(r.format) === file) continue // the same module named twice (flag and meta.plugins)
        throw loadFailure(p.spec, `registers the format ${r.format}, which the plugin ${from.get(r.format)} has already`)
      }
      loaded.set(
        r.format,
        adapt({ format: r.format, extension: r.extension, usesBrowser: r.usesBrowser }, (ctx) => runner.render(file, p.spec, index, ctx), p.spec),
      )
      from.set(r.format, file)
    }
  }
  return loaded
}

/** A plugin's renderer behind vitae's interface: its output normalised and capped, its failures named (exit 6). */
function adapt(plugin: Omit<PluginRenderer, 'render'>, render: (ctx: RenderContext) => Promise<PluginItem[]>, spec: string): Renderer {
  return {
    format: plugin.format,
    extension: plugin.extension,
    usesBrowser: plugin.usesBrowser === true,
    drawsHtml: plugin.drawsHtml === true,
    async render(ctx: RenderContext): Promise<Artifact | Artifact[]> {
      let items: PluginItem[]
      try {
        items = await render(ctx)
      } catch (error) {
        if (isVitaeError(error)) throw error
        throw failed(spec, plugin.format, `failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, error)
      }
      if (items.length === 0) throw failed(spec, plugin.format, 'returned nothing')
      const artifacts = items.map((item) => toArtifact(item, plugin, spec))
      // Checked in the worker already, before the copy; again here, where the files are written.
      const total = artifacts.reduce((n, a) => n + a.bytes.byteLength, 0)
      if (total > MAX_RENDER_BYTES) throw failed(spec, plugin.format, `returned ${formatBytes(total)}; a render may return at most ${formatBytes(MAX_RENDER_BYTES)}`)
      const names = new Set(artifacts.map((a) => `${a.name ?? ''}.${a.extension}`))
      if (names.size !== artifacts.length) throw failed(spec, plugin.format, 'returned several files with the same name: give each a distinct name')
      return artifacts.length === 1 ? artifacts[0]! : artifacts
    },
  }
}

function toArtifact(a: PluginItem, plugin: Omit<PluginRenderer, 'render'>, spec: string): Artifact {
  const b = typeof a.bytes === 'string' ? Buffer.from(a.bytes, 'utf8') : a.bytes instanceof Uint8Array ? a.bytes : undefined
  if (!b) throw failed(spec, plugin.format, 'returned neither bytes (a Uint8Array), text, nor { bytes }')
  const extension = a.extension === undefined ? plugin.extension : a.extension
  if (typeof extension !== 'string' || !EXTENSION.test(extension)) throw failed(spec, plugin.format, `returned the extension ${JSON.stringify(extension)}`)
  if (a.name !== undefined && (typeof a.name !== 'string' || !PART_NAME.test(a.name)))
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
