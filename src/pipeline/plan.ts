import { basename, dirname, extname, resolve } from 'node:path'
import { checkLetters, collectLetters, type LetterDef, looksLikeLetter } from '../core/letters.js'
import { loadFile } from '../core/load.js'
import { normalizeResume } from '../core/normalize.js'
import { locatorOf, type Source } from '../core/source.js'
import { checkResume } from '../core/validate.js'
import { checkVariants, collectVariants, outputName, type VariantDef } from '../core/variants.js'
import { type Diagnostic, hasErrors, VitaeError } from '../diagnostics/diagnostic.js'
import { detectShape, foreignFormatDiagnostic, isEmptyResume } from '../import/detect.js'
import type { Resume } from '../types/resume.js'
import type { TailorOptions } from './options.js'
import { planTargets, type Target } from './targets.js'

/** A resume file read and checked: what `validate` reports and what `explain` and `build` plan from. */
export interface Inspection {
  source: Source
  /** Present when the resume itself is valid. */
  resume?: Resume
  variants: Map<string, VariantDef>
  /** Cover letters: `letters:` in the resume and letters/NAME.yaml beside it. */
  letters: Map<string, LetterDef>
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
  const { data, locator, diagnostics: read } = normalizeResume(source.data, locatorOf(source))
  const refused = (d: Diagnostic): Inspection => ({ source, variants: new Map(), letters: new Map(), diagnostics: [d], resumeDir, stem })
  // Another tool's file: one error naming the tool and the import command, not a page of unknown keys.
  const foreign = foreignFormatDiagnostic(data, source.file)
  if (foreign) {
    const key = detectShape(data) === 'rendercv' ? 'cv' : 'content'
    return refused({ ...foreign, ...locator.place([key], { key: true }) })
  }
  // A cover letter given where the resume belongs: say which is which, and how to build it.
  if (looksLikeLetter(data)) {
    return refused({
      code: 'RESUME_IS_LETTER',
      severity: 'error',
      message: `${source.file} is a cover letter, not a resume`,
      hint: `put it in letters/ beside the resume and run resume build --letter ${stem}`,
      file: source.file,
      ...locator.place(['body'], { key: true }),
    })
  }
  if (isEmptyResume(data)) {
    return refused({
      code: 'EMPTY_RESUME',
      severity: 'error',
      message: 'there is nothing to render: no name and no section with anything in it',
      hint: 'start with basics: and your name, then add work:, education: ... (resume init writes a starter)',
      file: source.file,
      line: 1,
      column: 1,
    })
  }
  const diagnostics = strictly([...read, ...(await checkResume(data, locator))], options.strict)
  if (hasErrors(diagnostics)) return { source, variants: new Map(), letters: new Map(), diagnostics, resumeDir, stem }
  // Variants are checked against a valid resume only: their paths and tags refer to it.
  const resume = data as Resume
  const { variants, diagnostics: found } = await collectVariants(source, resume, resumeDir)
  found.push(...(await checkVariants(variants, resume, stem)))
  const { letters, diagnostics: letterProblems } = await collectLetters(source, resume, resumeDir)
  const variantOutputs = new Map<string, string | undefined>([[stem, undefined], ...[...variants.values()].map((v) => [outputName(stem, v), v.name] as [string, string])])
  found.push(...letterProblems, ...checkLetters(letters, [...variants.keys()], stem, variantOutputs))
  return { source, resume, variants, letters, diagnostics: [...diagnostics, ...strictly(found, options.strict)], resumeDir, stem }
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
  const planned = await planTargets(inspection.resume, inspection.source, inspection.variants, tailor, inspection.stem, inspection.letters)
  return { ...inspection, resume: inspection.resume, targets: planned.targets, diagnostics: [...inspection.diagnostics, ...planned.diagnostics] }
}
