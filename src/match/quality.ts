import { join } from 'node:path'
import { readPosting } from './posting.js'
import { postingTerms } from './posting-terms.js'
import { singular, tokenize } from './tokens.js'
import { loadVocabulary, termSpelledBy, type Vocabulary } from './vocabulary.js'

interface PostingScore {
  file: string
  precision: number
  recall: number
  missed: string[]
  extra: string[]
  /** Each term found, by its name as found, and whether the reader listed it (under any of its names). */
  found: { name: string; listed: boolean }[]
}

// Readers name a certification with or without the word ("EIT" or "EIT certification"), and a
// method in the plural or not: both are dropped on both sides before comparing.
const NAMING_WORD = / (certification|certificate|credential)s?$/

/** A product's major version after its name: "Unreal Engine 5" (not a standard's number, "ASHRAE 90.1"). */
export const VERSIONED = /^(.*[a-z].*) v?\d{1,2}$/
/** A standard's conformance level after its version: "WCAG 2.2 AA". */
export const CONFORMANCE_LEVEL = /^(.+?) \d+(?:\.\d+)* A{1,3}$/

/** A reader's name for a term as the vocabulary's name ("k8s" -> "Kubernetes"), or itself. */
function canonical(vocab: Vocabulary, written: string): string {
  // An acronym's plural is written with a small "s" ("RFIs"), which the singular of words leaves
  // alone; an acronym has two capitals or more ("K3s" is a name, not the plural of K3).
  const name = written
    .replace(/(^|[ ])([A-Z][A-Z&]*[A-Z][A-Z0-9&]*)s$/, '$1$2')
    // "Microsoft Certified: Azure Solutions Architect Expert" is named with its maker's prefix or without.
    .replace(/^[A-Za-z0-9.]+ Certified: /i, '')
    // "Google Cloud certification" is named by what it certifies, before any rule below reads its words.
    .replace(NAMING_WORD, '')
  const keys = tokenize(name, () => true).map((t) => t.key)
  const term = termSpelledBy(vocab, keys)
  if (term) return same(term.name.toLowerCase())
  // A product's major version is the product ("Unreal Engine 5"); a standard's number is not ("ASHRAE 90.1").
  const versioned = VERSIONED.exec(name)
  if (versioned) {
    const base = canonical(vocab, versioned[1]!)
    if (vocab.termNamed(versioned[1]!) || base !== same(versioned[1]!.toLowerCase())) return base
  }
  // A standard's conformance level is no name of its own, as the extractor reads it: "WCAG 2.2 AA" is WCAG.
  const level = CONFORMANCE_LEVEL.exec(name)
  if (level && vocab.termNamed(level[1]!)) return canonical(vocab, level[1]!)
  // A cloud's service is named with its maker or without ("AWS Application Load Balancer",
  // "Application Load Balancer"), where the vocabulary does not hold it.
  const service = /^(?:AWS|Amazon|Azure|Microsoft Azure|Google Cloud|GCP) (.+)$/i.exec(name)
  if (service) return same(service[1]!.toLowerCase())
  return same(name.toLowerCase())
}

/** A name as compared: without "certification", its last word in the singular ("schema registries"). */
function same(name: string): string {
  // A spaced dash is one whichever a writer typed: "Architect – Professional", "Architect - Professional".
  const words = name
    .replace(NAMING_WORD, '')
    .replace(/ [–—] /g, ' - ')
    .split(' ')
  const last = words.pop() ?? ''
  return [...words, singular(last) ?? last].join(' ')
}

/**
 * Micro-averaged precision and recall of the terms found in each posting against a reader's list
 * (file name -> terms). Counted on distinct terms, after both sides are put in the vocabulary's names
 * (the built one, or `vocab`: scripts/learn-vocabulary.mjs measures one with terms learned apart).
 */
export async function measureExtraction(dir: string, annotations: Record<string, string[]>, vocab: Vocabulary = loadVocabulary()) {
  const postings: PostingScore[] = []
  let hits = 0
  let found = 0
  let gold = 0
  for (const [file, names] of Object.entries(annotations)) {
    const posting = await readPosting(join(dir, file), async () => Buffer.alloc(0))
    const want = new Set(names.map((n) => canonical(vocab, n)))
    // A term the posting names twice, spelled out and by its acronym, is the reader's under either name.
    const terms = postingTerms(posting, vocab).map((t) => {
      const listed = [t.term.name, ...(t.term.aliases ?? [])].map((n) => canonical(vocab, n)).find((n) => want.has(n))
      return { name: t.term.name, listed, compared: listed ?? canonical(vocab, t.term.name) }
    })
    const got = new Set(terms.map((t) => t.compared))
    const hit = [...got].filter((g) => want.has(g)).length
    hits += hit
    found += got.size
    gold += want.size
    postings.push({
      file,
      precision: got.size ? hit / got.size : 1,
      recall: want.size ? hit / want.size : 1,
      missed: [...want].filter((w) => !got.has(w)),
      extra: [...got].filter((g) => !want.has(g)),
      found: terms.map((t) => ({ name: t.name, listed: t.listed !== undefined })),
    })
  }
  return { precision: found ? hits / found : 1, recall: gold ? hits / gold : 1, gold, found, postings }
}
