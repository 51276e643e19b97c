import { VitaeError } from '../diagnostics/diagnostic.js'
import type { PageSettings, PageSize } from '../renderers/renderer.js'
import type { Margins, Theme } from '../themes/theme.js'
import type { Resume } from '../types/resume.js'

const LENGTH = /^(0|[0-9]+(\.[0-9]+)?(in|mm|cm|pt|px))$/
const DEFAULT_MARGINS: Margins = { top: '0.5in', right: '0.5in', bottom: '0.5in', left: '0.5in' }

/** `0.5in` or `0.5in,0.6in` (vertical, horizontal) or four values clockwise from the top, like CSS. */
export function parseMargins(value: string): Margins {
  const parts = value.split(/[\s,]+/).filter(Boolean)
  const bad = parts.find((p) => !LENGTH.test(p))
  if (parts.length === 0 || parts.length > 4 || bad !== undefined) {
    throw new VitaeError('usage', [
      { code: 'BAD_FLAG', severity: 'error', message: `--margin ${JSON.stringify(value)} is not a margin`, hint: 'give one to four lengths like 0.5in, 12mm or 36pt, e.g. --margin 0.5in,0.6in' },
    ])
  }
  const [top, right = top, bottom = top, left = right] = parts as [string, ...string[]]
  return { top, right, bottom, left }
}

/** Page settings resolve as flag ?? resume meta ?? theme ?? default. */
export function resolvePage(resume: Resume, theme: Theme, flags: { page?: PageSize; margins?: Margins } = {}): PageSettings {
  const meta = resume.meta
  const metaMargins = typeof meta?.margins === 'string' ? parseMargins(meta.margins) : (meta?.margins as Partial<Margins> | undefined)
  const size = flags.page ?? (meta?.page as PageSize | undefined) ?? theme.manifest.page?.size ?? 'letter'
  const margins = { ...DEFAULT_MARGINS, ...theme.manifest.page?.margins, ...metaMargins, ...flags.margins }
  return { size, margins }
}
