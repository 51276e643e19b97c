import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkManifestSchema } from '../../src/themes/manifest-schema.js'
import { ROOT } from '../helpers.js'

// Shipped themes skip the schema check at run time (it costs a compile per build): it runs here.
describe('schema/theme.schema.json', () => {
  const dir = join(ROOT, 'templates')
  for (const name of readdirSync(dir).filter((n) => existsSync(join(dir, n, 'theme.json')))) {
    it(`the shipped theme ${name} follows it`, () => {
      const file = join(dir, name, 'theme.json')
      expect(checkManifestSchema(JSON.parse(readFileSync(file, 'utf8')), file, undefined)).toEqual([])
    })
  }
})
