import { applicationName, type LetterDef } from '../core/letters.js'
import { checkPath, checkValue, typedValue } from '../core/overrides.js'
import { isSection, SECTION_IDS } from '../core/sections.js'
import type { Source } from '../core/source.js'
import { didYouMean } from '../core/suggest.js'
import type { Override, TailorLayer } from '../core/tailor.js'
import { outputName, tagInventory, type VariantDef, variantLayer } from '../core/variants.js'
import { type Diagnostic, type OptionName, optionPhrase, VitaeError } from '../diagnostics/diagnostic.js'
import type { Resume, Section } from '../types/resume.js'
import type { TailorOptions } from './options.js'

/** One document to build: the resume as a variant (or as written), under one output name. */
export interface Target {
  variant?: VariantDef
  name: string
  layers: TailorLayer[]
  /** Set for a cover letter: the document is the letter, drawn beside its variant's resume (the letterhead). */
  letter?: LetterDef
  /** For a letter: the output name of the resume it goes with (the second part of its packet); the letter's is `<resumeName>-letter`. */
  resumeName?: string
}

const usage = (message: string, hint: string, options: OptionName[]): VitaeError => new VitaeError('usage', [{ code: 'BAD_FLAG', severity: 'error', message, hint, options }])

/** The targets a build makes: each chosen variant, or the resume itself, with the flags on top. */
export async function planTargets(
  resume: Resume,
  source: Source,
  variants: Map<string, VariantDef>,
  flags: TailorOptions,
  stem: string,
  letters: Map<string, LetterDef> = new Map(),
): Promise<{ targets: Target[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = []
  const flagLayer = await flagsLayer(resume, flags, diagnostics)
  const known = [...variants.keys()]
  let chosen: VariantDef[] = []
  if (flags.allVariants) {
    if (known.length === 0) throw usage(`${source.file} defines no variants`, 'add a variants: section, or variants/NAME.yaml files beside the resume', [])
    chosen = [...variants.values()]
  } else {
    for (const name of flags.variants ?? []) {
      const v = variants.get(name)
      if (!v) {
        const guess = didYouMean(name, known)
        throw usage(
          `there is no variant ${JSON.stringify(name)}`,
          `${guess ? `did you mean ${guess}? ` : ''}${known.length ? `the variants are ${known.join(', ')}` : `${source.file} defines no variants`}`,
          [],
        )
      }
      if (!chosen.includes(v)) chosen.push(v)
    }
  }
  const layers = (v?: VariantDef) => [...(v ? [variantLayer(v, resume)] : []), ...(flagLayer ? [flagLayer] : [])]
  const chosenLetters = chooseLetters(letters, flags, source)
  if (chosenLetters.length === 0) {
    const targets: Target[] = chosen.length ? chosen.map((v) => ({ variant: v, name: outputName(stem, v), layers: layers(v) })) : [{ name: stem, layers: layers() }]
    return { targets, diagnostics }
  }
  // Each letter with the resume it goes with (its variant, else the resume as written), named after
  // the application so that its files sort together: resume-acme.pdf, resume-acme-letter.pdf.
  const targets: Target[] = chosen.map((v) => ({ variant: v, name: outputName(stem, v), layers: layers(v) }))
  for (const letter of chosenLetters) {
    const variant = letter.def.variant === undefined ? undefined : variants.get(letter.def.variant)
    const resumeName = applicationName(stem, letter)
    if (!targets.some((t) => !t.letter && t.name === resumeName)) targets.push({ variant, name: resumeName, layers: layers(variant) })
    targets.push({ variant, name: `${resumeName}-letter`, layers: layers(variant), letter, resumeName })
  }
  return { targets, diagnostics }
}

/** The letters the options name (--letter, --all-letters); a name that is not a letter is a usage error listing those there are. */
function chooseLetters(letters: Map<string, LetterDef>, flags: TailorOptions, source: Source): LetterDef[] {
  const known = [...letters.keys()]
  const none = `${source.file} has no letters: add letters/NAME.yaml beside it (resume init --letter NAME writes one)`
  if (flags.allLetters) {
    if (known.length === 0) throw usage(none, 'or a letters: section in the resume', ['allLetters'])
    return [...letters.values()]
  }
  const chosen: LetterDef[] = []
  for (const name of flags.letters ?? []) {
    const letter = letters.get(name)
    if (!letter) {
      const guess = didYouMean(name, known)
      throw usage(
        `the letters option: there is no letter ${JSON.stringify(name)}`,
        known.length ? `${guess ? `did you mean ${guess}? ` : ''}the letters are ${known.join(', ')}` : none,
        ['letters'],
      )
    }
    if (!chosen.includes(letter)) chosen.push(letter)
  }
  return chosen
}

const list = (values: string[] | undefined): string[] | undefined => (values?.length ? values : undefined)

/**
 * The options' own filters as a tailoring layer, on top of any variant; bad values are usage
 * errors, bad override values validation errors. Messages name options as "the X option", which
 * the CLI words as its flags.
 */
async function flagsLayer(resume: Resume, flags: TailorOptions, diagnostics: Diagnostic[]): Promise<TailorLayer | undefined> {
  const sections = list(flags.sections)
  for (const s of sections ?? []) {
    if (!isSection(s)) {
      const guess = didYouMean(s, SECTION_IDS)
      throw usage(`the sections option: there is no section ${JSON.stringify(s)}`, guess ? `did you mean ${guess}?` : `sections are ${SECTION_IDS.join(', ')}`, ['sections'])
    }
  }
  const inventory = tagInventory(resume)
  for (const [option, tags] of [
    ['tags', flags.tags],
    ['excludeTags', flags.excludeTags],
  ] as const) {
    for (const tag of tags ?? []) {
      if (inventory.has(tag)) continue
      const guess = didYouMean(tag, inventory)
      diagnostics.push({
        code: 'UNKNOWN_TAG',
        severity: 'warning',
        message: `${optionPhrase(option)}: no entry or highlight carries the tag ${tag}${guess ? `; did you mean ${guess}?` : ''}`,
        options: [option],
      })
    }
  }
  const set: Override[] = []
  const problems: Diagnostic[] = []
  for (const override of flags.overrides ?? []) {
    const origin = override.origin ?? 'an override'
    const site = { label: `${origin} ${override.path}=${override.value}` }
    const { path, problems: pathProblems } = checkPath(override.path, resume, site)
    problems.push(...pathProblems)
    if (!path) continue
    const value = typedValue(path, override.value, resume)
    problems.push(...(await checkValue(path, value, site)))
    set.push({ path, value, origin })
  }
  if (problems.some((d) => d.severity === 'error')) throw new VitaeError('validation', problems)
  diagnostics.push(...problems)
  if (!sections && !list(flags.tags) && !list(flags.excludeTags) && set.length === 0) return undefined
  return { source: 'the command line', tags: list(flags.tags), excludeTags: list(flags.excludeTags), sections: sections as Section[] | undefined, set }
}
