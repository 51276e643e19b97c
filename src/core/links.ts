/** Which links a resume may hold, and which a reader may follow: one definition for every format. */

/** Link schemes a resume may use. Anything else is either dangerous (javascript:) or useless on paper. */
export const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** Checks a link; returns what is wrong with it in words, or nothing. */
export function checkUrl(url: string): { code: 'URL_INVALID' | 'URL_SCHEME'; message: string; hint?: string } | undefined {
  if (url.trim() === '') return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    const bare = /^(www\.|[a-z0-9-]+\.[a-z]{2,})/i.test(url)
    return {
      code: 'URL_INVALID',
      message: `${JSON.stringify(url)} is not a full link`,
      hint: bare ? `add the scheme: https://${url}` : 'links start with https://, http://, mailto: or tel:',
    }
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) {
    return {
      code: 'URL_SCHEME',
      message: `links may use http, https, mailto or tel, not ${parsed.protocol.replace(/:$/, '')}:`,
      hint: parsed.protocol === 'javascript:' || parsed.protocol === 'data:' ? 'a script or data link in a resume is unsafe for every reader' : undefined,
    }
  }
  return undefined
}

/** The link itself if a reader may follow it (an allowed scheme), else undefined: shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return ALLOWED_SCHEMES.has(new URL(url).protocol) ? url : undefined
  } catch {
    return undefined
  }
}
