#!/usr/bin/env node
// The floor a PDF build is measured against: the smallest puppeteer-core program that prints an
// HTML file. Same browser (found as vitae finds it), same command line, one page, close.
//
//   node scripts/bench-pdf-baseline.mjs page.html [out.pdf] [browser]
//
// Prints the milliseconds since this process started (so Node's startup counts, as it does for
// `time resume build`). Needs `npm run build` first, for the shared browser discovery and flags.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import puppeteer from 'puppeteer-core'
import { findBrowser } from '../lib/browser/find.js'
import { chromeArgs, sandboxOffReason } from '../lib/browser/flags.js'

const [htmlFile, outFile, browserPath] = process.argv.slice(2)
if (!htmlFile) {
  console.error('usage: node scripts/bench-pdf-baseline.mjs page.html [out.pdf] [browser]')
  process.exit(2)
}
const executablePath = browserPath ?? findBrowser().found?.path
if (!executablePath) {
  console.error('no browser found; pass its path as the third argument')
  process.exit(6)
}

const html = readFileSync(htmlFile, 'utf8')
const userDataDir = mkdtempSync(join(tmpdir(), 'vitae-baseline-'))
const browser = await puppeteer.launch({
  executablePath,
  pipe: true,
  ignoreDefaultArgs: true,
  args: chromeArgs({ userDataDir, noSandbox: sandboxOffReason() !== undefined }),
})
const page = await browser.newPage()
await page.setContent(html, { waitUntil: 'load' })
const pdf = await page.pdf({ format: 'Letter', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
await browser.close()
rmSync(userDataDir, { recursive: true, force: true })
if (outFile) writeFileSync(outFile, pdf)
console.log(Math.round(performance.now()))
