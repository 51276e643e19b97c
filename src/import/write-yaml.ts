import { dirname, posix, relative, sep } from 'node:path'
import { Document, isMap, isPair, isScalar, type Pair, Scalar, visit } from 'yaml'
import type { Resume } from '../types/resume.js'
import { TOP_LEVEL_ORDER } from './fields.js'

export interface YamlOptions {
  /** What the first line's `$schema=` points at (see schemaRef); default: the installed package's schema. */
  schema?: string
  /** Comment lines after the schema line, e.g. where the file came from. */
  header?: string[]
  /** Fold long text at this many columns (default 100). */
  lineWidth?: number
}

/** Where a resume in a user's folder finds our schema when vitae is installed there. */
export const PACKAGE_SCHEMA_REF = './node_modules/vitae/schema/resume.schema.json'

/**
 * The `$schema=` reference for a resume written to `outputFile`: the schema file relative to it when
 * the schema lies in the same folder tree (as `./schema/resume.schema.json` in this repository),
 * else the path it has when vitae is installed beside the resume.
 */
export function schemaRef(outputFile: string, schemaFile: string): string {
  const rel = relative(dirname(outputFile), schemaFile).split(sep).join(posix.sep)
  if (rel && !rel.startsWith('..') && !posix.isAbsolute(rel)) return `./${rel}`
  return PACKAGE_SCHEMA_REF
}

export const schemaComment = (ref: string): string => `yaml-language-server: $schema=${ref}`

/** Top-level keys in the usual order: basics, the sections, `x-` keys, meta, variants last. */
function ordered(resume: Resume): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of TOP_LEVEL_ORDER) if (resume[k] !== undefined) out[k] = resume[k]
  const rest = Object.keys(resume).filter((k) => !(k in out) && k !== 'meta' && k !== 'variants')
  for (const k of rest.filter((k) => !k.startsWith('x-'))) out[k] = resume[k]
  for (const k of rest.filter((k) => k.startsWith('x-'))) out[k] = resume[k]
  if (resume.meta !== undefined) out.meta = resume.meta
  if (resume.variants !== undefined) out.variants = resume.variants
  return out
}

/** Lists of words that read well on one line; highlights never do. */
const FLOW_KEYS = new Set(['tags', 'excludeTags', 'keywords', 'courses', 'roles', 'sections'])

/** Text this long goes in a folded block (`>-`) so that it wraps in the editor like prose. */
const BLOCK_FROM = 72

/**
 * Our resume as a resume.yaml: the schema line first, sections in the usual order with a blank
 * line between them, long text folded (`>-`) at about 100 columns, text with line breaks as a
 * literal block, short lists of words in flow style (`[a, b]`), and strings that YAML would read as
 * something else (`"2023"`, `"true"`) quoted. Parsing the output gives back the same data.
 */
export function toYaml(resume: Resume, options: YamlOptions = {}): string {
  const doc = new Document(ordered(resume), { version: '1.2' })
  doc.commentBefore = [schemaComment(options.schema ?? PACKAGE_SCHEMA_REF), ...(options.header ?? [])].map((l) => ` ${l}`).join('\n')

  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL
      else if (node.value.length > BLOCK_FROM && node.value.trim() === node.value) node.type = Scalar.BLOCK_FOLDED
    },
    Seq(_key, node, path) {
      const parent = path[path.length - 1]
      if (!(isPair(parent) && isScalar(parent.key) && FLOW_KEYS.has(String(parent.key.value)))) return
      const items = node.items
      const short = items.every((i) => isScalar(i) && typeof i.value === 'string' && i.value.length <= 40 && !/[\n#,[\]{}:"']/.test(i.value))
      const width = items.reduce<number>((n, i) => n + String((i as Scalar).value).length + 2, 0)
      if (items.length > 0 && short && width <= 72) node.flow = true
    },
  })
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair: Pair, i) => {
      if (i > 0 && isPair(pair) && isScalar(pair.key)) pair.key.spaceBefore = true
    })
  }
  return doc.toString({ lineWidth: options.lineWidth ?? 100, minContentWidth: 40, flowCollectionPadding: false })
}
