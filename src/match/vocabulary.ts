import { readFileSync } from 'node:fs'
import { singular, tokenize } from './tokens.js'

export type TermKind = 'language' | 'technology' | 'method' | 'certification'

export interface Term {
  name: string
  kind: TermKind
}

/**
 * How sure a spelling is by itself: 0 a name that is no English word (any case); 1 a rare English
 * word, matched only as written ("Python", "Docker"); 2 a common one ("Go", "Spark", "Make"),
 * matched as written and only with evidence that the posting means the technology.
 */
export type Tier = 0 | 1 | 2

export interface Form {
  text: string
  keys: string[]
  tier: Tier
  term: Term
}

export interface Vocabulary {
  /** Forms by their first word's key, longest first. */
  byFirst: Map<string, Form[]>
  /** Keys of single words that hold a dash or slash (CI/CD, event-driven): not split. */
  joined: Set<string>
  byName: Map<string, Term>
  sources: { name: string; version: string; license: string }[]
}

/** Terms and aliases a user adds (meta.match or --terms FILE), and names to leave out. */
export interface UserTerms {
  terms?: (string | { name: string; aliases?: string[]; kind?: TermKind })[]
  ignore?: string[]
}

interface Generated {
  sources: Vocabulary['sources']
  terms: { name: string; kind: TermKind; forms: [string, Tier][] }[]
}

const formKeys = (text: string): string[] => tokenize(text, () => true).map((t) => t.key)

/** The built vocabulary (scripts/build-vocabulary.mjs) with the user's terms on top. */
export function loadVocabulary(user: UserTerms = {}): Vocabulary {
  const data = JSON.parse(readFileSync(new URL('../../lib/generated/match-vocabulary.json', import.meta.url), 'utf8')) as Generated
  const ignored = new Set((user.ignore ?? []).map((n) => n.toLowerCase()))
  const vocab: Vocabulary = { byFirst: new Map(), joined: new Set(), byName: new Map(), sources: data.sources }
  const owners = new Map<string, Form>()
  const add = (term: Term, text: string, tier: Tier): void => {
    const keys = formKeys(text)
    if (keys.length === 0) return
    const id = keys.join(' ')
    const prior = owners.get(id)
    // A later definition (the user's) takes a spelling over, unless the same spelling differs in case.
    if (prior && prior.term !== term && prior.text === text) prior.keys = []
    const form: Form = { text, keys, tier, term }
    owners.set(id, form)
    for (const k of keys) if (/[/-]/.test(k)) vocab.joined.add(k)
    const first = keys[0]!
    const list = vocab.byFirst.get(first) ?? []
    list.push(form)
    vocab.byFirst.set(first, list)
  }
  for (const t of data.terms) {
    if (ignored.has(t.name.toLowerCase())) continue
    const term: Term = { name: t.name, kind: t.kind }
    vocab.byName.set(t.name.toLowerCase(), term)
    for (const [text, tier] of t.forms) add(term, text, tier)
  }
  for (const entry of user.terms ?? []) {
    const def = typeof entry === 'string' ? { name: entry } : entry
    const term = vocab.byName.get(def.name.toLowerCase()) ?? { name: def.name, kind: def.kind ?? 'technology' }
    vocab.byName.set(term.name.toLowerCase(), term)
    for (const text of [def.name, ...(def.aliases ?? [])]) add(term, text, /^[A-Za-z0-9]$/.test(text) ? 2 : 0)
  }
  for (const list of vocab.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length)
  return vocab
}

/** The forms that may start at token `key`: as written, or its singular. */
export function formsStarting(vocab: Vocabulary, key: string): Form[] {
  const one = singular(key)
  const plural = one ? (vocab.byFirst.get(one) ?? []).filter((f) => f.keys.length === 1) : []
  return [...(vocab.byFirst.get(key) ?? []), ...plural]
}

/** Whether `keys` (the text's) spell `form`, the last word perhaps as a plural. */
export function spells(form: Form, keys: readonly string[]): boolean {
  if (form.keys.length === 0 || keys.length < form.keys.length) return false
  for (let i = 0; i < form.keys.length; i++) {
    const k = keys[i]
    if (k === form.keys[i]) continue
    if (i === form.keys.length - 1 && k !== undefined && singular(k) === form.keys[i]) continue
    return false
  }
  return true
}
