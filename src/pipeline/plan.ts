import { basename, dirname, extname, resolve } from 'node:path'
import { loadFile } from '../core/load.js'
import { locatorOf, type Source } from '../core/source.js'
import { checkResume } from '../core/validate.js'
import { checkVariants, collectVariants, type VariantDef } from '../core/variants.js'
import { VitaeError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Resume } from '../types/resume.js'
import type { TailorOptions } from './options.js'
import { planTargets, type Target } from './targets.js'

/** A resume file read and checked: what `validate` reports and what `explain` and `build` plan from. */
export interface Inspection {
  source: Source
  /** Present when the resume itself is valid. */
  resume?: Resume
  variants: Map<string, VariantDef>
  /** Every problem, strictness applied: the file's, then its variants'. */
  diagnostics: Diagnostic[]
  resumeDir: string
  /** The file name without its extension: the default output name. */
  stem: string
}

const strictly = (list: Diagnostic[], strict?: boolean): Diagnostic[] => (strict ? list.map((d) => ({ ...d, severity: 'error' as const })) : list)

/**
 * Loads, validates and collects variants, once. Throws only for a file that cannot be read as
 * YAML (exit 3); validation problems come back as diagnostics.
 */
export async function inspect(input: string, options: { strict?: boolean } = {}): Promise<Inspection> {
  const source = await loadFile(input)
  const resumeDir = dirname(resolve(input))
  const stem = basename(input, extname(input))
  const diagnostics = strictly(await checkResume(source.data, locatorOf(source)), options.strict)
  if (hasErrors(diagnostics)) return { source, variants: new Map(), diagnostics, resumeDir, stem }
  // Variants are checked against a valid resume only: their paths and tags refer to it.
  const resume = source.data as Resume
  const { variants, diagnostics: found } = await collectVariants(source, resume, resumeDir)
  found.push(...(await checkVariants(variants, resume, stem)))
  return { source, resume, variants, diagnostics: [...diagnostics, ...strictly(found, options.strict)], resumeDir, stem }
}

/** Everything before rendering: the valid resume, its variants, and the targets to make. */
export interface Plan extends Inspection {
  resume: Resume
  targets: Target[]
}

/** Inspects, refuses an invalid resume (exit 4), and chooses the targets the options ask for. */
export async function plan(input: string, tailor: TailorOptions = {}, options: { strict?: boolean } = {}): Promise<Plan> {
  const inspection = await inspect(input, options)
  if (!inspection.resume || hasErrors(inspection.diagnostics)) throw new VitaeError('validation', inspection.diagnostics)
  const planned = await planTargets(inspection.resume, inspection.source, inspection.variants, tailor, inspection.stem)
  return { ...inspection, resume: inspection.resume, targets: planned.targets, diagnostics: [...inspection.diagnostics, ...planned.diagnostics] }
}
