import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { writeAtomic } from '../core/write.js'
import { VitaeError } from '../diagnostics/diagnostic.js'

const LETTER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/** A starter letter: every part the schema knows, filled with placeholders that validate with no warning. */
export function starterLetter(name: string, variant?: string): string {
  return `# yaml-language-server: $schema=https://vitae.dev/letter.schema.json
# A cover letter: resume build --letter ${name} builds it with the resume it goes with.
# The sender block is your resume's header (basics); the look is your theme's.
${variant ? `variant: ${variant}` : '# variant: backend         # the variant of your resume it goes with (default: the resume as written)'}
recipient:
  name: Dana Reyes
  title: Engineering Manager
  company: Example Company
  address:
    - 100 Main Street
    - Springfield
subject: Application for the Backend Engineer position
# date: 2026-12-07           # default: the day of the build
# salutation: Dear Ms. Reyes, # default: your locale's ("Dear Hiring Manager,")
body: |
  I am writing to apply for the Backend Engineer position at Example Company. Say in two
  sentences who you are and why this role.

  Show, with one or two facts from your resume, what you would bring:

  - **a result with a number**, and how you got it;
  - another, close to what the job asks for.

  Close with what you would like to happen next. Thank you for your time and consideration.
# closing: Best regards,      # default: your locale's ("Sincerely,")
`
}

/** Writes letters/NAME.yaml beside the resume; never over a file unless forced. */
export async function initLetter(options: { resumeFile: string; name: string; variant?: string; force?: boolean }): Promise<string> {
  if (!LETTER_NAME.test(options.name)) {
    throw new VitaeError('usage', [
      {
        code: 'BAD_FLAG',
        severity: 'error',
        message: `${JSON.stringify(options.name)} cannot be a letter name: it becomes part of a file name`,
        hint: 'use letters, digits, - and _ only, e.g. acme',
      },
    ])
  }
  const path = join(dirname(resolve(options.resumeFile)), 'letters', `${options.name}.yaml`)
  if (!options.force && existsSync(path)) {
    throw new VitaeError('output', [
      {
        code: 'OUTPUT_EXISTS',
        severity: 'error',
        message: `${path} exists; resume init never overwrites a file`,
        hint: 'choose another letter name, or pass --force to replace it',
      },
    ])
  }
  mkdirSync(dirname(path), { recursive: true })
  await writeAtomic(path, Buffer.from(starterLetter(options.name, options.variant), 'utf8'))
  return path
}
