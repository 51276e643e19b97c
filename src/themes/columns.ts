import type { View, ViewSection } from '../core/view.js'
import type { Section } from '../types/resume.js'

/**
 * A theme with a side column (theme.json `side`: the sections set there) is read as one column:
 * the side sections first, as a whole, then the others, each group in the resume's order. The
 * view is put in that order once, so the page's text, its tags, the Word file and the text
 * exports all read the same way, and no parser meets the two columns interleaved.
 */
export function sideFirst(view: View, side: readonly Section[] | undefined): View {
  if (!side?.length) return view
  const { side: first, main } = splitColumns(view.sections, side)
  return { ...view, sections: [...first, ...main] }
}

/** The sections of the side column and of the main one, each in the order given. */
export function splitColumns(sections: readonly ViewSection[], side: readonly Section[]): { side: ViewSection[]; main: ViewSection[] } {
  const inSide = new Set(side)
  return { side: sections.filter((s) => inSide.has(s.id)), main: sections.filter((s) => !inSide.has(s.id)) }
}
