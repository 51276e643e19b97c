import { VitaeError, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Resume, Section } from '../types/resume.js'
import { checkPath, checkValue, typedValue } from './overrides.js'
import { resumeSchema } from './schema.js'
import type { Source } from './source.js'
import { didYouMean } from './suggest.js'
import type { Override, TailorLayer } from './tailor.js'
import { outputName, tagInventory, variantLayer, type VariantDef } from './variants.js'

/** How the command line tailors a build: applied on top of the chosen variant. */
export interface TailorFlags {
  variants?: string[]
  allVariants?: boolean
  tags?: string[]
  excludeTags?: string[]
  sections?: string[]
  /** `path=value` pairs, as given to --set. */
  set?: string[]
}

/** One document to build: the resume as a variant (or as written), under one output name. */
export interface Target {
  variant?: VariantDef
  name: string
  layers: TailorLayer[]
}

const usage = (message: string, hint?: string): VitaeError => new VitaeError('usage', [{ code: 'BAD_FLAG', severity: 'error', message, hint }])

/** The targets a build makes: each chosen variant, or the resume itself, with the flags on top. */
export async function planTargets(
  resume: Resume,
  source: Source,
  variants: Map<string, VariantDef>,
  flags: TailorFlags,
  stem: string,
): Promise<{ targets: Target[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = []
  const flagLayer = await flagsLayer(resume, flags, diagnostics)
  const known = [...variants.keys()]
  let chosen: VariantDef[] = []
  if (flags.allVariants) {
    if (known.length === 0) throw usage(`${source.file} defines no variants`, 'add a variants: section, or variants/NAME.yaml files beside the resume')
    chosen = [...variants.values()]
  } else {
    for (const name of flags.variants ?? []) {
      const v = variants.get(name)
      if (!v) {
        const guess = didYouMean(name, known)
        throw usage(
          `there is no variant ${JSON.stringify(name)}`,
          `${guess ? `did you mean ${guess}? ` : ''}${known.length ? `the variants are ${known.join(', ')}` : `${source.file} defines no variants`}`,
        )
      }
      if (!chosen.includes(v)) chosen.push(v)
    }
  }
  const layers = (v?: VariantDef) => [...(v ? [variantLayer(v, resume)] : []), ...(flagLayer ? [flagLayer] : [])]
  const targets: Target[] = chosen.length ? chosen.map((v) => ({ variant: v, name: outputName(stem, v), layers: layers(v) })) : [{ name: stem, layers: layers() }]
  return { targets, diagnostics }
}

const list = (values: string[] | undefined): string[] | undefined => (values?.length ? values : undefined)

/** The flags as a tailoring layer; bad values are usage errors, bad --set values validation errors. */
async function flagsLayer(resume: Resume, flags: TailorFlags, diagnostics: Diagnostic[]): Promise<TailorLayer | undefined> {
  const sections = list(flags.sections)
  if (sections) {
    const allowed = resumeSchema().definitions?.section?.enum ?? []
    for (const s of sections) {
      if (!allowed.includes(s)) {
        const guess = didYouMean(s, allowed)
        throw usage(`--sections: there is no section ${JSON.stringify(s)}`, guess ? `did you mean ${guess}?` : `sections are ${allowed.join(', ')}`)
      }
    }
  }
  const inventory = tagInventory(resume)
  for (const [flag, tags] of [['--tags', flags.tags], ['--exclude-tags', flags.excludeTags]] as const) {
    for (const tag of tags ?? []) {
      if (inventory.has(tag)) continue
      const guess = didYouMean(tag, inventory)
      diagnostics.push({ code: 'UNKNOWN_TAG', severity: 'warning', message: `${flag}: no entry or highlight carries the tag ${tag}${guess ? `; did you mean ${guess}?` : ''}` })
    }
  }
  const set: Override[] = []
  const problems: Diagnostic[] = []
  for (const pair of flags.set ?? []) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw usage(`--set ${JSON.stringify(pair)} needs the form path=value`, 'e.g. --set basics.label="ML Engineer"')
    const key = pair.slice(0, eq)
    const site = { label: `--set ${pair}` }
    const { path, problems: pathProblems } = checkPath(key, resume, site)
    problems.push(...pathProblems)
    if (!path) continue
    const value = typedValue(path, pair.slice(eq + 1), resume)
    problems.push(...(await checkValue(path, value, site)))
    set.push({ path, value, origin: '--set' })
  }
  if (problems.some((d) => d.severity === 'error')) throw new VitaeError('validation', problems)
  diagnostics.push(...problems)
  if (!sections && !list(flags.tags) && !list(flags.excludeTags) && set.length === 0) return undefined
  return { source: 'the command line', tags: list(flags.tags), excludeTags: list(flags.excludeTags), sections: sections as Section[] | undefined, set }
}
