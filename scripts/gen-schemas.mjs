// Writes the domain vocabulary into the JSON Schemas from the one place each is defined:
// section names from the section table (src/core/sections.ts), paper sizes and the length pattern
// from page geometry (src/page/geometry.ts). The schemas are published files editors read, so the
// lists are written into them rather than referenced; this keeps them from drifting.
// `node scripts/gen-schemas.mjs --check` exits 1 if a committed schema is stale (tests run it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** A TypeScript module of ours that imports nothing but types, loaded without a build. */
async function load(file) {
  const { code } = transformSync(readFileSync(join(root, file), 'utf8'), { loader: 'ts', format: 'esm' })
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
}

const { SECTION_IDS } = await load('src/core/sections.ts')
const { LENGTH_PATTERN, PAGE_SIZES } = await load('src/page/geometry.ts')

const edits = {
  'schema/resume.schema.json': (s) => {
    s.definitions.section.enum = [...SECTION_IDS]
    s.definitions.length.pattern = LENGTH_PATTERN
    for (const where of [s.properties.meta.properties.page, s.definitions.variant.properties.page, s.definitions.letter.properties.page]) where.enum = [...PAGE_SIZES]
    // meta.labels takes every word of a locale table by its key, contact words flattened.
    const table = JSON.parse(readFileSync(join(root, 'locales/locale.schema.json'), 'utf8')).properties
    const words = [...Object.keys(table).filter((k) => table[k].type === 'string' && !['$schema', 'name'].includes(k)), ...Object.keys(table.contact.properties)]
    s.properties.meta.properties.labels.properties = Object.fromEntries(words.map((k) => [k, { type: 'string' }]))
  },
  'schema/theme.schema.json': (s) => {
    for (const list of [s.properties.sections, s.properties.side]) list.items.enum = [...SECTION_IDS]
    // A theme may also ask for the paper its resume's locale prints on.
    s.properties.page.properties.size.enum = [...PAGE_SIZES, 'locale']
    for (const side of ['top', 'right', 'bottom', 'left']) s.properties.page.properties.margins.properties[side] = { type: 'string', pattern: LENGTH_PATTERN }
  },
  'locales/locale.schema.json': (s) => {
    const headings = s.properties.sections
    headings.required = [...SECTION_IDS]
    headings.properties = Object.fromEntries(
      SECTION_IDS.map((id) => [id, { type: 'string', minLength: 1, description: headings.properties?.[id]?.description ?? `Heading of the ${id} section.` }]),
    )
  },
}

/**
 * The published letter schema is the resume schema's `letter` definition (which `letters:` in a
 * resume uses) with the definitions it refers to: one owner, two files editors can point at.
 */
function letterSchema(resume) {
  const { title: _title, ...letter } = resume.definitions.letter
  const used = new Set()
  const visit = (node) => {
    if (!node || typeof node !== 'object') return
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/definitions/', '')
      if (!used.has(name)) {
        used.add(name)
        visit(resume.definitions[name])
      }
    }
    for (const child of Object.values(node)) visit(child)
  }
  visit(letter)
  return {
    $schema: resume.$schema,
    $id: 'https://vitae.dev/letter.schema.json',
    title: 'vitae cover letter',
    ...letter,
    definitions: Object.fromEntries([...used].sort().map((name) => [name, resume.definitions[name]])),
  }
}

let stale = false
for (const [file, edit] of Object.entries({ ...edits, 'schema/letter.schema.json': null })) {
  const path = join(root, file)
  const before = existsSync(path) ? JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))) : ''
  const schema = edit ? JSON.parse(before) : letterSchema(JSON.parse(readFileSync(join(root, 'schema/resume.schema.json'), 'utf8')))
  edit?.(schema)
  // Compared as data, so a hand-made layout of the rest of the file does not count as stale.
  if (JSON.stringify(schema) === before) continue
  if (process.argv.includes('--check')) {
    console.error(`${file} is stale: run \`npm run gen:types\` and commit the result`)
    stale = true
  } else {
    writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`)
  }
}
if (stale) process.exit(1)
