/**
 * A profile link from a network and a username, built the way RenderCV builds them (it stores only
 * usernames): LinkedIn, GitHub, GitLab, X/Twitter, Mastodon (`@user@host`), StackOverflow
 * (`id/name`), ResearchGate, YouTube, Google Scholar (user id), ORCID, IMDB, Instagram, Telegram, LeetCode.
 */
export function socialUrl(network: string, username: string): string | undefined {
  const u = username.trim()
  if (!u) return undefined
  const enc = encodeURIComponent
  switch (
    network
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, '')
  ) {
    case 'linkedin':
      return `https://linkedin.com/in/${enc(u)}`
    case 'github':
      return `https://github.com/${enc(u)}`
    case 'gitlab':
      return `https://gitlab.com/${enc(u)}`
    case 'instagram':
      return `https://instagram.com/${enc(u)}`
    case 'orcid':
      return `https://orcid.org/${enc(u)}`
    case 'researchgate':
      return `https://researchgate.net/profile/${enc(u)}`
    case 'youtube':
      return `https://youtube.com/@${enc(u.replace(/^@/, ''))}`
    case 'googlescholar':
      return `https://scholar.google.com/citations?user=${enc(u)}`
    case 'imdb':
      return `https://imdb.com/name/${enc(u)}`
    case 'telegram':
      return `https://t.me/${enc(u.replace(/^@/, ''))}`
    case 'leetcode':
      return `https://leetcode.com/u/${enc(u)}`
    case 'x':
    case 'twitter':
      return `https://x.com/${enc(u.replace(/^@/, ''))}`
    case 'stackoverflow': {
      // id/name, e.g. 12323/johndoe
      const [id, name] = u.split('/')
      return id && /^\d+$/.test(id) ? `https://stackoverflow.com/users/${id}${name ? `/${enc(name)}` : ''}` : undefined
    }
    case 'mastodon': {
      // @user@host
      const m = /^@?([^@\s]+)@([^@\s/]+)$/.exec(u)
      return m ? `https://${m[2]}/@${enc(m[1]!)}` : undefined
    }
    default:
      return undefined
  }
}
