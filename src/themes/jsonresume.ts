import { existsSync, statSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { importModule } from '../core/import-module.js'
import { formatBytes, MAX_RENDER_BYTES } from '../core/limits.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { packageEntry, readPackageJson } from './package-entry.js'
import type { PdfRenderOptions } from './types.js'

/** What resumed and the JSON Resume ecosystem call a theme: `render(resume) → html`, maybe `pdfRenderOptions`. */
interface JsonResumeThemeModule {
  render(resume: unknown): unknown
  pdfRenderOptions?: PdfRenderOptions
}

const themeFailure = (packageDir: string, message: string, cause?: unknown): VitaeError => {
  const name = readPackageJson(packageDir)?.name ?? packageDir
  return new VitaeError(
    'theme',
    [{ code: 'THEME', severity: 'error', message: `the JSON Resume theme ${name} ${message}`, file: packageDir, hint: 'the problem is in the theme package, not in your resume' }],
    { cause },
  )
}

/**
 * Loads a JSON Resume theme package, CommonJS or ESM: `import()` of its entry, which hands
 * CommonJS's `module.exports` over as the default export.
 */
async function loadModule(packageDir: string): Promise<JsonResumeThemeModule> {
  const entry = packageEntry(packageDir)
  if (!existsSync(entry) || !statSync(entry).isFile()) throw themeFailure(packageDir, `has no entry file (looked for ${entry})`)
  let mod: Record<string, unknown>
  try {
    mod = await importModule(pathToFileURL(entry).href)
  } catch (error) {
    throw themeFailure(packageDir, `cannot be loaded: ${firstLine(error)}`, error)
  }
  const fallback = (mod.default ?? {}) as Record<string, unknown>
  const render = typeof mod.render === 'function' ? mod.render : fallback.render
  if (typeof render !== 'function') throw themeFailure(packageDir, 'exports no render(resume) function')
  const pdfRenderOptions = (mod.pdfRenderOptions ?? fallback.pdfRenderOptions) as PdfRenderOptions | undefined
  return { render: render as (resume: unknown) => unknown, pdfRenderOptions: typeof pdfRenderOptions === 'object' && pdfRenderOptions ? pdfRenderOptions : undefined }
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''

/**
 * THE one call into a JSON Resume theme's code: `render(resume)`, sync or async, must give HTML.
 * Kept behind this single function so it can move into the template worker (with its deadline)
 * without its callers changing. `resume` is plain JSON Resume 1.0 (src/themes/jsonresume-data.ts).
 */
export async function renderJsonResumeTheme(packageDir: string, resume: unknown): Promise<string> {
  const theme = await loadModule(packageDir)
  let html: unknown
  try {
    html = await theme.render(structuredClone(resume))
  } catch (error) {
    throw themeFailure(packageDir, `failed in render(): ${firstLine(error)}`, error)
  }
  if (typeof html !== 'string') throw themeFailure(packageDir, `render() returned ${html === null ? 'null' : typeof html}, not an HTML string`)
  const bytes = Buffer.byteLength(html, 'utf8')
  if (bytes > MAX_RENDER_BYTES) throw themeFailure(packageDir, `render() returned ${formatBytes(bytes)} of HTML; a page may be at most ${formatBytes(MAX_RENDER_BYTES)}`)
  return html
}

/**
 * The theme's `pdfRenderOptions` export, if it has one, as plain data that can cross threads.
 * Loading the module runs its top level, which is code from outside too: this runs in the sandbox
 * worker (src/sandbox/jsonresume-render.ts), never on the main thread.
 */
export async function jsonResumePdfOptions(packageDir: string): Promise<PdfRenderOptions | undefined> {
  const raw = (await loadModule(packageDir)).pdfRenderOptions
  if (!raw) return undefined
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const length = (v: unknown) => (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined)
  const m = typeof raw.margin === 'object' && raw.margin ? raw.margin : undefined
  return {
    format: text(raw.format),
    margin: m ? { top: length(m.top), right: length(m.right), bottom: length(m.bottom), left: length(m.left) } : undefined,
    printBackground: typeof raw.printBackground === 'boolean' ? raw.printBackground : undefined,
    mediaType: raw.mediaType === 'print' || raw.mediaType === 'screen' ? raw.mediaType : undefined,
  }
}
