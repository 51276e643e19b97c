import { findMentions, type TextShape } from './extract.js'
import type { Importance, Posting } from './posting.js'
import type { Term, Vocabulary } from './vocabulary.js'

/** A term the posting asks for, how strongly, and where it says so. */
export interface PostingTerm {
  term: Term
  importance: Importance
  /** Where the posting names it: 1-based line and column in the posting file. */
  mentions: { line: number; column: number; text: string }[]
}

const RANK: Record<Importance, number> = { required: 3, mentioned: 2, preferred: 1 }

/** The posting's terms, boilerplate left out, each marked by the strongest way the posting asks for it. */
export function postingTerms(posting: Posting, vocab: Vocabulary): PostingTerm[] {
  const { text, lines } = posting
  const lineAt = (offset: number) => {
    let lo = 0
    let hi = lines.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const line = lines[mid]!
      if (line.end < offset) lo = mid + 1
      else if (line.start > offset) hi = mid - 1
      else return line
    }
    return undefined
  }
  const shape: TextShape = {
    isInitial: (token, previous) => {
      const line = lineAt(token.start)
      if (!previous || !line || previous.end < line.start) return true
      return /[.!?:;•]\s*$/.test(text.slice(previous.end, token.start))
    },
    lineOf: (offset) => lineAt(offset),
  }
  const found = new Map<Term, PostingTerm>()
  for (const m of findMentions(text, vocab, {
    shape,
    openNames: true,
    listItem: (offset) => lineAt(offset)?.bullet ?? false,
    skip: (offset) => lineAt(offset)?.boilerplate ?? true,
  })) {
    const line = lineAt(m.start)!
    const importance = line.heading ? 'mentioned' : line.importance
    const entry = found.get(m.term) ?? { term: m.term, importance, mentions: [] }
    if (RANK[importance] > RANK[entry.importance]) entry.importance = importance
    entry.mentions.push({ ...posting.position(m.start), text: m.text })
    found.set(m.term, entry)
  }
  return [...found.values()]
}
