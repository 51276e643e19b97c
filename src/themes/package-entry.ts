import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../core/schema.js'

export interface PackageJson {
  name?: string
  version?: string
  description?: string
  main?: string
  module?: string
  exports?: unknown
  type?: string
}

export function readPackageJson(dir: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson
  } catch {
    return undefined
  }
}

/**
 * The folder of package `name` as Node would find it from `fromDir` (node_modules there and in
 * every folder above, then Node's global folders), then among vitae's own dependencies. Found by
 * the lookup path rather than require.resolve, so a package whose `exports` hides package.json,
 * or that is ESM only, is found all the same. The real path: symlinked installs (npm link, pnpm)
 * are read where they are.
 */
export function findPackage(name: string, fromDir: string): string | undefined {
  for (const base of [fromDir, PACKAGE_ROOT]) {
    const paths = createRequire(join(base, 'noop.js')).resolve.paths(name) ?? []
    for (const dir of paths) {
      const candidate = join(dir, name)
      if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    }
  }
  return undefined
}

/** The file `import(packageDir)` would load: exports' import (or default) condition, module, main, index.js. */
export function packageEntry(dir: string, pkg: PackageJson | undefined = readPackageJson(dir)): string {
  const fromExports = pickExport(pkg?.exports)
  return join(dir, fromExports ?? pkg?.main ?? 'index.js')
}

function pickExport(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return undefined
  const map = exports as Record<string, unknown>
  // A subpath map: take its root.
  if (Object.keys(map).some((k) => k.startsWith('.'))) return pickExport(map['.'])
  for (const condition of ['import', 'node', 'default', 'require']) {
    const found = pickExport(map[condition])
    if (found) return found
  }
  return undefined
}
