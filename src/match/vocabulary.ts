import { readFileSync } from 'node:fs'
import { singular, tokenize } from './tokens.js'

export type TermKind = 'language' | 'technology' | 'method' | 'certification'

export interface Term {
  name: string
  kind: TermKind
  /** Another name the posting gives it: the acronym after a name spelled out ("Security Operations Center (SOC)"). */
  aliases?: string[]
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

/** Terms and aliases a user adds (meta.match or --terms FILE), and names to leave out. */
export interface UserTerms {
  terms?: (string | { name: string; aliases?: string[]; kind?: TermKind })[]
  ignore?: string[]
}

interface Generated {
  sources: { name: string; version: string; license: string }[]
  /** "name\tkind" lines, sorted by the lower-cased name in code-point order. */
  terms: string
  /**
   * Lines sorted by key: the first word's key, \u0001, then its spellings joined by \u0002, each
   * "where the term's line starts in `terms` (in bytes)\tspelling\ttier\tthe words' keys joined by
   * spaces", longest first.
   */
  index: string
  joined: string[]
  /** The 10,000 most frequent English words, lower case, sorted, one a line. */
  common: string
  /** Job boards (vocabulary.yaml's job_boards), lower case: no skill, whatever the posting's shape says. */
  jobBoards: string[]
  /** Companies (vocabulary.yaml's companies), lower case: the start of their products' names, no skill alone. */
  companies: string[]
  /** Countries and regions by ICU's English names ("United States"), sorted, one a line: places, no skill. */
  regions: string
  /**
   * Names read from a posting's shape that readers do not list (learned.yaml's left_out, lower
   * case): "CPU", "III" of "Engineer III", "retries".
   */
  leftOut?: string[]
}

// The built vocabulary's text is UTF-8 read as Latin-1, a character a byte: decoding a megabyte of
// UTF-8 cost `resume match` about 10 ms, copying it as Latin-1 a tenth of that. Nearly every line is
// ASCII, the same either way; the fifty others ("Dassault Systèmes", "Citroën") are decoded when a
// lookup returns them. Keys are compared as bytes, whose order is the code points' order, and
// scripts/build-vocabulary.mjs sorts the lines by their bytes to match.
const NON_ASCII = /[^\x00-\x7f]/
/** A text as the Latin-1 reading of its UTF-8 bytes. */
const asBytes = (text: string): string => (NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text)
/** The text whose UTF-8 bytes these are (read as Latin-1). */
const fromBytes = (bytes: string): string => (NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes)
/** A key of the terms' lines lower-cased, as bytes: their order is by the lower-cased name. */
const lowerBytes = (bytes: string): string => asBytes(fromBytes(bytes).toLowerCase())

/**
 * The built vocabulary (scripts/build-vocabulary.mjs): a line of JSON for the small parts, then the
 * terms, the index, the common words and the regions as plain text, each after a \u0003. Sliced,
 * not parsed: JSON.parse of the long texts cost half of reading them. The long texts stay bytes.
 */
function readGenerated(): Generated {
  const [head = '{}', terms = '', index = '', common = '', regions = ''] = readFileSync(new URL('../../lib/generated/match-vocabulary.txt', import.meta.url), 'latin1').split(
    '\u0003',
  )
  return { ...(JSON.parse(fromBytes(head)) as Omit<Generated, 'terms' | 'index' | 'common' | 'regions'>), terms, index, common, regions }
}

/** How a vocabulary is built beyond the user's terms. */
export interface VocabularyOptions {
  /**
   * Whether the names learned as left out are left out (default true). scripts/learn-vocabulary.mjs
   * learns them again with this off: names left out are never found, and would never be learned.
   */
  learnedLeftOut?: boolean
}

let generated: Generated | undefined

/**
 * The line of `text` (lines of bytes, sorted by key in byte order) whose key is `key`: the line up to
 * `sep`, through `fold`; still bytes. Binary search on the text itself: a command builds no map of the
 * whole list.
 */
function findLine(text: string, key: string, sep: string, fold: (k: string) => string = (k) => k): string | undefined {
  const target = asBytes(key)
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const start = text.lastIndexOf('\n', mid - 1) + 1
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.slice(start, end)
    const cut = line.indexOf(sep)
    const k = fold(cut < 0 ? line : line.slice(0, cut))
    if (k === target) return line
    if (k < target) lo = end + 1
    else hi = start
  }
  return undefined
}

/**
 * The vocabulary built by scripts/build-vocabulary.mjs, with the user's terms on top. Entries are
 * made into forms only when a text's word looks them up: a command pays for what it reads.
 */
export class Vocabulary {
  readonly sources: Generated['sources']
  /** Keys of single words that hold a dash or slash (CI/CD, event-driven): not split. */
  readonly joined: Set<string>
  private readonly data: Generated
  /** One Term object per name (lower-cased): terms are told apart by identity. */
  private readonly terms = new Map<string, Term>()
  private readonly cache = new Map<string, Form[]>()
  // Answers already looked up: a posting asks the same words many times (a 1 MiB posting asked
  // 75,000 names of 6,000 and 62,000 common words of 6,000), each a binary search.
  private readonly named = new Map<string, Term | null>()
  private readonly common = new Map<string, boolean>()
  private readonly user = new Map<string, Form[]>()
  private readonly ignored: Set<string>
  private readonly leftOut: Set<string>
  private readonly jobBoards: Set<string>
  private readonly companies: Set<string>
  private readonly taken = new Set<string>()

  constructor(user: UserTerms = {}, options: VocabularyOptions = {}) {
    // Read once per process: `resume match` builds a second vocabulary with the posting's own names.
    generated ??= readGenerated()
    this.data = generated
    this.sources = this.data.sources
    this.joined = new Set(this.data.joined)
    this.ignored = new Set((user.ignore ?? []).map((n) => n.toLowerCase()))
    this.leftOut = new Set(options.learnedLeftOut === false ? [] : (this.data.leftOut ?? []))
    this.jobBoards = new Set(this.data.jobBoards)
    this.companies = new Set(this.data.companies)
    for (const entry of user.terms ?? []) {
      const def = typeof entry === 'string' ? { name: entry } : entry
      const term = this.termNamed(def.name) ?? { name: def.name, kind: def.kind ?? 'technology' }
      for (const text of [def.name, ...(def.aliases ?? [])]) {
        const keys = tokenize(text, () => true).map((t) => t.key)
        if (keys.length === 0) continue
        for (const k of keys) if (k.includes('/') || k.includes('-')) this.joined.add(k)
        // The user's spelling wins over the same words in the built vocabulary.
        this.taken.add(keys.join(' '))
        const list = this.user.get(keys[0]!) ?? []
        list.push({ text, keys, tier: /^[A-Za-z0-9]$/.test(text) ? 2 : 0, term })
        this.user.set(keys[0]!, list)
      }
    }
  }

  /** The Term of the built list's line that starts at `at`. */
  private termAt(at: number): Term {
    const end = this.data.terms.indexOf('\n', at)
    return this.termOf(this.data.terms.slice(at, end < 0 ? undefined : end))
  }

  /** The Term of a "name\tkind" line of the built list. */
  private termOf(line: string): Term {
    const tab = line.indexOf('\t')
    const name = fromBytes(line.slice(0, tab))
    const key = name.toLowerCase()
    let t = this.terms.get(key)
    if (!t) {
      t = { name, kind: line.slice(tab + 1) as TermKind }
      this.terms.set(key, t)
    }
    return t
  }

  /** Whether a word (any case) is among the most frequent English words: "Strong", "Carrier". */
  isCommonWord(word: string): boolean {
    const key = word.toLowerCase()
    let known = this.common.get(key)
    if (known === undefined) {
      known = findLine(this.data.common, key, '\n') !== undefined
      this.common.set(key, known)
    }
    return known
  }

  /**
   * Whether a name is a job board's, one the user ignores, one readers were learned not to list, or a
   * company's standing alone (any case): "LinkedIn", "CPU", "Microsoft". A name the user lists as a
   * term of their own is theirs to count.
   */
  isLeftOut(name: string): boolean {
    const key = name.toLowerCase()
    return this.jobBoards.has(key) || ((this.ignored.has(key) || this.leftOut.has(key) || this.companies.has(key)) && !this.taken.has(key))
  }

  /** Whether `name` is a country's or a region's as written ("Germany", "United States"). */
  isRegion(name: string): boolean {
    return findLine(this.data.regions, name, '\n') !== undefined
  }

  /** The built vocabulary's term of this name, in any case. */
  termNamed(name: string): Term | undefined {
    const key = name.toLowerCase()
    let term = this.named.get(key)
    if (term === undefined) {
      const line = findLine(this.data.terms, key, '\t', lowerBytes)
      term = line === undefined ? null : this.termOf(line)
      this.named.set(key, term)
    }
    return term ?? undefined
  }

  /** The forms whose first word's key is `key`, longest first. */
  starting(key: string): Form[] {
    let forms = this.cache.get(key)
    if (!forms) {
      const bytes = findLine(this.data.index, key, '\u0001')
      const line = bytes === undefined ? undefined : fromBytes(bytes)
      const built: Form[] = []
      if (line !== undefined) {
        for (const entry of line.slice(line.indexOf('\u0001') + 1).split('\u0002')) {
          const [at, text, tier, keys] = entry.split('\t') as [string, string, string, string]
          const term = this.termAt(Number(at))
          if (this.taken.has(keys) || this.ignored.has(term.name.toLowerCase())) continue
          built.push({ text, keys: keys.split(' '), tier: Number(tier) as Tier, term })
        }
      }
      forms = [...(this.user.get(key) ?? []), ...built].sort((a, b) => b.keys.length - a.keys.length)
      this.cache.set(key, forms)
    }
    return forms
  }
}

export const loadVocabulary = (user: UserTerms = {}, options: VocabularyOptions = {}): Vocabulary => new Vocabulary(user, options)

/** The forms that may start at token `key`: as written, or, for a one-word name, its plural. */
export function formsStarting(vocab: Vocabulary, key: string): Form[] {
  const own = vocab.starting(key)
  const one = singular(key)
  if (!one) return own
  const single = vocab.starting(one).filter((f) => f.keys.length === 1)
  return single.length ? [...own, ...single] : own
}

/** The term whose form is exactly these words' keys, the last perhaps a plural: "unit tests" is unit testing. */
export function termSpelledBy(vocab: Vocabulary, keys: readonly string[]): Term | undefined {
  return formsStarting(vocab, keys[0] ?? '').find((f) => f.keys.length === keys.length && spells(f, keys))?.term
}

/**
 * Whether a name's last word, as written, is the form's in the other number: a plural of a name
 * ("microservices"), or the singular of a name of several words whose form is plural, as a noun
 * before another says it ("end-to-end test suites", "unit test coverage").
 */
export const lastWordFolds = (form: string, written: string, at: number): boolean => singular(written) === form || (at > 0 && singular(form) === written)

/** Whether `keys` (the text's) spell `form`, the last word perhaps in the other number. */
export function spells(form: Form, keys: readonly string[]): boolean {
  if (keys.length < form.keys.length) return false
  for (let i = 0; i < form.keys.length; i++) {
    const k = keys[i]
    if (k === form.keys[i]) continue
    if (i === form.keys.length - 1 && k !== undefined && lastWordFolds(form.keys[i]!, k, i)) continue
    return false
  }
  return true
}
