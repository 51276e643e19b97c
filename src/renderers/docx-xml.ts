/**
 * The XML of an object from docx's Formatter (`{ "w:b": { _attr: { "w:val": false } } }`), byte
 * for byte as docx 9's own stringify writes it without indenting, quirks and all, but written
 * straight into one string: docx's builds an array of pieces per element, and on a résumé that
 * was most of a Word file's time.
 */
export type Xmlable = Record<string, unknown>

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' }
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/
const ESCAPED_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g
const escapeAll = (value: string): string => (ESCAPED.test(value) ? value.replace(ESCAPED_ALL, (c) => ESCAPES[c] ?? '') : value)
// A value that is not a string, such as a number, is written as it is.
const escapeValue = (value: unknown): string => (typeof value === 'string' ? escapeAll(value) : String(value))

function attributesOf(attr: Record<string, unknown>): string {
  let out = ''
  for (const key in attr) out += ` ${key}="${escapeValue(attr[key])}"`
  return out
}

/** One element as docx's resolve() then format() write it (indent ""). */
function element(data: Xmlable): string {
  let name: string | undefined
  for (const key in data) {
    name = key
    break
  }
  const values = name === undefined ? undefined : data[name]
  let attributes = ''
  // docx's content list: how many entries it has decides "/>" against a closing tag.
  let count = 0
  let content = ''
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string }
      if (attr) attributes += attributesOf(attr)
      if (cdata) {
        content += `<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`
        count++
      }
      if (Array.isArray(values)) {
        // docx pushes "" first, replaces the last entry with each string value, and closes with ""
        // when no value was a string: the pieces below are what those entries join to.
        let isStringContent = false
        let last = ''
        count++
        for (const value of values) {
          if (typeof value === 'object') {
            let first: string | undefined
            for (const key in value) {
              first = key
              break
            }
            if (first === '_attr') attributes += attributesOf((value as { _attr: Record<string, unknown> })._attr)
            else {
              content += last
              last = element(value as Xmlable)
              count++
            }
          } else {
            isStringContent = true
            last = value === undefined ? '' : escapeValue(value)
          }
        }
        content += last
        if (!isStringContent) count++
      }
    }
  } else {
    content += values === undefined ? '' : escapeValue(values)
    count++
  }
  const open = (name ? `<${name}` : '') + (attributes.length > 0 ? attributes : '')
  if (count === 0) return `${open}/>`
  return `${open}${name ? '>' : ''}${content}${name ? `</${name}>` : ''}`
}

/** The part's XML with its declaration, as docx writes the parts of a package. */
export function stringifyPart(input: Xmlable | readonly Xmlable[], standalone: boolean): string {
  const body = Array.isArray(input) ? input.map(element).join('') : element(input as Xmlable)
  return `<?xml version="1.0" encoding="UTF-8"${standalone ? ' standalone="yes"' : ''}?>${body}`
}
