import { existsSync } from 'node:fs'

/**
 * Why Chrome's sandbox must be off here, or undefined when it can stay on. Chrome refuses to
 * start as root with its sandbox, and most containers lack the user namespaces it needs. Without
 * it a print is still contained: the page runs no scripts and loads nothing but data: URLs.
 */
export function sandboxOffReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.VITAE_NO_SANDBOX === '1') return 'VITAE_NO_SANDBOX=1'
  if (process.platform !== 'linux') return undefined
  if (process.getuid?.() === 0) return 'running as root'
  if (existsSync('/.dockerenv') || existsSync('/run/.containerenv') || env.container) return 'running in a container'
  return undefined
}

/**
 * The command line for a headless print: nothing that reaches the network or a profile, nothing
 * a print does not need. Shared with scripts/bench-pdf-baseline.mjs so the benchmark launches the
 * same browser the same way.
 */
export function chromeArgs(options: { userDataDir: string; noSandbox: boolean }): string[] {
  return [
    // New headless in Chrome 132+, the only mode of chrome-headless-shell.
    '--headless',
    ...(options.noSandbox ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    // No name, not even an IP address, resolves: the browser cannot connect anywhere. Request
    // interception misses what the browser fetches on a page's behalf (<link rel=prefetch>,
    // preconnect); this does not.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-breakpad',
    '--disable-crash-reporter',
    // Containers often give /dev/shm 64 MB, where Chrome's renderer crashes; /tmp is fine for one page.
    ...(process.platform === 'linux' ? ['--disable-dev-shm-usage'] : []),
    // No keychain prompt on macOS, no keyring daemon on Linux.
    '--password-store=basic',
    '--use-mock-keychain',
    // The same colours whatever the machine's display profile: reproducible bytes.
    '--force-color-profile=srgb',
    '--hide-scrollbars',
    // V8 without its optimising compiler, TurboFan: the only script is PDF.js drawing a page image
    // or two in the raster tab (print tabs run none), and TurboFan spent more CPU compiling it on
    // background threads than it saved (Maglev, the quicker compiler, stays on).
    '--js-flags=--no-turbofan',
    '--mute-audio',
    // Tagged PDF and a bookmarks outline (older Chrome needs the switches, newer the print options).
    '--export-tagged-pdf',
    '--generate-pdf-document-outline',
    `--user-data-dir=${options.userDataDir}`,
    // CDP over file descriptors 3 and 4: no port to open, and Chrome exits when the pipe closes,
    // so a killed CLI does not leave a browser behind.
    '--remote-debugging-pipe',
    'about:blank',
  ]
}
