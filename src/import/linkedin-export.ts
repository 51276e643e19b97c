import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { binaryKind } from '../core/binary-kind.js'
import { importModule } from '../core/import-module.js'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import { isLinkedInExport, LINKEDIN_FILES, linkedInFileName } from './linkedin.js'

/** A CSV of the export is a few kilobytes; messages and connections can be megabytes, which we never read. */
const MAX_CSV_BYTES = 5 * 1024 * 1024
const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024

const input = (file: string, message: string, hint: string): VitaeError =>
  new VitaeError('input', [{ code: 'UNKNOWN_FORMAT', severity: 'error', message, file, line: 1, column: 1, hint } satisfies Diagnostic])

const KNOWN = Object.keys(LINKEDIN_FILES).join(', ')

/**
 * The files of LinkedIn's data export, from the ZIP it downloads as or the folder it unzips to:
 * the CSVs we read, by their path in the export, and the other files by name only (text '').
 * Undefined when `path` is neither a folder nor an archive, so the caller reads it as a resume file.
 * A folder or archive that is not LinkedIn's export is an input error saying what it is.
 */
export async function readLinkedInExport(path: string): Promise<Map<string, string> | undefined> {
  const info = await stat(path).catch(() => undefined)
  if (!info) return undefined
  if (info.isDirectory()) return readFolder(path)
  const head = new Uint8Array(await readFile(path).then((b) => b.subarray(0, 4096)))
  const kind = binaryKind(head)
  if (kind !== 'a ZIP archive') return undefined
  if (info.size > MAX_ARCHIVE_BYTES)
    throw input(path, `${path} is a ZIP archive of ${info.size} bytes, more than an export of a profile holds`, `unzip it and give the folder: resume import FOLDER`)
  const { unzipSync, strFromU8 } = await importModule<typeof import('fflate')>('fflate')
  const bytes = new Uint8Array(await readFile(path))
  const names: string[] = []
  let entries: Record<string, Uint8Array>
  try {
    // Only the CSVs we read are inflated, each within a size limit: the rest are listed by name.
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!file.name.endsWith('/')) names.push(file.name)
        return linkedInFileName(file.name) !== undefined && file.originalSize <= MAX_CSV_BYTES
      },
    })
  } catch (error) {
    throw input(path, `${path} is a ZIP archive that cannot be read (${(error as Error).message})`, 'download the export again from LinkedIn')
  }
  if (!isLinkedInExport(names)) {
    throw input(
      path,
      `${path} is a ZIP archive, but not LinkedIn's data export: it holds no Profile.csv, Positions.csv or Education.csv`,
      `resume import reads LinkedIn's export archive (${KNOWN}) or one resume file (JSON Resume, RenderCV, YAMLResume); unzip yours and give the file inside`,
    )
  }
  const files = new Map<string, string>()
  for (const name of names.sort()) files.set(name, entries[name] ? strFromU8(entries[name]!) : '')
  return files
}

async function readFolder(dir: string): Promise<Map<string, string>> {
  const paths: string[] = []
  const walk = async (at: string, depth: number) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = join(at, entry.name)
      if (entry.isDirectory() && depth < 2) await walk(full, depth + 1)
      else if (entry.isFile()) paths.push(relative(dir, full))
    }
  }
  await walk(dir, 0)
  if (!isLinkedInExport(paths)) {
    throw input(
      dir,
      `${dir} is a folder, and not LinkedIn's data export: it holds no Profile.csv, Positions.csv or Education.csv`,
      `resume import reads one resume file (JSON Resume, RenderCV, YAMLResume) or LinkedIn's export (${KNOWN})`,
    )
  }
  const files = new Map<string, string>()
  for (const path of paths.sort()) {
    const known = linkedInFileName(path) !== undefined
    const size = known ? (await stat(join(dir, path))).size : 0
    files.set(path, known && size <= MAX_CSV_BYTES ? await readFile(join(dir, path), 'utf8') : '')
  }
  return files
}
