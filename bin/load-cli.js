// Loads the bundled CLI (lib/bundle/main.cjs) with V8's code cache (lib/bundle/main.cache, or
// match.cache for `resume match`).
//
// Why: compiling the bundle's code, not running it, was most of a short command such as
// `resume build --format html`. Node 22 has module.enableCompileCache(); Node 20, which we support,
// does not, so the bundle is CommonJS and compiled here with the cached data `npm run build` made
// (scripts/warm-code-cache.mjs). A cache V8 rejects (another Node or other flags) costs only the
// compile it would have saved; the CLI then writes a fresh one, best effort.
// CommonJS (bin/package.json): an ES module entry costs Node's ES module loader, about 5 ms.
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { join } = require('node:path')
const vm = require('node:vm')

const bundleDir = join(__dirname, '../lib/bundle')
const BUNDLE = join(bundleDir, 'main.cjs')

/**
 * The cache for a command line: `resume match` has its own (its code is a third of what a full
 * cache holds, and V8 reads a cache whole: every other command would pay for it); every other
 * command shares main.cache, made by validate and build. Code a cache lacks (DOCX, say) is compiled
 * from the bundle when first run, which costs those commands about what reading it would.
 */
function cacheFile(argv) {
  const command = argv.slice(2).find((arg) => !arg.startsWith('-'))
  return join(bundleDir, command === 'match' ? 'match.cache' : 'main.cache')
}

const readCache = (file) => {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/**
 * The bundle's exports, and `saveCache()`, which writes the code compiled so far when the cache was
 * missing or rejected (`always` writes it anyway: the build's warm-up).
 */
function loadCli({ useCache = true, argv = process.argv } = {}) {
  const cache = cacheFile(argv)
  const cachedData = useCache ? readCache(cache) : undefined
  // ASCII (scripts/bundle.mjs makes it so): Latin-1 reads it into a one-byte string, 10 times faster than UTF-8.
  const source = readFileSync(BUNDLE, 'latin1')
  // Code compiled from a code cache cannot call import() on Node 20; the bundle's one import()
  // (src/core/import-module.ts) calls this module's instead.
  globalThis[Symbol.for('vitae.importModule')] ??= (specifier) => import(specifier)
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData })
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, bundleDir)
  const stale = cachedData === undefined || script.cachedDataRejected === true
  const saveCache = ({ always = false } = {}) => {
    if (!always && !(useCache && stale)) return
    const temporary = `${cache}.${process.pid}.tmp`
    try {
      writeFileSync(temporary, script.createCachedData())
      renameSync(temporary, cache)
    } catch {
      rmSync(temporary, { force: true }) // a read-only install keeps working, only without the cache
    }
  }
  return { ...module.exports, saveCache }
}

module.exports = { loadCli }
