import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT_CODES } from '../../src/cli/exit-codes.js'
import { CODES_BY_KIND } from '../../src/diagnostics/codes.js'
import { ROOT } from '../helpers.js'

/** The README's table of diagnostic codes: code → exit code (or "warning"). */
function readmeCodes(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const rows = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| (\d|warning) \|/gm)]
  return new Map(rows.map((m) => [m[1]!, m[2]!]))
}

// Diagnostic.code is typed as the union of CODES_BY_KIND, so tsc refuses any other code in the
// sources; this test holds the README to the same list.
describe('diagnostic codes', () => {
  it('the README names every code the library can emit, with its exit code, and no other', () => {
    const documented = readmeCodes()
    const emitted = new Map<string, string>()
    for (const [kind, codes] of Object.entries(CODES_BY_KIND)) {
      for (const code of codes) emitted.set(code, kind === 'warning' ? 'warning' : String(EXIT_CODES[kind as keyof typeof EXIT_CODES]))
    }
    expect(Object.fromEntries([...documented].sort())).toEqual(Object.fromEntries([...emitted].sort()))
  })
})
