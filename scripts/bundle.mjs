// Bundles the CLI into lib/bundle/ so a command loads a handful of files instead of hundreds:
// module resolution and loading, not our code, dominated `resume build --format html`.
// puppeteer-core, pdf-lib and docx stay external: they load only for the formats that need them.

import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

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

rmSync(join(root, 'lib/bundle'), { recursive: true, force: true }) // no stale chunks from earlier builds
await build({
  // The sandbox's worker and the modules it runs are entries of their own, loaded by file name
  // (src/sandbox/sandbox.ts): they share chunks (Handlebars) with the CLI.
  entryPoints: {
    main: join(root, 'src/cli/main.ts'),
    'worker-main': join(root, 'src/sandbox/worker-main.ts'),
    'theme-render': join(root, 'src/sandbox/theme-render.ts'),
    'jsonresume-render': join(root, 'src/sandbox/jsonresume-render.ts'),
    'plugin-host': join(root, 'src/sandbox/plugin-host.ts'),
  },
  outdir: join(root, 'lib/bundle'), // two levels below the root, like src/core: import.meta.url paths still hold
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['puppeteer-core', 'pdf-lib', 'docx', 'fflate'],
  // commander and other CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __vitaeRequire } from 'node:module'; const require = __vitaeRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  plugins: [noSourceMaps],
  legalComments: 'none',
  logLevel: 'warning',
})
