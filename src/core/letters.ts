import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { Letter, Resume } from '../types/resume.js'
import { collectNamedParts, type NamedPart } from './named-parts.js'
import type { Source } from './source.js'
import { didYouMean } from './suggest.js'

/** A cover letter as written, with a way back to where each of its parts is. */
export type LetterDef = NamedPart<Letter>

/** Keys only a resume has: a file holding them where a letter belongs is a resume. */
const RESUME_KEYS = ['basics', 'work', 'education', 'skills', 'projects', 'volunteer', 'variants']

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/** True for data shaped like a cover letter and not like a resume: what `build` refuses as its input. */
export function looksLikeLetter(data: unknown): boolean {
  if (!isMapping(data) || typeof data.body !== 'string') return false
  return !RESUME_KEYS.some((k) => k in data) && ['recipient', 'salutation', 'closing', 'variant', 'subject'].some((k) => k in data)
}

/**
 * Letters from `letters:` in the resume and from `letters/NAME.yaml` beside it, each validated as
 * the resume's `letters.NAME` (one schema, one linter) with its places in its own file. A letter
 * file that holds a resume is one error saying so, not a page of unknown keys.
 */
export async function collectLetters(source: Source, resume: Resume, resumeDir: string): Promise<{ letters: Map<string, LetterDef>; diagnostics: Diagnostic[] }> {
  const { parts, diagnostics } = await collectNamedParts<Letter>(source, resume, resumeDir, 'letters', {
    noun: 'letter',
    refuse(data, shown, place) {
      const resumeKey = isMapping(data) ? RESUME_KEYS.find((k) => k in data) : undefined
      if (!resumeKey || (isMapping(data) && 'body' in data)) return undefined
      return {
        code: 'LETTER_IS_RESUME',
        severity: 'error',
        message: `${shown} is a resume (it has ${resumeKey}:), not a cover letter`,
        hint: 'a letter has recipient:, subject:, body: and the variant: it goes with; move the resume out of letters/',
        file: shown,
        ...place([resumeKey], { key: true }),
      }
    },
  })
  return { letters: parts, diagnostics }
}

/**
 * An application's file names sort together: the resume it goes with as `<base>.*`, the letter as
 * `<base>-letter.*`, the packet as `<base>-packet.pdf`; the base is `<resume>-<letter>` or the
 * letter's `output`.
 */
export function applicationName(stem: string, letter: LetterDef): string {
  return letter.def.output ?? `${stem}-${letter.name}`
}

/**
 * What the schema cannot check: the variant a letter names exists, and its files are its own: no
 * other letter, and no other variant of the resume (`taken`: output name → variant, undefined for
 * the resume as written), writes them.
 */
export function checkLetters(letters: Map<string, LetterDef>, variantNames: readonly string[], stem: string, taken: ReadonlyMap<string, string | undefined>): Diagnostic[] {
  const out: Diagnostic[] = []
  const names = new Map<string, string>()
  for (const letter of letters.values()) {
    const variant = letter.def.variant
    if (variant !== undefined && !variantNames.includes(variant)) {
      const guess = didYouMean(variant, variantNames)
      out.push({
        code: 'LETTER_VARIANT',
        severity: 'error',
        message: `the letter ${letter.name} goes with the variant ${variant}, which the resume does not define${guess ? `; did you mean ${guess}?` : ''}`,
        hint: variantNames.length
          ? `the variants are ${variantNames.join(', ')}`
          : 'define it under variants: (or in variants/NAME.yaml), or leave variant: out to go with the resume as written',
        file: letter.file,
        ...letter.place(['variant']),
      })
    }
    const output = applicationName(stem, letter)
    const owner = taken.get(output)
    // The letter's own variant under its own name is the same document: no clash.
    const other = taken.has(output) && owner !== variant ? (owner === undefined ? 'the resume as written' : `the variant ${owner}`) : undefined
    const clash = names.get(output) ?? other
    if (clash) {
      out.push({
        code: 'OUTPUT_CONFLICT',
        severity: 'error',
        message: `the letter ${letter.name} and ${clash} would both write ${output}.*`,
        hint: 'give the letter another output: name',
        file: letter.file,
        ...letter.place(letter.def.output ? ['output'] : [], { key: !letter.def.output }),
      })
    }
    names.set(output, `the letter ${letter.name}`)
  }
  return out
}
