import { isUtf8 } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { Composer, CST, type Document, isAlias, isCollection, isMap, isPair, isScalar, Lexer, LineCounter, type Node, Parser, visit } from 'yaml'
import type { DiagnosticCode } from '../diagnostics/codes.js'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import { binaryKind } from './binary-kind.js'
import { readCleanJson } from './json-fast.js'
import type { Source } from './source.js'
import { readPlainYaml } from './yaml-fast.js'

/** A resume is a few kilobytes; anything this large is a mistake or an attack. */
export const MAX_INPUT_BYTES = 1024 * 1024
/**
 * Aliases are handy for repeated text or a repeated entry; a resume's whole data is a couple of
 * thousand values. Every alias counts the values it stands for (one for a text, six for a list of
 * five), and all of them together may stand for at most this many: an "alias bomb" (aliases of
 * aliases, each doubling the data) stops at the alias that crosses it.
 */
export const MAX_ALIAS_VALUES = 10_000
/** A resume nests five or six levels deep; far deeper is a mistake or an attack on the stack. */
export const MAX_DEPTH = 100

/** The tags of the YAML 1.2 core schema: anything else would need code of ours to mean something. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`))

const input = (diagnostics: Diagnostic[]): VitaeError => new VitaeError('input', diagnostics)

export async function loadFile(file: string, displayName = file): Promise<Source> {
  let bytes: Buffer
  try {
    // Synchronous: a resume is a few kilobytes, and the asynchronous read's four thread-pool round
    // trips (open, stat, read, close) and node:fs/promises cost more than reading it.
    bytes = readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT' ? `cannot find ${displayName}` : code === 'EISDIR' ? `${displayName} is a folder, not a file` : `cannot read ${displayName} (${code ?? String(error)})`
    throw input([
      {
        code: code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
        severity: 'error',
        message,
        file: displayName,
        hint: code === 'ENOENT' ? 'create it, or name yours: resume build path/to/resume.yaml' : undefined,
      },
    ])
  }
  return loadBytes(bytes, displayName)
}

/** Finds the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const c1 = bytes[i + 1] ?? 0
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i
    i += need + 1
  }
  return -1
}

function decode(bytes: Uint8Array, file: string): string {
  const kind = binaryKind(bytes)
  if (kind) {
    throw input([
      {
        code: 'NOT_UTF8',
        severity: 'error',
        message: `${file} is ${kind}, not a text file`,
        file,
        hint:
          kind === 'a ZIP archive'
            ? "a resume is a .yaml or .json file; LinkedIn's data export archive is read by: resume import FILE.zip"
            : 'a resume is a .yaml or .json file (UTF-8 text); resume import converts JSON Resume, RenderCV and YAMLResume files',
      },
    ])
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw input([
      {
        code: 'INPUT_TOO_LARGE',
        severity: 'error',
        message: `${file} is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes`,
        file,
      },
    ])
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0))
  if (utf16) {
    throw input([
      {
        code: 'NOT_UTF8',
        severity: 'error',
        message: 'the file is UTF-16; resume files must be UTF-8',
        file,
        line: 1,
        column: 1,
        hint: 'save it as UTF-8 (in most editors: "Save with encoding" > UTF-8)',
      },
    ])
  }
  // The native check first: the scan, in JavaScript, only to say where the bad byte is.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes)
  if (bad >= 0) {
    const before = Buffer.from(bytes.subarray(0, bad)).toString('utf8')
    const lines = before.split('\n')
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')
    throw input([
      {
        code: 'NOT_UTF8',
        severity: 'error',
        message: `invalid UTF-8: byte 0x${byte} cannot start or continue a character here`,
        file,
        line: lines.length,
        column: [...lines[lines.length - 1]!].length + 1,
        hint: 'the file is probably in a legacy encoding such as Latin-1 or Windows-1252; save it as UTF-8',
      },
    ])
  }
  const text = Buffer.from(bytes).toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Plain-words versions of the YAML parser's messages, by its error code. */
const YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'tabs cannot indent YAML; use spaces',
  BAD_INDENT: 'this line is not indented like the lines around it',
  MISSING_CHAR: 'a quoted string is never closed',
  DUPLICATE_KEY: 'this key appears twice in the same mapping',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span several lines (is a colon or quote missing above?)',
  BLOCK_AS_IMPLICIT_KEY: 'a nested block cannot be used as a key (is a colon missing or misplaced above?)',
  UNEXPECTED_TOKEN: 'unexpected text here',
}

function yamlDiagnostic(source: Pick<Source, 'lineCounter' | 'doc'>, file: string, error: { code: string; pos: [number, number]; message: string }): Diagnostic {
  let offset = error.pos[0]
  let message = YAML_MESSAGES[error.code] ?? error.message.split(' at line ')[0]!.split('\n')[0]!
  if (error.code === 'MISSING_CHAR') {
    // The parser notices the missing quote where the file ends; the user needs the opening one.
    const open = openingQuoteBefore(source, offset)
    if (open !== undefined) offset = open
  }
  // An unclosed "[" or "{" is noticed where the file (or the block) ends; the user needs the opening one.
  const flow = error.code === 'BAD_INDENT' ? /^Flow (sequence|map)/.exec(error.message) : null
  if (flow) {
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}']
    message = `this ${open} is never closed with ${close}`
    const start = openingFlowBefore(source, offset)
    if (start !== undefined) offset = start
  }
  if (error.code === 'DUPLICATE_KEY') message = 'this key appears twice in the same mapping; the second one would silently win'
  const { line, col } = source.lineCounter.linePos(offset)
  return {
    code: error.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
    severity: 'error',
    message,
    file,
    line,
    column: col,
    hint: error.code === 'TAB_AS_INDENT' ? 'replace the tab at the start of the line with spaces' : undefined,
  }
}

function openingQuoteBefore(source: Pick<Source, 'doc'>, offset: number): number | undefined {
  let found: number | undefined
  visit(source.doc, {
    Scalar(_key, node) {
      const [start, , end] = node.range ?? [0, 0, 0]
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && start <= offset && offset <= end) found = start
    },
  })
  return found
}

/** The innermost flow collection ("[...", "{...") that reaches the offset: where it opens. */
function openingFlowBefore(source: Pick<Source, 'doc'>, offset: number): number | undefined {
  let found: number | undefined
  const look = (node: { flow?: boolean; range?: [number, number, number] | null }) => {
    const [start, , end] = node.range ?? [0, 0, 0]
    if (node.flow && start <= offset && offset <= end && (found === undefined || start > found)) found = start
  }
  visit(source.doc, { Seq: (_key, node) => look(node), Map: (_key, node) => look(node) })
  return found
}

const aliasLimit = (at: (code: DiagnosticCode, message: string, offset: number, hint?: string) => Diagnostic, offset: number, what: string): VitaeError =>
  input([at('ALIAS_LIMIT', `${what}; aliases may stand for at most ${MAX_ALIAS_VALUES} values in all`, offset, 'this looks like an "alias bomb"; write the repeated values out')])

/**
 * The file's YAML documents, as parseAllDocuments makes them, with its aliases counted while it is
 * read: more aliases than could ever be allowed (each stands for one value at least) stop the
 * reading there, before the rest of the file is parsed or anything walks it.
 */
function parseDocuments(text: string, lineCounter: LineCounter, at: Parameters<typeof aliasLimit>[0]): Document.Parsed[] {
  const parser = new Parser(lineCounter.addNewLine)
  const composer = new Composer({ uniqueKeys: true, merge: false, strict: true })
  function* tokens() {
    lineCounter.addNewLine(0)
    let aliases = 0
    let scalarNext = false
    for (const lexeme of new Lexer().lex(text)) {
      // A scalar's text follows the SCALAR marker and may start with '*' (a block scalar's); an alias never does.
      if (!scalarNext && lexeme.startsWith('*') && ++aliases > MAX_ALIAS_VALUES) {
        throw aliasLimit(at, parser.offset, `the file has more than ${MAX_ALIAS_VALUES} aliases`)
      }
      scalarNext = lexeme === CST.SCALAR
      yield* parser.next(lexeme)
    }
    yield* parser.end()
  }
  return Array.from(composer.compose(tokens())) as Document.Parsed[]
}

export function loadText(text: string, file: string): Source {
  const lineCounter = new LineCounter()
  const at = (code: DiagnosticCode, message: string, offset: number, hint?: string): Diagnostic => {
    const { line, col } = lineCounter.linePos(offset)
    return { code, severity: 'error', message, file, line, column: col, hint }
  }
  const list = parseDocuments(text, lineCounter, at)

  const first = list[0]
  // Before anything else walks the tree: every later step recurses, and YAML 1.1 would change
  // what the values mean.
  const version = yamlVersion(first, text)
  if (version)
    throw input([
      at(
        'YAML_VERSION',
        `the file asks for YAML ${version.version}; resumes are read as YAML 1.2 only`,
        version.offset,
        'delete the %YAML line (and the --- after it if nothing else needs it); in YAML 1.2, yes/no/on/off are text and 0755 is the number 755',
      ),
    ])
  const shape = first?.contents ? shapeProblems(first, file, lineCounter) : []
  // Nothing after this may walk a tree that is too deep or contains itself.
  if (shape.some((d) => d.code !== 'DUPLICATE_KEY')) throw input(shape.filter((d) => d.code !== 'DUPLICATE_KEY'))
  if (!first || first.contents === null) {
    throw input([at('EMPTY_DOCUMENT', 'the file holds no resume: it is empty or only comments', 0, 'start with `basics:` and your name')])
  }
  const diagnostics: Diagnostic[] = []
  const partial = { lineCounter, doc: first }
  for (const error of first.errors) {
    // The parser's own recursion gave out: only a nesting deeper than we allow does that.
    if (/call stack/i.test(error.message)) diagnostics.push(at('TOO_DEEP', `the file nests lists and mappings too deeply (the limit is ${MAX_DEPTH} levels)`, error.pos[0]))
    else diagnostics.push(yamlDiagnostic(partial, file, error as never))
  }
  diagnostics.push(...shape)
  if (list.length > 1) {
    const second = list[1]!
    diagnostics.push(
      at(
        'MULTIPLE_DOCUMENTS',
        'the file holds more than one YAML document; a resume is one document',
        second.range[0],
        'remove the `---` line, or move the second document to its own file',
      ),
    )
  }
  if (diagnostics.length === 0 && !isMap(first.contents)) {
    const what = isCollection(first.contents) ? 'a list' : 'a single value'
    diagnostics.push(at('ROOT_NOT_MAPPING', `the resume must be a mapping of sections (basics:, work:, ...), not ${what}`, first.contents.range?.[0] ?? 0))
  }
  if (diagnostics.length === 0) diagnostics.push(...unsafeConstructs(first, file, lineCounter))
  if (diagnostics.length > 0) throw input(dedupe(sortByOffset(diagnostics)))

  return { file, text, doc: first, lineCounter, data: toData(first.contents) }
}

/** A `%YAML` directive for any version but 1.2, and where it is. */
function yamlVersion(doc: Source['doc'] | undefined, text: string): { version: string; offset: number } | undefined {
  const directive = /^%YAML[ \t]+(\S*)/m.exec(text)
  if (!directive || directive[1] === '1.2') return undefined
  // Only a directive before the first document's content counts (a line in a block scalar is text).
  const start = doc?.contents?.range?.[0] ?? text.length
  if (directive.index > start) return undefined
  return { version: directive[1] || '(none)', offset: directive.index }
}

/**
 * What would make reading the tree unsafe or silently lossy, found in one iterative walk (no
 * recursion, so any depth is safe; each node once, so linear in the file): nesting deeper than
 * MAX_DEPTH, an alias to no anchor before it, an alias inside the node it refers to (an endless
 * value), aliases that stand for more than MAX_ALIAS_VALUES values in all (the walk stops at the
 * one that crosses it), and keys that differ in YAML but are the same once read (`1:` and `"1":`,
 * `true:` and `"true":`), of which only one value would survive.
 */
function shapeProblems(doc: Source['doc'], file: string, lineCounter: LineCounter): Diagnostic[] {
  const at = (code: DiagnosticCode, message: string, offset: number, hint?: string): Diagnostic => {
    const { line, col } = lineCounter.linePos(offset)
    return { code, severity: 'error', message, file, line, column: col, hint }
  }
  const out: Diagnostic[] = []
  const anchors = new Map<string, Node>()
  // How many values each node stands for once its aliases are expanded; known when the walk leaves it.
  const values = new Map<unknown, number>()
  let aliased = 0
  // Depth-first in document order: children are pushed last first, after a marker to leave the node by.
  const stack: Array<{ node: unknown; depth: number; leave?: unknown[] }> = [{ node: doc.contents, depth: 1 }]
  while (stack.length > 0) {
    const { node, depth, leave } = stack.pop()!
    if (leave) {
      values.set(
        node,
        leave.reduce<number>((n, child) => n + (values.get(child) ?? 0), 1),
      )
      continue
    }
    if (!node || typeof node !== 'object') continue
    if (isAlias(node)) {
      const target = anchors.get(node.source)
      const offset = node.range?.[0] ?? 0
      if (!target) {
        out.push(at('UNDEFINED_ALIAS', `the alias *${node.source} refers to no anchor defined before it`, offset, `define it first with &${node.source}`))
        continue
      }
      if (target.range && target.range[0] <= offset && offset < target.range[2]) {
        out.push(
          at(
            'ALIAS_CYCLE',
            `the alias *${node.source} is inside the value &${node.source} names, so that value would contain itself forever`,
            offset,
            `write the value out, or move the alias outside &${node.source}`,
          ),
        )
        continue
      }
      const size = values.get(target) ?? 1
      values.set(node, size)
      aliased += size
      if (aliased > MAX_ALIAS_VALUES) {
        out.push(aliasLimit(at, offset, `here the aliases come to ${aliased} values`).diagnostics[0]!)
        break
      }
      continue
    }
    const anchor = (node as Node).anchor
    if (anchor) anchors.set(anchor, node as Node)
    if (!isCollection(node)) {
      values.set(node, 1)
      continue
    }
    if (depth > MAX_DEPTH) {
      out.push(
        at(
          'TOO_DEEP',
          `lists and mappings nest more than ${MAX_DEPTH} levels deep here`,
          (node as Node).range?.[0] ?? 0,
          'a resume needs a handful of levels; is a bracket or an indent wrong?',
        ),
      )
      break
    }
    const children: unknown[] = []
    const keys = new Map<string, unknown>()
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (isMap(node) && isScalar(item.key)) {
          const value = item.key.value
          // As the data will hold it: yaml turns keys into strings this way.
          const key = value === null || value === undefined ? '' : typeof value === 'object' ? undefined : String(value)
          if (key !== undefined) {
            // The same key written the same way is the parser's DUPLICATE_KEY already.
            if (keys.has(key) && keys.get(key) !== value) {
              out.push(
                at(
                  'DUPLICATE_KEY',
                  `this key is read as ${JSON.stringify(key)}, like an earlier key in the same mapping; the second one would silently win`,
                  item.key.range?.[0] ?? 0,
                  'write each key once: quoted or not, "1" and 1 (or "true" and true) are the same key once read',
                ),
              )
            }
            if (!keys.has(key)) keys.set(key, value)
          }
        }
        children.push(item.key, item.value)
      } else children.push(item)
    }
    stack.push({ node, depth, leave: children })
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 })
  }
  return out
}

/**
 * The document as plain data, in one walk: what `doc.toJS()` gives, without its alias lookups
 * (each of which walks the whole document). Called only on a tree shapeProblems and
 * unsafeConstructs passed: not too deep, no cycles, every alias defined, scalar keys only, core
 * tags. An alias gives the value its anchor made, the same object, as toJS does.
 */
export function toData(root: unknown): unknown {
  const anchored = new Map<string, unknown>()
  const convert = (node: unknown): unknown => {
    if (node === null || node === undefined) return null
    if (isAlias(node)) return anchored.get(node.source)
    const anchor = (node as Node).anchor
    if (isMap(node)) {
      const map: Record<string, unknown> = {}
      if (anchor) anchored.set(anchor, map)
      for (const pair of node.items) {
        const key = convert(pair.key)
        map[key === null || key === undefined ? '' : String(key)] = convert(pair.value)
      }
      return map
    }
    if (isCollection(node)) {
      const list: unknown[] = []
      if (anchor) anchored.set(anchor, list)
      for (const item of node.items) list.push(convert(item))
      return list
    }
    const value = isScalar(node) ? (typeof node.value === 'bigint' ? Number(node.value) : node.value) : node
    if (anchor) anchored.set(anchor, value)
    return value
  }
  return convert(root)
}

/** What YAML allows but a resume must not use: unknown tags, merge keys, `__proto__` (dangling aliases are shapeProblems'). */
function unsafeConstructs(doc: Source['doc'], file: string, lineCounter: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = []
  const at = (code: DiagnosticCode, message: string, node: Node | null | undefined, hint?: string) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0)
    out.push({ code, severity: 'error', message, file, line, column: col, hint })
  }
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key)) {
        at('YAML_SYNTAX', 'keys must be plain text, not lists or mappings', pair.key as Node)
        return
      }
      const key = String(pair.key.value)
      if (key === '<<') at('MERGE_KEY', 'merge keys (`<<`) are not supported', pair.key, 'write the keys out, or use an alias for the whole value')
      if (key === '__proto__') at('FORBIDDEN_KEY', 'the key `__proto__` is not allowed', pair.key)
    },
    Node(_key, node) {
      if (isPair(node)) return
      const tag = (node as Node).tag
      if (tag && !CORE_TAGS.has(tag)) {
        at(
          'YAML_TAG',
          `the tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not supported; a resume holds plain text, numbers, lists and mappings`,
          node as Node,
          'remove the tag',
        )
      }
    },
  })
  return out
}

function sortByOffset(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return list.filter((d) => {
    const key = `${d.code}:${d.line}:${d.column}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function loadBytes(bytes: Uint8Array, file: string): Source {
  const text = decode(bytes, file)
  if (/\.json$/i.test(file)) return readCleanJson(text, file, MAX_DEPTH, () => loadText(text, file)) ?? loadText(text, file)
  return readPlainYaml(text, file, MAX_DEPTH, () => loadText(text, file)) ?? loadText(text, file)
}
