import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from './schema.js'

/** The themes vitae ships: the folders of its templates/ with a manifest, by name. The folder is the list; nothing repeats it. */
export function shippedThemes(): string[] {
  const dir = join(PACKAGE_ROOT, 'templates')
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => existsSync(join(dir, n, 'theme.json')))
        .sort()
    : []
}
