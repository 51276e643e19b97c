/**
 * `import()` of a module outside the bundle: a theme's or plugin's file, a generated module in lib/,
 * a dependency kept external (puppeteer-core, pdf-lib, fflate).
 *
 * Why one function: the installed CLI is compiled by bin/load-cli.js from V8's code cache, and code
 * that comes from a code cache cannot call `import()` on Node 20 (the callback Node needs is lost,
 * ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING). The loader hands over its own `import()` here instead;
 * without it (the TypeScript sources, the library), this is a plain `import()`.
 * scripts/bundle.mjs fails the build if the bundle calls `import()` anywhere else.
 */
export function importModule<T = Record<string, unknown>>(specifier: string): Promise<T> {
  const host = (globalThis as Record<symbol, ((specifier: string) => Promise<unknown>) | undefined>)[Symbol.for('vitae.importModule')]
  return (host ? host(specifier) : import(specifier)) as Promise<T>
}
