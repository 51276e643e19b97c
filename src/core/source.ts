import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml'

/** The parsed input: what was read, and how to find any value's place in it. */
export interface Source {
  /** The file name as the user gave it, used in diagnostics. */
  file: string
  text: string
  doc: Document.Parsed
  lineCounter: LineCounter
  /** The plain data, with no YAML nodes left in it. */
  data: unknown
  /** Where the value at `path` is written, when the reader knows it without building `doc` (src/core/yaml-fast.ts). */
  spanAt?(path: Path): Span | undefined
}

/** Where a value is written, as a reader found it without the YAML tree. */
export interface Span {
  /** The value's text: inside its quotes; a block scalar's lines, after its indicator's. */
  text: readonly [number, number]
  /** Where the tree's node for it starts (its opening quote, say), when that is known without the tree. */
  node?: number
}

/**
 * A Source read by a quicker reader than the YAML one (src/core/json-fast.ts, yaml-fast.ts): its data
 * now, its YAML tree made by `full` the first time something asks for it. A reader that can count
 * lines or find spans without the tree passes `lineCounter` (made once, when first asked) and
 * `spanAt`; without them, lines come from the tree too.
 */
export function withTreeOnDemand(read: Pick<Source, 'file' | 'text' | 'data' | 'spanAt'> & { lineCounter?: () => LineCounter }, full: () => Source): Source {
  let tree: Source | undefined
  let lines: LineCounter | undefined
  const { lineCounter, ...rest } = read
  return {
    ...rest,
    get doc() {
      tree ??= full()
      return tree.doc
    },
    get lineCounter() {
      if (lineCounter) lines ??= lineCounter()
      else tree ??= full()
      return lines ?? tree!.lineCounter
    },
  }
}

export type Path = ReadonlyArray<string | number>

/** Where a path in the data sits in a file: how diagnostics get their line and column. */
export interface Locator {
  file?: string
  place(path: Path, options?: { key?: boolean }): Place | undefined
  /** The place of one character inside the string at `path`, where the file shows it. */
  placeOfText?(path: Path, char: string): Place | undefined
}

export interface Place {
  line: number
  column: number
}

function pairAt(node: unknown, key: string | number): Pair | undefined {
  if (!isMap(node)) return undefined
  return node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))
}

/** Walks the YAML tree along a JSON path; stops at the deepest node that exists. */
function walk(source: Source, path: Path): { node: Node | null; pair?: Pair; complete: boolean } {
  let node: unknown = source.doc.contents
  let pair: Pair | undefined
  for (const segment of path) {
    if (isSeq(node) && typeof segment === 'number') {
      const next = node.items[segment]
      if (next === undefined) return { node: node as Node, pair, complete: false }
      node = next
      pair = undefined
      continue
    }
    const found = pairAt(node, segment)
    if (!found) return { node: node as Node, pair, complete: false }
    pair = found
    node = found.value
  }
  return { node: (node as Node) ?? null, pair, complete: true }
}

export function placeOfOffset(source: Source, offset: number): Place {
  const { line, col } = source.lineCounter.linePos(offset)
  return { line, column: col }
}

/**
 * The place of the value at `path`; with `key: true`, the place of its key instead (for
 * problems with the key itself, such as an unknown or misspelled property).
 * A path that runs past the document (a missing property) lands on its nearest existing parent.
 */
export function placeOf(source: Source, path: Path, options: { key?: boolean } = {}): Place {
  // The reader's own index, when it knows the node's start: no tree is built.
  const known = options.key ? undefined : source.spanAt?.(path)?.node
  if (known !== undefined) return placeOfOffset(source, known)
  const { node, pair, complete } = walk(source, path)
  const target = options.key && complete && pair && isScalar(pair.key) ? pair.key : (node ?? pair?.key)
  const range = (target as Node | null | undefined)?.range
  if (range) return placeOfOffset(source, range[0])
  // A key with an empty value (`summary:`) has no value node: point at the key.
  if (pair && isScalar(pair.key) && pair.key.range) return placeOfOffset(source, pair.key.range[0])
  return { line: 1, column: 1 }
}

/**
 * Where the value at `path` is written, if the whole path exists: from the reader's own index when
 * it has one (no YAML tree is built), else from the tree. For finding text inside a value.
 */
export function spanOf(source: Source, path: Path): readonly [number, number] | undefined {
  if (source.spanAt) return source.spanAt(path)?.text
  const range = nodeAt(source, path)?.range
  return range ? [range[0], range[1]] : undefined
}

/** The YAML node at `path`, if the whole path exists. */
export function nodeAt(source: Source, path: Path): Node | null | undefined {
  const { node, complete } = walk(source, path)
  return complete ? node : undefined
}

/**
 * The place of a character inside the scalar at `path`: written as itself, or as a YAML
 * escape (\x01, \u0001) in a double-quoted string. Falls back to the scalar's start.
 */
export function placeOfChar(source: Source, path: Path, char: string): Place {
  const node = nodeAt(source, path)
  const range = node?.range
  if (!range) return placeOf(source, path)
  const raw = source.text.slice(range[0], range[1])
  const code = char.charCodeAt(0)
  const lower = raw.toLowerCase()
  const escapes = [`\\x${code.toString(16).padStart(2, '0')}`, `\\u${code.toString(16).padStart(4, '0')}`]
  const candidates = [raw.indexOf(char), ...escapes.map((e) => lower.indexOf(e))]
  const index = candidates.filter((i) => i >= 0).sort((a, b) => a - b)[0]
  return placeOfOffset(source, range[0] + (index ?? 0))
}

/** A locator over a loaded file: how validation finds the line and column of a path. */
export function locatorOf(source: Source): Locator {
  return {
    file: source.file,
    place: (path, options) => placeOf(source, path, options),
    placeOfText: (path, char) => placeOfChar(source, path, char),
  }
}
