import { BASICS, DUTY_VERBS, HEADS, headedPhrases, isDutyVerb, kindsBefore, NOUN_VERBS, namesProfession, sharedHeads } from './phrases.js'
import type { Token } from './tokens.js'
import type { Term } from './vocabulary.js'

/** A name found in a posting: a known term, or one this module makes from its neighbours. */
export interface Found {
  term: Term
  start: number
  end: number
  /** Token indexes of its first and last word. */
  first: number
  last: number
}

export interface NameContext {
  text: string
  tokens: Token[]
  /** The first word of a sentence or list item: a capital there proves nothing. */
  initial(i: number): boolean
  /** The word is in boilerplate or otherwise not to be read. */
  skipped(i: number): boolean
  /** A name of the vocabulary starts at this word, taken or not: "ERP" in "Oracle ERP". */
  known(i: number): boolean
  /** The word is on a bullet line (a requirement, a duty). */
  onListItem(i: number): boolean
  /** A name read from the posting's shape alone (an acronym on a list item): a known name runs on through it. */
  soft(term: Term): boolean
  common(word: string): boolean
  /** Runs the posting sets in bold, as [start, end) offsets of the text. */
  emphasis: readonly [number, number][]
  /** The vocabulary's term spelled by exactly these words' keys, the last perhaps a plural: "unit tests". */
  termSpelled(keys: readonly string[]): Term | undefined
}

// Words that end a name rather than continue it: job titles, teams, firms, seniority and places of
// work. "Salesforce CPQ Administrator" is a job; "Salesforce CPQ" is what the job uses.
const NOT_IN_NAME = new Set(
  'api apis sdk sdks web erp crm engineer engineers developer developers administrator administrators admin manager managers analyst analysts architect architects consultant consultants specialist specialists scientist scientists designer designers programmer programmers researcher researchers technician technicians writer writers coordinator coordinators officer officers lead leads director team teams group groups department division inc ltd llc corp corporation company studio studios labs partners university college school hospital i ii iii iv senior junior staff principal intern interns remote hybrid onsite science engineering mathematics physics studies degree ago ok the a an and or of for in on at to with our your we you is are be by as from'.split(
    ' ',
  ),
)
const MAKERS = /^(Microsoft|Azure|AWS|Amazon|Google|Oracle|IBM|SAP|Salesforce|Adobe)$/
const PLACE_BEFORE =
  /^(based|located|offices?|office|live|living|headquartered|relocate|remote|hybrid|onsite|travel|work|working|sites?|stores?|locations?|plants?|campus|teams?|clients?|customers?|anywhere|us|eu)$/
const VENUES = /\b(publish|publications?|venues?|conferences?|journals?|papers?)\b/i
// A word that says the words before it name a certification: "Google Data Analytics Certificate".
// The levels certifications are sold at: "ITIL 4 Foundation", "PRINCE2 Practitioner".
const CERT_LEVEL = /^(Foundation|Practitioner|Associate|Professional|Expert|Specialist|Fundamentals|Essentials)$/
const CERT_WORD = /^(certification|certificate|credential)s?$/i
// A contraction starting a sentence is no name: "I'm a recruiter at ...", "We're hiring", "Don't".
const CAPITALISED = /^(?![A-Za-z]*'(?:m|re|ve|ll|d|t)$)(?:[A-Z][A-Za-z0-9+#.&'-]*|\d{3,}|\d+[A-Z][A-Za-z]*)$/
const LIST_GAP = /^[ \t*_]*([,;/&·•]|,? ?(and|or|and\/or|as well as|plus)\b)[ \t*_]*(and |or )?$/i

/**
 * Names no list holds, read from how the posting writes them next to names that are known:
 * - a known name carried on by capitalised words: "Microsoft Sentinel", "Salesforce CPQ",
 *   "Salesforce Certified CPQ Specialist", "Conga Composer";
 * - capitalised words listed beside a known name: "Gong, 6sense, ZoomInfo, Zapier and Drift",
 *   "Power BI or Sigma Computing";
 * - capitalised words in brackets on a requirement line: "single-cell data (Seurat, Scanpy)";
 * - capitalised words before "certification" or "certificate": "Advanced Administrator certification".
 * Job titles, teams and firms end a name (NOT_IN_NAME); a sentence's first word starts one only
 * when it is no common English word.
 */
export function widenNames(found: Found[], ctx: NameContext): Found[] {
  const { text, tokens } = ctx
  // Words of one name: a space apart, or joined by a dash the tokenizer split ("Segger J-Link").
  const spaced = (a: number, b: number) => /^[ -]?$/.test(text.slice(tokens[a]!.end, tokens[b]!.start))
  // A certification's level follows a spaced dash or a colon: "AWS Certified Security – Specialty",
  // "Microsoft 365 Certified: Endpoint Administrator Associate".
  const joined = (a: number, b: number, cert: boolean) => spaced(a, b) || (cert && /^(?: [–-] |: )$/.test(text.slice(tokens[a]!.end, tokens[b]!.start)))
  const nameWord = (i: number, certified: boolean) => {
    const t = tokens[i]!
    if (ctx.skipped(i) || !CAPITALISED.test(t.text)) return false
    return certified || !NOT_IN_NAME.has(t.key)
  }
  // A year or version is not part of a name: "Java 17", "since 2019", "PCIe Gen3". A part's or a
  // class's number is ("FCC Part 15"), and so is one a dash binds ("MIPI CSI-2"), inside a name.
  const versionAt = (j: number, inside: boolean) => {
    const t = tokens[j]!.text
    if (/^Gen\d*$/.test(t)) return true
    if (!/^\d{1,2}(\.\d+)*$|^(19|20)\d\d$/.test(t)) return false
    return !(inside && numbered(j))
  }
  const numbered = (j: number) =>
    /^\d{1,3}(\.\d+)*$/.test(tokens[j]!.text) &&
    (/^(part|class|div|division|title|annex|section|level)$/.test(tokens[j - 1]?.key ?? '') || text.slice(tokens[j - 1]!.end, tokens[j]!.start) === '-')
  const covered = new Map<number, Found>()
  for (const f of found) for (let i = f.first; i <= f.last; i++) covered.set(i, f)
  const open = new Map<string, Term>()
  const named = (first: number, last: number, base?: Term, as?: string): Found => {
    // Knowing a practice's basics is knowing the practice: "networking fundamentals" is networking.
    while (!as && !base && last > first && BASICS.has(tokens[last]!.text)) last--
    const written = as ?? text.slice(tokens[first]!.start, tokens[last]!.end).replace(/\s+/g, ' ')
    const kind = /certifi|credential/i.test(written) ? 'certification' : (base?.kind ?? 'technology')
    // Lower case, or ending so ("Capacity planning" at a bullet's start): a practice, not a product.
    const term = open.get(written.toLowerCase()) ?? { name: written, kind: /^[a-z]|\s[a-z][^\s]*$/.test(written) && !base ? 'method' : kind }
    open.set(written.toLowerCase(), term)
    return { term, start: tokens[first]!.start, end: tokens[last]!.end, first, last }
  }
  // A run of name words from i on, through any known names inside it.
  const runFrom = (i: number, certified: boolean, max = 4, through = false): number => {
    let last = i - 1
    let cert = certified
    for (let j = i; j < tokens.length && j < i + max; j++) {
      if (j > i && !joined(j - 1, j, cert)) break
      // Another known name ends the run: "Oracle ERP", "GraphQL APIs" are two things. But a
      // product a maker names by a common word is the maker's: "CrowdStrike Falcon", "Medidata Rave".
      // Nor is "3D" after a name's word another name: "AutoCAD Civil 3D", "Cinema 4D".
      // Nor a practice capitalised between two words of a name: "NIST Cybersecurity Framework".
      // Through all of it once inside: "AWS Application Load Balancer" holds the practice "load balancer".
      const inside =
        covered.get(j)?.term.kind === 'method' &&
        /^[A-Z](?=[A-Za-z]*[a-z])[A-Za-z]+$/.test(tokens[j]!.text) &&
        ((j + 1 < tokens.length && spaced(j, j + 1) && nameWord(j + 1, cert)) || (j > i && covered.get(j - 1) === covered.get(j)))
      const hard =
        (covered.has(j) ? !ctx.soft(covered.get(j)!.term) : ctx.known(j)) &&
        !(/^[A-Z][a-z]+$/.test(tokens[j]!.text) && ctx.common(tokens[j]!.text)) &&
        !(j > i && /^\d[A-Z]$/.test(tokens[j]!.text)) &&
        !inside &&
        !makersOwn(i, j)
      // A certification's name may hold "and" between its words: "Identity and Access Administrator".
      if (cert && j > i && tokens[j]!.key === 'and' && j + 1 < tokens.length && spaced(j, j + 1) && nameWord(j + 1, true) && !covered.has(j + 1) && !ctx.known(j + 1)) continue
      if (!(nameWord(j, cert) || (j > i && numbered(j))) || (!through && !cert && hard)) break
      if (versionAt(j, j > i)) break
      if (tokens[j]!.key === 'certified') cert = true
      last = j
    }
    // A run never ends inside a known name of several words: "AWS Application Load" of "Application Load Balancer".
    const cut = covered.get(last)
    if (cut && cut.first >= i && cut.last > last) return cut.first - 1
    return last
  }
  // A maker's word before a known name of several words is the name's maker: "AWS Application Load Balancer".
  const makersOwn = (i: number, j: number) => {
    const own = covered.get(j)
    return own !== undefined && own.first === i && own.last > own.first && i > 0 && MAKERS.test(tokens[i - 1]!.text)
  }
  const out: Found[] = []
  // Known names carried on by capitalised words, and a rare capitalised word before them.
  for (const f of found) {
    // Back over capitalised words that are no common English word, or are in capitals: "Trane TRACE 3D".
    let first = f.first
    // A name written in lower case ("change management") is a practice: words before it are not its maker.
    const lower = /^[a-z]/.test(tokens[f.first]!.text)
    for (let b = f.first - 1; b >= 0 && b >= f.first - 3 && !lower; b--) {
      const t = tokens[b]!.text
      // Nor is an owner's possessive: "the City's Microsoft SQL Server".
      if ((covered.has(b) && !ctx.soft(covered.get(b)!.term)) || !spaced(b, b + 1) || !nameWord(b, false) || /^\d/.test(t) || /['’]s$/.test(t)) break
      // A capitalised word dashed to the name is part of it whatever it means: "Allen-Bradley".
      const dashed = text.slice(tokens[b]!.end, tokens[b + 1]!.start) === '-'
      // A common word capitalised inside a sentence, before a name that is a common word too, is
      // the name's own first word: "Control Tower", "Key Vault" (not before a rarer one: "Advanced Python").
      const opening = b === f.first - 1 && f.first === f.last && !ctx.initial(b) && ctx.common(tokens[f.first]!.text) && /^[A-Z][a-z]+$/.test(t)
      if (ctx.common(t) && !/^[A-Z]{3,}$/.test(t) && !dashed && !opening) break
      // A sentence's first word is a verb as often as a name: "Administer Salesforce".
      if (ctx.initial(b) && !/^[A-Z]{3,}$/.test(t)) break
      first = b
    }
    let last = f.last
    // A name that ends in a dotted version is whole: "WCAG 2.1 AA" is WCAG 2.1 at level AA.
    const versioned = /^\d+\.\d+$/.test(tokens[f.last]!.text)
    if (!versioned && f.last + 1 < tokens.length && joined(f.last, f.last + 1, /certified/i.test(text.slice(f.start, f.end)))) {
      // Up to "certification" anything goes: "Google Data Analytics Certificate".
      const toCert = runFrom(f.last + 1, true, 4, true)
      const cert = toCert + 1 < tokens.length && spaced(toCert, toCert + 1) && CERT_WORD.test(tokens[toCert + 1]!.text)
      if (cert) last = toCert + 1
      else {
        const certified = /certified/i.test(text.slice(f.start, tokens[f.last + 1]!.end))
        // A certification's name runs longer: "Microsoft Certified: Identity and Access Administrator Associate".
        const run = runFrom(f.last + 1, /certified/i.test(text.slice(f.start, f.end)), certified ? 7 : 4)
        // A run that ends at a job or a team is the job's name: "QA Automation Engineer".
        const next = tokens[run + 1]
        const job = next && spaced(run, run + 1) && CAPITALISED.test(next.text) && NOT_IN_NAME.has(next.key) && !/certified/i.test(text.slice(f.start, next.start))
        if (!job) last = Math.max(last, run)
      }
    }
    // A big maker names a product's edition "for" what it serves: "Microsoft Defender for Endpoint",
    // "Google Workspace for Education" (a product of two words or more: "Azure for ..." is no name).
    // Not a product of its own after "for": "Amazon RDS for PostgreSQL" is RDS running PostgreSQL
    // (a one-word name no English word is, with no number after it: not "Office 365").
    const product = covered.get(last + 2)
    const ownProduct =
      product !== undefined && product.first === product.last && product.term.kind !== 'method' && !ctx.common(tokens[last + 2]!.text) && !/^\d/.test(tokens[last + 3]?.text ?? '')
    if (last > first && MAKERS.test(tokens[first]!.text) && tokens[last + 1]?.key === 'for' && spaced(last, last + 1) && !ownProduct) {
      let end = last + 1
      for (let j = last + 2; j < tokens.length && j <= last + 4 && spaced(j - 1, j) && /^(?:[A-Z][A-Za-z0-9]*|\d{2,4})$/.test(tokens[j]!.text); j++) end = j
      if (end > last + 1) last = end
    }
    // A code's title number before its acronym belongs to the name when a part follows: "21 CFR
    // Part 11"; a range of parts after it is no part of the name: "49 CFR Parts 382 to 396".
    const title = tokens[first - 1]
    if (first === f.first && title && /^\d{1,2}$/.test(title.text) && /^[A-Z]{2,5}$/.test(tokens[first]!.text) && text.slice(title.end, tokens[first]!.start) === ' ') {
      const part = tokens[first + 1]
      if (part && /^(part|parts|section|title)$/.test(part.key) && spaced(first, first + 1)) {
        first--
        if (part.key === 'parts') last = f.first
      }
    }
    // A standard read from its acronym alone keeps its number: "NFPA 79", "ASHRAE 90.1" (not a
    // version, "USB 3.0", nor "3+" or "5%").
    const num = tokens[last + 1]
    if (last === f.last && ctx.soft(f.term) && /^[A-Z]{3,}$/.test(tokens[last]!.text) && num && text.slice(tokens[last]!.end, num.start) === ' ')
      if (/^\d{1,3}(\.[1-9]\d*)?$/.test(num.text) && !/^[+%]|^\.\d/.test(text.slice(num.end, num.end + 2))) last++
    // A certification's level after its number: "ITIL 4 Foundation (certification)".
    if (last > f.last && CERT_LEVEL.test(tokens[last + 1]?.text ?? '') && spaced(last, last + 1)) {
      last++
      if (CERT_WORD.test(tokens[last + 1]?.text ?? '') && spaced(last, last + 1)) last++
    }
    out.push(first === f.first && last === f.last ? f : named(first, last, f.term))
  }
  // A known name swallowed by a longer one is that one: "Data Analytics" in "Google Data Analytics Certificate".
  const widest = unswallowed(out)
  out.length = 0
  out.push(...widest)
  const taken = new Set<number>()
  // An acronym read from the shape alone may still be the end of a longer name: "Carrier HAP".
  for (const f of out) if (!ctx.soft(f.term)) for (let i = f.first; i <= f.last; i++) taken.add(i)
  const fresh: Found[] = []
  const runs: { first: number; last: number }[] = []
  // A list item's first word is its duty's verb, capitalised or not: "Configure Field Maps" is Field Maps.
  // Or its third person, as government and older postings write duties: "Calculates HEDIS measures".
  const thirdPerson = (key: string) =>
    /^[a-z]{4,}[^s]s$/.test(key) &&
    (isDutyVerb(key) || /(ates|[iy][sz]es|ifies)$/.test(key) || [key.slice(0, -1), key.slice(0, -2), `${key.slice(0, -3)}y`].some((v) => v.length > 3 && ctx.common(v)))
  const verbFirst = (i: number) => (DUTY_VERBS.has(tokens[i]!.key) || isDutyVerb(tokens[i]!.key, NOUN_VERBS) || thirdPerson(tokens[i]!.key)) && ctx.initial(i)
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || !nameWord(i, false) || verbFirst(i)) continue
    if (i > 0 && spaced(i - 1, i) && nameWord(i - 1, false) && !taken.has(i - 1) && !verbFirst(i - 1)) continue
    // The rest of a name that starts with a word names never hold alone is no name of its own:
    // "Group Policy" is not "Policy", "Remote Config" not "Config".
    const before = tokens[i - 1]
    if (before && spaced(i - 1, i) && !taken.has(i - 1) && CAPITALISED.test(before.text) && NOT_IN_NAME.has(before.key) && !ctx.initial(i - 1)) continue
    let last = i
    while (
      last + 1 < tokens.length &&
      !taken.has(last + 1) &&
      last - i < 3 &&
      spaced(last, last + 1) &&
      (nameWord(last + 1, false) || numbered(last + 1)) &&
      !versionAt(last + 1, true)
    )
      last++
    // "QA Automation Engineer", "Computer Science", "Platform Team": the whole is a job, a field, a team.
    const next = tokens[last + 1]
    const cert = next && spaced(last, last + 1) && CERT_WORD.test(next.text)
    if (!cert && next && spaced(last, last + 1) && CAPITALISED.test(next.text) && NOT_IN_NAME.has(next.key)) {
      i = last + 1
      continue
    }
    // One letter alone is no name ("S" of "HTTP/S", "A" of "Plan A"), nor a number alone (a year,
    // "Windows Server 2019 and 2022", or a count).
    if ((last > i || tokens[i]!.text.length > 1) && !(last === i && /^\d+$/.test(tokens[i]!.text))) runs.push({ first: i, last })
    i = last
  }
  const wordy = (r: { first: number; last: number }) => r.first === r.last && ctx.common(tokens[r.first]!.text)
  // Before "certification": a name of its own.
  // What fresh names cover, kept as they are added: each rule below asks by position, not by scanning
  // every name (a 1 MiB posting holds tens of thousands).
  const freshFirst = new Set<number>()
  const freshAt = new Set<number>()
  const addFresh = (f: Found) => {
    fresh.push(f)
    freshFirst.add(f.first)
    for (let i = f.first; i <= f.last; i++) freshAt.add(i)
  }
  for (const r of runs) {
    const next = tokens[r.last + 1]
    // One word before "certifications" says which ones, not whose name: "Desirable certifications include".
    const kinds = r.first === r.last && /s$/i.test(next?.text ?? '') && !/^[A-Z]{2,}$/.test(tokens[r.first]!.text)
    if (next && spaced(r.last, r.last + 1) && CERT_WORD.test(next.text) && !wordy(r) && !kinds) addFresh(named(r.first, r.last + 1))
    else if (!wordy(r)) {
      // Through known names and a job's word to "certification": "Professional Cloud DevOps Engineer certification".
      let k = r.last
      // A version on the way is the certification's: "ITIL 4 Foundation certification".
      while (
        k + 1 < tokens.length &&
        k - r.last < 4 &&
        spaced(k, k + 1) &&
        (CAPITALISED.test(tokens[k + 1]!.text) || /^\d{1,2}(\.\d)?$/.test(tokens[k + 1]!.text)) &&
        !CERT_WORD.test(tokens[k + 1]!.text)
      )
        k++
      const after = tokens[k + 1]
      if (k > r.last && after && spaced(k, k + 1) && CERT_WORD.test(after.text) && !/s$/i.test(after.text)) addFresh(named(r.first, k + 1))
    }
  }
  // Listed beside a name: spread along the list, a round at a time. A list's gap is a few
  // characters ("and", "as well as"), so a neighbour ends or starts within four words of a run.
  const byLast = new Map<number, Found[]>()
  const byFirst = new Map<number, Found[]>()
  const know = (f: Found) => {
    byLast.set(f.last, [...(byLast.get(f.last) ?? []), f])
    byFirst.set(f.first, [...(byFirst.get(f.first) ?? []), f])
  }
  for (const f of out) know(f)
  const isListed = (r: { first: number; last: number }, f: Found) => {
    // A version after the name before it is no break in the list: "Vue 2 and Vuex", "SQLAlchemy 2.0 and Alembic".
    const gap =
      f.last < r.first ? text.slice(f.end, tokens[r.first]!.start).replace(/^ v?\d{1,2}(\.\d+)*(?=[ ,;/])/, '') : f.first > r.last ? text.slice(tokens[r.last]!.end, f.start) : ''
    if (!(gap.length > 0 && gap.length < 12 && !gap.includes('\n') && LIST_GAP.test(gap))) return false
    // A dot between names lists a stack ("Fivetran · Hightouch") or a posting's particulars: not
    // beside a practice ("on-call rotation · Req #204"), nor a place ("· Grand Rapids, MI ·").
    return !/[·•]/.test(gap) || (f.term.kind !== 'method' && !/^,\s*[A-Z]{2}\b/.test(text.slice(tokens[r.last]!.end, tokens[r.last]!.end + 5)))
  }
  const beside = (r: { first: number; last: number }) => {
    for (let d = 1; d <= 4; d++) {
      for (const f of byLast.get(r.first - d) ?? []) if (isListed(r, f)) return true
      for (const f of byFirst.get(r.last + d) ?? []) if (isListed(r, f)) return true
    }
    return false
  }
  const besideAfter = (r: { first: number; last: number }) => {
    for (const f of byFirst.get(r.last + 2) ?? []) if (/^ or $|^, $/.test(text.slice(tokens[r.last]!.end, f.start))) return true
    return false
  }
  let pending = runs.filter((r) => !freshFirst.has(r.first))
  const spread = () => {
    for (let round = 0; round < 6 && pending.length; round++) {
      const now = new Set(
        pending.filter((r) => {
          if (freshFirst.has(r.first)) return false
          // A list item's first word, when common, is its verb as a rule, unless a name is listed right after it: "Audition or Pro Tools".
          if (
            ctx.initial(r.first) &&
            ctx.common(tokens[r.first]!.text) &&
            !(r.first === r.last && !DUTY_VERBS.has(tokens[r.first]!.key) && ctx.onListItem(r.first) && besideAfter(r))
          )
            return false
          if (wordy(r) && !ctx.onListItem(r.first)) return false
          return beside(r)
        }),
      )
      if (!now.size) break
      for (const r of now) {
        const f = named(r.first, r.last)
        addFresh(f)
        know(f)
      }
      pending = pending.filter((r) => !now.has(r))
    }
  }
  spread()
  // In brackets on a requirement line, every item a name: "(Seurat, Scanpy)", "(Volatility)".
  const pendingAt = new Map(pending.map((r) => [r.first, r]))
  // The first token at or after an offset.
  const tokenFrom = (offset: number) => {
    let lo = 0
    let hi = tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tokens[mid]!.start < offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  for (const m of text.matchAll(/\(([^()\n]{2,60})\)/g)) {
    const end = m.index + m[0].length
    const inside: { first: number; last: number }[] = []
    for (let i = tokenFrom(m.index + 1); i < tokens.length && tokens[i]!.start < end; i++) {
      const r = pendingAt.get(i)
      // Acronyms in brackets are as often venues or bodies ("NeurIPS, ICML, ACL"): they keep needing evidence.
      if (r && tokens[r.last]!.end < end && !/^[A-Z]+$/.test(tokens[r.first]!.text)) inside.push(r)
    }
    if (!inside.length || !ctx.onListItem(inside[0]!.first)) continue
    const rest = inside.reduce((s, r) => s.replace(text.slice(tokens[r.first]!.start, tokens[r.last]!.end), ''), m[1]!)
    if (!/^[\s,/;]*((and|or)[\s,]*)*$/.test(rest)) continue
    for (const r of inside) addFresh(named(r.first, r.last))
  }
  // Venues of papers are named so too: "Publish at venues such as ICRA". The line is looked at a
  // few hundred characters around the word, so a posting on one long line costs no more.
  const aboutPapers = (i: number) => {
    const at = tokens[i]!.start
    const before = text.slice(Math.max(0, at - 200), at)
    const after = text.slice(at, at + 200)
    return VENUES.test(`${before.slice(before.lastIndexOf('\n') + 1)}${after.split('\n', 1)[0]}`)
  }
  // A capitalised word no list holds and no dictionary has, on a requirement line, after "in",
  // "with", "using" or "via": "coordinated in Navisworks", "chaos experiments with Gremlin".
  for (const r of pending) {
    const prev = tokens[r.first - 1]
    if (r.first !== r.last || freshFirst.has(r.first) || !prev || !ctx.onListItem(r.first) || ctx.initial(r.first)) continue
    // Or after "such as", "e.g.", "including": "statistical tools such as Minitab".
    const example = /^(as|e\.g|including|incl)$/.test(prev.key) && (prev.key !== 'as' || tokens[r.first - 2]?.key === 'such') && !aboutPapers(r.first)
    if (ctx.common(tokens[r.first]!.text) || !(/^(in|with|using|via)$/.test(prev.key) || example) || !/^[ .]?[ ]$/.test(text.slice(prev.end, tokens[r.first]!.start))) continue
    if (/^[A-Z][a-z]+$/.test(tokens[r.first]!.text) && tokens[r.first]!.text.length < 5) continue
    // A quarter or a half of the year is a time: "ship it in Q2".
    if (/^(Q[1-4]|H[12])$/.test(tokens[r.first]!.text)) continue
    // Places read the same way ("based in Denver", "our offices in Leeds"): no gazetteer, so the words around tell.
    const before = tokens[r.first - 2]?.key ?? ''
    const after = text.slice(tokens[r.first]!.end, tokens[r.first]!.end + 12)
    if (/^(based|located|offices?|live|living|headquartered|relocate|remote|hybrid|onsite|travel)$/.test(before) || /^(,\s*[A-Z]{2}\b| office| area| metro| HQ)/.test(after))
      continue
    const f = named(r.first, r.last)
    addFresh(f)
    know(f)
  }
  // The names just found spread along their lists too: "such as Samsara, Motive or Geotab".
  pending = pending.filter((r) => !freshFirst.has(r.first))
  spread()
  // Two or three capitalised words inside a list item's sentence, not at its start: a proper name,
  // and on a requirement or duty line a product's as a rule ("retire old Workflow Rules", "Maintain
  // Sales Cloud"). Places are told by the words around them, as above; jobs and teams end no run.
  for (const r of pending) {
    if (r.first === r.last || tokens.slice(r.first, r.last + 1).some((_, k) => freshAt.has(r.first + k))) continue
    if (!ctx.onListItem(r.first) || ctx.initial(r.first)) continue
    const words = tokens.slice(r.first, r.last + 1)
    if (!words.every((w) => /^[A-Z][a-z]+$/.test(w.text))) continue
    const before = tokens[r.first - 1]?.key ?? ''
    const after = text.slice(tokens[r.last]!.end, tokens[r.last]!.end + 12)
    // After "in", a place only when the words before say so ("offices in New York"); a duty's
    // "in" is where the work is done: "Design edit checks in Medidata Rave".
    // "in" and a common first word is a place as a rule too ("in New Jersey", "in San Diego").
    const placeIn = before === 'in' && (PLACE_BEFORE.test(tokens[r.first - 2]?.key ?? '') || ctx.common(words[0]!.text))
    if (
      placeIn ||
      /^(based|located|offices?|live|living|headquartered|relocate|remote|hybrid|onsite|travel|near|from|at|to|visit|visiting)$/.test(before) ||
      /^(,\s*[A-Z]{2}\b| office| area| metro| HQ)/.test(after)
    )
      continue
    addFresh(named(r.first, r.last))
  }
  // Two capitalised words no dictionary has, joined by "and" or "or" inside a list item's sentence,
  // name two things of a kind, as a rule products: "prove them out on Okuma and Haas machines".
  // A common word too when a word for a kind of machine follows the pair: "(Waters and Agilent systems)".
  const lone = (r: { first: number; last: number }, common = false) =>
    r.first === r.last &&
    !freshAt.has(r.first) &&
    ctx.onListItem(r.first) &&
    !ctx.initial(r.first) &&
    /^[A-Z][a-z]{3,}$/.test(tokens[r.first]!.text) &&
    (common || !ctx.common(tokens[r.first]!.text))
  const loneAt = new Map(pending.filter((r) => lone(r)).map((r) => [r.first, r]))
  const anyAt = new Map(pending.filter((r) => lone(r, true)).map((r) => [r.first, r]))
  const machines = (i: number) => /^(systems|instruments|machines|tools|platforms|software|servers|devices|scanners|cameras|controllers|analyzers)$/.test(tokens[i]?.key ?? '')
  for (const r of anyAt.values()) {
    const other = anyAt.get(r.first + 2)
    if (!other || !/^ (and|or) $/.test(text.slice(tokens[r.first]!.end, tokens[other.first]!.start))) continue
    if (!(loneAt.has(r.first) && loneAt.has(other.first)) && !machines(other.first + 1)) continue
    const before = tokens[r.first - 1]?.key ?? ''
    if (/^(based|located|offices?|live|living|headquartered|relocate|remote|hybrid|onsite|travel|near|from|at|in|to|visit|visiting|between)$/.test(before)) continue
    addFresh(named(r.first, r.last))
    addFresh(named(other.first, other.last))
  }
  // An acronym in brackets right after a name is a name too: "Microsoft Sentinel (KQL)", "(CKA)".
  const ends = new Set([...out, ...fresh].map((f) => f.last))
  for (let i = 1; i < tokens.length; i++) {
    if (taken.has(i) || ctx.skipped(i) || !/^[A-Z][A-Z0-9]{1,5}$/.test(tokens[i]!.text)) continue
    if (ends.has(i - 1) && text.slice(tokens[i - 1]!.end, tokens[i]!.start) === ' (' && text[tokens[i]!.end] === ')') addFresh(named(i, i))
  }
  const all = boldNames(unswallowed([...out, ...fresh]), ctx, named, tokenFrom)
  // Practices by their head ("threat hunting"), and only so. A list's other lower-case items are not
  // read as practices for sitting beside a name ("SLOs and error budgets"): measured blind on rounds
  // 98 to 121 (each batch learned from the postings before it), readers listed 131 of the 389 such
  // items, and leaving them out took precision from 0.827, 0.796 and 0.785 to 0.841, 0.817 and 0.807
  // for recall from 0.818, 0.833 and 0.869 to 0.804, 0.821 and 0.860. Nor are the items after a cue
  // ("experience with ...", "such as", "3+ years of"), a phrase ending in any "-ing" word ("person
  // waiting") or a head alone ("caching with Varnish"): on rounds 114 to 153, measured so, readers
  // listed 108 of 325, 55 of 185 and 3 of 14 of them, and leaving them out took precision from 0.807,
  // 0.810, 0.818 and 0.757 to 0.820, 0.828, 0.831 and 0.773 for recall from 0.860, 0.833, 0.797 and
  // 0.849 to 0.845, 0.824, 0.789 and 0.838. Those that readers do list are learned from the postings
  // (scripts/learn-vocabulary.mjs).
  const headed = unswallowed([...all, ...headedPhrases(all, ctx, named)])
  // Read from the words alone, the field a job title names is no practice: "4+ years of software engineering".
  const practices = [...headed, ...sharedHeads(headed, ctx)].filter((f) => ctx.known(f.first) || !namesProfession(f.term.name))
  return spelledOut(
    standardNumbers(titledHeads(slashPairs(firmsApart(practices, ctx), ctx, named), ctx, named), ctx, named).sort((a, b) => a.start - b.start),
    ctx,
    named,
  )
}

// What a bold run must be to be a name: words, not a label ("Cloud:"), a sentence ("Apply now.") or a list ("Go, Rust").
// Words of a bold run that is about the job or the reader, or two things: "**3+ years**", "**you**", "**Go or Rust**".
const BOLD_NOT = new Set(
  'and or years year yrs experience experienced you your yours our we us they the a an this that must should plus required preferred bonus ideally etc remote hybrid onsite salary role team'.split(
    ' ',
  ),
)
const BOLD_NAME = /^[\p{L}\d][\p{L}\d .+#/&'’-]*$/u

/**
 * Words a posting sets in bold inside a list item are names, as its writer marks them: "hybrid
 * search combining **pgvector** in **PostgreSQL**", "build agents with **tool calling**", "**Anthropic
 * Claude**" (one name, not two). Up to four words, not the whole item (that is a heading or a label),
 * none saying something about the job or the reader ("**3+ years**", "**you**").
 */
function boldNames(found: Found[], ctx: NameContext, named: (first: number, last: number) => Found, tokenFrom: (offset: number) => number): Found[] {
  const { text, tokens } = ctx
  if (ctx.emphasis.length === 0) return found
  const at = new Map<number, Found>()
  for (const f of found) for (let i = f.first; i <= f.last; i++) at.set(i, f)
  const drop = new Set<Found>()
  const add: Found[] = []
  for (const [start, end] of ctx.emphasis) {
    const first = tokenFrom(start)
    let last = first
    while (last + 1 < tokens.length && tokens[last + 1]!.end <= end) last++
    if (first >= tokens.length || tokens[first]!.end > end || last - first > 3) continue
    if (!ctx.onListItem(first) || ctx.skipped(first)) continue
    const written = text.slice(start, end)
    if (!BOLD_NAME.test(written) || /[.!?]$/.test(written) || /^[ \t*_]*:/.test(text.slice(end, end + 4))) continue
    const words = tokens.slice(first, last + 1)
    if (words.some((w) => BOLD_NOT.has(w.key)) || isDutyVerb(words[0]!.key)) continue
    // The whole item, or all of its line before a colon: a heading or a label, not a name in a sentence.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1
    const lineEnd = text.indexOf('\n', end)
    if (/^[\s\-*•·+\d.)]*$/.test(text.slice(lineStart, start)) && /^[\s*_:]*$/.test(text.slice(end, lineEnd < 0 ? text.length : lineEnd))) continue
    const inside = new Set<Found>()
    let spills = false
    for (let i = first; i <= last; i++) {
      const f = at.get(i)
      if (!f) continue
      if (f.first < first || f.last > last) spills = true
      inside.add(f)
    }
    // A name the vocabulary has for these very words, or one that runs on past them, stays as it is.
    if (spills || [...inside].some((f) => f.first === first && f.last === last)) continue
    for (const f of inside) drop.add(f)
    add.push(named(first, last))
  }
  return add.length ? [...found.filter((f) => !drop.has(f)), ...add] : found
}

/**
 * A capitalised practice's head shared along its list: "Incident, Problem, Change and Knowledge
 * Management" names Incident Management, Problem Management and Change Management too, not
 * "Incident" and "Problem" as products.
 */
function titledHeads(found: Found[], ctx: NameContext, named: (first: number, last: number, base?: Term, as?: string) => Found): Found[] {
  const { text, tokens } = ctx
  const at = new Map<number, Found>()
  for (const f of found) at.set(f.first, f)
  const drop = new Set<Found>()
  const add: Found[] = []
  for (const f of found) {
    const head = tokens[f.last]!
    if (f.last !== f.first + 1 || !/^[A-Z][a-z]+$/.test(tokens[f.first]!.text) || !/^[A-Z][a-z]+$/.test(head.text) || !HEADS.has(head.key)) continue
    for (const x of kindsBefore(f, ctx)) {
      const word = tokens[x]!
      const own = at.get(x)
      // A word of its own that the vocabulary knows is a thing of its own: "Python and Data Engineering".
      if (!/^[A-Z][a-z]+$/.test(word.text) || ctx.termSpelled([word.key]) || (own && (own.first !== x || own.last !== x))) break
      // One word alone between the list's commas, not the end of a longer name: "Human Interface Guidelines and Material Design".
      const before = tokens[x - 1]
      if (before && text.slice(before.end, word.start) === ' ' && /^[A-Z]/.test(before.text)) break
      if (own) drop.add(own)
      add.push(named(x, x, undefined, `${word.text} ${head.text}`))
    }
  }
  return add.length ? [...found.filter((f) => !drop.has(f)), ...add] : found
}

// A standard's or a regulation's number: three digits or more, or parts a dash or a dot joins
// ("800-53", "252.204-7012", "8510.01", "13485"); not a version ("3.0") nor a count ("5").
const STANDARD_NUMBER = /^(?:\d{3,}(?:[.-]\d+)*|\d+\.\d{2,})$/

/**
 * A name in capitals keeps the standard's number after it, parts and all: "NIST SP 800-53", "DoDI
 * 8510.01", "DFARS 252.204-7012"; and a title's number before it: "21 CFR 820".
 */
function standardNumbers(found: Found[], ctx: NameContext, named: (first: number, last: number, base?: Term) => Found): Found[] {
  const { text, tokens } = ctx
  const numbered = (i: number) => STANDARD_NUMBER.test(tokens[i]?.text ?? '')
  return found.map((f) => {
    let last = f.last
    const next = tokens[last + 1]
    if (/^[A-Z][A-Za-z]*[A-Z]$/.test(tokens[last]!.text) && next && text.slice(tokens[last]!.end, next.start) === ' ' && numbered(last + 1)) last++
    if (!numbered(last) || !/^[A-Z]/.test(tokens[f.first]!.text)) return f
    // Its parts, joined by a dash with no space: "252.204-7012".
    while (tokens[last + 1] && text.slice(tokens[last]!.end, tokens[last + 1]!.start) === '-' && /^\d{1,5}$/.test(tokens[last + 1]!.text)) last++
    let first = f.first
    const title = tokens[first - 1]
    if (title && /^\d{1,2}$/.test(title.text) && text.slice(title.end, tokens[first]!.start) === ' ' && /^[A-Z]{2,5}$/.test(tokens[first]!.text)) first--
    return first === f.first && last === f.last ? f : named(first, last, f.term)
  })
}

/**
 * Two words a slash joins into one name no list holds: "INDEX/MATCH" (English words in capitals are
 * no names apart) and "EtherNet/IP" (a short acronym after a word in mixed case). "VLOOKUP/XLOOKUP",
 * "C/C++" and "Java/Go" stay two, as does a pair with a longer name on either side.
 */
function slashPairs(found: Found[], ctx: NameContext, named: (first: number, last: number) => Found): Found[] {
  const { text, tokens } = ctx
  const at = new Map<number, Found>()
  for (const f of found) for (let i = f.first; i <= f.last; i++) at.set(i, f)
  const drop = new Set<Found>()
  const add: Found[] = []
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!
    const b = tokens[i + 1]!
    if (text.slice(a.end, b.start) !== '/' || ctx.skipped(i) || text[a.start - 1] === '/' || text[b.end] === '/') continue
    if (!/^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$/.test(a.text) || !/^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$/.test(b.text)) continue
    const fa = at.get(i)
    const fb = at.get(i + 1)
    if ((fa && fa.first !== fa.last) || (fb && fb.first !== fb.last) || (!fa && !fb)) continue
    const capitalWords = /^[A-Z]+$/.test(a.text) && /^[A-Z]+$/.test(b.text) && (ctx.common(a.text) || ctx.common(b.text))
    const mixedThenShort = /[a-z]/.test(a.text) && /^[A-Z]{2}$/.test(b.text)
    // Two short acronyms that differ in their last letter are one pair of practices: "QA/QC".
    const pair = /^[A-Z]{2}$/.test(a.text) && /^[A-Z]{2}$/.test(b.text) && a.text[0] === b.text[0]
    if (!capitalWords && !mixedThenShort && !pair) continue
    if (fa) drop.add(fa)
    if (fb) drop.add(fb)
    add.push(named(i, i + 1))
    i++
  }
  return add.length ? [...found.filter((f) => !drop.has(f)), ...add] : found
}

/**
 * Capitalised words joined by an ampersand to a capitalised word that is no name are a firm's or a
 * brand's name ("Marrow & Vine", "Pebble & Fern"), not a product: "Power BI & Tableau" stays two.
 */
function firmsApart(found: Found[], ctx: NameContext): Found[] {
  const { text, tokens } = ctx
  const at = new Set<number>()
  for (const f of found) for (let i = f.first; i <= f.last; i++) at.add(i)
  const firm = (word: number, gap: string) => word >= 0 && word < tokens.length && !at.has(word) && /^ ?& ?$/.test(gap) && /^[A-Z][a-z]/.test(tokens[word]!.text)
  return found.filter((f) => {
    const before = f.first - 1
    const after = f.last + 1
    if (/^[A-Z][a-z]/.test(tokens[f.first]!.text) && firm(before, before >= 0 ? text.slice(tokens[before]!.end, f.start) : '')) return false
    return !(/^[A-Z][a-z]/.test(tokens[f.last]!.text) && firm(after, after < tokens.length ? text.slice(f.end, tokens[after]!.start) : ''))
  })
}

/**
 * The names not inside a longer one ("Data Analytics" in "Google Data Analytics Certificate"), in
 * one sweep by start, longest first (a stable sort: of the same words found twice, the first
 * stays): a name is swallowed when one that starts earlier reaches as far, or one that starts with
 * it reaches further.
 */
function unswallowed(found: Found[]): Found[] {
  const swallowed = new Set<Found>()
  let reach = -1
  let groupFirst = -1
  let groupLast = -1
  for (const f of [...found].sort((a, b) => a.first - b.first || b.last - a.last)) {
    if (f.first !== groupFirst) {
      reach = Math.max(reach, groupLast)
      groupFirst = f.first
      groupLast = f.last
    } else if (f.last === groupLast) {
      // The same words found twice (a name and a run made of it): the first found stays.
      swallowed.add(f)
      continue
    }
    if (reach >= f.last || groupLast > f.last) swallowed.add(f)
  }
  return found.filter((f) => !swallowed.has(f))
}

const EXAM_CODE = /^[A-Z]{2,5}-\d{2,4}[A-Z]?(?=\))/

const SMALL = new Set('of the and for as to in on a an with'.split(' '))

/**
 * A name spelled out before its acronym, "Gameplay Ability System (GAS)", "infrastructure as code
 * (IaC)", is one term: the words are its name, and the acronym there and elsewhere is that term.
 */
function spelledOut(found: Found[], ctx: NameContext, named: (first: number, last: number, base?: Term) => Found): Found[] {
  const { text, tokens } = ctx
  const byAcronym = new Map<string, Term>()
  const drop = new Set<Found>()
  const add: Found[] = []
  for (let i = 1; i < tokens.length; i++) {
    const acronym = tokens[i]!.text
    if (!/^[A-Z][A-Za-z]{1,6}$/.test(acronym) || !/^[A-Z].*[A-Z]/.test(acronym) || text[tokens[i]!.start - 1] !== '(' || text[tokens[i]!.end] !== ')') continue
    if (ctx.skipped(i) || !/^ ?\($/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) continue
    const letters = acronym.replace(/s$/, '').toLowerCase()
    // Walk back from the word before the bracket, taking a word per letter (small words free). A
    // small word may give its letter too ("Bill of Materials (BOM)", "Engineer in Training (EIT)"):
    // tried first that way, then with small words free ("Center for Internet Security (CIS)").
    const walk = (smallGivesLetter: boolean): { need: number; first: number } => {
      let need = letters.length
      let first = i
      for (let b = i - 1; b >= 0 && need > 0 && i - b <= letters.length + 3; b--) {
        // A comma between capitalised words of the name too: "Governance, Risk and Compliance (GRC)".
        const gap = text.slice(tokens[b]!.end, tokens[b + 1]!.start)
        if (b < i - 1 && !/^[ -]$/.test(gap) && !(gap === ', ' && /^[A-Z]/.test(tokens[b]!.text) && /^[A-Z]/.test(tokens[b + 1]!.text))) break
        const key = tokens[b]!.key
        if (SMALL.has(key) && need < letters.length && !(smallGivesLetter && key[0] === letters[need - 1])) {
          first = b
          continue
        }
        if (key[0] !== letters[need - 1]) break
        need--
        first = b
      }
      return { need, first }
    }
    let { need, first } = walk(true)
    if (need > 0) ({ need, first } = walk(false))
    // "The Composable Architecture (TCA)": a leading "the" is part of the name only when capitalised.
    if (need === 0 && SMALL.has(tokens[first]!.key) && tokens[first]!.text === 'The') need = 0
    else if (need > 0 || SMALL.has(tokens[first]!.key)) continue
    // A degree spelled out is no skill: "Bachelor of Science in Nursing (BSN)".
    if (/^(bachelor|master|associate|doctor)/.test(tokens[first]!.key)) continue
    const start = tokens[first]!.start
    const end = tokens[i - 1]!.end
    // The names around it, by binary search in `found` (sorted by start; no name is 200 characters).
    let lo = 0
    let hi = found.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (found[mid]!.start < start - 200) lo = mid + 1
      else hi = mid
    }
    const near: Found[] = []
    for (let k = lo; k < found.length && found[k]!.start < end + 3 + acronym.length; k++) near.push(found[k]!)
    const same = near.find((f) => f.start === start && f.end === end)
    const long = same ?? named(first, i - 1)
    for (const f of near) if (f !== same && f.end > start) drop.add(f)
    if (!same) add.push(long)
    // The acronym is the term's other name: a reader, and a resume, may use either.
    const alias = acronym.replace(/s$/, '')
    if (!long.term.aliases?.includes(alias)) long.term.aliases = [...(long.term.aliases ?? []), alias]
    byAcronym.set(acronym, long.term)
  }
  // A certification's exam code in brackets after its name is its other name: "Microsoft Certified:
  // Azure Administrator Associate (AZ-104)" is one thing a reader may list by either.
  const byStart = new Map<number, Found>()
  for (const f of found) byStart.set(f.start, f)
  for (const cert of found) {
    if (cert.term.kind !== 'certification' || text.slice(cert.end, cert.end + 2) !== ' (') continue
    const code = EXAM_CODE.exec(text.slice(cert.end + 2, cert.end + 16))?.[0]
    if (!code) continue
    if (!cert.term.aliases?.includes(code)) cert.term.aliases = [...(cert.term.aliases ?? []), code]
    const own = byStart.get(cert.end + 2)
    if (own) drop.add(own)
  }
  if (!byAcronym.size && !drop.size) return found
  return [...found.filter((f) => !drop.has(f)), ...add]
    .map((f) => {
      const term = byAcronym.get(text.slice(f.start, f.end))
      return term ? { ...f, term } : f
    })
    .sort((a, b) => a.start - b.start)
}
