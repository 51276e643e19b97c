import type { View } from '../core/view.js'
import type { Resume } from '../types/resume.js'
import type { Margins, Theme } from '../themes/theme.js'

export type PageSize = 'letter' | 'a4'

export interface PageSettings {
  size: PageSize
  margins: Margins
}

/** Everything a renderer needs for one document; renderers never read files or flags themselves. */
export interface RenderContext {
  resume: Resume
  view: View
  theme: Theme
  page: PageSettings
  /** The HTML of this document, rendered once and shared (the PDF prints it). */
  html(): Promise<string>
  /** Milliseconds a render may take before it is abandoned. */
  timeout: number
  /** Verbose progress, for --verbose; renderers never print. */
  log(message: string): void
  /** SOURCE_DATE_EPOCH as a Date, when set: stamped into outputs instead of now. */
  sourceDate?: Date
}

export interface Artifact {
  format: string
  extension: string
  bytes: Uint8Array
  /** Pages, where the format has them (PDF). */
  pages?: number
}

export interface Renderer {
  format: string
  extension: string
  render(ctx: RenderContext): Promise<Artifact>
  /**
   * Set by a renderer that starts slow work when it is made (the PDF's browser): a build renders
   * its documents after the other formats', which fill the wait.
   */
  warmsUp?: boolean
  /** Releases what the renderer holds across documents (the PDF's browser), once per build. */
  dispose?(): Promise<void>
}

/** Options a build passes to renderer factories (browser path and the like). */
export interface RendererOptions {
  browserPath?: string
  timeout: number
  log(message: string): void
}

export type RendererFactory = (options: RendererOptions) => Renderer
