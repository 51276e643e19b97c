import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import type { Margins, PageSize } from '../page/geometry.js'
import type { BrowserHolder } from './services.js'

export const DEFAULT_THEME = 'classic'
export const DEFAULT_TIMEOUT_MS = 30_000

/**
 * One override of a field, as the caller parsed it: the path as text (`work[0].highlights[1]`) and
 * the value as text, typed by the schema when applied. `origin` names where it came from in the
 * caller's words (the CLI says `--set`), for messages and `explain`.
 */
export interface OverrideOption {
  path: string
  value: string
  origin?: string
}

/** What to tailor: variants by name, then these filters on top (the command line's layer). */
export interface TailorOptions {
  variants?: string[]
  allVariants?: boolean
  tags?: string[]
  excludeTags?: string[]
  sections?: string[]
  overrides?: OverrideOption[]
  /** Cover letters by name (letters/NAME.yaml or letters: in the resume): each is built with the resume it goes with. */
  letters?: string[]
  allLetters?: boolean
}

/** The library's one options object; the CLI maps its flags onto it. */
export interface BuildOptions {
  /** The resume file. */
  input: string
  formats: string[]
  outDir: string
  theme?: string
  /** Renderer plugins: module paths (from the working folder) or package names (from the resume's); meta.plugins adds more. */
  plugins?: string[]
  page?: { size?: PageSize; margins?: Margins }
  /** Warnings are errors. */
  strict?: boolean
  timeoutMs?: number
  browserPath?: string
  /** Fail a paged document (PDF, PNG) that runs longer than this. */
  maxPages?: number
  /** Fit each paged document into this many pages by tightening the theme's type and spacing (src/pipeline/fit.ts); over meta.fit and a variant's fit. */
  fit?: number
  /** Pixels per inch of page images (png): a whole number from 36 to 600, default 150. */
  dpi?: number
  tailor?: TailorOptions
  /** With letters: also one PDF per letter holding the letter, then its resume, with a bookmark for each. */
  packet?: boolean
  /** SOURCE_DATE_EPOCH: stamped into outputs instead of now, for reproducible bytes. */
  sourceDate?: Date
  /** Called as each artifact is written, so a caller can report progress as it happens. */
  onArtifact?(artifact: ArtifactReport): void
  /** Called when an artifact fails; the build goes on with the others. */
  onFailure?(failure: ArtifactFailure): void
  /** Verbose progress. */
  log?(message: string): void
  /**
   * A browser that outlives this build, for a caller running many builds one after another (many
   * resumes in one run, a `dev` session): the build prints with it and leaves it open.
   */
  browser?: BrowserHolder
}

export interface ArtifactReport {
  variant?: string
  format: string
  path: string
  bytes: number
  pages?: number
  ms: number
  /** Set when the build fitted the document to its pages: how (src/pipeline/fit.ts). */
  fit?: import('./fit.js').FitReport
}

export interface ArtifactFailure {
  variant?: string
  format: string
  path: string
  error: VitaeError
}

export interface BuildResult {
  artifacts: ArtifactReport[]
  failures: ArtifactFailure[]
  /** Warnings from validation (errors throw before anything renders). */
  diagnostics: Diagnostic[]
  /** The resume file as the user named it, and its text, for printing diagnostics with frames. */
  source: { file: string; text: string }
}

/** SOURCE_DATE_EPOCH (reproducible builds): the time to stamp into outputs instead of now. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH
  if (raw === undefined || raw === '') return undefined
  if (!/^\d+$/.test(raw)) {
    throw new VitaeError('usage', [{ code: 'BAD_ENV', severity: 'error', message: `SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(raw)}` }])
  }
  return new Date(Number(raw) * 1000)
}
