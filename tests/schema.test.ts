import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, runCli } from './helpers.js'

const require = createRequire(import.meta.url)
const officialDir = dirname(require.resolve('@jsonresume/schema/sample.resume.json'))
const officialDocs = ['sample.resume.json', ...readdirSync(join(officialDir, 'examples')).map((f) => join('examples', f))]

describe('the schema is a superset of JSON Resume 1.0', () => {
  for (const doc of officialDocs) {
    it(`accepts the official ${doc} with no errors`, async () => {
      const file = join(officialDir, doc)
      // The official validator must agree that the document is valid, or the test proves nothing.
      const official = require('@jsonresume/schema') as { validate(doc: unknown, cb: (err: unknown, valid: boolean) => void): void }
      await new Promise<void>((resolve, reject) =>
        official.validate(require(file), (err, valid) => (err || !valid ? reject(new Error(`official validator rejects ${doc}: ${JSON.stringify(err)}`)) : resolve())),
      )
      const { code, stderr } = await runCli(['validate', file])
      expect(stderr).toMatch(/valid \(0 errors, \d+ warnings?\)/)
      expect(code).toBe(0)
    })
  }

  it('the TypeScript types follow the schema (regenerate with npm run gen:types)', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/gen-types.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow()
  })

  it('the schemas list the sections, paper sizes and lengths of the code (regenerate with npm run gen:types)', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/gen-schemas.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow()
  })
})
