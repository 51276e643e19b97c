import { readFileSync } from 'node:fs'
import type { Block, Inline } from '../core/inline.js'
import type { LetterView } from '../core/letter-view.js'
import type { View } from '../core/view.js'
import { fallbackVariableCss, fontFaceCss } from '../fonts/css.js'
import type { FontFaceFile, FontStore } from '../fonts/faces.js'
import { fallbackFamiliesFor } from '../fonts/fallback.js'
import { coverageOf, selectFaces } from '../fonts/select.js'
import type { Theme } from '../themes/types.js'

/**
 * The characters a document shows: all of them, and those a theme may set in bold: everything
 * but running text (summaries and bullets), whose bold is only its **strong** parts. Themes bold
 * names, headings, titles, organisations, labels and dates as they like, and a bold character with
 * no bold chunk is a missing glyph, not a faux bold; running text is most of a resume, so leaving
 * it out keeps a Chinese resume's fonts near half of what a bold chunk for every character costs.
 */
export function viewText(view: View): { all: string; bold: string } {
  const head: string[] = [view.name, view.label ?? '', view.properties.title]
  const all: string[] = [...head]
  const bold: string[] = [...head]
  const inline = (nodes: readonly Inline[] | undefined, strong = false): void => {
    for (const node of nodes ?? []) {
      if (node.type === 'text' || node.type === 'code') {
        all.push(node.text)
        if (strong) bold.push(node.text)
      } else if (node.type !== 'break') inline(node.children, strong || node.type === 'strong')
    }
  }
  const blocks = (list: readonly Block[] | undefined): void => {
    for (const b of list ?? []) {
      if (b.type === 'paragraph') inline(b.content)
      else for (const item of b.items) inline(item)
    }
  }
  for (const item of view.contact) {
    all.push(item.text)
    bold.push(item.text)
  }
  for (const section of view.sections) {
    all.push(section.heading)
    bold.push(section.heading)
    blocks(section.text)
    for (const e of section.entries) {
      const fields = [e.title, e.organization ?? '', e.note ?? '', e.location ?? '', e.dates ?? '', ...(e.keywords ?? [])]
      all.push(...fields)
      bold.push(...fields)
      blocks(e.summary)
      for (const b of e.bullets) inline(b)
    }
  }
  return { all: all.join('\n'), bold: bold.join('\n') }
}

/** A letter's text as the view's shape: the letterhead, then its words (bold where a theme may set them so) and its body. */
function letterAsView(view: View, letter: LetterView): View {
  const words = [letter.date, ...letter.recipient, letter.salutation, letter.closing, letter.signature].join('\n')
  const text = [...(letter.subject ? [{ type: 'paragraph' as const, content: letter.subject }] : []), ...letter.body]
  return { ...view, sections: [{ id: 'summary', heading: words, layout: 'text', text, entries: [] }] }
}

/**
 * The @font-face rules one document needs: the theme's faces whose unicode-range its text touches,
 * then Noto fallbacks for the scripts the theme's fonts lack (Chinese, Arabic, ...), only the chunks
 * holding characters it uses; and the `--vitae-fallback-fonts` property themes put in their stacks.
 */
export function documentFontCss(theme: Theme, view: View, services: { fonts: FontStore; fontBytes(file: string): Uint8Array }, letter?: LetterView): string {
  const { all, bold } = viewText(letter ? letterAsView(view, letter) : view)
  const own = selectFaces(theme.faces, all, (range) => services.fonts.ranges(range))
  const fallback = fallbackFamiliesFor(view.lang, { 400: all, 700: bold }, { covered: coverageOf(theme.faces), store: services.fonts })
  const rules = [...fallback.faces, ...own].map((face: FontFaceFile) => fontFaceCss(face, services.fontBytes(face.file)))
  // Fallbacks first: where unicode-ranges of one family overlap, the face declared last is tried first.
  return [fallbackVariableCss(fallback.families), ...rules].filter(Boolean).join('\n')
}

/** A font file's bytes, read once per build. */
export function readFontBytes(cache: Map<string, Uint8Array>, file: string): Uint8Array {
  let bytes = cache.get(file)
  if (!bytes) {
    bytes = readFileSync(file)
    cache.set(file, bytes)
  }
  return bytes
}
