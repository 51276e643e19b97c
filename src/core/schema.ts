import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** A JSON Schema node, as much of it as our walkers read. */
export interface SchemaNode {
  $ref?: string
  type?: string
  enum?: string[]
  pattern?: string
  properties?: Record<string, SchemaNode>
  additionalProperties?: boolean | SchemaNode
  items?: SchemaNode
  anyOf?: SchemaNode[]
  required?: string[]
  description?: string
  definitions?: Record<string, SchemaNode>
}

/** The package root: `src/core` and `lib/core` both sit two levels below it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/resume.schema.json', import.meta.url))

let cached: SchemaNode | undefined
export function resumeSchema(): SchemaNode {
  cached ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as SchemaNode
  return cached
}

/** Follows `$ref`s to `#/definitions/...`; returns the node and the name of the last definition seen. */
export function deref(node: SchemaNode, root: SchemaNode = resumeSchema()): { node: SchemaNode; definition?: string } {
  let current = node
  let definition: string | undefined
  for (let guard = 0; current.$ref && guard < 16; guard++) {
    const name = current.$ref.replace('#/definitions/', '')
    const next = root.definitions?.[name]
    if (!next) break
    definition = name
    current = next
  }
  return { node: current, definition }
}

const kindOf = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'object' ? 'object' : typeof value)

/** The branch of a schema node that applies to a value (anyOf picks the branch of the value's type). */
export function branchFor(node: SchemaNode, value: unknown, root: SchemaNode = resumeSchema()): SchemaNode {
  const { node: resolved } = deref(node, root)
  if (!resolved.anyOf) return resolved
  const kind = kindOf(value)
  for (const option of resolved.anyOf) {
    const branch = branchFor(option, value, root)
    if (branch.type === kind || (branch.type === undefined && branch.anyOf === undefined)) return branch
  }
  return resolved
}

/** The schema node for the value at a path in the data, or undefined where the schema says nothing. */
export function schemaAt(path: ReadonlyArray<string | number>, data: unknown, root: SchemaNode = resumeSchema()): SchemaNode | undefined {
  let node: SchemaNode | undefined = root
  let value: unknown = data
  for (const segment of path) {
    if (!node) return undefined
    const here = branchFor(node, value, root)
    if (typeof segment === 'number' || here.type === 'array') {
      node = here.items
    } else {
      node = here.properties?.[segment] ?? (typeof here.additionalProperties === 'object' ? here.additionalProperties : undefined)
    }
    value = (value as Record<string | number, unknown> | undefined)?.[segment]
  }
  return node
}

/** The names of the shared definitions a path's schema refers to, outermost first (e.g. endDate, then date). */
export function definitionsAt(path: ReadonlyArray<string | number>, data: unknown, root: SchemaNode = resumeSchema()): string[] {
  const names: string[] = []
  const collect = (node: SchemaNode | undefined, depth: number): void => {
    if (!node || depth > 8) return
    if (node.$ref) {
      const name = node.$ref.replace('#/definitions/', '')
      names.push(name)
      collect(root.definitions?.[name], depth + 1)
    }
    for (const option of node.anyOf ?? []) collect(option, depth + 1)
  }
  collect(schemaAt(path, data, root), 0)
  return names
}
