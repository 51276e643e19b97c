import { readFileSync, statSync } from 'node:fs'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { isVitaeError } from '../diagnostics/diagnostic.js'
import { DEFAULT_DPI, DPI_RANGE, isDpi } from '../page/geometry.js'
import { FORMATS } from '../renderers/registry.js'
import { EXIT_CODES, exitCodeOf, exitCodesHelp } from './exit-codes.js'
import { type Io, printDiagnostics, processIo } from './io.js'
import { exitOnSignals } from './signals.js'

const version = (): string => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/** Runs the CLI; returns the exit code instead of exiting, so tests and embedders can call it. */
export async function main(argv: readonly string[], io: Io = processIo(argv.includes('--debug')), options: { handleSignals?: boolean } = {}): Promise<number> {
  if (options.handleSignals) exitOnSignals()
  let code: number = EXIT_CODES.ok
  const program = new Command()
    .name('resume')
    .description('Resume as code: validate resume.yaml and render it to HTML, PDF and DOCX.')
    .version(version(), '-V, --version', 'print the version')
    .option('--debug', 'show stack traces for internal errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .addHelpText('after', `\nExit codes: ${exitCodesHelp()}.`)

  const build = program
    .command('build')
    .description('validate a resume and render it; several resumes (files or folders of them) build in one run')
    .argument('[files...]', 'the resume, or several resumes and folders of them (default: resume.yaml)')
    .option('-f, --format <list>', `formats to build, comma-separated: ${FORMATS.join(', ')}, and plugins' formats`, 'pdf')
    .option('-o, --out <dir>', 'folder for the outputs', 'dist')
    .option('--plugin <module>', 'a renderer plugin adding formats: a module path or package name (repeatable)', collect, [])
  renderingOptions(build)
    .option('--max-pages <n>', 'fail if a PDF (or its PNG pages) runs longer than this', parsePositive('--max-pages'))
    .option('--dpi <n>', `pixels per inch of PNG page images, ${DPI_RANGE.min} to ${DPI_RANGE.max} (default ${DEFAULT_DPI})`, parseDpi)
  tailoringOptions(build)
    .option('--packet', 'with --letter: also one PDF per letter, the letter then the resume, with a bookmark for each')
    .option('--json', 'print a machine-readable report on stdout, and nothing else there')
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'print each step')
    .option('--jobs <n>', 'with several resumes: how many build at once, each lane with one browser (default: the number of cores)', parseWhole('--jobs'))
    .option('--shard <i/n>', 'build only the i-th of n parts of the resume list, the same part for the same file on every machine (CI matrices)')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const one = files.length <= 1 && !(files[0] && isFolder(files[0]))
      if (one && opts.shard === undefined && opts.jobs === undefined) {
        const { runBuild } = await import('./build.js')
        code = await runBuild(files[0] ?? 'resume.yaml', opts, io)
        return
      }
      const { parseShard, runBuildMany } = await import('./build-many.js')
      const shard = typeof opts.shard === 'string' ? parseShard(opts.shard) : undefined
      code = await runBuildMany(files.length ? files : ['resume.yaml'], { ...opts, shard }, io)
    })

  program
    .command('validate')
    .description('check a resume and report every problem with its file:line:col')
    .argument('[file]', 'the resume', 'resume.yaml')
    .option('--strict', 'treat warnings as errors')
    .action(async (file: string, opts: { strict?: boolean }) => {
      const { runValidate } = await import('./validate.js')
      code = await runValidate(file, opts, io)
    })

  const explain = program.command('explain').description('show what a variant keeps and drops, and the tag or rule that decided').argument('[file]', 'the resume', 'resume.yaml')
  tailoringOptions(explain)
    .option('--json', 'print the decisions as JSON')
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runExplain } = await import('./explain.js')
      code = await runExplain(file, opts, io)
    })

  const match = program
    .command('match')
    .description('find what a job posting asks for in the resume and its variants, and what would show the rest')
    .argument('<posting>', 'the posting: a .txt, .md or .html file, or - for standard input')
    .argument('[file]', 'the resume', 'resume.yaml')
  tailoringOptions(match)
    .option('--terms <file>', 'more terms and aliases, as in meta.match (YAML or JSON)')
    .option('--fail-under <percent>', 'exit 4 when the best coverage is below this percentage', parsePercent)
    .option('--json', 'print the report as JSON')
    .action(async (posting: string, file: string, opts: Record<string, unknown>) => {
      const { runMatch } = await import('./match.js')
      code = await runMatch(posting, file, opts, io)
    })

  program
    .command('themes')
    .description("list the themes a resume can use: vitae's own and the installed theme packages")
    .argument('[dir]', "the resume's folder: packages are looked up from it", '.')
    .option('--json', 'print the list as JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const { runThemes } = await import('./themes.js')
      code = await runThemes(dir, opts, io)
    })

  program
    .command('import')
    .description("convert a JSON Resume, RenderCV or YAMLResume file, or LinkedIn's data export, into a resume.yaml")
    .argument('<file>', "the file to convert (JSON or YAML), or LinkedIn's export (the .zip or its folder)")
    .option('-o, --output <file>', 'where to write the resume', 'resume.yaml')
    .option('--force', 'replace the output file if it exists')
    .action(async (file: string, opts: { output?: string; force?: boolean }) => {
      const { runImport } = await import('./import.js')
      code = await runImport(file, opts, io)
    })

  program
    .command('init')
    .description('write a starter resume: every section with an example, a variant and the meta choices')
    .argument('[file]', 'the resume to write', 'resume.yaml')
    .option('--name <name>', 'your name (asked on a terminal when left out)')
    .option('--email <address>', 'your email address (asked on a terminal when left out)')
    .option('--locale <tag>', 'locale for dates, e.g. en-US (asked on a terminal when left out)')
    .option('--ci', 'also write .github/workflows/resume.yml, which builds every variant on push')
    .option('--letter <name>', 'write a starter cover letter, letters/NAME.yaml beside the resume, instead')
    .option('--force', 'overwrite files that exist')
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runInit } = await import('./init.js')
      code = await runInit(file, opts, io)
    })

  const dev = program
    .command('dev')
    .description('preview a resume in the browser, rebuilt and reloaded on every save')
    .argument('[file]', 'the resume', 'resume.yaml')
    .addOption(new Option('-f, --format <format>', 'html, or pdf to show the printed PDF too').choices(['html', 'pdf']).default('html'))
    .option('--port <n>', 'port to serve on (default: a free one)', parsePort)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
  renderingOptions(dev).option('-v, --verbose', 'print each step: the files that changed, the browser')
  tailoringOptions(dev).action(async (file: string, opts: Record<string, unknown>) => {
    const { runDev } = await import('./dev.js')
    code = await runDev(file, opts, io)
  })

  try {
    await program.parseAsync(argv as string[], { from: 'node' })
    return code
  } catch (error) {
    return handleError(error, io)
  }
}

/** The flags that choose the look and the printing: shared by build and dev. */
function renderingOptions(command: Command): Command {
  return command
    .option(
      '--theme <name>',
      'theme: a name (ours, templates/NAME, or an installed vitae-theme-NAME / jsonresume-theme-NAME package) or a folder (default: meta.theme, else classic)',
    )
    .addOption(new Option('--page <size>', "page size (default: meta.page, else the theme's)").choices(['letter', 'a4']))
    .option('--margin <lengths>', 'page margins: one to four lengths, e.g. 0.5in or 0.5in,0.6in')
    .option('--fit <n>', "fit into this many pages by tightening the theme's type and spacing, within its floors", parsePositive('--fit'))
    .option('--strict', 'treat warnings as errors')
    .option('--timeout <seconds>', 'give up on a render after this long (default 30)', parsePositive('--timeout'))
    .option('--browser-path <path>', 'Chrome, Chromium or Edge to print PDFs with (default: $VITAE_BROWSER, $PUPPETEER_EXECUTABLE_PATH, then the usual places)')
}

/** The flags that choose and tailor what is built: shared by build and explain. */
function tailoringOptions(command: Command): Command {
  return command
    .option('--variant <name>', 'a variant defined in the resume (repeatable)', collect, [])
    .option('--all-variants', 'every variant')
    .option('--tags <list>', 'keep only tagged entries and highlights with one of these tags (untagged ones stay)', commaList)
    .option('--exclude-tags <list>', 'drop entries and highlights with any of these tags', commaList)
    .option('--sections <list>', 'sections to show, in this order', commaList)
    .option('--set <path=value>', 'override a field, e.g. --set basics.label="ML Engineer" (repeatable)', collect, [])
    .option('--letter <name>', 'a cover letter (letters/NAME.yaml), built with the resume it goes with (repeatable)', collect, [])
    .option('--all-letters', 'every cover letter, each with its resume')
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]
const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)

function parsePercent(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('a percentage from 0 to 100')
  return n
}

export function parsePositive(flag: string) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${flag} must be a positive number.`)
    return n
  }
}

function parseWhole(flag: string) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} must be a whole number of at least 1.`)
    return n
  }
}

function parseDpi(value: string): number {
  const n = Number(value)
  if (!isDpi(n)) throw new InvalidArgumentError(`--dpi must be a whole number from ${DPI_RANGE.min} to ${DPI_RANGE.max}.`)
  return n
}

function parsePort(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('--port must be a whole number from 0 to 65535.')
  return n
}

export function handleError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_CODES.ok
    return EXIT_CODES.usage
  }
  if (isVitaeError(error)) {
    printDiagnostics(io, error.diagnostics)
    return exitCodeOf(error.kind)
  }
  const err = error instanceof Error ? error : new Error(String(error))
  io.err(`internal error: ${err.message}`)
  io.err(io.debug ? (err.stack ?? '') : 'This is a bug in vitae. Run again with --debug for the stack trace, and report it.')
  return EXIT_CODES.internal
}
