// Copies PDF.js (two files and its licence) into lib/vendor/pdfjs/, where the png format loads it
// into the browser's raster tab (src/browser/rasterize.ts). Shipping these 1.7 MB in lib/ keeps
// pdfjs-dist a dev dependency: as a dependency it would install 41 MB, plus a 32 MB native canvas
// we never use.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const pkg = dirname(require.resolve('pdfjs-dist/package.json'))
const out = join(root, 'lib/vendor/pdfjs')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
for (const file of ['build/pdf.min.mjs', 'build/pdf.worker.min.mjs', 'LICENSE', 'package.json']) copyFileSync(join(pkg, file), join(out, file.replace(/^build\//, '')))
