/** A CEFR level named in a language's fluency, and what else the text says beside it. */
export interface CefrLevel {
  /** A1, A2, B1, B2, C1 or C2. */
  level: string
  /** The words around it ("Advanced" of "C1 (Advanced)"), or empty. */
  rest: string
}

// The level as a word of its own: "C1", "B2+", "(C2)", "C1 – Advanced", "GER C1", not "C1-2023" or "ABC1".
const LEVEL = /(?<![\p{L}\p{N}])([ABC][12])\+?(?![\p{L}\p{N}-])/u

/** The level the text names, if it names exactly one; "B2/C1" or "A1 to C2" are left as written. */
export function cefrLevel(text: string): CefrLevel | undefined {
  const all = text.match(new RegExp(LEVEL.source, 'gu'))
  if (all?.length !== 1) return undefined
  const found = LEVEL.exec(text)!
  const rest = (text.slice(0, found.index) + text.slice(found.index + found[0].length))
    .replace(/[()[\]]/g, ' ')
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '')
    .replace(/\s+/g, ' ')
  return { level: found[0], rest }
}
