import { hasErrors } from '../diagnostics/diagnostic.js'
import { inspect } from '../pipeline/plan.js'
import { EXIT_CODES } from './exit-codes.js'
import { type Io, printDiagnostics, summarize } from './io.js'

export async function runValidate(file: string, opts: { strict?: boolean }, io: Io): Promise<number> {
  const { source, diagnostics } = await inspect(file, opts)
  printDiagnostics(io, diagnostics, new Map([[source.file, source.text]]))
  const failed = hasErrors(diagnostics)
  io.err(`${source.file}: ${failed ? 'invalid' : 'valid'} (${summarize(diagnostics)})`)
  return failed ? EXIT_CODES.validation : EXIT_CODES.ok
}
