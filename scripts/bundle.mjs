// Bundles the CLI into lib/bundle/ so a command loads a handful of files instead of hundreds:
// module resolution and loading, not our code, dominated `resume build --format html`.
// puppeteer-core, pdf-lib and docx stay external: they load only for the formats that need them.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, transform } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Handlebars builds its template code with source-map's SourceNode when it can require it: slower
// compiles, and a library loaded for maps we never write. Made unavailable, it uses plain strings.
const noSourceMaps = {
  name: 'no-source-maps',
  setup(build) {
    build.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'unavailable' }))
    build.onLoad({ filter: /.*/, namespace: 'unavailable' }, () => ({ contents: "throw new Error('source-map is not bundled')", loader: 'js' }))
  },
}

// commander requires node:child_process at its top for subcommands that are separate executables,
// which we have none of; loading it (with net and dgram) cost every command ~3 ms. Here it loads on
// first use, which never comes.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] })",
      loader: 'js',
    }))
  },
}

// src/core/import-built.ts imports the modules npm run build writes into lib/ (the validator, the
// compiled themes) as files; in the CLI they are part of the bundle instead, so that they load
// from V8's code cache with it. A path this table lacks still loads as a file.
const builtModules = {
  name: 'built-modules',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]import-built\.ts$/ }, () => {
      const paths = [
        'generated/validate-resume.js',
        ...readdirSync(join(root, 'lib/precompiled'))
          .filter((f) => f.endsWith('.js'))
          .map((f) => `precompiled/${f}`),
      ]
      const table = paths.map((p) => `  ${JSON.stringify(p)}: () => import(${JSON.stringify(`../../lib/${p}`)}),`).join('\n')
      return {
        loader: 'ts',
        resolveDir: join(root, 'src/core'),
        contents: `import { importModule } from './import-module.js'
const built: Record<string, () => Promise<unknown>> = {
${table}
}
export function importBuilt<T>(path: string): Promise<T> {
  return (built[path]?.() ?? importModule(new URL(\`../../lib/\${path}\`, import.meta.url).href)) as Promise<T>
}
`,
      }
    })
  },
}

rmSync(join(root, 'lib/bundle'), { recursive: true, force: true }) // no stale chunks from earlier builds
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['puppeteer-core', 'pdf-lib', 'docx', 'fflate'],
  plugins: [noSourceMaps],
  legalComments: 'none',
  logLevel: 'warning',
}

// The CLI: one CommonJS file, so bin/load-cli.js can compile it with V8's code cache (Node 20 has
// no compile cache for ES modules). Its modules stay lazy: esbuild keeps each dynamically imported
// one behind an init function, run on first use. The file sits two levels below the root, like
// src/core, so the paths our code builds from import.meta.url (here, the bundle's own URL) hold.
await build({
  ...shared,
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'lib/bundle/main.cjs'),
  format: 'cjs',
  plugins: [noSourceMaps, builtModules, lazyChildProcess],
  define: { 'import.meta.url': '__vitaeModuleUrl' },
  banner: { js: "const __vitaeModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
})

// Code compiled from V8's code cache cannot call import() on Node 20 (bin/load-cli.js): every
// import() of the CLI goes through src/core/import-module.ts. A new one elsewhere would pass the
// tests that run src/ and fail only when installed, so it fails the build here, by name.
{
  const cli = readFileSync(join(root, 'lib/bundle/main.cjs'), 'utf8')
  let file = ''
  const strays = []
  for (const line of cli.split('\n')) {
    file = /^\/\/ (src\/\S+|node_modules\/\S+)$/.exec(line)?.[1] ?? file
    // the page script rasterize.ts sends to the browser is text, not our code
    if (/(^|[^.\w$])import\(/.test(line) && file !== 'src/core/import-module.ts' && !line.includes('globalThis.pdfjsLib')) strays.push(`${file}: ${line.trim()}`)
  }
  if (strays.length) {
    console.error(`bundle: import() outside src/core/import-module.ts; use importModule():\n  ${strays.join('\n  ')}`)
    process.exit(1)
  }
}

// The CLI's file is ASCII, so bin/load-cli.js reads it as Latin-1 into a one-byte string: 1 ms,
// where UTF-8 decoding of its 2 MB into a two-byte string took 7 to 12 ms. esbuild escapes strings
// but leaves regular expressions and comments as written; their characters are escaped here (\uXXXX
// means the same in a regular expression, with or without the u flag, and in a comment nothing).
{
  const file = join(root, 'lib/bundle/main.cjs')
  // Minified after the check above, which needs the file's module markers: half the bytes to read
  // and, with short names, less source for V8 to scan when a function first runs (~4 ms a command).
  // Names in a stack trace are short too; no message we show the user is built from one. To read a
  // CPU profile by name, build with VITAE_NO_MINIFY=1.
  const cli = (await transform(readFileSync(file, 'utf8'), { minify: !process.env.VITAE_NO_MINIFY, legalComments: 'none', target: 'node20', format: 'cjs' })).code
  // Per UTF-16 unit: a character past U+FFFF becomes its surrogate pair, which both kinds of
  // regular expression read as that character.
  const escaped = cli.replace(/[^\x00-\x7f]/g, (unit, offset) => {
    // After a backslash the escape would become text: refuse rather than change a meaning.
    if (cli[offset - 1] === '\\') throw new Error(`bundle: cannot escape the ${JSON.stringify(unit)} after a backslash at ${offset} of main.cjs`)
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
  writeFileSync(file, escaped)
}

// The sandbox's worker and the modules it runs are entries of their own, loaded by file name
// (src/sandbox/sandbox.ts) into a worker thread: ES modules, sharing chunks (Handlebars).
await build({
  ...shared,
  entryPoints: {
    'worker-main': join(root, 'src/sandbox/worker-main.ts'),
    'theme-render': join(root, 'src/sandbox/theme-render.ts'),
    'jsonresume-render': join(root, 'src/sandbox/jsonresume-render.ts'),
    'plugin-host': join(root, 'src/sandbox/plugin-host.ts'),
  },
  outdir: join(root, 'lib/bundle'),
  splitting: true,
  format: 'esm',
  // commander and other CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __vitaeRequire } from 'node:module'; const require = __vitaeRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
})
