import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { PACKAGE_ROOT, SCHEMA_PATH } from '../core/schema.js'
import { refuseNonFile, writeAtomic } from '../core/write.js'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import { DEFAULT_LOCALE, PLACEHOLDER_EMAIL, PLACEHOLDER_NAME, starterResume } from './starter.js'
import { workflow } from './workflow.js'

export interface InitOptions {
  /** The resume to write. */
  file: string
  name?: string
  email?: string
  locale?: string
  /** Overwrite files that exist. */
  force?: boolean
  /** Also write .github/workflows/resume.yml. */
  ci?: boolean
}

export interface InitResult {
  /** Absolute paths, in the order written. */
  written: string[]
}

/** Where `npm install vitae` puts the schema, relative to a resume at the project's root. */
export const INSTALLED_SCHEMA = './node_modules/vitae/schema/resume.schema.json'

const usage = (message: string, hint?: string): VitaeError => new VitaeError('usage', [{ code: 'BAD_FLAG', severity: 'error', message, hint }])

/** The values as the starter needs them: checked here, so a bad one is a usage error, not an invalid file. */
export function checkValues(values: Pick<InitOptions, 'name' | 'email' | 'locale'>): { name: string; email: string; locale: string } {
  const name = values.name?.trim() || PLACEHOLDER_NAME
  const email = values.email?.trim() || PLACEHOLDER_EMAIL
  const locale = values.locale?.trim() || DEFAULT_LOCALE
  if (/[\u0000-\u001f\u007f]/.test(name)) throw usage('--name cannot hold control characters')
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw usage(`--email ${JSON.stringify(email)} is not an email address`, 'e.g. --email ada@example.com')
  if (!isLocale(locale)) throw usage(`--locale ${JSON.stringify(locale)} is not a locale`, 'a BCP 47 tag, e.g. en-US, en-GB, de-DE')
  return { name, email, locale }
}

export function isLocale(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false
  try {
    Intl.getCanonicalLocales(tag)
    return true
  } catch {
    return false
  }
}

/**
 * The schema path for the modeline, relative to the resume. Where the running vitae belongs to
 * the resume's project (its node_modules, or this repository), the real relative path; otherwise
 * (a global install, npx's cache) where `npm install vitae` will put it, so the line keeps working
 * on every clone of the project.
 */
export function schemaPathFor(resumeFile: string, packageRoot = PACKAGE_ROOT, schemaPath = SCHEMA_PATH): string {
  const root = packageRoot.replace(/[\\/]+$/, '')
  const installed = /^(.*)[\\/]node_modules[\\/]vitae$/.exec(root)
  const project = installed ? installed[1]! : root
  const dir = dirname(resolve(resumeFile))
  const fromProject = relative(project, dir)
  if (fromProject.startsWith('..') || isAbsolute(fromProject)) return INSTALLED_SCHEMA
  const rel = relative(dir, schemaPath).split(sep).join('/')
  return rel.startsWith('..') ? rel : `./${rel}`
}

/** The repository the resume lives in (the nearest folder with .git), else the resume's own folder. */
function repositoryRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d
    if (dirname(d) === d) return dir
  }
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version
}

/** The files init would write, and their text. */
export function initFiles(options: InitOptions): Array<{ path: string; text: string }> {
  if (['.json', '.json5'].includes(extname(options.file).toLowerCase())) {
    throw usage(`resume init writes YAML, not ${extname(options.file)}`, 'name the file resume.yaml')
  }
  const path = resolve(options.file)
  const values = checkValues(options)
  const files = [{ path, text: starterResume({ ...values, schemaPath: schemaPathFor(path) }) }]
  if (options.ci) {
    const root = repositoryRoot(dirname(path))
    const install = !existsSync(join(root, 'package.json')) ? 'none' : existsSync(join(root, 'package-lock.json')) ? 'npm ci' : 'npm install'
    const text = workflow({ resume: relative(root, path).split(sep).join('/'), install, version: packageVersion() })
    files.push({ path: join(root, '.github', 'workflows', 'resume.yml'), text })
  }
  return files
}

/**
 * Writes the starter (and the workflow): all or nothing. Without `force`, a file that exists is
 * OUTPUT_EXISTS (exit 7) and nothing is written; the exclusive create also loses no race.
 */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const files = initFiles(options)
  for (const f of files) refuseNonFile(f.path, 'resume init')
  if (!options.force) {
    const existing = files.filter((f) => existsSync(f.path))
    if (existing.length)
      throw new VitaeError(
        'output',
        existing.map((f) => exists(f.path)),
      )
  }
  const written: string[] = []
  for (const f of files) {
    if (options.force) {
      await writeAtomic(f.path, Buffer.from(f.text, 'utf8'))
    } else {
      try {
        await mkdir(dirname(f.path), { recursive: true })
        await writeFile(f.path, f.text, { flag: 'wx' })
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EEXIST') throw new VitaeError('output', [exists(f.path)], { cause: error })
        throw new VitaeError('output', [{ code: 'WRITE_FAILED', severity: 'error', message: `cannot write ${f.path} (${code ?? 'EIO'})`, file: f.path }], { cause: error })
      }
    }
    written.push(f.path)
  }
  return { written }
}

const exists = (path: string): Diagnostic => ({
  code: 'OUTPUT_EXISTS',
  severity: 'error',
  message: `${display(path)} exists; resume init never overwrites a file`,
  hint: 'choose another file name, or pass --force to replace it',
})

const display = (path: string): string => {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel
}
