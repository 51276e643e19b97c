import { accessSync, constants, readdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, posix, win32 } from 'node:path'
import { optionPhrase } from '../diagnostics/diagnostic.js'

/**
 * Finding a Chrome, Chromium or Edge to print with. Node built-ins only: scripts/setup-browser.mjs
 * imports the compiled file before anything else is installed, and `resume build` pays nothing for it.
 *
 * Order: --browser-path, $VITAE_BROWSER, $PUPPETEER_EXECUTABLE_PATH, a browser installed with
 * @puppeteer/browsers in Puppeteer's cache, then Chrome, Chromium and Edge in their usual places.
 * An explicit choice (the flag or a variable) that does not exist is an error, not a reason to
 * quietly print with some other browser.
 *
 * Test hook: VITAE_BROWSER_SEARCH=none skips the cache and the usual places, so a test can see
 * what happens on a machine without a browser.
 */

export interface FoundBrowser {
  path: string
  /** Where it came from, for messages: `the browserPath option`, `VITAE_BROWSER`, `Puppeteer's cache`, `system`. */
  source: string
}

export interface BrowserSearch {
  found?: FoundBrowser
  /** What was looked at, in order, for the error message when nothing was found. */
  tried: string[]
  /** Set when the user named a browser (flag or variable) that is not there. */
  missing?: FoundBrowser
}

export interface FindOptions {
  browserPath?: string
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  arch?: string
  home?: string
}

export const BROWSER_ENV_VARS = ['VITAE_BROWSER', 'PUPPETEER_EXECUTABLE_PATH'] as const

export function findBrowser(options: FindOptions = {}): BrowserSearch {
  const env = options.env ?? process.env
  const platform = options.platform ?? process.platform
  const tried: string[] = []

  const explicit: FoundBrowser[] = []
  if (options.browserPath) explicit.push({ path: options.browserPath, source: optionPhrase('browserPath') })
  for (const name of BROWSER_ENV_VARS) {
    const value = env[name]
    if (value) explicit.push({ path: value, source: name })
  }
  const chosen = explicit[0]
  if (chosen) {
    return isExecutable(chosen.path, platform) ? { found: chosen, tried: [chosen.source] } : { tried: [`${chosen.source} (${chosen.path})`], missing: chosen }
  }
  tried.push(`${BROWSER_ENV_VARS.join(' and ')} (not set)`)
  if (env.VITAE_BROWSER_SEARCH === 'none') return { tried: [...tried, 'nothing else (VITAE_BROWSER_SEARCH=none)'] }

  const cache = puppeteerCacheDir(env, platform, options.home)
  tried.push(cache)
  const cached = cachedBrowser(cache, platform, options.arch ?? process.arch)
  if (cached) return { found: { path: cached, source: `Puppeteer's cache` }, tried }

  for (const candidate of systemCandidates(env, platform, options.home)) {
    const path = candidate.name ? onPath(candidate.name, env, platform) : candidate.path
    tried.push(candidate.name ? `${candidate.name} on PATH` : (candidate.path as string))
    if (path && isExecutable(path, platform)) return { found: { path, source: 'system' }, tried }
  }
  return { tried }
}

/** Where @puppeteer/browsers and Puppeteer keep downloaded browsers, unless told otherwise. */
export function puppeteerCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return env.PUPPETEER_CACHE_DIR || pathFor(platform).join(home, '.cache', 'puppeteer')
}

const pathFor = (platform: NodeJS.Platform) => (platform === 'win32' ? win32 : posix)

function isExecutable(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false
    if (platform !== 'win32') accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Platform folder prefixes and executables inside one build, as @puppeteer/browsers lays them out. */
function cacheLayout(platform: NodeJS.Platform, arch: string): { prefixes: string[]; executables: Record<string, string[]> } {
  if (platform === 'darwin') {
    const folders = arch === 'arm64' ? ['mac-arm64', 'mac-x64'] : ['mac-x64']
    return {
      prefixes: arch === 'arm64' ? ['mac_arm-', 'mac-'] : ['mac-'],
      executables: {
        'chrome-headless-shell': folders.map((f) => `chrome-headless-shell-${f}/chrome-headless-shell`),
        chrome: folders.map((f) => `chrome-${f}/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`),
      },
    }
  }
  if (platform === 'win32') {
    return {
      prefixes: ['win64-', 'win32-'],
      executables: {
        'chrome-headless-shell': ['chrome-headless-shell-win64\\chrome-headless-shell.exe', 'chrome-headless-shell-win32\\chrome-headless-shell.exe'],
        chrome: ['chrome-win64\\chrome.exe', 'chrome-win32\\chrome.exe'],
      },
    }
  }
  return {
    prefixes: arch === 'arm64' ? ['linux_arm-', 'linux-'] : ['linux-'],
    executables: { 'chrome-headless-shell': ['chrome-headless-shell-linux64/chrome-headless-shell'], chrome: ['chrome-linux64/chrome'] },
  }
}

/** The newest chrome-headless-shell (the lighter one, made for this), else the newest Chrome for Testing. */
function cachedBrowser(cache: string, platform: NodeJS.Platform, arch: string): string | undefined {
  const { join } = pathFor(platform)
  const layout = cacheLayout(platform, arch)
  for (const [browser, executables] of Object.entries(layout.executables)) {
    const builds = listDir(join(cache, browser))
      .filter((name) => layout.prefixes.some((p) => name.startsWith(p)))
      .sort((a, b) => compareVersions(buildId(b), buildId(a)))
    for (const build of builds) {
      for (const exe of executables) {
        const path = join(cache, browser, build, exe)
        if (isExecutable(path, platform)) return path
      }
    }
  }
  return undefined
}

const buildId = (folder: string): string => folder.slice(folder.indexOf('-') + 1)

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0)
    if (d !== 0) return d
  }
  return a.localeCompare(b)
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

type Candidate = { path: string; name?: undefined } | { name: string; path?: undefined }

/**
 * Chrome, then Chromium, then Edge. On Linux the real binaries come before the launcher scripts on
 * PATH: Debian's /usr/bin/chromium is a shell script that greps /proc/cpuinfo and sources desktop
 * settings before exec'ing /usr/lib/chromium/chromium, which costs a headless print ~50 ms for nothing.
 */
function systemCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home = homedir()): Candidate[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
    return apps.flatMap((app) => [{ path: `/Applications/${app}` }, { path: posix.join(home, 'Applications', app) }])
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter((r): r is string => Boolean(r))
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']
    return exes.flatMap((exe) => [...new Set(roots)].map((root) => ({ path: win32.join(root, exe) })))
  }
  return [
    { path: '/opt/google/chrome/chrome' },
    { name: 'google-chrome-stable' },
    { name: 'google-chrome' },
    { path: '/usr/lib/chromium/chromium' },
    { path: '/usr/lib/chromium-browser/chromium-browser' },
    { name: 'chromium' },
    { name: 'chromium-browser' },
    { path: '/snap/bin/chromium' },
    { path: '/opt/microsoft/msedge/msedge' },
    { name: 'microsoft-edge-stable' },
    { name: 'microsoft-edge' },
  ]
}

function onPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const { join } = pathFor(platform)
  for (const dir of (env.PATH ?? '').split(platform === 'win32' ? ';' : delimiter)) {
    if (!dir) continue
    const path = join(dir, name)
    if (isExecutable(path, platform)) return path
  }
  return undefined
}
