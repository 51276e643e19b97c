import type { DiagnosticCode } from '../diagnostics/codes.js'
import { type OptionName, optionPhrase, VitaeError } from '../diagnostics/diagnostic.js'
import type { BrowserSearch } from './find.js'

/** How to get a browser, for messages here and in scripts/setup-browser.mjs. */
export const INSTALL_HINT =
  'install one with `apt-get install chromium` (Debian, Ubuntu) or `npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer`, ' +
  'or point the browserPath option or VITAE_BROWSER at a Chrome, Chromium or Edge you have'

const renderError = (code: DiagnosticCode, message: string, hint: string, options: OptionName[], cause?: unknown): VitaeError =>
  new VitaeError('render', [{ code, severity: 'error', message, hint, options }], { cause })

export function browserNotFound(search: BrowserSearch): VitaeError {
  const { missing } = search
  if (missing) {
    const unset = missing.source === optionPhrase('browserPath') ? 'leave out the browserPath option' : `unset ${missing.source}`
    const app = /\.app\/?$/.test(missing.path) ? ' (on macOS, the one inside the .app, under Contents/MacOS/)' : ''
    return renderError(
      'BROWSER_NOT_FOUND',
      `no browser at ${missing.path} (from ${missing.source})`,
      `give the path of a Chrome, Chromium or Edge executable${app}, or ${unset} to let vitae look for one`,
      ['browserPath'],
    )
  }
  return renderError('BROWSER_NOT_FOUND', `no Chrome, Chromium or Edge found to print the PDF; tried ${search.tried.join(', ')}`, INSTALL_HINT, ['browserPath'])
}

export function browserLaunchFailed(path: string, reason: string, cause?: unknown): VitaeError {
  const hint = /sandbox/i.test(reason)
    ? "Chrome's sandbox cannot start here: allow it unprivileged user namespaces, or set VITAE_NO_SANDBOX=1 to print without it"
    : // Not --dump-dom: a headless shell prints well over the DevTools pipe but may never return from that.
      `check that \`${path} --version\` runs, or choose another browser with the browserPath option`
  return renderError('BROWSER_LAUNCH', `the browser at ${path} did not start: ${reason}`, hint, ['browserPath'], cause)
}

export function printFailed(reason: string, cause?: unknown): VitaeError {
  return renderError(
    'PDF_FAILED',
    `the browser failed while printing the PDF: ${reason}`,
    'run again with verbose output; if it persists, try another browser with the browserPath option',
    ['verbose', 'browserPath'],
    cause,
  )
}

export function renderTimeout(what: string, ms: number): VitaeError {
  return renderError(
    'RENDER_TIMEOUT',
    `${what} took longer than ${formatSeconds(ms)}, so it was stopped`,
    'raise the limit with the timeout option, or run with verbose output to see where it stalls',
    ['timeout', 'verbose'],
  )
}

const formatSeconds = (ms: number): string => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`)
