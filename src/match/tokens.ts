/** A word of a text, with where it is: the unit terms are matched on. */
export interface Token {
  text: string
  /** Lower-cased, a trailing possessive removed. */
  key: string
  start: number
  end: number
}

// A word may hold inner dots, dashes, slashes, apostrophes and ampersands (Node.js, CI/CD, R&D,
// event-driven), start with a dot (.NET) and end in + or # (C++, C#, F#). Its letters are Latin ones,
// accented too ("Montréal", "résumé" are one word each, not "Montr" and "al"); other scripts are no
// part of a word, so "熟悉Python" still gives Python.
const L = 'A-Za-z0-9\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F'
const WORD = new RegExp(`(?<![${L}])\\.?[${L}](?:[${L}_+#]|[.\\-/'&](?=[${L}]))*[+#]*`, 'g')

export const keyOf = (word: string): string => word.toLowerCase().replace(/['’]s$/, '')

/** The words of a text. Words joined by a slash or a dash are split unless `keep` knows the whole. */
export function tokenize(text: string, keep: (key: string, word: string) => boolean = () => false): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(WORD)) {
    const word = m[0]
    const start = m.index
    if (/[/-]/.test(word) && !keep(keyOf(word), word)) {
      for (const part of word.matchAll(/[^/-]+/g)) {
        // A part may begin or end with a dot or an apostrophe left over from the split.
        const trimmed = /^[.']*(.*?)[.']*$/.exec(part[0])![1]
        if (!trimmed) continue
        const at = start + part.index + part[0].indexOf(trimmed)
        tokens.push({ text: trimmed, key: keyOf(trimmed), start: at, end: at + trimmed.length })
      }
      continue
    }
    tokens.push({ text: word, key: keyOf(word), start, end: start + word.length })
  }
  return tokens
}

/** The singular a plural key would have, for folding "microservices" onto "microservice". */
export function singular(key: string): string | undefined {
  if (key.length < 4 || /(ss|us|is|[^a-z]s)$/.test(key) || !key.endsWith('s')) return undefined
  // "processes", "boxes" lose "es"; "databases", "licenses", "releases" only their "s".
  if (/(ches|shes|xes|sses|zzes)$/.test(key)) return key.slice(0, -2)
  if (key.endsWith('ies')) return `${key.slice(0, -3)}y`
  return key.slice(0, -1)
}
