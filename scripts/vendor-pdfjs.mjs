// Puts PDF.js into lib/vendor/pdfjs/, where the png format's raster tab loads it (src/browser/rasterize.ts):
// its two modules as classic scripts (pdf.js defines pdfjsLib, pdf.worker.js pdfjsWorker, the
// "fake worker" PDF.js runs in the page) and raster.html, the page that loads them from disk.
// Classic scripts, because Chrome refuses module scripts on a file:// page; from disk, because
// handing the tab 1.7 MB of source through the DevTools protocol took longer than the drawing.
// Shipping these in lib/ keeps pdfjs-dist a dev dependency: as a dependency it would install
// 41 MB, plus a 32 MB native canvas we never use.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const pkg = dirname(require.resolve('pdfjs-dist/package.json'))
const out = join(root, 'lib/vendor/pdfjs')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
for (const file of ['LICENSE', 'package.json']) copyFileSync(join(pkg, file), join(out, file))

/** An ES module as a classic script that assigns its exports to `globalName` (or only runs it). */
function classic(file, globalName) {
  const { code } = transformSync(readFileSync(join(pkg, 'build', file), 'utf8'), {
    format: 'iife',
    globalName,
    // Only PDF.js's Node paths and its image decoders' wasm loaders read it; the page has a URL.
    define: { 'import.meta.url': 'location.href' },
    minifyWhitespace: true,
    logLevel: 'error',
  })
  return code
}
writeFileSync(join(out, 'pdf.js'), classic('pdf.min.mjs', 'pdfjsLib'))
// The worker module sets globalThis.pdfjsWorker itself.
writeFileSync(join(out, 'pdf.worker.js'), classic('pdf.worker.min.mjs'))
// The page the raster tab draws as it opens, to warm PDF.js up (src/browser/rasterize.ts, warmUp):
// a page Chrome printed, carried as base64 because a file:// page may not fetch its neighbours.
const warmUp = readFileSync(join(root, 'scripts/raster-warm-up.pdf')).toString('base64')
writeFileSync(join(out, 'warm-up.js'), `globalThis.vitaeWarmUp = '${warmUp}'\n`)
writeFileSync(
  join(out, 'raster.html'),
  '<!doctype html><meta charset="utf-8"><title>vitae raster</title><script src="pdf.js"></script><script src="pdf.worker.js"></script><script src="warm-up.js"></script>\n',
)
