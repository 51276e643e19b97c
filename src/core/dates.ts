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

/** `2024-03` → "Mar 2024"; `2023` → "2023"; `2024-03-15` → "Mar 15, 2024" (in en-US). */
export function formatDate(value: string, locale = 'en-US'): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value)
  if (!m) return value
  const [, y, mo, d] = m
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1))
  return formatter(locale, mo !== undefined, d !== undefined).format(date)
}

/** "Mar 2024 – Sep 2024", "2023 – Present", or one date when start and end agree. */
export function formatRange(start: string | undefined, end: string | undefined, options: { locale?: string; present?: string } = {}): string {
  const locale = options.locale ?? 'en-US'
  if (!start) return end && !isOngoing(end) ? formatDate(end, locale) : ''
  const from = formatDate(start, locale)
  if (isOngoing(end)) return `${from} – ${options.present ?? 'Present'}`
  const to = formatDate(end!, locale)
  return from === to ? from : `${from} – ${to}`
}
