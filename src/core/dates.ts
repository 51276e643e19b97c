import { readFileSync } from 'node:fs'

/** Dates as people write them on a resume, as Intl writes them in each locale. */

const isOngoing = (value: string | undefined): boolean => value === undefined || value === '' || value.toLowerCase() === 'present'

/**
 * How precise a printed date is. 'month' (the default) prints a `YYYY-MM-DD` date as its month,
 * "Dec 2013": a resume dates jobs to the month, and "Dec 1, 2013" puts a comma inside a date
 * that resume parsers then split at. 'day' keeps the day for whoever wants it.
 */
export type DateStyle = 'month' | 'day'

export interface RangeWords {
  /** The open end: "Present". */
  present?: string
  /** Between the ends: " – ". */
  separator?: string
  style?: DateStyle
}

/** A resume's dates (year; short month and year; with the day) and a letter's (long month; long date). */
type Style = 'y' | 'ym' | 'ymd' | 'ymLong' | 'ymdLong'

/**
 * How dates are asked of Intl, by how much of the date there is: the one place these options are
 * written (the build-time table, scripts/build-date-table.mjs, asks with them too).
 */
export const dateFormatOptions = (style: Style): Intl.DateTimeFormatOptions =>
  style === 'ymdLong'
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : {
        year: 'numeric',
        month: style === 'y' ? undefined : style === 'ymLong' ? 'long' : 'short',
        day: style === 'ymd' ? 'numeric' : undefined,
        timeZone: 'UTC',
      }
/** Per style, the month's template ({y} the year, {d} the day); a style the table could not write is absent. */
type DateWords = Partial<Record<Style, string[]>>

let table: Record<string, DateWords> | undefined
/**
 * Intl's own words for a locale's dates, written at build time (scripts/build-date-table.mjs): the
 * first Intl.DateTimeFormat of a process costs 11 to 17 ms of ICU loading, a tenth of an HTML
 * build. Undefined for a tag the table lacks, or with no table (then Intl is asked).
 */
function dateWords(locale: string): DateWords | undefined {
  if (!table) {
    try {
      const file = new URL('../../lib/generated/date-words.json', import.meta.url)
      table = (JSON.parse(readFileSync(file, 'utf8')) as { locales: Record<string, DateWords> }).locales
    } catch {
      table = {}
    }
  }
  return Object.hasOwn(table, locale) ? table[locale] : undefined
}

/**
 * Formats dates with the build-time table of Intl's words, or with Intl formatters made once per
 * formatter object. A build makes one (through
 * its services) and drops it at the end: nothing outlives the build.
 */
export class DateFormatter {
  private readonly formatters = new Map<string, Intl.DateTimeFormat>()

  private readonly words: DateWords | undefined

  constructor(readonly locale = 'en-US') {
    this.words = dateWords(locale)
  }

  private formatter(style: Style): Intl.DateTimeFormat {
    let f = this.formatters.get(style)
    if (!f) {
      f = new Intl.DateTimeFormat(this.locale, dateFormatOptions(style))
      this.formatters.set(style, f)
    }
    return f
  }

  /** `2024-03` → "Mar 2024"; `2023` → "2023"; `2024-03-15` → "Mar 2024" ("Mar 15, 2024" with style 'day'), in en-US. */
  date(value: string, style: DateStyle = 'month'): string {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value)
    if (!m) return value
    const [, y, mo, d] = m
    const withDay = d !== undefined && style === 'day'
    const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, withDay ? Number(d) : 1))
    return this.format(date, withDay ? 'ymd' : mo !== undefined ? 'ym' : 'y')
  }

  /**
   * A letter's date, written out: `2026-12-07` (or no date: `today`) → "December 7, 2026";
   * `2026-12` → "December 2026"; `2026` → "2026", in en-US.
   */
  letterDate(value: string | undefined, today: Date): string {
    const m = value ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value) : undefined
    if (!m) return this.format(today, 'ymdLong')
    const [, y, mo, d] = m
    const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1))
    return this.format(date, d !== undefined ? 'ymdLong' : mo !== undefined ? 'ymLong' : 'y')
  }

  private format(date: Date, style: Style): string {
    const months = this.words?.[style]
    if (months && !Number.isNaN(date.getTime())) {
      // the date as Date.UTC made it, so an overflowing day or month rolls over as it does in Intl
      const template = months[style === 'y' ? 0 : date.getUTCMonth()]
      if (template !== undefined) return template.replace('{y}', String(date.getUTCFullYear())).replace('{d}', String(date.getUTCDate()))
    }
    return this.formatter(style).format(date)
  }

  /** "Mar 2024 – Sep 2024", "2023 – Present", or one date when start and end agree. */
  range(start: string | undefined, end: string | undefined, words: RangeWords = {}): string {
    const separator = words.separator ?? ' – '
    if (!start) return end && !isOngoing(end) ? this.date(end, words.style) : ''
    const from = this.date(start, words.style)
    if (isOngoing(end)) return `${from}${separator}${words.present ?? 'Present'}`
    const to = this.date(end!, words.style)
    return from === to ? from : `${from}${separator}${to}`
  }
}

/** One date, formatted once (a library convenience; builds use a DateFormatter). */
export const formatDate = (value: string, locale = 'en-US', style: DateStyle = 'month'): string => new DateFormatter(locale).date(value, style)

/** One range, formatted once (a library convenience; builds use a DateFormatter). */
export function formatRange(start: string | undefined, end: string | undefined, options: { locale?: string; present?: string; style?: DateStyle } = {}): string {
  return new DateFormatter(options.locale).range(start, end, { present: options.present, style: options.style })
}
