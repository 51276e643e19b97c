import { constructFromEvents, EVENT_ID, type Event, getScalarValue, parseEvents, SCALAR_STYLE } from 'js-yaml'
import { LineCounter } from 'yaml'
import { type Path, type Source, type Span, withTreeOnDemand } from './source.js'

/**
 * A YAML resume read by js-yaml's event parser, its full tree (the `yaml` library's Document, which
 * every diagnostic's line and column comes from) made only when something asks for a place.
 *
 * Why: composing that Document was the largest single step of `resume build --format html` on the
 * seed (about 10 ms of 130, and most of its garbage), where js-yaml reads the same 6 kB in 2 to 3
 * ms. Both read YAML 1.2 with the core schema. Only a file the full reader would accept as written,
 * with the same data, takes this path:
 * - one document, with no directive, lone carriage return, tab in indentation or byte order mark;
 * - no anchor, alias or tag (what the full reader limits and checks: alias bombs, cycles, tags);
 * - nesting at most `maxDepth`;
 * - every key a plain or quoted text that reads as text (never `null:`, `1:` or `true:`, which the
 *   two libraries turn into different strings), none written twice, none `<<` or `__proto__`;
 * - no number too large for a double (js-yaml leaves `1e400` as text).
 * Anything else returns undefined, and the full reader reads the file and reports what it finds at
 * its place. tests/unit/yaml-fast.test.ts checks the two agree on every fixture and on generated
 * files, and that the places this reader gives are the tree's.
 */
export function readPlainYaml(text: string, file: string, maxDepth: number, full: () => Source): Source | undefined {
  // A directive (%YAML, %TAG) changes how the rest reads; the full reader handles each. A carriage
  // return without a line feed, and a tab where a line's indentation is, the two libraries read
  // differently (the full reader refuses a tab that indents, even on a line of nothing), and a byte
  // order mark past the start (decoding removed the one at the start).
  if (/^%/m.test(text) || /\r(?!\n)|\ufeff/.test(text) || /^ *\t/m.test(text)) return undefined
  let events: Event[] = []
  let data: unknown
  try {
    // short of the limit: the full reader, which counts depth its own way, decides near it
    events = parseEvents(text, { maxDepth: maxDepth - 2 })
    if (!plainEvents(events, text)) return undefined
    const documents = constructFromEvents(events, { source: text, maxAliases: 0 })
    if (documents.length !== 1) return undefined
    data = documents[0]
  } catch {
    return undefined // the full reader says what is wrong, and where
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  if (!noForbiddenKeys(data)) return undefined
  let spans: Map<string, Span> | undefined
  // Lines and spans from the text and the events: `resume match` places every term it finds in the
  // resume, which would otherwise build the whole tree just to count lines.
  return withTreeOnDemand(
    {
      file,
      text,
      data,
      lineCounter: () => lineCounterOf(text),
      spanAt(path: Path) {
        spans ??= spansOf(events, text)
        return spans.get(pathKey(path))
      },
    },
    full,
  )
}

/** The lines of `text` as the full reader counts them (a line starts after each line feed). */
function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter()
  counter.addNewLine(0)
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) counter.addNewLine(at + 1)
  return counter
}

const pathKey = (path: Path): string => path.join('\u0000')

/**
 * Where each value is written, by its path: a scalar's text (inside its quotes, after a block
 * scalar's indicator line) and, but for a block scalar or an empty value, where the full reader's
 * node starts (a plain scalar's first character, a quoted one's quote, a collection's first offset).
 * One pass over events plainEvents passed: keys are scalars, no aliases.
 */
function spansOf(events: Event[], text: string): Map<string, Span> {
  const spans = new Map<string, Span>()
  // Per open collection: its path, and for a mapping the key awaiting its value (undefined when the
  // next node is a key); for a sequence, the next index.
  const open: Array<{ path: Path; mapping: boolean; key?: string; index: number }> = []
  const place = (): Path | undefined => {
    const parent = open[open.length - 1]
    if (!parent) return []
    if (!parent.mapping) return [...parent.path, parent.index++]
    if (parent.key === undefined) return undefined // this node is a key
    const path = [...parent.path, parent.key]
    parent.key = undefined
    return path
  }
  for (const event of events) {
    if (event.type === EVENT_ID.SCALAR) {
      const parent = open[open.length - 1]
      if (parent?.mapping && parent.key === undefined) {
        parent.key = getScalarValue(text, event)
        continue
      }
      const path = place()
      if (!path) continue
      const { valueStart: start, valueEnd: end, style } = event
      const quoted = style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED
      const node = style === SCALAR_STYLE.PLAIN ? (end > start ? start : undefined) : quoted ? start - 1 : undefined
      spans.set(pathKey(path), { text: [start, end], node })
    } else if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const path = place() ?? []
      spans.set(pathKey(path), { text: [event.start, event.start], node: event.start })
      open.push({ path, mapping: event.type === EVENT_ID.MAPPING, index: 0 })
    } else if (event.type === EVENT_ID.POP && open.length > 0) {
      open.pop()
    }
  }
  return spans
}

/** A plain key that the core schema reads as something other than text, in either library. */
const NOT_TEXT_KEY = /^(?:[-+.~\d]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/
/** A number whose exponent may overflow a double: `yaml` reads Infinity, js-yaml keeps the text. */
const HUGE_EXPONENT = /^[-+]?[\d._]*[eE][-+]?\d{3,}$/

/**
 * One pass over the events: true when the file has one document without directives, no anchors,
 * aliases or tags, no key that is a collection or reads as anything but text, and no number that
 * could overflow.
 */
function plainEvents(events: Event[], text: string): boolean {
  // Per open collection: for a mapping, whether the next node is a key; for a sequence, null.
  const open: Array<boolean | null> = []
  let documents = 0
  for (const event of events) {
    // A node inside a mapping is its key or its value, in turn.
    const parent = event.type === EVENT_ID.POP || event.type === EVENT_ID.DOCUMENT ? null : open[open.length - 1]
    const isKey = parent === true
    if (typeof parent === 'boolean') open[open.length - 1] = !parent
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return false
        break
      case EVENT_ID.ALIAS:
        return false
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        if (isKey || event.anchorStart !== -1 || event.tagStart !== -1) return false
        open.push(event.type === EVENT_ID.MAPPING ? true : null)
        break
      case EVENT_ID.SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return false
        if (event.style !== SCALAR_STYLE.PLAIN) break
        const raw = text.slice(event.valueStart, event.valueEnd)
        if (isKey ? raw === '' || NOT_TEXT_KEY.test(raw) : HUGE_EXPONENT.test(raw)) return false
        break
      }
      case EVENT_ID.POP:
        // A document's end pops too; only a collection's has an entry here.
        if (open.length > 0) open.pop()
        break
    }
  }
  return true
}

/** No `<<` key (a merge key to the full reader, refused) and no `__proto__` (refused too). */
function noForbiddenKeys(root: object): boolean {
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (value === null || typeof value !== 'object') continue
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item)
      continue
    }
    for (const key of Object.keys(value)) {
      if (key === '<<' || key === '__proto__') return false
      stack.push((value as Record<string, unknown>)[key])
    }
  }
  return true
}
