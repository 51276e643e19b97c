/** What a self-contained page may use: its own inline styles, and data: URLs for images and fonts. */
export const OFFLINE_CSP = "default-src 'none'; style-src 'unsafe-inline' data:; img-src data:; font-src data:"

const REMOTE = /^\s*(?:https?:)?\/\//i
const LINK = /<link\b[^>]*>/gi
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi
const IMPORT = /@import\s+(?:url\(\s*)?["']?\s*(?:https?:)?\/\/[^;]*;?/gi
const HREF = /\bhref\s*=\s*(["']?)([^"'\s>]*)\1/i

/**
 * A third-party theme's HTML made into a file that fetches nothing when opened: remote style
 * sheets, scripts and @imports removed, and a Content-Security-Policy that refuses whatever is
 * left (a remote image, a web font in a url()). Links to be clicked (`<a href>`) stay.
 */
export function offlineHtml(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}">`
  const cleaned = html
    .replace(SCRIPT, '')
    .replace(LINK, (tag) => (REMOTE.test(HREF.exec(tag)?.[2] ?? '') ? '' : tag))
    .replace(IMPORT, '')
  const head = /<head\b[^>]*>/i.exec(cleaned)
  if (head) return cleaned.slice(0, head.index + head[0].length) + meta + cleaned.slice(head.index + head[0].length)
  const root = /<html\b[^>]*>/i.exec(cleaned)
  if (root) return `${cleaned.slice(0, root.index + root[0].length)}<head>${meta}</head>${cleaned.slice(root.index + root[0].length)}`
  return meta + cleaned
}

/** Remote URLs a page asked for, for the one warning a build gives about them. */
export function refusedWarning(themeName: string, urls: readonly string[]): string {
  const unique = [...new Set(urls)].sort()
  const shown = unique.slice(0, 8).join(', ')
  return `the theme ${themeName} asked for ${unique.length} remote resource${unique.length === 1 ? '' : 's'}, refused (builds are offline): ${shown}${unique.length > 8 ? `, and ${unique.length - 8} more` : ''}`
}
