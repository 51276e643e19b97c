import type { BuildBrowser } from '../browser/build-browser.js'
import type { LetterView } from '../core/letter-view.js'
import type { View } from '../core/view.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { PageSettings } from '../page/geometry.js'
import type { FitSettings } from '../themes/fit.js'
import type { Theme } from '../themes/types.js'
import type { Resume } from '../types/resume.js'

export type { BuildBrowser, PageSettings }

/** Everything a renderer needs for one document; renderers never read files or options themselves. */
export interface RenderContext {
  resume: Resume
  view: View
  theme: Theme
  page: PageSettings
  /** The HTML of this document, rendered once and shared (the PDF prints it). */
  html(): Promise<string>
  /** The build's one browser, started on first call. */
  browser(): Promise<BuildBrowser>
  /** Milliseconds a render may take before it is abandoned (the build enforces it). */
  timeout: number
  /** Verbose progress; renderers never print. */
  log(message: string): void
  /** SOURCE_DATE_EPOCH as a Date, when set: stamped into outputs instead of now. */
  sourceDate?: Date
  /** Pixels per inch for page images (the dpi option; 150 when not set). */
  dpi?: number
  /** The theme's options (manifest defaults, then meta.themeOptions, the variant's, --set), as templates get them. */
  options: Record<string, unknown>
  /** basics.image as a data: URL, for a theme whose manifest says `photo: true`. */
  photo?: string
  /** Set when the build fitted this document to its pages (the fit option): the sizes and spacing it chose. */
  fit?: FitSettings
  /**
   * Set when the document is a cover letter: a renderer draws it instead of the resume. The view
   * is still the resume's (its header is the letterhead), with the letter's document properties.
   */
  letter?: LetterView
  /** Reports a warning with the build's (each distinct one once per build). */
  warn?(diagnostic: Diagnostic): void
}

export interface Artifact {
  format: string
  extension: string
  bytes: Uint8Array
  /** Pages, where the format has them (PDF). */
  pages?: number
  /** Tells apart the files of a multi-file format: written as <output>-<name>.<extension>. */
  name?: string
}

export interface Renderer {
  format: string
  extension: string
  /** One artifact, or several for a multi-file format (plugins). */
  render(ctx: RenderContext): Promise<Artifact | Artifact[]>
  /**
   * Set by a renderer that prints with the build's browser: the build starts the browser before
   * anything renders, and renders these documents after the other formats', which fill the wait.
   */
  usesBrowser?: boolean
  /**
   * Set by a renderer that calls `ctx.html()` (the theme's page): the build starts the sandbox a
   * theme from outside renders in before anything renders. A plugin that leaves it out still
   * gets the HTML when it asks; it only misses the head start.
   */
  drawsHtml?: boolean
  /** Called as the build's browser starts, before anything renders: a head start for what `render` will need of it. */
  warm?(browser: BuildBrowser): void
}
