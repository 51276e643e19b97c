import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadFile } from '../core/load.js'
import { SCHEMA_PATH } from '../core/schema.js'
import { placeOf } from '../core/source.js'
import { refuseNonFile, writeAtomic } from '../core/write.js'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import { isEmptyResume, KNOWN_SHAPES, SHAPE_NAMES } from '../import/detect.js'
import { convert } from '../import/index.js'
import { fromLinkedIn } from '../import/linkedin.js'
import { readLinkedInExport } from '../import/linkedin-export.js'
import { schemaRef, toYaml } from '../import/write-yaml.js'
import { dataAsWritten } from '../import/written-numbers.js'
import { EXIT_CODES } from './exit-codes.js'
import { type Io, printDiagnostics } from './io.js'

export interface ImportOptions {
  output?: string
  force?: boolean
}

/**
 * `resume import FILE`: reads a JSON Resume, RenderCV or YAMLResume file (JSON or YAML), converts it
 * and writes our resume.yaml; one warning per value that had no place, at its line in FILE.
 */
export async function runImport(file: string, opts: ImportOptions, io: Io): Promise<number> {
  const output = opts.output ?? 'resume.yaml'
  const archive = await readLinkedInExport(file)
  if (archive) return importLinkedIn(file, archive, output, opts, io)
  const source = await loadFile(file)
  const converted = convert(dataAsWritten(source.doc))
  if (!converted || isEmptyResume(converted.resume)) {
    const known = KNOWN_SHAPES.map((s) => SHAPE_NAMES[s]).join(', ')
    throw new VitaeError('input', [
      {
        code: 'UNKNOWN_FORMAT',
        severity: 'error',
        message: converted ? `${file} holds no resume to import: no name and no section with an entry` : `cannot tell which resume format ${file} is in`,
        file,
        line: 1,
        column: 1,
        hint: `resume import reads ${known}: JSON Resume has basics:/work: at the top, RenderCV has cv:, YAMLResume has content:`,
      },
    ])
  }
  refuseNonFile(output, 'resume import')
  refuseExisting(file, output, opts)

  const warnings: Diagnostic[] = converted.dropped.map((d) => {
    const { line, column } = placeOf(source, d.segments, { key: true })
    return {
      code: 'IMPORT_DROPPED',
      severity: 'warning',
      message: `${d.path} has no place in a vitae resume; kept as ${d.keptAt ?? `x-${converted.shape}`}`,
      file: source.file,
      line,
      column,
    }
  })
  printDiagnostics(io, warnings, new Map([[source.file, source.text]]))

  const text = toYaml(converted.resume, {
    schema: schemaRef(resolve(output), SCHEMA_PATH),
    header: [`Imported from ${file} (${SHAPE_NAMES[converted.shape]}) by resume import.`],
  })
  await writeAtomic(output, new TextEncoder().encode(text))
  const kept = warnings.length ? `; ${warnings.length} value${warnings.length === 1 ? '' : 's'} kept under x-${converted.shape}` : ''
  io.err(`${output}: imported from ${SHAPE_NAMES[converted.shape]}${kept}. Check it with: resume validate ${output}`)
  return EXIT_CODES.ok
}

function refuseExisting(file: string, output: string, opts: ImportOptions): void {
  if (resolve(output) === resolve(file) || (existsSync(output) && !opts.force)) {
    throw new VitaeError('output', [
      {
        code: 'OUTPUT_EXISTS',
        severity: 'error',
        message: resolve(output) === resolve(file) ? `${output} is the file being imported` : `${output} already exists`,
        file: output,
        hint: resolve(output) === resolve(file) ? 'write the result elsewhere with -o' : 'pass --force to replace it, or -o to write elsewhere',
      },
    ])
  }
}

/** LinkedIn's data export (the ZIP or its folder): one warning per value kept aside, one for the files with nothing for a resume. */
async function importLinkedIn(file: string, files: Map<string, string>, output: string, opts: ImportOptions, io: Io): Promise<number> {
  const converted = fromLinkedIn(files)
  if (isEmptyResume(converted.resume)) {
    throw new VitaeError('input', [
      { code: 'UNKNOWN_FORMAT', severity: 'error', message: `${file} is LinkedIn's data export, but its Profile.csv, Positions.csv and Education.csv hold nothing`, file },
    ])
  }
  refuseExisting(file, output, opts)
  const warnings: Diagnostic[] = converted.dropped.map((d) => ({
    code: 'IMPORT_DROPPED',
    severity: 'warning',
    message: `${d.what} has no place in a vitae resume; kept as ${d.keptAt}`,
    file: d.file,
    line: d.line,
    column: d.line === undefined ? undefined : 1,
  }))
  if (converted.unknownFiles.length) {
    const n = converted.unknownFiles.length
    warnings.push({
      code: 'IMPORT_DROPPED',
      severity: 'warning',
      message: `${n} file${n === 1 ? '' : 's'} of the export hold nothing for a resume and were not read: ${converted.unknownFiles.join(', ')}`,
      file,
    })
  }
  printDiagnostics(io, warnings, converted.texts)
  const text = toYaml(converted.resume, {
    schema: schemaRef(resolve(output), SCHEMA_PATH),
    header: [`Imported from ${file} (LinkedIn data export) by resume import.`],
  })
  await writeAtomic(output, new TextEncoder().encode(text))
  const kept = converted.dropped.length ? `; ${converted.dropped.length} value${converted.dropped.length === 1 ? '' : 's'} kept under x-linkedin` : ''
  io.err(`${output}: imported from LinkedIn's data export${kept}. Check it with: resume validate ${output}`)
  return EXIT_CODES.ok
}
