import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../core/schema.js'
import { VitaeError } from '../diagnostics/diagnostic.js'

/**
 * Stylesheets vitae offers every theme by name: `"styles": ["vitae:base.css", "style.css"]` in
 * theme.json reads `styles/base.css` from vitae's own package, wherever the theme folder is. A theme
 * stays a folder a user can copy (no path out of it), and the rules all themes share live once.
 */
export const SHARED_STYLE_PREFIX = 'vitae:'
const SHARED_DIR = join(PACKAGE_ROOT, 'styles')

export const isSharedStyle = (entry: string): boolean => entry.startsWith(SHARED_STYLE_PREFIX)

/** The shared sheets there are, by name: what an error message offers. */
const sharedNames = (): string[] => {
  try {
    return readdirSync(SHARED_DIR)
      .filter((f) => f.endsWith('.css'))
      .sort()
  } catch {
    return []
  }
}

/** The text of `vitae:NAME`; a name vitae does not have is a theme error at the manifest. */
export function readSharedStyle(entry: string, manifestFile: string): string {
  const name = entry.slice(SHARED_STYLE_PREFIX.length)
  // A plain file name only: the prefix names a sheet of ours, never a path into the package.
  if (/^[a-z0-9][a-z0-9-]*\.css$/.test(name)) {
    try {
      return readFileSync(join(SHARED_DIR, name), 'utf8')
    } catch {
      // falls through to the message below
    }
  }
  const have = sharedNames().map((n) => `${SHARED_STYLE_PREFIX}${n}`)
  throw new VitaeError('theme', [
    {
      code: 'THEME',
      severity: 'error',
      message: `the theme asks for the stylesheet ${entry}, which vitae does not have`,
      file: manifestFile,
      hint: have.length ? `vitae offers ${have.join(', ')}` : undefined,
    },
  ])
}
