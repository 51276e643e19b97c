// Learns the terms readers list from the annotated postings (tests/fixtures/postings), and writes
// them to src/match/learned.yaml, which scripts/build-vocabulary.mjs adds to the vocabulary.
//
// A term is learned when no other list holds it and readers listed it in at least half of the
// postings whose text names it: a practice or tool written in lower case ("window functions",
// "least privilege", "cron"), named in any case, or a product written with capitals ("Karpenter",
// "Testcontainers"), named only so. The share keeps out words postings use for other things as
// often as for the skill ("documentation", "automation"). One posting is enough: measured blind
// on rounds 82 to 89 and 90 to 97 (each learned from the postings before it), terms listed once
// took recall from 0.793 and 0.763 to 0.823 and 0.798 at precision 0.828 -> 0.825 and 0.800 ->
// 0.798; half rather than two-thirds had taken it from 0.777 and 0.747, at 0.829 and 0.806. An
// everyday English word learned so still needs evidence in the posting (scripts/build-vocabulary.mjs).
//
// Then the other way: a name the extractor finds in at least two postings and readers list in at
// most a third of them is learned as left out, whether read from a posting's shape ("CPU", "III" of
// "Engineer III") or a product a list holds ("Datasets", 2 of 43, a word Simple Icons
// names a product after; "Solid"); a practice the hand list holds stays its to keep ("embedded
// systems", which readers name as "embedded software" as often). A maker's name listed with its
// product's after it counts as listed ("Bluebeam" of "Bluebeam Revu"), and so does a name listed at
// the end of a longer one ("Cassandra" of "Apache Cassandra"). Measured blind on rounds 74 to 97 in
// three batches, each learned from the postings before it: lists' products and two postings rather
// than three took precision from 0.800, 0.825 and 0.798 to 0.808, 0.828 and 0.803, recall from
// 0.803, 0.823 and 0.798 to 0.802, 0.822 and 0.798. It is learned with the extractor as built, the
// learned terms in it: after the terms are written, the vocabulary is built again and a second
// process learns the names left out.
//
//   node scripts/learn-vocabulary.mjs           writes src/match/learned.yaml
//   node scripts/learn-vocabulary.mjs --check   exits 1 when the file is not what the postings teach
//   node scripts/learn-vocabulary.mjs --cross-validate
//                                               each of the last ten held-out rounds measured with
//                                               terms (and then names left out) learned from the
//                                               other postings only, beside the vocabulary without
//                                               learned terms: what learning is worth on postings
//                                               it has not seen
//
// Reads the built vocabulary and posting reader from lib/ (run `npm run build` first).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { readPosting } = await import(join(root, 'lib/match/posting.js'))
const { loadVocabulary, termSpelledBy } = await import(join(root, 'lib/match/vocabulary.js'))
const { tokenize } = await import(join(root, 'lib/match/tokens.js'))
const { measureExtraction, VERSIONED, CONFORMANCE_LEVEL } = await import(join(root, 'lib/match/quality.js'))
const { namesProfession } = await import(join(root, 'lib/match/phrases.js'))

const MIN_POSTINGS = 1
const MIN_SHARE = 1 / 2
// A name left out is found in this many postings or more, and listed in this share of them or less.
const MIN_FOUND = 2
const MAX_LISTED = 1 / 3
const out = join(root, 'src/match/learned.yaml')
const dir = join(root, 'tests/fixtures/postings')
const annotations = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8'))

// The learned file's own names are looked up as if absent: the vocabulary in lib/ holds them, a
// few as another term's names ("Pulsar" of Apache Pulsar, scripts/build-vocabulary.mjs).
const previous = new Set((parse(readFileSync(out, 'utf8'))?.learned ?? []).map((line) => line.split('|')[0].trim().toLowerCase()))
// Without the names learned as left out: they would never be found, and never learned again.
const vocab = loadVocabulary({}, { learnedLeftOut: false })
const known = (name) => {
  const term = termSpelledBy(
    vocab,
    tokenize(name, (k) => vocab.joined.has(k)).map((t) => t.key),
  )
  return term !== undefined && !previous.has(term.name.toLowerCase()) && !previous.has(name.toLowerCase())
}

// What the extractor reads from a known name and the words after it, or from a name's shape, is
// not a term to learn: learned, it would stand apart from the name a resume uses. A version or a
// conformance level ("Unreal Engine 5", "WCAG 2.2 AA"), one letter after a slash ("HTTP/S"), a
// code's title number before its acronym ("49 CFR"), and the trade of a job title ("frontend
// development", left out as src/match/phrases.ts leaves it).
const derived = (name) => {
  if (/^\d{1,2} [A-Z]{2,5}$/.test(name) || namesProfession(name)) return true
  // The first two as the comparison reads them (src/match/quality.ts).
  const base = VERSIONED.exec(name)?.[1] ?? CONFORMANCE_LEVEL.exec(name)?.[1] ?? /^(.+)\/[A-Za-z]$/.exec(name)?.[1]
  return base !== undefined && known(base)
}

// One key for a term's spellings: lower case, the last word singular ("window functions"), a
// practice's tests its testing ("snapshot tests" is snapshot testing, as the vocabulary reads it).
// A name in capitals keeps its last S: "ACAS" (a scanner) is no plural of "ACA".
const keyOf = (name) => (/[A-Z]{2}S$/.test(name) ? name.toLowerCase() : name.toLowerCase().replace(/(?<=[a-z]{3})e?s$/, '')).replace(/(?<=\S\s)test$/, 'testing')
const texts = new Map()
for (const file of Object.keys(annotations)) texts.set(file, (await readPosting(join(dir, file), async () => Buffer.alloc(0))).text)
// The postings whose text has a word starting with each prefix of up to four letters or digits, lower
// case: a term is looked for only in the postings that have a word starting as its first word does
// (a name starts a word, as its pattern below says). Running every term's pattern on every posting
// took minutes once there were a thousand postings and ten thousand terms.
const PREFIX = 4
const withPrefix = new Map()
for (const [file, text] of texts) {
  for (const word of new Set(text.toLowerCase().split(/[^\p{L}\d]+/u))) {
    for (let n = 1; n <= Math.min(PREFIX, word.length); n++) {
      const prefix = word.slice(0, n)
      if (!withPrefix.has(prefix)) withPrefix.set(prefix, new Set())
      withPrefix.get(prefix).add(file)
    }
  }
}
/** Of `files`, those that may name a term whose pattern starts with `start`'s letters or digits. */
const mayName = (files, start) => {
  const prefix = /^[\p{L}\d]*/u.exec(start.toLowerCase())[0].slice(0, PREFIX)
  if (!prefix) return files
  const holding = withPrefix.get(prefix)
  return holding ? files.filter((f) => holding.has(f)) : []
}

/** The terms the postings `files` teach: a line of spellings each, most used first, and its counts. */
function learn(files) {
  const spellings = new Map()
  for (const file of files) {
    for (const name of annotations[file]) {
      if (!/^[A-Za-z0-9][A-Za-z0-9 ./+-]*$/.test(name) || /^[\d\s.]+$/.test(name) || known(name) || derived(name) || vocab.isLeftOut(name)) continue
      const key = keyOf(name)
      if (!spellings.has(key)) spellings.set(key, new Map())
      const counts = spellings.get(key)
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
  }
  const learned = []
  for (const [key, counts] of spellings) {
    // The spelling readers used most names the term; the others are its forms.
    let forms = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n)
    // An acronym is named in the singular, as names read from a posting are: "CTEs" is CTE.
    const plural = /^[A-Z][A-Za-z0-9&]*[A-Z]s$/.exec(forms[0])
    if (plural) forms = [forms[0].slice(0, -1), ...forms.filter((f) => f !== forms[0].slice(0, -1))]
    // A practice's testing is named so, and its tests are a form of it ("snapshot tests"); tests
    // no reader called a testing stay tests ("flaky tests").
    if (forms.some((f) => / testing$/i.test(f))) {
      const stem = forms[0].replace(/\s\S+$/, '')
      forms = [...new Set([`${stem} testing`, ...forms, `${stem} tests`])]
    }
    // Named in a text: its words, whole, a space or a dash apart, the last perhaps in the plural (a
    // testing perhaps its tests); a product in its capitals ("Atlantis" is no lower-case "atlantis"),
    // but for the first letter of a name of several words, which a sentence or a list item may
    // capitalise ("Reverse ETL" is reverse ETL).
    const product = /[A-Z]/.test(forms[0])
    const base = product ? forms[0].replace(/(?<=[a-z]{3})e?s$/, '') : key
    let words = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]+')
    if (key.endsWith(' testing')) words = words.replace(/test(?:ing)?$/i, 'test(?:ing)?')
    const first = words[0] ?? ''
    if (product && /^[A-Za-z][a-z]*[\s-]/.test(forms[0])) words = `[${first.toLowerCase()}${first.toUpperCase()}]${words.slice(1)}`
    const named = new RegExp(`(?<![\\p{L}\\d-])${words}(?:e?s)?(?![\\p{L}\\d-])`, product ? 'u' : 'iu')
    let naming = 0
    let listing = 0
    for (const file of mayName(files, base)) {
      if (!named.test(texts.get(file))) continue
      naming++
      if (annotations[file].some((n) => keyOf(n) === key)) listing++
    }
    if (listing < MIN_POSTINGS || listing < MIN_SHARE * naming) continue
    learned.push({ forms, listing, naming })
  }
  return learned.sort((a, b) => (a.forms[0] < b.forms[0] ? -1 : 1))
}

/**
 * The names in the postings `files` that readers do not list: found by `using` in MIN_FOUND
 * postings or more and listed in MAX_LISTED of them or less. The practices just `taught` (lower
 * case) are theirs to keep.
 */
async function learnLeftOut(files, using, taught = new Set()) {
  const { postings } = await measureExtraction(dir, Object.fromEntries(files.map((f) => [f, annotations[f]])), using)
  const counts = new Map()
  for (const posting of postings) {
    const seen = new Set()
    // A maker's name the reader listed with its product's after it is no word readers pass over:
    // "Bluebeam" of "Bluebeam Revu" (not "CPU" of "CPU profiling", nor "ISO" of "ISO 27001").
    const maker = (name) => annotations[posting.file].some((listed) => listed.startsWith(`${name} `) && /^[A-Z][a-z]/.test(listed.slice(name.length + 1)))
    // A name the reader listed at the end of a longer one is theirs too: "Cassandra" of "Apache
    // Cassandra", "LiveView" of "Phoenix LiveView", "Data Guard" of "Oracle Data Guard". Left out, it
    // would be lost to a posting that names it alone.
    const ending = (name) => annotations[posting.file].some((listed) => listed.length > name.length && listed.toLowerCase().endsWith(` ${name.toLowerCase()}`))
    for (const { name, listed } of posting.found) {
      const key = name.toLowerCase()
      if (seen.has(key) || taught.has(key) || using.termNamed(name)?.kind === 'method') continue
      seen.add(key)
      const c = counts.get(key) ?? { name, found: 0, listed: 0 }
      c.found++
      if (listed || maker(name) || ending(name)) c.listed++
      counts.set(key, c)
    }
  }
  return [...counts.values()].filter((c) => c.found >= MIN_FOUND && c.listed <= MAX_LISTED * c.found).sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
}

if (process.argv.includes('--cross-validate')) {
  // Measured in a child process on a vocabulary built without any learned terms (a command reads
  // the built vocabulary once), which is built again with them however the child ends.
  const buildVocabulary = (...flags) => spawnSync(process.execPath, [join(root, 'scripts/build-vocabulary.mjs'), ...flags], { stdio: 'inherit' })
  buildVocabulary('--without-learned')
  try {
    process.exitCode = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cross-validate-now'], { stdio: 'inherit' }).status ?? 1
  } finally {
    buildVocabulary()
  }
  process.exit()
}

if (process.argv.includes('--cross-validate-now')) {
  const { rounds } = JSON.parse(readFileSync(join(dir, 'held-out.json'), 'utf8'))
  const sum = { without: { hits: 0, found: 0, gold: 0 }, with: { hits: 0, found: 0, gold: 0 }, leftOut: { hits: 0, found: 0, gold: 0 } }
  const add = (into, r) => {
    into.hits += Math.round(r.precision * r.found)
    into.found += r.found
    into.gold += r.gold
    return { hits: Math.round(r.precision * r.found), found: r.found, gold: r.gold }
  }
  const shown = (r) => `precision ${(r.hits / r.found).toFixed(3)}, recall ${(r.hits / r.gold).toFixed(3)}`
  for (const [round, files] of Object.entries(rounds).slice(-10)) {
    const test = Object.fromEntries(files.map((f) => [f, annotations[f]]))
    const taught = learn(Object.keys(annotations).filter((f) => !files.includes(f)))
    // Learned terms given as a user's terms: matched as written, so a common word among them
    // counts without the evidence the built vocabulary would ask (the figure errs low, if at all).
    const terms = taught.map(({ forms: [name, ...aliases] }) => ({ name, aliases, kind: /[A-Z]/.test(name) ? 'technology' : 'method' }))
    const withLearned = loadVocabulary({ terms })
    // The names left out, learned from the other postings with their learned terms (a user's
    // terms here, not the built vocabulary's: they are set apart by name).
    const leftOut = await learnLeftOut(
      Object.keys(annotations).filter((f) => !files.includes(f)),
      withLearned,
      new Set(taught.flatMap((t) => t.forms.map((f) => f.toLowerCase()))),
    )
    const a = add(sum.without, await measureExtraction(dir, test, vocab))
    const b = add(sum.with, await measureExtraction(dir, test, withLearned))
    const c = add(sum.leftOut, await measureExtraction(dir, test, loadVocabulary({ terms, ignore: leftOut.map((n) => n.name) })))
    console.log(`${round}: ${taught.length} terms learned, ${leftOut.length} names left out; ${shown(a)} -> ${shown(b)} -> ${shown(c)}`)
  }
  console.log(
    `all ten rounds: without learned terms ${shown(sum.without)}; with terms learned from the other postings ${shown(sum.with)}; and the names they leave out ${shown(sum.leftOut)}`,
  )
  process.exit(0)
}

const all = Object.keys(annotations)
const learned = learn(all)
const render = (leftOut) => `# Written by scripts/learn-vocabulary.mjs from the annotated postings: do not edit by hand.
# The terms readers list that no other list holds (a product with its capitals), each listed in
# at least half of the postings that name it (the counts after #: listed of named).
learned:
${learned.map((t) => `  - ${t.forms.join(' | ')} # ${t.listing} of ${t.naming}`).join('\n')}
# Names found in at least ${MIN_FOUND} postings and listed by readers in at most a third of them: left out
# of what a posting asks (the counts after #: listed of found).
left_out:
${leftOut.map((c) => `  - ${JSON.stringify(c.name)} # ${c.listed} of ${c.found}`).join('\n')}
`
// The names left out are learned with the vocabulary as built from this file (its terms in it).
const builtLeftOut = () => learnLeftOut(all, vocab)
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== render(await builtLeftOut())) {
    console.error('learn-vocabulary: src/match/learned.yaml is not what the annotated postings teach; run node scripts/learn-vocabulary.mjs')
    process.exit(1)
  }
} else if (process.argv.includes('--left-out-now')) {
  const leftOut = await builtLeftOut()
  writeFileSync(out, render(leftOut))
  console.log(`learn-vocabulary: ${learned.length} terms, ${leftOut.length} names left out`)
} else {
  // The terms first, beside the names left out before; then, with the vocabulary built from them,
  // the names left out, in a process that reads the new vocabulary.
  const before = (parse(readFileSync(out, 'utf8'))?.left_out ?? []).map((name) => ({ name: String(name), listed: 0, found: 0 }))
  writeFileSync(out, render(before))
  const run = (script, ...flags) => {
    const r = spawnSync(process.execPath, [script, ...flags], { stdio: 'inherit' })
    if (r.status !== 0) process.exit(r.status ?? 1)
  }
  run(join(root, 'scripts/build-vocabulary.mjs'))
  run(fileURLToPath(import.meta.url), '--left-out-now')
  run(join(root, 'scripts/build-vocabulary.mjs'))
}
