import { setFlagsFromString } from 'node:v8'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { matchPosting } from '../match/match.js'
import { reportJson, reportText } from '../match/report.js'
import { EXIT_CODES } from './exit-codes.js'
import { type Io, printDiagnostics } from './io.js'
import { type BuildFlags, tailorOptions } from './options.js'

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** `resume match POSTING [file]`: what the posting asks for and what each variant shows of it. */
export async function runMatch(posting: string, file: string, flags: BuildFlags & { terms?: string; failUnder?: number }, io: Io): Promise<number> {
  // A posting is read by a few dozen large regular expressions, each run on every line: compiled
  // straight to machine code, not first to V8's regexp bytecode and again to machine code after one
  // run (its tier-up), a match of a two-page posting takes 5 to 7 ms less, a 1 MiB one about 50.
  // Set once the bundle is loaded, and set back once the posting is read: a code cache is checked
  // against the flags it was made with, and one made under other flags is rejected and made again.
  setFlagsFromString('--no-regexp-tier-up')
  let report: Awaited<ReturnType<typeof matchPosting>>
  try {
    report = await matchPosting({ posting, resume: file, tailor: tailorOptions(flags), termsFile: flags.terms, stdin: readStdin })
  } finally {
    setFlagsFromString('--regexp-tier-up')
  }
  printDiagnostics(io, report.diagnostics)
  io.out(flags.json ? reportJson(report) : reportText(report, io.color).replace(/\n$/, ''))
  const best = report.variants[0]
  if (flags.failUnder !== undefined && (report.terms.length === 0 || (best?.coverage ?? 0) < flags.failUnder)) {
    const where = best?.name ? ` (${best.name})` : ''
    throw new VitaeError('validation', [
      {
        code: 'MATCH_BELOW',
        severity: 'error',
        message: report.terms.length
          ? `the best coverage, ${best?.coverage}%${where}, is below --fail-under ${flags.failUnder}`
          : `no terms were found in ${report.posting}: nothing to cover`,
        hint: 'the dropped terms above say which tags or settings would show them',
      },
    ])
  }
  return EXIT_CODES.ok
}
