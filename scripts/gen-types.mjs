// Writes src/types/resume.ts from schema/resume.schema.json, so the types follow the schema.
// `node scripts/gen-types.mjs --check` exits 1 if the committed file is stale (tests run it).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile } from 'json-schema-to-typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(root, 'src/types/resume.ts')
const schema = JSON.parse(readFileSync(join(root, 'schema/resume.schema.json'), 'utf8'))
const banner = '/* Generated from schema/resume.schema.json by scripts/gen-types.mjs (npm run gen:types). Do not edit. */'
const code = await compile(schema, 'Resume', { bannerComment: banner, style: { singleQuote: true, semi: false, printWidth: 120 }, unreachableDefinitions: true })

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8')
  if (current !== code) {
    console.error('src/types/resume.ts is stale: run `npm run gen:types` and commit the result')
    process.exit(1)
  }
} else {
  writeFileSync(target, code)
}
