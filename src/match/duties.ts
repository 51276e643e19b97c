import type { Token } from './tokens.js'
import type { Term } from './vocabulary.js'

/**
 * Duties' verbs and the nouns that name their practice: "review code" is code review, "manage
 * secrets" secrets management, "track experiments" experiment tracking. Readers list the practice
 * a duty names so as often as one written out. Only these three: "model data", "deploy models",
 * "plan capacity", "test APIs" were named so by readers in fewer than half the postings saying them
 * (1 of 9 for data modeling), tried on the 194 annotated postings.
 */
const PRACTICE_OF: Record<string, string> = {
  review: 'review',
  manage: 'management',
  track: 'tracking',
}

// Words between the verb and what it is done to: "review the code", "manage our secrets".
const BETWEEN = new Set('the our your their its a an all each every other'.split(' '))
// A pull request is code under review: "review pull requests", "review PRs from the community".
const REVIEWED = new Set(['pull request', 'pull requests', 'pr', 'prs', 'merge request', 'merge requests', 'mr', 'mrs'])

// The words worth looking at, by how the verbs start ("manag" for "managing"): a posting has
// thousands, and few start so.
const STARTS = new RegExp(
  `^(?:${Object.keys(PRACTICE_OF)
    .map((verb) => verb.replace(/e$/, ''))
    .join('|')})`,
)

/** The verb a word is a form of, if it is a duty's verb we know the practice of: "reviewing", "manages". */
function verbOf(key: string): string | undefined {
  if (!STARTS.test(key)) return undefined
  for (const v of [key, key.replace(/s$/, ''), key.replace(/ing$/, ''), key.replace(/ing$/, 'e'), key.replace(/(.)\1ing$/, '$1')]) if (PRACTICE_OF[v]) return v
  return undefined
}

/**
 * The practices duties name by a verb and its object, where the vocabulary holds the practice:
 * one or two words of object, after "the", "our" and the like, none of them inside a name already
 * found ("design systems" is a name, not a duty). A word's plural is its singular here, as in names.
 */
export function dutyPractices(
  tokens: Token[],
  text: string,
  taken: (i: number) => boolean,
  skipped: (i: number) => boolean,
  spelled: (keys: readonly string[]) => Term | undefined,
): { term: Term; start: number; end: number }[] {
  const out: { term: Term; start: number; end: number }[] = []
  const spaced = (a: number, b: number) => text.slice(tokens[a]!.end, tokens[b]!.start) === ' '
  for (let i = 0; i < tokens.length - 1; i++) {
    const verb = verbOf(tokens[i]!.key)
    if (!verb || taken(i) || skipped(i) || !/^[A-Za-z]+$/.test(tokens[i]!.text)) continue
    let j = i + 1
    while (j < tokens.length && j - i <= 3 && BETWEEN.has(tokens[j]!.key) && spaced(j - 1, j)) j++
    if (j >= tokens.length || !spaced(j - 1, j)) continue
    for (const length of [2, 1]) {
      const last = j + length - 1
      if (last >= tokens.length) continue
      const words = tokens.slice(j, last + 1)
      const keys = words.map((w) => w.key)
      const object = keys.join(' ')
      // Pull requests are a name of their own and reviewed code too: both are read.
      const reviewed = verb === 'review' && REVIEWED.has(object)
      if (words.some((_, n) => (taken(j + n) && !reviewed) || (n > 0 && !spaced(j + n - 1, j + n)))) continue
      const singular = [...keys.slice(0, -1), keys[keys.length - 1]!.replace(/(?<=[a-z]{2})s$/, '')]
      const term = reviewed ? spelled(['code', 'review']) : (spelled([...keys, PRACTICE_OF[verb]!]) ?? spelled([...singular, PRACTICE_OF[verb]!]))
      if (!term) continue
      out.push({ term, start: tokens[i]!.start, end: tokens[last]!.end })
      break
    }
  }
  return out
}
