import { dutyPractices } from './duties.js'
import { widenNames } from './names.js'
import { isAnyDutyVerb } from './phrases.js'
import { type Token, tokenize } from './tokens.js'
import { type Form, formsStarting, lastWordFolds, type Term, termSpelledBy, type Vocabulary } from './vocabulary.js'

/** One place a term is written in a text. */
export interface Mention {
  term: Term
  /** The text as written there. */
  text: string
  start: number
  end: number
}

interface Candidate extends Mention {
  form: Form
  first: number
  last: number
  /** The first word of its sentence or list item, or in a heading: a capital there proves nothing. */
  initial: boolean
  /** Alone on its line or list item: "- Go". */
  alone: boolean
}

// Words after a name that say it is a technology: "Go programming", "Excel skills", "Spark cluster".
const CUE_AFTER = new Set(
  'programming language languages build system systems software platform platforms tool tools front frontend backend monolith app codebase workloads deployments instances expert developer developers development engineer engineers engineering code codebase coding experience skills skill framework frameworks library libraries certification certified expertise knowledge proficiency scripting scripts api apis sdk stack cluster clusters ecosystem services service microservices applications apps modules tooling pipelines jobs ide runtime toolchain backend frontend proficient'.split(
    ' ',
  ),
)
// Words before a name that say so: "in Go", "with Spark", "using React".
const CUE_BEFORE = new Set('in with using via including e.g i.e proficient experienced'.split(' '))
// How well a reader should know a thing, said between a cue or a list's comma and the thing.
const LEVELS = new Set('basic strong solid advanced good working deep practical intermediate applied modern excellent'.split(' '))
// What may stand between two items of one list: "Python, Go and Rust", "Java/Kotlin", "C (and C++)".
// A middle dot or a bullet too, as stack lines separate names: "Snowflake · dbt Core · Fivetran".
// Its last word may be a level too: "A/B testing and basic statistics".
const LIST_GAP = new RegExp(
  `^[ \\t*_,;/&()[\\]+|:–·•-]*(and|or|and\\/or|as well as|plus|or similar|e\\.?g\\.?|such as|including|like|incl\\.?)?[ \\t*_,;/&()[\\]+|:.–·•-]*(?:(?<=[ ,])(?:${[...LEVELS].join('|')}) )?$`,
  'i',
)
const listed = (gap: string): boolean => /\S/.test(gap) && !/^[ \t*_]+$/.test(gap) && LIST_GAP.test(gap)
// After a name at the start of a sentence, what shows it is a noun: "Celery or other queues", "Optimization (LP)".
const NOUN_AFTER = /^[ \t*_]*([,;/(]|and\b|or\b|is\b|are\b|for\b|$)/
const BLANK = /^[ \t*_`]*$/

// A name no list holds but that reads like one: an acronym (FEA, SOQL) or an inner capital
// (MuleSoft, RSpec). Counted only with the evidence a common word needs, and never these, which
// postings use for titles, degrees, places, money and time.
// Also a word in small letters then capitals ("cGMP", "eCRFs", "dtSearch"), two acronyms a dash
// joins ("LC-MS", "ICP-MS", "R-CNN") and a name with a web address's ending ("Frame.io", "Chart.js").
const OPEN_NAME =
  /^(?:[A-Z][A-Z0-9&]{2,5}s?|[A-Z]+[a-z]+[A-Z][A-Za-z]*|[A-Z]{2}[a-z]{2,}|[a-z]{1,3}[A-Z][A-Za-z]{2,}|[A-Z]{1,4}-[A-Z]{2,4}|[A-Za-z][a-z]+\.(?:io|js|ai|app|dev|so))$/
// Shapes no English word has, read as names on a list item: a model's or a tool's code of letters
// and digits ("STM32MP1", "nRF52", "DESeq2", "H100"; not "Gen3" nor "FY2027"), one capital dashed to a
// capitalised word ("U-Boot", "D-Bus"), a form's number and letters ("10-K", "W-2"), and an
// identifier with an underscore ("postgres_exporter").
const CODE = /^(?!Gen\d|[FC]Y\d)(?=.{3,12}$)(?=(?:[^A-Za-z]*[A-Za-z]){2})[A-Za-z]*[A-Z][A-Za-z]*\d[A-Za-z0-9]*$/
const CAPITAL_DASHED = /^[A-Z]-[A-Z][a-z]{2,}$/
const FORM_NUMBER = /^(?:\d{1,4}-[A-Z]{1,2}|[A-Z]-\d{1,3})$/
const IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/
const SHAPED = (word: string) => CODE.test(word) || CAPITAL_DASHED.test(word) || FORM_NUMBER.test(word) || IDENTIFIER.test(word)
// Such a word is as sure a name as an acronym: "Design eCRFs", "run dtSearch", "Frame.io links".
const SMALL_THEN_CAPITAL = /^(?:[a-z]{1,3}[A-Z][A-Za-z]{2,}|[A-Za-z][a-z]+\.(?:io|js|ai|app|dev|so))$/
const DASHED_ACRONYMS = /^[A-Z]{1,4}-[A-Z]{2,4}$/
// After a short acronym, a word that says it is a licence or an exam: "PE license", "SE exam".
const LICENSE_AFTER = /^(license|licence|licensure|licensed|exam|certification|certificate|credential)s?$/
// Acronyms every software posting uses for a kind of thing, not a thing: "APIs", "SDK".
const GENERIC = new Set(['API', 'SDK', 'UI', 'KPI', 'SLA'])
const VENUE_LINE = /\b(publish|publications?|venues?|conferences?|journals?|papers?)\b/i
// An acronym: letters in capitals, perhaps in the plural ("CTEs", "ADCs").
const ACRONYM = /^[A-Z][A-Z0-9&]{2,5}s?$/
const NOT_NAMES = new Set(
  'CEO CTO CFO COO CIO CMO CPO CRO CISO VP SVP EVP HR USA NYC EEO EOE PTO LLC INC LTD GMBH ASAP FAQ DEI ESG OKR OKRS MBA PHD PHDS MSC BSC MSE BSE MENG BENG EST PST CST US UK EU MST EDT PDT CET CEST GMT UTC BST AMER EMEA APAC LATAM ANZ DACH USD EUR GBP CAD AUD INR OTE FTE DOE YOE WFH RTO IPO SMB SME SMBS B2B B2C D2C DTC SAAS LEETCODE NGO NHS TBD ETA RSVP AND THE FOR YOU OUR NEW WHO WHAT NOT ALL ANY CAN ARE HOW WHY'.split(
    ' ',
  ),
)
// Degrees by their letters: "BSEE", "MSCS", "BSN", and as Indian postings write them: "B.E", "B.Tech", "MCA".
const DEGREE = /^(?:[BM]S[A-Z]{1,2}|[BM]\.(?:E|Tech|Sc|Com|Eng|Des|A|S)\.?|[BM]Tech|[BM]CA|PGDM)$/
const isOpenName = (word: string): boolean =>
  (OPEN_NAME.test(word) || SHAPED(word)) &&
  !DEGREE.test(word) &&
  !word.split('-').some((w) => NOT_NAMES.has(w.toUpperCase())) &&
  !GENERIC.has(word.replace(/s$/, '')) &&
  !/^Ma?c[A-Z]/.test(word) &&
  (/[A-Z].*[A-Za-z]/.test(word) || IDENTIFIER.test(word) || FORM_NUMBER.test(word))

/** Where the sentences and list items of a text start, and which ranges are headings. */
export interface TextShape {
  /** Offsets where a sentence or a list item starts (after its bullet). */
  isInitial(token: Token, previous: Token | undefined, text: string): boolean
  lineOf(offset: number): { start: number; end: number; heading: boolean } | undefined
}

/**
 * Whether the text between two words ends a sentence: . ! ? : ; or a bullet, inside Markdown's
 * marks too ("**Infrastructure as code.** Own our modules").
 */
export const endsSentence = (gap: string): boolean => /[.!?:;•][*_]*\s*$/.test(gap)

/** A shape for any text: lines are list items, sentences end in . ! ? : ; */
export function plainShape(text: string): TextShape {
  return {
    isInitial: (token, previous) => {
      if (!previous) return true
      const gap = text.slice(previous.end, token.start)
      return endsSentence(gap) || gap.includes('\n')
    },
    lineOf: (offset) => {
      const start = text.lastIndexOf('\n', offset - 1) + 1
      const next = text.indexOf('\n', offset)
      return { start, end: next < 0 ? text.length : next, heading: false }
    },
  }
}

/** The spelling at tokens[i..] that the longest form of the vocabulary matches, case rules applied. */
function longestAt(vocab: Vocabulary, text: string, tokens: Token[], i: number, caseless = false): { form: Form; last: number; recased?: boolean } | undefined {
  const keys: string[] = []
  for (let j = i; j < tokens.length && j < i + 6; j++) {
    if (j > i && !/^[ \t\u00a0&]*$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break
    keys.push(tokens[j]!.key)
  }
  for (const form of formsStarting(vocab, keys[0]!)) {
    if (form.keys.length > keys.length) continue
    const words = keys.slice(0, form.keys.length)
    let ok = form.keys.every((k, n) => k === words[n] || (n === form.keys.length - 1 && lastWordFolds(k, words[n]!, n)))
    if (!ok) continue
    let recased = false
    if (form.tier > 0) {
      // As written: the same letters in the same case, a plural "s" allowed at the end.
      const written = text.slice(tokens[i]!.start, tokens[i + form.keys.length - 1]!.end).replace(/\s+/g, ' ')
      // A practice is written in lower case and starts a sentence or list item in capitals:
      // "Statistics: regression, ...". Such a capital proves nothing, so evidence is still asked.
      const asWritten = /^[a-z]/.test(form.text) ? written[0]!.toLowerCase() + written.slice(1) : written
      ok = asWritten === form.text || asWritten === `${form.text}s` || asWritten.replace(/['’]s$/, '') === form.text
      recased = asWritten !== written
      // A text written all in lower case ("you'll work with react, node, postgres") says nothing by
      // its case: a name matches in lower case there, and still needs the evidence of its tier.
      // Not a name in capitals that is also a word: "can" is no CAN bus, "rest" no REST.
      if (!ok && caseless && written === written.toLowerCase() && !/\b[A-Z]{2,}\b/.test(form.text)) {
        const name = form.text.toLowerCase()
        ok = written === name || written === `${name}s` || written.replace(/['’]s$/, '') === name
      }
    }
    if (ok) return { form, last: i + form.keys.length - 1, recased: recased || undefined }
  }
  return undefined
}

/**
 * Finds the vocabulary's terms in a text. A name that is a common English word counts only with
 * evidence: alone on its line, next to a cue word, in a list beside another term, or, written the
 * same way, where the same term is certain elsewhere. `lenient` (for a resume's own text) lets a
 * capitalised common word count anywhere but at the start of a sentence.
 */
export function findMentions(
  text: string,
  vocab: Vocabulary,
  options: {
    shape?: TextShape
    skip?: (offset: number) => boolean
    lenient?: boolean
    openNames?: boolean
    listItem?: (offset: number) => boolean
    /** The text is written in lower case throughout: names match whatever their case. */
    caseless?: boolean
    /** Runs set in bold, [start, end) offsets: names, as the writer marks them. */
    emphasis?: readonly [number, number][]
  } = {},
): Mention[] {
  const open = new Map<string, Form>()
  const openTerms = new Set<Term>()
  const shape = options.shape ?? plainShape(text)
  const tokens = tokenize(
    text,
    (key, word) => vocab.joined.has(key) || (Boolean(options.openNames) && (DASHED_ACRONYMS.test(word) || CAPITAL_DASHED.test(word) || FORM_NUMBER.test(word))),
  )
  const candidates: Candidate[] = []
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!
    if (options.skip?.(first.start)) continue
    let found = longestAt(vocab, text, tokens, i, options.caseless)
    const licensed =
      /^[A-Z]{2}$/.test(first.text) && LICENSE_AFTER.test(tokens[i + 1]?.key ?? '') && text.slice(first.end, tokens[i + 1]!.start) === ' ' && !NOT_NAMES.has(first.text)
    if (!found && options.openNames && (isOpenName(first.text) || licensed)) {
      // "CTEs" is the term CTE, "eCRFs" eCRF.
      const name = /^[a-z]{0,3}[A-Z0-9&]+s$/.test(first.text) ? first.text.slice(0, -1) : first.text
      const term = open.get(name)?.term ?? { name, kind: 'technology' as const }
      openTerms.add(term)
      const form = open.get(first.text) ?? { text: first.text, keys: [first.key], tier: 2 as const, term }
      open.set(first.text, form)
      if (!open.has(name)) open.set(name, { ...form, text: name })
      found = { form, last: i }
    }
    if (!found) continue
    const lastToken = tokens[found.last]!
    const line = shape.lineOf(first.start)
    const initial = Boolean(line?.heading) || shape.isInitial(first, tokens[i - 1], text)
    // In capitals, a practice's name counts only where any word would be: "Brightline Logistics" is a firm.
    if (found.recased && !initial) continue
    // Alone on its line: only a bullet before, only punctuation or a bracket after. Looked at within
    // a few hundred characters, so a posting written as one long line costs no more per name.
    const lineStart = line?.start ?? 0
    const lineEnd = line?.end ?? text.length
    const alone =
      first.start - lineStart <= 64 &&
      lineEnd - lastToken.end <= 256 &&
      /^[\s\-*•·‣▪–+\d.)#]*\u0000[\s.,;:)*_]*(\([^)]*\))?[\s.,;:*_]*$/.test(`${text.slice(lineStart, first.start)}\u0000${text.slice(lastToken.end, lineEnd)}`)
    candidates.push({
      term: found.form.term,
      form: found.form,
      text: text.slice(first.start, lastToken.end),
      start: first.start,
      end: lastToken.end,
      first: i,
      last: found.last,
      initial,
      alone,
    })
    i = found.last
  }
  const accepted = new Set<Candidate>()
  const certain = new Set<Term>()
  // Whether a line is about papers, read once per line.
  const venues = new Map<number, boolean>()
  const venueLine = (offset: number): boolean => {
    const line = shape.lineOf(offset)
    if (!line) return false
    let v = venues.get(line.start)
    if (v === undefined) {
      v = VENUE_LINE.test(text.slice(line.start, line.end))
      venues.set(line.start, v)
    }
    return v
  }
  // A line written mostly in capitals: its capitals say nothing of names.
  const shouted = (offset: number): boolean => {
    const line = shape.lineOf(offset)
    const letters = (line ? text.slice(line.start, Math.min(line.end, line.start + 400)) : '').replace(/[^A-Za-z]/g, '')
    return letters.replace(/[a-z]/g, '').length * 2 > letters.length
  }
  const evidence = (c: Candidate): boolean => {
    // A duty's verb opening a sentence or list item is the verb, whatever brand shares its spelling: "Deploy, repair and manage".
    if (c.initial && !c.alone && /^[A-Z][a-z]+$/.test(c.text) && isAnyDutyVerb(c.text.toLowerCase())) return false
    // A name no common English word spells, opening a list item: "Docker in local development"
    // (not the verb that item opens with: "Excel at explaining data").
    if (c.form.tier === 1 && c.initial && options.listItem?.(c.start) && !shape.lineOf(c.start)?.heading && tokens[c.last + 1]?.key !== 'at') return true
    // Alone on its line, but not a heading in capitals that no list holds ("DUTIES", "SKILLS").
    if (c.alone) return !(openTerms.has(c.term) && shape.lineOf(c.start)?.heading)
    // A list item's label: "- Statistics: regression, hypothesis testing", "- Go: 3+ years".
    if (c.initial && options.listItem?.(c.start) && /^[ \t*_]*:/.test(text.slice(c.end, c.end + 4))) return true
    // An acronym no list holds, on a list item of the posting ("Run FEA and thermal analysis",
    // "checks (SPF, DKIM, DMARC)"): requirement and duty bullets name things; prose and headings
    // (company names, places, "ABOUT US") are left to the other evidence. Not a common word in
    // capitals ("SOAR" is one only beside a name).
    // A short acronym before "license" or "exam" is the licence's name: "PE license", "SE exam".
    if (c.form.tier === 2 && open.get(c.form.text) === c.form && /^[A-Z]{2}$/.test(c.text) && options.listItem?.(c.start)) return LICENSE_AFTER.test(tokens[c.last + 1]?.key ?? '')
    const acronymLike = ACRONYM.test(c.text) || SMALL_THEN_CAPITAL.test(c.text) || DASHED_ACRONYMS.test(c.text) || SHAPED(c.text)
    const itemStart = c.initial && !shape.lineOf(c.start)?.heading && (ACRONYM.test(c.text) || SHAPED(c.text))
    if (
      c.form.tier === 2 &&
      open.get(c.form.text) === c.form &&
      acronymLike &&
      options.listItem?.(c.start) &&
      (!c.initial || itemStart) &&
      !GENERIC.has(c.text.replace(/s$/, ''))
    ) {
      // Half of a dashed word ("RNA-seq", "ABET-accredited") is not a name by itself.
      if (text[c.start - 1] === '-' || text[c.end] === '-') return false
      // A level after a standard's dotted version is the standard's: "WCAG 2.1 AA".
      if (/\d\.\d+ $/.test(text.slice(Math.max(0, c.start - 8), c.start))) return false
      // Venues of papers are acronyms too: "Publish at top venues (ACL, EMNLP)".
      return !venueLine(c.start)
    }
    // A common word written in capitals as the name is, inside a sentence that is not shouted:
    // "older REST endpoints", "SOAP services" ("GET SOME REST" is a heading's shout).
    if (c.form.tier === 2 && !openTerms.has(c.term) && !c.initial && /^[A-Z]{3,}$/.test(c.text) && c.text === c.form.text && !shouted(c.start)) return true
    // At a sentence's start too, a name with two capitals or more is no English word capitalised
    // there: "CUDA familiarity", "RSpec habits" ("Cuda" would be).
    if (c.initial && !openTerms.has(c.term) && /[A-Z].*[A-Z]/.test(c.text) && c.text === c.form.text && !shape.lineOf(c.start)?.heading && !shouted(c.start)) return true
    // A word with a capital inside, in a paragraph of the role too: "move from ArcMap to ArcGIS Pro".
    if (c.form.tier === 2 && open.get(c.form.text) === c.form && !c.initial && /^(?:[A-Z]+[a-z]+[A-Z]|[a-z]{1,3}[A-Z])[A-Za-z]*$/.test(c.text) && !venueLine(c.start)) return true
    const next = tokens[c.last + 1]
    // In lower case only: "Keystone Software", "Atlas Systems" are company names.
    if (next && CUE_AFTER.has(next.key) && /^([a-z]|[A-Z]{2,}s?$)/.test(next.text) && BLANK.test(text.slice(c.end, next.start))) return true
    // A version after the name: "Ruby 3.3", "Rails 7", "Java 17" (not a year: "Spring 2026").
    if (next && /^v?\d{1,2}(\.\d+)*(x|\+)?$/.test(next.key) && text.slice(c.end, next.start) === ' ') return true
    // Or a cue, then how well the reader should know it: "with basic statistics", "in advanced Excel".
    const level = tokens[c.first - 1] && LEVELS.has(tokens[c.first - 1]!.key) && text.slice(tokens[c.first - 1]!.end, c.start) === ' ' ? 1 : 0
    const prev = tokens[c.first - 1 - level]
    if (prev && CUE_BEFORE.has(prev.key) && BLANK.test(text.slice(prev.end, tokens[c.first - level]!.start))) return true
    if (c.form.tier === 1) {
      const line = shape.lineOf(c.start)
      // The pattern looks at the next few characters only, unless they are all blank.
      const end = line ? line.end : text.length
      const after = text.slice(c.end, Math.min(end, c.end + 64))
      return NOUN_AFTER.test(after.length < end - c.end && /^[ \t*_]*$/.test(after) ? text.slice(c.end, end) : after)
    }
    // A product named by a common word, capitalised inside a list item, not part of a longer proper
    // name: "our community Slack", "serve features from Feast" ("Slack Technologies" is a firm).
    if (!c.initial && options.listItem?.(c.start) && /^[A-Z][a-z]/.test(c.text) && c.term.kind !== 'method') {
      const after = tokens[c.last + 1]
      const before = tokens[c.first - 1]
      const joined = (a: Token | undefined, b: Token | undefined) => a && b && /^[ -]$/.test(text.slice(a.end, b.start))
      const properAfter = after && joined(tokens[c.last], after) && /^[A-Z0-9]/.test(after.text)
      const properBefore = before && joined(before, tokens[c.first]) && /^[A-Z0-9]/.test(before.text)
      return !properAfter && !properBefore && !venueLine(c.start)
    }
    return false
  }
  for (const c of candidates) {
    const sure = c.form.tier === 0 || (c.form.tier === 1 && (!c.initial || evidence(c))) || (c.form.tier === 2 && (evidence(c) || (Boolean(options.lenient) && !c.initial)))
    if (!sure) continue
    accepted.add(c)
    certain.add(c.term)
  }
  // Lists: a doubtful name beside an accepted one, with only commas, "and" or "or" between.
  for (let round = 0; round < 4; round++) {
    let changed = false
    candidates.forEach((c, n) => {
      if (accepted.has(c)) return
      // Beside an accepted name, or beside another doubtful one when one of the two is only rare.
      const neighbours = [candidates[n - 1], candidates[n + 1]].filter(
        (x): x is Candidate => x !== undefined && (accepted.has(x) || (x.form.tier < 2 && c.form.tier < 2) || x.form.tier + c.form.tier <= 3),
      )
      const inList = neighbours.some((x) => listed(x.end <= c.start ? text.slice(x.end, c.start) : text.slice(c.end, x.start)))
      const known = certain.has(c.term) && !c.initial
      if (inList || known) {
        accepted.add(c)
        certain.add(c.term)
        changed = true
      }
    })
    if (!changed) break
  }
  const kept = candidates.filter((c) => accepted.has(c))
  if (!options.openNames) return kept.map(({ term, text: t, start, end }) => ({ term, text: t, start, end }))
  // Where a name of the vocabulary starts; an acronym read from the posting's shape alone is no
  // such name, so a known name runs on through it: "Splunk SOAR", "MITRE ATT&CK".
  const starts = new Set(candidates.filter((c) => !openTerms.has(c.term)).map((c) => c.first))
  const initial = (i: number) => shape.isInitial(tokens[i]!, tokens[i - 1], text) || Boolean(shape.lineOf(tokens[i]!.start)?.heading)
  const widened = widenNames(kept, {
    text,
    tokens,
    initial,
    skipped: (i) => options.skip?.(tokens[i]!.start) ?? false,
    known: (i) => starts.has(i),
    soft: (term) => openTerms.has(term),
    onListItem: (i) => options.listItem?.(tokens[i]!.start) ?? false,
    common: (word) => vocab.isCommonWord(word),
    emphasis: options.emphasis ?? [],
    termSpelled: (keys) => termSpelledBy(vocab, keys),
  })
  // The practices duties name by a verb and its object ("manage secrets"), where no name was found.
  const inName = new Uint8Array(tokens.length)
  for (const f of widened) inName.fill(1, f.first, f.last + 1)
  const duties = dutyPractices(
    tokens,
    text,
    (i) => inName[i] === 1,
    (i) => options.skip?.(tokens[i]!.start) ?? false,
    (keys) => termSpelledBy(vocab, keys),
  )
  const all = duties.length === 0 ? widened : [...widened, ...duties].sort((a, b) => a.start - b.start)
  // A name read from the posting's shape that the vocabulary leaves out stays out: "managed off LinkedIn".
  return all.filter((f) => !vocab.isLeftOut(f.term.name)).map(({ term, start, end }) => ({ term, text: text.slice(start, end), start, end }))
}
