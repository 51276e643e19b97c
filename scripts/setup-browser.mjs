#!/usr/bin/env node
// npm run setup: make sure `resume build --format pdf` has a browser to print with.
//
// Finds one by the rules the CLI uses (lib/browser/find.js, so `npm install` must have built lib/);
// if there is none, installs Chromium with apt-get (Debian or Ubuntu, as root), else
// chrome-headless-shell with @puppeteer/browsers into Puppeteer's cache, where the CLI looks.
// Plain Node, no dependencies. Exits 0 when a browser is there at the end, 1 when it is not.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

let find
try {
  find = await import('../lib/browser/find.js')
} catch {
  console.error('setup: lib/ is not built yet; run `npm run build`, then `npm run setup` again')
  process.exit(1)
}
const { findBrowser, puppeteerCacheDir } = find

const report = (search) => {
  console.log(`setup: PDFs will print with ${search.found.path} (${search.found.source})`)
  process.exit(0)
}

const first = findBrowser()
if (first.found) report(first)
if (first.missing) {
  console.error(`setup: ${first.missing.source} names ${first.missing.path}, which is not there; fix or unset it`)
  process.exit(1)
}

/** Runs a command quietly; returns its failure as a line, or undefined when it worked. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.error) return result.error.message
  if (result.status === 0) return undefined
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  // apt-get says `E: …`, Node tools `Error: …`; the last line is often just a closing brace.
  return lines.find((l) => /^(E:|Error\b|npm ERR!)/.test(l)) ?? lines.pop() ?? `exit status ${result.status}`
}

const attempts = []
const isRoot = process.getuid?.() === 0
const hasApt = process.platform === 'linux' && existsSync('/etc/debian_version') && run('apt-get', ['--version']) === undefined

if (hasApt && isRoot) {
  console.log('setup: no browser found; installing Chromium with apt-get …')
  const apt = (...args) => run('apt-get', ['-y', '-qq', ...args], { DEBIAN_FRONTEND: 'noninteractive' })
  // A fresh container has no package lists; update only when the first try says so.
  const failed = apt('install', '--no-install-recommends', 'chromium') && (apt('update') ?? apt('install', '--no-install-recommends', 'chromium'))
  if (failed) attempts.push(`apt-get install chromium failed: ${failed}`)
  else {
    const after = findBrowser()
    if (after.found) report(after)
    attempts.push('apt-get installed chromium, but it is not where vitae looks')
  }
}

const cache = puppeteerCacheDir()
console.log(`setup: installing chrome-headless-shell into ${cache} with @puppeteer/browsers …`)
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const failed = run(npx, ['--yes', '@puppeteer/browsers', 'install', 'chrome-headless-shell@stable', '--path', cache], {})
if (!failed) {
  const after = findBrowser()
  if (after.found) report(after)
}
attempts.push(`npx @puppeteer/browsers install chrome-headless-shell@stable failed: ${failed ?? 'installed, but not found'}`)

console.error(`setup: no browser for PDFs. ${attempts.join('; ')}.`)
console.error(
  [
    'Do one of these, then run `npm run setup` again:',
    hasApt ? '  sudo apt-get install chromium' : '  install Google Chrome, Chromium or Microsoft Edge the usual way for your system',
    `  npx @puppeteer/browsers install chrome-headless-shell@stable --path ${cache}`,
    '  or set VITAE_BROWSER to the path of a Chrome, Chromium or Edge you have',
  ].join('\n'),
)
process.exit(1)
