import { parse } from 'csv-parse/sync'

/** One row of a LinkedIn CSV: its cells by column name, and the line it starts on (for messages). */
export interface CsvRow {
  cells: Record<string, string>
  line: number
}

export interface CsvTable {
  columns: string[]
  rows: CsvRow[]
}

/**
 * A LinkedIn export CSV, read with a real CSV parser: quoted commas, quotes and newlines inside a
 * description stay in their cell. Some files open with "Notes:" and a quoted paragraph before the
 * header; the header is the first record holding one of the column names we expect (or, for a
 * file we do not know, the first record after the notes).
 */
export function readCsv(text: string, expected: readonly string[] = []): CsvTable {
  const records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, raw: true, info: true }) as unknown as Array<{
    record: string[]
    raw: string
    info: { lines: number }
  }>
  const want = new Set(expected.map((c) => c.toLowerCase()))
  const isNotes = (cells: string[]) => /^notes:?$/i.test(cells[0]?.trim() ?? '')
  let at = records.findIndex((r) => r.record.some((cell) => want.has(cell.trim().toLowerCase())))
  if (at < 0) {
    // No column we know: skip a notes block (its first line, then the quoted paragraph after it).
    at = records.length > 0 && isNotes(records[0]!.record) ? Math.min(2, records.length) : 0
  }
  const header = records[at]
  if (!header) return { columns: [], rows: [] }
  const columns = header.record.map((c) => c.trim())
  const rows: CsvRow[] = []
  for (const r of records.slice(at + 1)) {
    if (r.record.every((cell) => cell.trim() === '')) continue
    const cells: Record<string, string> = {}
    columns.forEach((column, i) => {
      const value = r.record[i]
      if (column && value !== undefined && value.trim() !== '') cells[column] = value.replace(/\r\n?/g, '\n').trim()
    })
    // The record ends on `lines`; it starts as many lines earlier as it holds line breaks.
    const breaks = (r.raw.replace(/\r?\n$/, '').match(/\n/g) ?? []).length
    rows.push({ cells, line: r.info.lines - breaks })
  }
  return { columns, rows }
}
