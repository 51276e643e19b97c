import type { Found, NameContext } from './names.js'
import { singular } from './tokens.js'

/**
 * The last words of a practice's name: nouns made from a verb of doing ("testing", "analysis",
 * "management") and the few nouns postings name a discipline by ("design", "review", "intelligence").
 * "threat hunting", "chaos engineering", "pipe sizing", "variant calling", "lead scoring" are each a
 * word saying what is worked on and one of these. A closed class of English word formation, not a
 * list of the fixtures' terms: a posting's method no list holds is found by its shape.
 */
export const HEADS = new Set(
  (
    'testing analysis analyses analytics management modeling modelling design architecture optimization optimisation ' +
    'monitoring forensics hunting intelligence calling scoring sizing calculation printing marketing learning processing visualization ' +
    'visualisation governance review planning scripting programming debugging profiling orchestration administration response recognition ' +
    'retrieval sequencing simulation tuning linking networking budgeting forecasting reconciliation auditing hardening mining ' +
    'warehousing wrangling labeling labelling segmentation detection classification calibration commissioning troubleshooting prototyping ' +
    'machining welding drafting estimating scheduling modernization migration replication sharding partitioning indexing caching ' +
    'encryption authentication authorization instrumentation containerization virtualization provisioning deployment deployments ' +
    'delivery control assurance compliance expression transcriptomics genomics proteomics metabolomics imaging ' +
    'storytelling copywriting accounting bookkeeping payroll underwriting dispatching welding fabrication inspection'
  ).split(' '),
)

// Words that never start or carry a practice's name: what a posting says about the work or the
// reader ("strong", "our", "years"), and the verbs a duty starts with ("Lead incident response").
/** The verbs a duty starts with: an item that starts with one is a task, not a name ("monitor freshness"). */
export const DUTY_VERBS = new Set(
  (
    'lead own build run write drive support manage perform conduct create define implement maintain ensure provide deliver help use apply ' +
    'improve automate tune triage monitor mentor establish execute plan prepare participate coordinate analyze analyse evaluate identify ' +
    'investigate map track document configure deploy integrate troubleshoot hunt ship keep take make set do contribute champion scale ' +
    'partner collaborate join design develop oversee handle assist review fix find reduce resolve answer serve train teach present ' +
    'communicate report translate research explore learn grow add watch adopt decide read publish ' +
    'submit install inspect calculate verify validate specify respond escalate operate administer optimize debug migrate refactor'
  ).split(' '),
)

/**
 * Verbs a duty starts with that are nouns inside a name as often ("patch management", "update
 * rings", "check constraints"): a verb only as an item's or a sentence's first word ("Size culverts",
 * "Install and update software").
 */
export const NOUN_VERBS = new Set('size check update upgrade patch estimate draft select'.split(' '))

/** A duty's verb (of `verbs`), or its "-ing" or "-s" form: "build", "building", "managing", "conducts". */
export function isDutyVerb(key: string, verbs: ReadonlySet<string> = DUTY_VERBS): boolean {
  if (verbs.has(key)) return true
  if (/[^s]s$/.test(key) && (verbs.has(key.slice(0, -1)) || (key.endsWith('es') && verbs.has(key.slice(0, -2))))) return true
  if (!key.endsWith('ing') || key.length < 6) return false
  const stem = key.slice(0, -3)
  return verbs.has(stem) || verbs.has(`${stem}e`) || (/(.)\1$/.test(stem) && verbs.has(stem.slice(0, -1)))
}

/** A duty's verb in any form, those that are nouns too among them: for a word that starts a duty or stands alone. */
export const isAnyDutyVerb = (key: string): boolean => isDutyVerb(key) || isDutyVerb(key, NOUN_VERBS)

const NOT_MODIFIER = new Set(
  (
    'role roles position environment environments experience experienced skills skill knowledge understanding ability familiarity exposure ' +
    'background degree years year team teams people users customers stakeholders partners clients work working strong solid good great ' +
    'excellent deep proven plus etc more other others similar related tools tool things ones new our your their its this that these those the ' +
    'a an with to in for on at by from of is are be we you i it as about into across within without including such like all any some each ' +
    'every both various multiple many several few own same key core main overall general large small big fast quick real best ' +
    'better relevant appropriate necessary required preferred professional excellent effective efficient successful hands-on end-to-end ' +
    'day-to-day cross-functional internal external ongoing basic advanced modern current future first last next senior junior lead ' +
    'leading own owning build building run running write writing drive driving support supporting manage managing perform performing ' +
    'doing conduct conducting create creating define defining implement implementing maintain maintaining ensure ensuring provide providing ' +
    'deliver delivering help helping use using apply applying improve improving automate automating tune tuning triage monitor mentor ' +
    'mentoring establish execute plan prepare participate coordinate coordinating analyze analyse evaluate identify investigate map ' +
    'track document configure deploy integrate troubleshoot hunt test ship keep take make set do contribute champion scale partner ' +
    'collaborate collaborating work join own design develop developing oversee overseeing handle handling assist assisting review ' +
    'reviewing and or not no but so if then than also well just only very during before after through per over under via ' +
    'clear clean robust scalable reliable secure accurate timely rigorous thorough complex simple critical creative strategic ' +
    'excellent outstanding exceptional demonstrated demonstrable proficient familiar comfortable able willing ideal typical ' +
    'where when how what why which who whom whose whether would will can could should may might must shall ' +
    // A phrasal verb's particle ("set up monitoring") and words that stand for a thing ("another", "anything").
    'up out down off another anything something everything nothing ' +
    // A preposition or a verb's helper before the head is a clause's, not a name's: "between order
    // management", "have included administration".
    'between against among toward towards versus have has had having been being ' +
    // Who does the work, not a kind of it: "our in-house design team".
    'in-house outsourced'
  ).split(' '),
)

/**
 * An adverb by its ending: "-ly" on an English word ("closely", "heavily", "reliably",
 * "automatically"), not a noun that ends so ("anomaly detection", "assembly", "supply chain").
 */
function isAdverb(key: string, common: (word: string) => boolean): boolean {
  if (key.length < 5 || !key.endsWith('ly')) return false
  const stem = key.slice(0, -2)
  if (common(stem) || common(`${stem}l`) || common(`${stem}e`)) return true
  if (stem.endsWith('i') && common(`${stem.slice(0, -1)}y`)) return true
  if (/[ai]b$/.test(stem) && common(`${stem}le`)) return true
  // An adjective's ending before it: "especially", "carefully", "continuously", "actively".
  if (/(al|ful|ous|ive|ent|ant|ic|ary|less|ate)$/.test(stem)) return true
  return stem.endsWith('ical') && common(stem.slice(0, -2))
}

// "Software engineer", "backend developer": the trades of job titles, whose work as a whole names
// no one practice a reader would list ("software engineering experience", "frontend development").
const PROFESSION = /^(software|infrastructure|back-?end|front-?end|full-?stack|product|applications?|web) (engineering|development)$/i

/** Whether a phrase read from the posting's words names a trade of job titles: "software engineering". */
export const namesProfession = (name: string): boolean => PROFESSION.test(name)

// How many words before the head: English compounds of three are common ("root cause analysis",
// "named entity recognition"), of four rare.
const MODIFIERS = 2
const LOWER_WORD = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const CAPITAL_WORD = /^[A-Z][a-z]+(-[a-z0-9]+)*$/
// After the practice: a word that ends the phrase ("with", "and", a comma) or says the words before
// it name a practice ("load testing tools", "incident response process").
const AFTER_NAME = new Set(
  'with and or for in using via on at to across of where when which that whose while because so if as software tools tool frameworks framework practices practice processes process principles techniques methods methodologies platforms platform pipelines systems workflows experience skills role roles team teams work projects expertise knowledge background best'.split(
    ' ',
  ),
)

/**
 * Practices named in lower case on a posting's list items: one or two words saying what is worked
 * on, then a HEADS word ("threat hunting", "multiple testing correction" is left whole to readers;
 * "error budgets" has no such head and is learned from the postings, if at all). A bullet's first word is a verb as
 * often as not: it starts a phrase only as a capitalised noun no duty starts with.
 */
export function headedPhrases(found: Found[], ctx: NameContext, named: (first: number, last: number) => Found): Found[] {
  const { text, tokens } = ctx
  const inName = new Set<number>()
  for (const f of found) for (let i = f.first; i <= f.last; i++) inName.add(i)
  // A practice the vocabulary holds as one lower-case word still takes the words before it as a
  // head would: "statistical forecasting", "ABC analysis" (the longer name wins).
  const oneWord = new Set<number>()
  for (const f of found) if (f.first === f.last && f.term.kind === 'method' && LOWER_WORD.test(tokens[f.first]!.text)) oneWord.add(f.first)
  const out: Found[] = []
  // One name's words: a space apart, or a dash the tokenizer split ("low-power design").
  const joinedTo = (a: number, b: number) => /^[ -]$/.test(text.slice(tokens[a]!.end, tokens[b]!.start))
  for (let i = 1; i < tokens.length; i++) {
    const head = tokens[i]!
    if ((inName.has(i) && !oneWord.has(i)) || ctx.skipped(i) || !ctx.onListItem(i)) continue
    if (!LOWER_WORD.test(head.text) || !(HEADS.has(head.key) || HEADS.has(singular(head.key) ?? ''))) continue
    // What follows: nothing of the same phrase, or a word that closes it.
    const next = tokens[i + 1]
    if (next && joinedTo(i, next ? i + 1 : i) && !AFTER_NAME.has(next.key) && !/^[A-Z0-9]/.test(next.text)) continue
    let first = i
    for (let b = i - 1; b >= 0 && b >= i - MODIFIERS; b--) {
      const t = tokens[b]!
      // "3D" is a dimension, not a name, even where a list holds it: "3D printing".
      const dimension = b === i - 1 && /^\d[A-Z]$/.test(t.text)
      if ((inName.has(b) && !dimension) || ctx.skipped(b) || !joinedTo(b, b + 1)) break
      if (NOT_MODIFIER.has(t.key) || isDutyVerb(t.key) || isAdverb(t.key, ctx.common) || (/^\d/.test(t.text) && !dimension)) break
      const initial = ctx.initial(b)
      // Or an acronym or "3D" no list holds, alone before the head: "3D printing", "ETL testing".
      const acronym = b === i - 1 && /^(\d[A-Z]|[A-Z]{2,5})$/.test(t.text)
      if (!(LOWER_WORD.test(t.text) || acronym || (initial && CAPITAL_WORD.test(t.text)))) break
      first = b
      if (initial) break
    }
    if (first === i) continue
    // A word the dash binds to one left out is half a compound: "in-house design".
    if (first > 0 && text.slice(tokens[first - 1]!.end, tokens[first]!.start) === '-') continue
    out.push(named(first, i))
  }
  return out
}

// The last word of a practice's name that says only how much of it is asked for, dropped by readers:
// "networking fundamentals" is networking (src/match/names.ts drops it from any practice's name).
export const BASICS = new Set(['fundamentals', 'basics', 'concepts'])

/**
 * The words before a two-word name that may share its head along a list, nearest first: the word
 * before its "and" or "or", then each word before a comma ("unit, widget and integration tests").
 * One word each: a caller stops where a word is no kind of the head.
 */
export function* kindsBefore(f: Found, ctx: NameContext): Generator<number> {
  const { text, tokens } = ctx
  const x = f.first - 2
  if (x < 0 || !/^(and|or)$/.test(tokens[f.first - 1]!.key) || text.slice(tokens[x]!.end, f.start) !== ` ${tokens[f.first - 1]!.text} `) return
  for (let k = x; k >= 0 && !ctx.skipped(k); k--) {
    yield k
    if (k === 0 || text.slice(tokens[k - 1]!.end, tokens[k]!.start) !== ', ') return
  }
}

/**
 * A practice's head shared by two of its kinds or more: "qualitative and quantitative research",
 * "static or dynamic analysis" name "qualitative research" too, where the vocabulary holds the
 * pair a kind makes: "unit, widget and integration tests" names unit tests, "stream and batch
 * processing" stream processing. A pair it lacks is left alone, however adjective-like its kind:
 * those were 13 extras for 1 term in the annotated postings ("statistical learning", "legal text").
 */
export function sharedHeads(found: Found[], ctx: NameContext): Found[] {
  const { tokens } = ctx
  const inName = new Set<number>()
  for (const f of found) for (let i = f.first; i <= f.last; i++) inName.add(i)
  const out: Found[] = []
  for (const f of found) {
    if (f.last !== f.first + 1 || f.term.kind !== 'method' || !LOWER_WORD.test(tokens[f.first]!.text) || !LOWER_WORD.test(tokens[f.last]!.text)) continue
    const head = tokens[f.last]!
    // On past a kind the vocabulary lacks: "unit, widget and integration tests".
    for (const x of kindsBefore(f, ctx)) {
      const word = tokens[x]!
      if (inName.has(x) || !LOWER_WORD.test(word.text) || NOT_MODIFIER.has(word.key) || DUTY_VERBS.has(word.key)) break
      const known = ctx.termSpelled([word.key, head.key])
      if (known) out.push({ term: known, start: word.start, end: word.end, first: x, last: x })
    }
  }
  return out
}
