import { accessSync, constants, readdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, posix, win32 } from 'node:path'
import { optionPhrase } from '../diagnostics/diagnostic.js'

/**
 * Finding a Chrome, Chromium or Edge to print with. Node built-ins only: scripts/setup-browser.mjs
 * imports the compiled file before anything else is installed, and `resume build` pays nothing for it.
 *
 * Order: --browser-path, $VITAE_BROWSER, $PUPPETEER_EXECUTABLE_PATH; then a headless shell, the
 * build made for printing (it starts in a fraction of a full browser's time and memory):
 * chrome-headless-shell in Puppeteer's cache, the one `npm run setup` extracted into vitae's cache,
 * chrome-headless-shell on PATH; then a full browser: Chrome for Testing in Puppeteer's cache, then
 * Chrome, Chromium and Edge in their usual places. An explicit choice (the flag or a variable) that
 * does not exist is an error, not a reason to quietly print with some other browser.
 *
 * Test hook: VITAE_BROWSER_SEARCH=none skips the cache and the usual places, so a test can see
 * what happens on a machine without a browser.
 */

export interface FoundBrowser {
  path: string
  /** Where it came from, for messages: `the browserPath option`, `VITAE_BROWSER`, `Puppeteer's cache`, `vitae's cache`, `system`. */
  source: string
  /** Found as a headless shell (chrome-headless-shell or vitae's extracted one), not a full browser. */
  headlessShell?: boolean
  /** With a headless shell found by the search: the full browser it was preferred to, if there is one. */
  preferredTo?: string
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

  const arch = options.arch ?? process.arch
  const cache = puppeteerCacheDir(env, platform, options.home)
  const shells: (() => FoundBrowser | undefined)[] = [
    () => {
      const path = cachedBrowser(cache, platform, arch, 'chrome-headless-shell')
      return path ? { path, source: `Puppeteer's cache`, headlessShell: true } : undefined
    },
    () => {
      const path = extractedShell(shellCacheDir(env, platform, options.home), platform, arch)
      return path ? { path, source: `vitae's cache`, headlessShell: true } : undefined
    },
    () => {
      const path = onPath('chrome-headless-shell', env, platform)
      return path ? { path, source: 'system', headlessShell: true } : undefined
    },
  ]
  tried.push(`${cache} (chrome-headless-shell)`, shellCacheDir(env, platform, options.home), 'chrome-headless-shell on PATH')
  for (const look of shells) {
    const shell = look()
    if (!shell) continue
    const full = fullBrowser(cache, env, platform, arch, options.home, [])
    return { found: full ? { ...shell, preferredTo: full.path } : shell, tried }
  }
  const full = fullBrowser(cache, env, platform, arch, options.home, tried)
  return full ? { found: full, tried } : { tried }
}

/** Chrome for Testing in Puppeteer's cache, then Chrome, Chromium and Edge where systems put them; `tried` hears each place. */
function fullBrowser(cache: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, arch: string, home: string | undefined, tried: string[]): FoundBrowser | undefined {
  tried.push(`${cache} (chrome)`)
  const cached = cachedBrowser(cache, platform, arch, 'chrome')
  if (cached) return { path: cached, source: `Puppeteer's cache` }
  for (const candidate of systemCandidates(env, platform, home)) {
    const path = candidate.name ? onPath(candidate.name, env, platform) : candidate.path
    tried.push(candidate.name ? `${candidate.name} on PATH` : (candidate.path as string))
    if (path && isExecutable(path, platform)) return { path, source: 'system' }
  }
  return undefined
}

/**
 * vitae's own cache folder: $VITAE_CACHE_DIR, else $XDG_CACHE_HOME/vitae, else ~/.cache/vitae
 * (%LOCALAPPDATA%\vitae on Windows).
 */
function vitaeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.VITAE_CACHE_DIR) return env.VITAE_CACHE_DIR
  const { join } = pathFor(platform)
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'vitae')
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'vitae')
}

/**
 * Where `npm run setup` extracts a headless shell from an npm package (Linux x64 only): one folder
 * per build, `linux-<version>/chromium`, the newest used.
 */
export function shellCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return pathFor(platform).join(vitaeCacheDir(env, platform, home), 'headless-shell')
}

function extractedShell(dir: string, platform: NodeJS.Platform, arch: string): string | undefined {
  if (platform !== 'linux' || arch !== 'x64') return undefined
  const builds = listDir(dir)
    .filter((name) => name.startsWith('linux-'))
    .sort((a, b) => compareVersions(buildId(b), buildId(a)))
  for (const build of builds) {
    const path = posix.join(dir, build, 'chromium')
    if (isExecutable(path, platform)) return path
  }
  return undefined
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
function cacheLayout(platform: NodeJS.Platform, arch: string): { prefixes: string[]; executables: Record<'chrome-headless-shell' | 'chrome', string[]> } {
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

/** The newest build of `browser` in Puppeteer's cache. */
function cachedBrowser(cache: string, platform: NodeJS.Platform, arch: string, browser: 'chrome-headless-shell' | 'chrome'): string | undefined {
  const { join } = pathFor(platform)
  const layout = cacheLayout(platform, arch)
  const builds = listDir(join(cache, browser))
    .filter((name) => layout.prefixes.some((p) => name.startsWith(p)))
    .sort((a, b) => compareVersions(buildId(b), buildId(a)))
  for (const build of builds) {
    for (const exe of layout.executables[browser]) {
      const path = join(cache, browser, build, exe)
      if (isExecutable(path, platform)) return path
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
