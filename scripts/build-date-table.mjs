// Writes lib/generated/date-words.json: how Intl writes a resume's dates (year; month and year;
// day, month and year) in each locale of locales/ and the commonest regional tags, as one template
// per month, made at build time from this Node's own ICU data.
//
// Why: the first Intl.DateTimeFormat of a process loads ICU's date data, 11 to 17 ms, about a tenth
// of `resume build --format html`. src/core/dates.ts reads the templates instead and calls Intl only
// for a tag the table lacks. A tag is written only if its templates give back exactly what Intl
// gives for every month of 1950 to 2049 and every day of 2024 (other calendars, such as Thai or
// Persian, and other digits are left to Intl).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// The options the CLI asks Intl with (compiled by tsc before this runs): the table says what they say.
const { dateFormatOptions } = await import(pathToFileURL(join(root, 'lib/core/dates.js')).href)
// A resume's dates, and a letter's (src/core/dates.ts names each style's options).
const STYLES = ['y', 'ym', 'ymd', 'ymLong', 'ymdLong']
const COMMON_REGIONAL = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'en-IN',
  'en-IE',
  'en-NZ',
  'en-SG',
  'es-ES',
  'es-MX',
  'es-US',
  'fr-FR',
  'fr-CA',
  'fr-CH',
  'fr-BE',
  'de-DE',
  'de-AT',
  'de-CH',
  'zh-HK',
  'zh-SG',
]

const intl = (tag, style) => new Intl.DateTimeFormat(tag, dateFormatOptions(style))

/**
 * The template of one style and month: what format() writes for the 15th of that month in 2024,
 * its year and day made placeholders. (Not formatToParts(): its spaces can differ from format()'s,
 * as Russian's do.)
 */
const template = (format, month) =>
  format
    .format(new Date(Date.UTC(2024, month, 15)))
    .replace('2024', '{y}')
    .replace('15', '{d}')

const fill = (t, y, d) => t.replace('{y}', String(y)).replace('{d}', String(d))

/** A style's twelve templates (one for 'y'), if they give back exactly what Intl gives; else undefined. */
function styleWords(format, style) {
  const months = style === 'y' ? [template(format, 0)] : Array.from({ length: 12 }, (_, m) => template(format, m))
  for (let y = 1950; y < 2050; y++) {
    for (let m = 0; m < 12; m++) {
      const days = style.startsWith('ymd') && y === 2024 ? 31 : 1
      for (let d = 1; d <= days; d++) {
        const date = new Date(Date.UTC(y, m, d))
        if (date.getUTCMonth() !== m) continue
        if (fill(months[style === 'y' ? 0 : m], y, d) !== format.format(date)) return undefined
      }
    }
  }
  return months
}

/** A tag's styles; a style the templates cannot write is left to Intl, and so is a tag of another calendar or digits. */
function entry(tag) {
  const words = {}
  for (const style of STYLES) {
    const format = intl(tag, style)
    if (format.resolvedOptions().calendar !== 'gregory' || format.resolvedOptions().numberingSystem !== 'latn') return undefined
    const months = styleWords(format, style)
    if (months) words[style] = months
    else partial.push(`${tag} ${style}`)
  }
  return words
}

const bases = readdirSync(join(root, 'locales'))
  .filter((f) => f.endsWith('.json') && f !== 'locale.schema.json')
  .map((f) => f.slice(0, -'.json'.length))
const tags = new Set()
for (const base of bases) {
  tags.add(base)
  const max = new Intl.Locale(base).maximize()
  tags.add(`${max.language}-${max.region}`)
}
for (const tag of COMMON_REGIONAL) tags.add(tag)

const table = {}
const left = []
const partial = []
for (const tag of [...tags].sort()) {
  const words = entry(tag)
  if (words) table[tag] = words
  else left.push(tag)
}
mkdirSync(join(root, 'lib/generated'), { recursive: true })
writeFileSync(join(root, 'lib/generated/date-words.json'), JSON.stringify({ icu: process.versions.icu, locales: table }))
if (left.length) console.log(`date-words: left to Intl (another calendar or digits): ${left.join(', ')}`)
if (partial.length) console.log(`date-words: styles left to Intl: ${partial.join(', ')}`)
