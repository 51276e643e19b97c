import { importModule } from './import-module.js'

/**
 * A module `npm run build` writes into lib/ (the schema's validator, the compiled themes), by its
 * path under lib/. From the TypeScript sources (the tests) it is imported as a file. The bundle
 * replaces this module (scripts/bundle.mjs) with one that holds those modules, so the CLI loads them
 * with the rest from V8's code cache instead of compiling a 140 kB validator on every run.
 */
export function importBuilt<T>(path: string): Promise<T> {
  return importModule<T>(new URL(`../../lib/${path}`, import.meta.url).href)
}
