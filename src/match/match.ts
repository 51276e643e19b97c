import { loadFile } from '../core/load.js'
import { parsePath } from '../core/paths.js'
import { locatorOf } from '../core/source.js'
import { checkPart } from '../core/validate.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import type { TailorOptions } from '../pipeline/options.js'
import { plan } from '../pipeline/plan.js'
import { tailorTarget } from '../pipeline/prepare.js'
import { BuildServices } from '../pipeline/services.js'
import type { Resume } from '../types/resume.js'
import { blockers, type Suggestion, suggestFor } from './gaps.js'
import { type Importance, readPosting } from './posting.js'
import { postingTerms } from './posting-terms.js'
import { placesInResume, placesInString, type ResumePlace } from './resume-places.js'
import { tokenize } from './tokens.js'
import { loadVocabulary, type TermKind, termSpelledBy, type UserTerms } from './vocabulary.js'

export const WEIGHTS: Record<Importance, number> = { required: 3, mentioned: 2, preferred: 1 }

type Place = Omit<ResumePlace, 'path' | 'term'>

/** A term's state in one variant: shown, in the resume but dropped by the variant, or absent. */
export interface TermInVariant {
  status: 'shown' | 'dropped' | 'absent'
  shown: Place[]
  dropped: (Place & { reasons: string[] })[]
  suggestion?: Suggestion
}

export interface MatchedTerm {
  name: string
  kind: TermKind
  importance: Importance
  weight: number
  posting: { line: number; column: number; text: string }[]
  resume: Place[]
  /** By variant name (`null` for the resume as written is keyed "(resume)"). */
  variants: Record<string, TermInVariant>
}

export interface VariantScore {
  name: string | null
  output: string
  /** Shown weight over all weight, in percent, one decimal. */
  coverage: number
  required: { shown: number; total: number }
  shown: number
  dropped: number
  absent: number
}

export interface MatchReport {
  posting: string
  resume: string
  terms: MatchedTerm[]
  /** Best coverage first. */
  variants: VariantScore[]
  vocabulary: { name: string; version: string; license: string }[]
  diagnostics: Diagnostic[]
}

export const keyOfVariant = (name: string | null | undefined): string => name ?? '(resume)'

/** User terms: the resume's meta.match, then a --terms file (YAML or JSON) on top. */
async function userTerms(resume: Resume, file?: string): Promise<UserTerms> {
  const own = (resume.meta?.match ?? {}) as UserTerms
  if (!file) return own
  // Read as a resume is (its YAML or JSON mistakes at file:line:col), and held to the schema's
  // `meta.match`: a list where a name belongs would otherwise fail deep inside the vocabulary.
  const source = await loadFile(file)
  const data = (source.data ?? {}) as UserTerms
  const problems = await checkPart(['meta', 'match'], data, locatorOf(source))
  if (problems.length) throw new VitaeError('validation', problems)
  return { terms: [...(own.terms ?? []), ...(data.terms ?? [])], ignore: [...(own.ignore ?? []), ...(data.ignore ?? [])] }
}

// By name, ignoring case, in code-point order: the same order on every machine, and no collator to
// load (ICU's first localeCompare costs a command ~5 ms).
const byName = (a: string, b: string): number => {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0
}

/** `resume match`: the posting's terms, where the resume shows them in each target, and what would show the rest. */
export async function matchPosting(options: { posting: string; resume: string; tailor: TailorOptions; termsFile?: string; stdin: () => Promise<Buffer> }): Promise<MatchReport> {
  const posting = await readPosting(options.posting, options.stdin)
  const p = await plan(options.resume, options.tailor)
  const user = await userTerms(p.resume, options.termsFile)
  const vocab = loadVocabulary(user)
  const asked = postingTerms(posting, vocab)
  // Names the posting made known that no list holds (an acronym, MuleSoft) are looked for too.
  // A name spelled out before its acronym is looked for under both ("Security Operations Center",
  // "SOC"), a name the vocabulary holds as well: the posting gave it an acronym the lists do not.
  // So is a maker's product without its maker (below).
  const spelling = (alias: string) =>
    termSpelledBy(
      vocab,
      tokenize(alias, (k) => vocab.joined.has(k)).map((t) => t.key),
    )
  const newAlias = (a: (typeof asked)[number]) => a.term.aliases?.some((alias) => spelling(alias) !== a.term)
  // A maker's product the posting names with its maker ("Oracle GoldenGate", "Cisco Meraki") is
  // shown by a resume that names it without: the rest after a first word that is a product's name
  // of its own, where the rest is a name (a capital), names nothing else and is no common word.
  // Looked for in the resume only: in postings such a rest alone misled more than it found.
  const makerless = (name: string): string | undefined => {
    const [, maker, rest] = /^(\S+) (\S.*)$/.exec(name) ?? []
    if (!maker || !rest || vocab.termNamed(maker)?.kind !== 'technology' || !/^[A-Z0-9]/.test(rest)) return undefined
    if (!/\s/.test(rest) && (rest.length < 3 || vocab.isCommonWord(rest))) return undefined
    return spelling(rest) === undefined ? rest : undefined
  }
  const unknown = asked.flatMap((a) => {
    const rest = makerless(a.term.name)
    if (vocab.termNamed(a.term.name) && !newAlias(a) && rest === undefined) return []
    const aliases = [...(a.term.aliases ?? []), ...(rest === undefined ? [] : [rest])]
    return [aliases.length ? { name: a.term.name, aliases } : a.term.name]
  })
  const resumeVocab = unknown.length ? loadVocabulary({ ...user, terms: [...(user.terms ?? []), ...unknown] }) : vocab
  const wanted = new Set(asked.map((a) => a.term.name))
  const places = placesInResume(p.resume, p.source, resumeVocab, wanted)
  const terms: MatchedTerm[] = asked.map((a) => ({
    name: a.term.name,
    kind: a.term.kind,
    importance: a.importance,
    weight: WEIGHTS[a.importance],
    posting: a.mentions,
    resume: (places.get(a.term.name) ?? []).map(({ path: _, term: __, ...rest }) => rest),
    variants: {},
  }))
  const scores: VariantScore[] = []
  const services = new BuildServices({ timeoutMs: 0, log: () => undefined })
  try {
    for (const target of p.targets) {
      const tailored = await tailorTarget(p, target, {}, services)
      const key = keyOfVariant(target.variant?.name)
      const run = (resume: Resume, layers: typeof target.layers) => tailorTarget({ ...p, resume }, { ...target, layers }, {}, services)
      const score: VariantScore = { name: target.variant?.name ?? null, output: target.name, coverage: 0, required: { shown: 0, total: 0 }, shown: 0, dropped: 0, absent: 0 }
      // Terms written in one entry share its blockers: each place is worked out once per target.
      const suggestions = new Map<string, Promise<Suggestion | undefined>>()
      const suggestOnce = (pl: ResumePlace) => {
        const key = pl.where
        if (!suggestions.has(key)) suggestions.set(key, suggestFor(pl, tailored, { resume: p.resume, layers: target.layers, run, source: p.source, variant: target.variant }))
        return suggestions.get(key)!
      }
      // Text the variant itself sets ("basics.label: ML Engineer") shows terms too, where the variant writes it.
      const setHere = new Map<string, ResumePlace[]>()
      const v = target.variant
      if (v && v.file === p.source.file) {
        for (const [key, value] of Object.entries(v.def.set ?? {})) {
          const path = parsePath(key)
          if (typeof value !== 'string' || !path) continue
          for (const place of placesInString(p.source, resumeVocab, wanted, value, path, ['variants', v.name, 'set', key], `variants.${v.name}.set.${key}`)) {
            if (blockers(path, tailored).some((b) => b.kind !== 'override')) continue
            setHere.set(place.term, [...(setHere.get(place.term) ?? []), place])
          }
        }
      }
      let got = 0
      let total = 0
      for (const [i, a] of asked.entries()) {
        const term = terms[i]!
        const found = places.get(a.term.name) ?? []
        const shown = [...found.filter((pl) => blockers(pl.path, tailored).length === 0), ...(setHere.get(a.term.name) ?? [])]
        const hidden = found.filter((pl) => !shown.includes(pl))
        const state: TermInVariant = {
          status: shown.length ? 'shown' : hidden.length ? 'dropped' : 'absent',
          shown: shown.map(({ path: _, term: __, ...rest }) => rest),
          dropped: hidden.map(({ path, term: __, ...rest }) => ({ ...rest, reasons: blockers(path, tailored).map((b) => b.reason) })),
        }
        if (state.status === 'dropped') {
          // The place that needs the fewest edits; verified suggestions first.
          let best: Suggestion | undefined
          for (const pl of hidden) {
            const s = await suggestOnce(pl)
            if (s && (!best || Number(s.verified) > Number(best.verified) || (s.verified === best.verified && s.changes.length < best.changes.length))) best = s
          }
          if (best) state.suggestion = best
        }
        term.variants[key] = state
        total += term.weight
        if (state.status === 'shown') got += term.weight
        score[state.status]++
        if (term.importance === 'required') {
          score.required.total++
          if (state.status === 'shown') score.required.shown++
        }
      }
      score.coverage = total ? Math.round((got / total) * 1000) / 10 : 0
      scores.push(score)
    }
  } finally {
    await services.dispose()
  }
  const order: Record<Importance, number> = { required: 0, mentioned: 1, preferred: 2 }
  terms.sort((a, b) => order[a.importance] - order[b.importance] || byName(a.name, b.name))
  scores.sort((a, b) => b.coverage - a.coverage || b.required.shown - a.required.shown)
  return { posting: posting.file, resume: p.source.file, terms, variants: scores, vocabulary: vocab.sources, diagnostics: [...p.diagnostics, ...services.warnings] }
}
