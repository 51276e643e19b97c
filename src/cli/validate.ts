import { EXIT_CODES, hasErrors } from '../diagnostics/diagnostic.js'
import { validateFile } from '../core/build.js'
import { printDiagnostics, summarize, type Io } from './io.js'

export async function runValidate(file: string, opts: { strict?: boolean }, io: Io): Promise<number> {
  const { source, diagnostics } = await validateFile(file)
  const list = opts.strict ? diagnostics.map((d) => ({ ...d, severity: 'error' as const })) : diagnostics
  printDiagnostics(io, list, new Map([[source.file, source.text]]))
  const failed = hasErrors(list)
  io.err(`${source.file}: ${failed ? 'invalid' : 'valid'} (${summarize(list)})`)
  return failed ? EXIT_CODES.validation : EXIT_CODES.ok
}
