#!/usr/bin/env node
// node scripts/make-raster-warm-up.mjs (after npm run build; needs a browser)
//
// Prints scripts/raster-warm-up.yaml to scripts/raster-warm-up.pdf: the page the png format's raster
// tab draws as it opens, to warm PDF.js up (src/browser/rasterize.ts, warmUp). It is committed,
// because a build need not have a browser; scripts/vendor-pdfjs.mjs puts it into lib/vendor/pdfjs/.
// Run it again when Chrome's PDFs or the default theme change much.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = mkdtempSync(join(tmpdir(), 'vitae-warm-up-'))
try {
  const run = spawnSync(process.execPath, [join(root, 'bin/resume.js'), 'build', join(root, 'scripts/raster-warm-up.yaml'), '--format', 'pdf', '-q', '-o', out], {
    stdio: 'inherit',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
  copyFileSync(join(out, 'raster-warm-up.pdf'), join(root, 'scripts/raster-warm-up.pdf'))
  console.log('wrote scripts/raster-warm-up.pdf')
} finally {
  rmSync(out, { recursive: true, force: true })
}
