/** Dates as people write them on a resume, through Intl so every locale gets its own month names. */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, withMonth: boolean, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withMonth}|${withDay}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: withMonth ? 'short' : undefined,
      day: withDay ? 'numeric' : undefined,
      timeZone: 'UTC',
    })
    formatters.set(key, f)
  }
  return f
}

const isOngoing = (value: string | undefined): boolean => value === undefined || value === '' || value.toLowerCase() === 'present'

/**
 * How precise a printed date is. 'month' (the default) prints a `YYYY-MM-DD` date as its month,
 * "Dec 2013": a resume dates jobs to the month, and "Dec 1, 2013" puts a comma inside a date
 * that resume parsers then split at. 'day' keeps the day for whoever wants it (`meta.dates`, say).
 */
export type DateStyle = 'month' | 'day'

/** `2024-03` → "Mar 2024"; `2023` → "2023"; `2024-03-15` → "Mar 2024" ("Mar 15, 2024" with style 'day'), in en-US. */
export function formatDate(value: string, locale = 'en-US', style: DateStyle = 'month'): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value)
  if (!m) return value
  const [, y, mo, d] = m
  const withDay = d !== undefined && style === 'day'
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, withDay ? Number(d) : 1))
  return formatter(locale, mo !== undefined, withDay).format(date)
}

/** "Mar 2024 – Sep 2024", "2023 – Present", or one date when start and end agree. */
export function formatRange(start: string | undefined, end: string | undefined, options: { locale?: string; present?: string; style?: DateStyle } = {}): string {
  const locale = options.locale ?? 'en-US'
  if (!start) return end && !isOngoing(end) ? formatDate(end, locale, options.style) : ''
  const from = formatDate(start, locale, options.style)
  if (isOngoing(end)) return `${from} – ${options.present ?? 'Present'}`
  const to = formatDate(end!, locale, options.style)
  return from === to ? from : `${from} – ${to}`
}
