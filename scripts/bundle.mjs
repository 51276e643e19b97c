// Bundles the CLI into lib/bundle/ so a command loads a handful of files instead of hundreds:
// module resolution and loading, not our code, dominated `resume build --format html`.
// puppeteer-core, pdf-lib and docx stay external: they load only for the formats that need them.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
rmSync(join(root, 'lib/bundle'), { recursive: true, force: true }) // no stale chunks from earlier builds
await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
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
  legalComments: 'none',
  logLevel: 'warning',
})
