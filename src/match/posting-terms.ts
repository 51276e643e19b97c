import { endsSentence, findMentions, type TextShape } from './extract.js'
import type { Importance, Posting } from './posting.js'
import { rangeIndex } from './ranges.js'
import type { Term, Vocabulary } from './vocabulary.js'

/** A term the posting asks for, how strongly, and where it says so. */
export interface PostingTerm {
  term: Term
  importance: Importance
  /** Where the posting names it: 1-based line and column in the posting file. */
  mentions: { line: number; column: number; text: string }[]
}

// A degree, then its field: "Bachelor's degree in", "BS in", "Bachelor of Science in". The field
// ends at a clause's or a sentence's end or where an alternative to the degree starts ("or
// equivalent experience", "or a related field"): a paragraph of prose goes on after it.
const DEGREE_FIELD =
  /\b(?:bachelor'?s?|master'?s?|associate'?s?|b\.?s\.?c?|m\.?s\.?c?|b\.?a\.?|b\.?eng|m\.?eng|ph\.?d|doctorate|degree)\b[^;(\n]{0,40}?\b(?:in|of) ((?:(?!,? or (?:an? )?(?:equivalent|related|similar)| with | from | plus |[;(\n]|[.!?](?:\s|$)).)*)/i

/**
 * Whether a posting is written in lower case throughout, as a founder's post may be ("we're
 * hiring!! react, node, postgres"): fewer than 3 in 100 of its words (outside its boilerplate)
 * start with a capital, where sentence starts alone give a posting ten times that.
 */
function writtenInLowerCase(text: string, lines: Posting['lines']): boolean {
  let words = 0
  let capitals = 0
  for (const line of lines) {
    if (line.boilerplate) continue
    for (const m of text.slice(line.start, line.end).matchAll(/(?<![\p{L}\d])\p{L}/gu)) {
      words++
      if (m[0] !== m[0].toLowerCase()) capitals++
    }
  }
  return words >= 50 && capitals * 100 < words * 3
}

// Tried only where a word starts, so a text of plain words costs one try a word.
const ADDRESS = /\b(?:https?|ftp):\/\/[^\s)>\]"']+|\b(?:javascript|mailto):[^\s)>\]"']+|\bwww\.[^\s)>\]"']+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.+-])@[\w.-]+/gi

const RANK: Record<Importance, number> = { required: 3, mentioned: 2, preferred: 1 }

// The employer names itself in its legal line ("Hearth & Harbor Home is an equal opportunity
// employer"), in its blurb ("At Parcelwise, we ...") or in a heading over its pitch ("Why Hearth &
// Harbor?", "About Parcelwise").
const NAME = String.raw`[A-Z][\w.'’-]*(?:\s+(?:&\s+)?[A-Z][\w.'’-]*){0,4}`
const EMPLOYER_NAMES = [
  new RegExp(String.raw`(?:^|[.!?]\s+|\n)(?:The\s+)?(${NAME}) is (?:an? |proud to be an? |committed to being an? )?(?:[Ee]qual (?:[Ee]mployment )?[Oo]pportunity|EEO)`, 'g'),
  new RegExp(String.raw`(?:^|[.!?]\s+|\n)At (${NAME}), (?:we|our)\b`, 'g'),
  new RegExp(String.raw`(?:^|\n)[#*\s]*(?:Why|About)\s+(?!you\b|the\b|this\b|us\b|our\b)(${NAME})\s*[:?]?\**\s*(?=\n)`, 'g'),
]

/**
 * The words of the employer's own name, as the posting writes it: neither the company nor a part of
 * its name is a skill asked for ("Hearth", "Harbor Home" at Hearth & Harbor Home). Empty when the
 * posting does not say it in the ways above.
 */
export function employerNames(text: string): string[][] {
  const names: string[][] = []
  for (const pattern of EMPLOYER_NAMES) {
    for (const m of text.matchAll(pattern)) {
      const words = m[1]!.split(/\s+/).filter((w) => w !== '&')
      if (!['Our', 'Your', 'This', 'We'].includes(words[0]!)) names.push(words)
    }
  }
  // An employer named by its letters names itself in full where it introduces them:
  // "Northern Plains Electric Cooperative (NPEC) is a generation and transmission cooperative".
  for (const [letters] of names.filter((n) => n.length === 1 && /^[A-Z]{2,6}$/.test(n[0]!))) {
    const full = new RegExp(String.raw`(${NAME}) \(${letters}\)`).exec(text)
    if (full) names.push(full[1]!.split(/\s+/).filter((w) => w !== '&'))
  }
  return names
}

// When and where, never what: days, months and time zones as postings write them ("Tuesdays",
// "Eastern Time"), which a capital makes look like names.
const CALENDAR =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?(?:[-–](?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?)?|January|February|March|April|June|July|August|September|October|November|December|(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii)(?: Standard| Daylight)? Time)$/

const CUE_WORD = /^(?:required|preferred|optional|mandatory|desired|desirable|bonus|plus)$/i
const TITLED = /^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+$/
const DEPARTMENT_AFTER = /^\s+(?:teams?|group|department|organi[sz]ation|office|function)\b/
// The trade a job title names ("Senior Machine Learning Engineer", "DevOps Engineer II"): no
// practice asked for by itself, where the posting names it nowhere else.
const TITLE_AFTER =
  /^[ \t]+(?:Engineer|Developer|Scientist|Analyst|Architect|Specialist|Administrator|Manager|Lead|Director|Consultant|Technician|Coordinator|Intern|Officer|Researcher)s?\b/

// The last word of a body's name: who licenses, regulates or employs, not what the job uses
// ("Texas Board", "Federal Grants Services Agency", "Clinical Trials Office").
const BODY_END = / (?:Authority|Agency|Commission|Board|Police|Bureau|Council|Association|Department|Ministry|Office|Institute|Society|Consortium|Division)$/

/**
 * Whether a name no list holds is a body's or a place's: it ends as a body's name does, or starts
 * with a state, a province or a country ("Ohio State Board", "Oregon Health Services Division",
 * "New York City"). Readers of the annotated postings listed 6 of the 41 such names found that end
 * so, and 5 of the 33 that start with a state.
 */
function governmentBody(name: string, vocab: Vocabulary): boolean {
  if (BODY_END.test(name)) return true
  const words = name.split(' ')
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) if (vocab.isRegion(words.slice(0, n).join(' '))) return true
  return false
}

/** Whether `mention`'s words are a run of the words of one of `names`. */
function inName(mention: string, names: string[][]): boolean {
  const words = mention.split(/\s+/)
  return names.some((name) => {
    for (let i = 0; i + words.length <= name.length; i++) if (words.every((w, j) => name[i + j] === w)) return true
    return false
  })
}

/** The posting's terms, boilerplate left out, each marked by the strongest way the posting asks for it. */
export function postingTerms(posting: Posting, vocab: Vocabulary): PostingTerm[] {
  const { text, lines } = posting
  // A line's end is its last character's offset + 1, or the offset of its newline: both are the line's.
  const lineStarts = Int32Array.from(lines, (l) => l.start)
  const lineEnds = Int32Array.from(lines, (l) => l.end + 1)
  const lineAt = (offset: number) => lines[rangeIndex(lineStarts, lineEnds, offset)]
  const shape: TextShape = {
    isInitial: (token, previous) => {
      const line = lineAt(token.start)
      if (!previous || !line || (previous.end < line.start && !line.continues)) return true
      return endsSentence(text.slice(previous.end, token.start))
    },
    lineOf: (offset) => lineAt(offset),
  }
  // A degree's field of study is no skill asked for: "Bachelor's degree in civil or structural
  // engineering", "B.S. in chemistry". Its words, to the clause's end, are left out (the same names
  // written elsewhere in the posting still count). Looked for once per line, in its first 400 characters.
  const degreeFields = new Map<number, [number, number] | null>()
  const inDegreeField = (offset: number, line: { start: number; end: number }) => {
    let range = degreeFields.get(line.start)
    if (range === undefined) {
      const m = DEGREE_FIELD.exec(text.slice(line.start, Math.min(line.end, line.start + 400)))
      range = m ? [line.start + m.index + m[0].length - m[1]!.length, line.start + m.index + m[0].length] : null
      degreeFields.set(line.start, range)
    }
    return range !== null && offset >= range[0] && offset < range[1]
  }
  // A posting written all in prose (no list at all) says in sentences what others list: there its
  // paragraphs are read as list items, but for the first (the company's, as a rule).
  const prose = !lines.some((l) => l.bullet && !l.boilerplate && !l.blurb)
  const firstParagraph = lines.find((l) => !l.heading && !l.boilerplate && l.end - l.start > 200)
  const listItem = prose
    ? (offset: number) => {
        const line = lineAt(offset)
        return line !== undefined && !line.heading && line !== firstParagraph && line.end - line.start > 200
      }
    : (offset: number) => lineAt(offset)?.bullet ?? false
  // A web or mail address, or a chat handle, names no skill, whatever its words:
  // "https://img.shields.io/badge/...", "jobs@acme-python.io", "@marco". Found once; a name
  // starting inside one is left out.
  const addressStarts: number[] = []
  const addressEnds: number[] = []
  if (text.includes('@') || text.includes('://') || text.includes('www.') || text.includes('script:') || text.includes('mailto:')) {
    for (const a of text.matchAll(ADDRESS)) {
      addressStarts.push(a.index)
      addressEnds.push(a.index + a[0].length)
    }
  }
  const employer = employerNames(text)
  const found = new Map<Term, PostingTerm>()
  for (const m of findMentions(text, vocab, {
    shape,
    openNames: true,
    listItem,
    caseless: writtenInLowerCase(text, lines),
    emphasis: posting.emphasis,
    skip: (offset) => lineAt(offset)?.boilerplate ?? true,
  })) {
    const line = lineAt(m.start)!
    // A name read by its shape, which no list holds (memoized by the vocabulary).
    const unlisted = vocab.termNamed(m.term.name) === undefined
    // The employer's blurb names its stack among its markets and customers: only a product a list
    // holds is read there ("Our backend is Node.js on AWS Lambda"), no practice and no name by its shape.
    if (line.blurb && (m.term.kind === 'method' || unlisted)) continue
    if (inDegreeField(m.start, line) || (addressStarts.length > 0 && rangeIndex(addressStarts, addressEnds, m.start) >= 0)) continue
    if (employer.length > 0 && inName(m.text, employer)) continue
    // A practice of several words capitalised as a name and followed by "team" is a department the
    // job works with ("Partner with our Information Security team"), not a skill it asks for; so is
    // a name no list holds ("with the Credit Strategy team").
    if (TITLED.test(m.text) && DEPARTMENT_AFTER.test(text.slice(m.end, m.end + 24)) && (m.term.kind === 'method' || unlisted)) continue
    // A practice capitalised before a job's noun is the trade of a title ("Machine Learning Engineer").
    if (m.term.kind === 'method' && /^[A-Z]/.test(m.text) && TITLE_AFTER.test(text.slice(m.end, m.end + 16))) continue
    // How strongly a posting asks is no skill: "EPA 608 Certification (Required)".
    if (CUE_WORD.test(m.text)) continue
    // A day, a month or a time zone is when, and a country no list holds as a name is where
    // ("Columbus, OH, United States"): neither is a skill.
    if (CALENDAR.test(m.text)) continue
    if (unlisted && /^[A-Z]/.test(m.text) && (vocab.isRegion(m.text) || governmentBody(m.text, vocab))) continue
    const importance = line.heading ? 'mentioned' : line.importance
    const entry = found.get(m.term) ?? { term: m.term, importance, mentions: [] }
    if (RANK[importance] > RANK[entry.importance]) entry.importance = importance
    entry.mentions.push({ ...posting.position(m.start), text: m.text })
    found.set(m.term, entry)
  }
  return [...found.values()]
}
