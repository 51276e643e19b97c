import { VitaeError } from '../diagnostics/diagnostic.js'
import type { PageSettings } from './renderer.js'

/** Word measures the page in twips: twentieths of a point, 1440 to the inch. */
const TWIPS_PER: Record<string, number> = {
  in: 1440,
  cm: 1440 / 2.54,
  mm: 1440 / 25.4,
  pt: 20,
  px: 1440 / 96,
}

// The same sizes Chrome prints the PDF at, rounded the way Word itself writes them.
const PAGE_TWIPS = {
  letter: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 },
} as const

/** A CSS length as the PDF's @page rule takes it (0.45in, 12mm, 36pt) in twips. */
export function cssToTwips(length: string): number {
  const match = /^(\d+(?:\.\d+)?)(in|cm|mm|pt|px)?$/.exec(length.trim())
  const unit = match?.[2] ?? (match?.[1] && Number(match[1]) === 0 ? 'pt' : undefined)
  if (!match || !unit) {
    throw new VitaeError('render', [
      { code: 'DOCX', severity: 'error', message: `cannot use the margin ${JSON.stringify(length)} in a Word file`, hint: 'give lengths in in, cm, mm, pt or px' },
    ])
  }
  return Math.round(Number(match[1]) * TWIPS_PER[unit]!)
}

export interface PageTwips {
  width: number
  height: number
  margins: { top: number; right: number; bottom: number; left: number }
  /** Where the right-aligned tab stop for places and dates goes: the right edge of the text. */
  textWidth: number
}

export function pageTwips(page: PageSettings): PageTwips {
  const { width, height } = PAGE_TWIPS[page.size]
  const margins = {
    top: cssToTwips(page.margins.top),
    right: cssToTwips(page.margins.right),
    bottom: cssToTwips(page.margins.bottom),
    left: cssToTwips(page.margins.left),
  }
  const textWidth = width - margins.left - margins.right
  if (textWidth < 1440 || height - margins.top - margins.bottom < 1440) {
    throw new VitaeError('render', [
      { code: 'DOCX', severity: 'error', message: 'the margins leave less than an inch of the page for text', hint: 'use smaller margins (--margin)' },
    ])
  }
  return { width, height, margins, textWidth }
}
