import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { MAX_INPUT_BYTES } from '../core/load.js'
import { type Diagnostic, VitaeError } from '../diagnostics/diagnostic.js'
import { htmlAsText } from './html-text.js'
import { rangeIndex } from './ranges.js'

export type Importance = 'required' | 'preferred' | 'mentioned'

/** One line of a posting, as read: what part of the posting it is in and how much it asks. */
export interface PostingLine {
  start: number
  end: number
  heading: boolean
  bullet: boolean
  /** An indented line right under a list item, the item's text wrapped: it goes on the item's sentence. */
  continues?: boolean
  /** Benefits, equal-opportunity text, the hiring process: never searched for terms. */
  boilerplate: boolean
  /** The employer's blurb ("About Acme"): searched only for the products a list holds, the team's stack. */
  blurb?: boolean
  importance: Importance
}

export interface Posting {
  file: string
  /** The text searched: for HTML, the words a browser shows (see htmlAsText). */
  text: string
  lines: PostingLine[]
  /** Runs the posting sets in bold (Markdown's **x** or __x__, HTML's <strong>), as [start, end) offsets in `text`. */
  emphasis: [number, number][]
  /** The 1-based line and column in the file of an offset of `text` (HTML's block tags split lines the file does not). */
  position(offset: number): { line: number; column: number }
}

const bad = (code: Diagnostic['code'], file: string, message: string, hint?: string): VitaeError =>
  new VitaeError('input', [{ code, severity: 'error', message, file, ...(hint ? { hint } : {}) }])

/** Reads a posting from a file or standard input (`-`): UTF-8 text of at most 1 MiB. */
export async function readPosting(file: string, stdin: () => Promise<Buffer>): Promise<Posting> {
  const shown = file === '-' ? '<stdin>' : file
  let bytes: Buffer
  try {
    // Synchronous, as a resume is read (src/core/load.ts): node:fs/promises alone costs a command 2 ms.
    bytes = file === '-' ? await stdin() : readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw bad(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', shown, code === 'ENOENT' ? `${shown} does not exist` : `${shown} cannot be read (${code ?? 'error'})`)
  }
  if (bytes.length > MAX_INPUT_BYTES) throw bad('INPUT_TOO_LARGE', shown, `${shown} is ${bytes.length} bytes; a posting may have at most ${MAX_INPUT_BYTES} bytes`)
  if (bytes.includes(0)) throw bad('POSTING_BINARY', shown, `${shown} is a binary file, not a posting`, 'save the posting as .txt, .md or .html (copy its text from the page)')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw bad('NOT_UTF8', shown, `${shown} is not UTF-8 text`, 'save it as UTF-8')
  }
  const html = /\.html?$/i.test(extname(file)) || (file === '-' && /^\s*(<!doctype html|<html|<body|<div|<p>|<h1)/i.test(text))
  const read = html ? htmlAsText(text) : undefined
  const plain = read ? read.text : text.replace(/^\uFEFF/, ' ')
  if (!/[A-Za-z]{2}/.test(plain)) throw bad('EMPTY_POSTING', shown, `${shown} holds no text to read`, 'a posting is the text of a job advert')
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  const lines = classifyLines(plain, read?.headings ?? new Set(), read !== undefined)
  const unwrap = unwrapped(plain, lines)
  const position = (at: number) => {
    const unmoved = at + unwrap.moved(at)
    const offset = read ? read.sourceOffset(unmoved) : unmoved
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 }
  }
  // Bold runs are found before the unwrapping moves a continuation's words: they move with them.
  const emphasis = (read ? read.emphasis : markdownBold(plain)).map(([start, end]): [number, number] => {
    const by = unwrap.moved(start, true)
    return [start - by, end - by]
  })
  return { file: shown, text: unwrap.text, lines, emphasis, position }
}

/**
 * The text with each wrapped item's line break read as the space it stands for, so a name split by
 * the wrap is one name again ("Total Productive" / "Maintenance (TPM)"). An indented continuation's
 * words move left over its indentation, which goes to the line's end, so the name's two words are
 * one space apart as in the sentence ("next-generation" / "   firewalls"). One character for one:
 * the text keeps its length, and `moved` says how far left an offset's character was moved.
 */
function unwrapped(text: string, lines: PostingLine[]): { text: string; moved: (at: number, original?: boolean) => number } {
  const breaks = lines.filter((l) => l.continues && text[l.start - 1] === '\n')
  if (breaks.length === 0) return { text, moved: () => 0 }
  const pieces: string[] = []
  // Each moved line's words: where they start and end in the new text, and how far left they moved.
  const starts: number[] = []
  const ends: number[] = []
  const by: number[] = []
  let from = 0
  for (const l of breaks) {
    const raw = text.slice(l.start, l.end)
    const words = raw.trimStart()
    const indent = raw.length - words.length
    pieces.push(text.slice(from, l.start - 1), ' ', words, ' '.repeat(indent))
    if (indent > 0) {
      starts.push(l.start)
      ends.push(l.start + words.length)
      by.push(indent)
    }
    from = l.end
  }
  pieces.push(text.slice(from))
  // The same words where they were in the original text.
  const startsBefore = starts.map((s, n) => s + by[n]!)
  const endsBefore = ends.map((e, n) => e + by[n]!)
  // How far the character at `at` (of the new text, or of the `original`) was moved.
  const moved = (at: number, original = false) => by[original ? rangeIndex(startsBefore, endsBefore, at) : rangeIndex(starts, ends, at)] ?? 0
  return { text: pieces.join(''), moved }
}

/** Markdown's bold runs on one line, their marks left out: "**pgvector**" is [2, 10). */
function markdownBold(text: string): [number, number][] {
  const runs: [number, number][] = []
  for (const m of text.matchAll(/(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1/g)) runs.push([m.index + 2, m.index + 2 + m[2]!.length])
  return runs
}

const PREFERRED =
  /\b(nice[- ]to[- ]haves?|highly regarded|bonus|preferred|desirable|desired|pluses|a plus|plus if|good[- ]to[- ]haves?|assets?|great if|would be great|extra credit|ideally|optional|not required|even better|it'?s a plus|would be a plus|strong plus|advantage|advantageous|we'?d love)\b/i
const REQUIRED =
  /\b(requirements?|required|must[- ]haves?|must|mandatory|essential|minimum|basic qualifications|qualifications|your profile|candidate profile|profile|skills and experience|key skills|what you('ll| will)? need|you have|you bring|what you('ll| will)? bring|you('ll| will) bring|about you|who you are|what we('re| are) looking for|you should have|you'll need|skills|we need)\b/i
const DUTIES =
  /\b(responsibilit|responsible for|your tasks|tasks|accountabilities|your mission|what you('ll| will)? do|the role|your role|duties|you will|in this role|day[- ]to[- ]day|what you'll be doing|your impact|the job|key responsibilities|what you'll own|you'll work on)/i
const BLURB_HEAD = /\b((agency|company|organi[sz]ation|employer|department) (description|overview|profile)|about (us|the company)|who we are)\b/i
const BOILER_HEAD =
  /\b(what'?s in it for you|what [A-Z]\w+ offers|benefits?|perks|what we offer|we offer|why (join|work|you'll love)|compensation|salary|pay range|equal|eeo|diversity|inclusion|how to apply|how we hire|(interview|hiring|recruit(ing|ment)|application|selection) process|hiring team|interview (steps|stages|loop)|next steps|(similar|related|other|more) (jobs|roles|openings|positions)|open positions|our (values|culture|mission|story)|life at|working at)\b/i
// Sentences of postings that are about the employer, not the job: its legal text, which no duty
// or requirement holds, and its benefits, which one may name in passing.
const LEGAL_LINE =
  /\b(cookies?\b|privacy (policy|notice|statement)|terms of (use|service)|equal (employment )?opportunit|opportunity employer|without regard to|discriminat|affirmative action|reasonable accommodation|selective service|all rights reserved|disability confident|protected veteran|e-verify|we welcome applications|encourage everyone to apply|inclusive employer|welcomes applicants)/i
const BENEFIT_LINE =
  /\b(401\s?\(?k\)?|health(, dental)?( and|,)? (dental|vision)|dental|vision insurance|parental leave|paid time off|\bpto\b|stipend|tuition|pension|thrift savings|retirement (plan|system|savings)|sign-on bonus|commuter benefits|gym membership)/i
// A posting's particulars, a label and its value on a line or a table's row: who, where, when and
// how much ("Reports To: Manager, Network & Security Operations", "| Hiring manager | Dana Okafor |").
// People, places and departments, no skill. Not the title, which may name one ("Senior Go Engineer").
const PARTICULAR_LINE =
  /^[\s|*_]*(?:reports? to|hiring manager|recruiter|contact|department|division|location|locations|work location|office|salary(?: range)?|pay(?: range)?|grade|flsa|status|level|job (?:id|number|code)|req(?:uisition)?(?: id| #| number)?|posted|posting date|closing date|last edited|employment type|job type|schedule|shift|travel|start date)[*_\s]*(?::|\|)\s*\S/i
// A page's footer: the site a posting was copied from and its fine print ("Powered by Greenhouse ·
// Privacy Policy", "© 2026 Acme Inc."). Only at a line's start: "a platform powered by Kafka" is a duty.
const FOOTER_LINE = /^[\s|*_]*(?:powered by\b|©|copyright\b)/i
// A chat message's header: its author and the time it was sent ("**Priya Raman** · 10:42 AM").
const CHAT_HEADER = /^[>\s]*\S.{0,80}\b\d{1,2}:\d{2}\s?[AP]M\s*$/i
// "About Corvane", "About Acme Health": the company's blurb under its own name (not "About you",
// nor "About the team", which says what the team works on and with).
const ABOUT_NAME = /^about\s+(?!you\b|the (?:team|role|job|position|opportunity)\b|this\b)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s*:?$/i
// "Why Harborlight": the employer's pitch, under its own name (case matters: not "Why this role").
const WHY_NAME = /^[Ww]hy\s+(?!you\b)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}\s*[:?]?$/
/** Markdown's marks around a line: "## Requirements", "**About Acme**". */
const bare = (line: string): string => line.replace(/^[#*_\s]+|[*_\s]+$/g, '')
/** Words that name a part of a posting: its duties, what it requires or prefers, its boilerplate. */
const sectionWords = (line: string): boolean =>
  PREFERRED.test(line) || REQUIRED.test(line) || DUTIES.test(line) || BLURB_HEAD.test(line) || BOILER_HEAD.test(line) || ABOUT_NAME.test(bare(line)) || WHY_NAME.test(bare(line))
const ROLE_HEAD = /\b(summary|overview|opportunity|description|position|job)\b/i
// A list item, or a row of a Markdown table ("| Data | PostgreSQL, Redis |"), not its rule row.
// Bullets as people type and paste them: "-", "•", "●", "➢", "→", "->", "1.", "2)", Word's second
// level "o" before a capital, and an emoji ("✅", "🔹"), which may come without a space.
const BULLET = /^\s*(?:(?:[-*•·‣▪–+●○◦■□▫►▶➢➤→✓✔☑❖◆◇⁃]|->|\d{1,2}[.)]|\|(?!\s*:?-{3}))\s+|o\s+(?=[A-Z])|\p{Extended_Pictographic}\uFE0F?\s*(?=\S))/u
const MD_HEADING = /^\s*#{1,6}\s+/
const BOLD_LINE = /^\s*(\*\*|__)([^*_]+)\1\s*:?\s*$/

/**
 * The text's lines, each with its offset; a line that holds a list run into one ("Responsibilities•
 * Build ...• Own ...", as copying from a page can leave it) is split before each bullet, when every
 * piece after one is an item of four words or more (not "Austin • Remote • Full-time").
 */
function linePieces(text: string): { raw: string; start: number }[] {
  const pieces: { raw: string; start: number }[] = []
  let offset = 0
  for (const raw of text.split('\n')) {
    const start = offset
    offset += raw.length + 1
    const cuts = /[•●▪]/.test(raw) ? [...raw.matchAll(/(?<=\S)\s*(?=[•●▪]\s)/g)].map((m) => m.index + m[0].length) : []
    const parts = cuts.map((cut, n) => raw.slice(cut, cuts[n + 1] ?? raw.length))
    if (!cuts.length || !parts.every((p) => p.trim().split(/\s+/).length >= 5)) {
      pieces.push({ raw, start })
      continue
    }
    pieces.push({ raw: raw.slice(0, cuts[0]), start })
    cuts.forEach((cut, n) => pieces.push({ raw: parts[n]!, start: start + cut }))
  }
  return pieces
}

type Section = 'intro' | 'duties' | 'required' | 'preferred' | 'boilerplate' | 'blurb'

/**
 * The section a heading starts, from its words (`label`: its text without a list's marker);
 * `current` is the section before it and `headings` the headings seen before it.
 */
function sectionOf(words: string, label: string, current: Section, headings: number): Section {
  if (/about you\b|who you are/i.test(words)) return 'required'
  if (PREFERRED.test(words)) return 'preferred'
  if (BLURB_HEAD.test(words)) return 'blurb'
  if (BOILER_HEAD.test(words) || WHY_NAME.test(bare(label))) return 'boilerplate'
  if (REQUIRED.test(words)) return 'required'
  if (DUTIES.test(words)) return 'duties'
  // The team the hire joins: what it works on and with ("About the team", "Meet the team",
  // "About the Dispatch Platform team"), not who interviews ("Meet the hiring team").
  if (/^\W*(about|meet|the|our) (?!(the |our )?hiring\b)(the |our )?([\w&/.'’-]+\s+){0,4}team\W*$/i.test(words)) return 'intro'
  // What the team builds with is the job's, read as its duties are, whatever else the heading
  // says ("Tech stack", "The team and the stack"; not a title's "Full Stack Developer").
  if (/\b((?<!full[- ])stack|technolog(y|ies)|tools|tooling)\b/i.test(words)) return 'duties'
  // "About us", "Our company", "The team": the employer's blurb. A team in the posting's first
  // heading is its title's ("Full-Stack Engineer, Founding Team"), and "US" is no "us"
  // ("Rails developer, remote (US/Canada)").
  if (/\b(about|company)\b/i.test(words) || /\bus\b/.test(words) || (headings > 0 && /\bteam\b/i.test(words))) return 'blurb'
  // What the job is, after the company's blurb: "Position Summary", "The opportunity", "Overview".
  if (ROLE_HEAD.test(words)) return 'intro'
  // A heading of no known kind after the blurb or the benefits is the job's own again ("Schedule",
  // "Tools we use"): boilerplate is what its heading says, never the rest of the posting by default.
  if (current === 'boilerplate' || current === 'blurb') return 'intro'
  return current
}

/** Splits the text into lines and says, for each, which part of the posting it belongs to. */
function classifyLines(text: string, htmlHeadings: Set<number>, html: boolean): PostingLine[] {
  const lines: PostingLine[] = []
  let section: Section = 'intro'
  // Headings seen before this line: the first is the posting's title as a rule.
  let headings = -1
  const pieces = linePieces(text)
  // The next line with text: a short line right before a list is the list's heading ("Your tasks").
  const nextText = (k: number) => {
    for (let j = k + 1; j < pieces.length && j < k + 3; j++) if (pieces[j]!.raw.trim()) return pieces[j]!.raw
    return undefined
  }
  // Inside a Markdown code fence: a sample file ("```yaml"), not what the job asks for.
  let fenced = false
  for (const [k, { raw, start }] of pieces.entries()) {
    if (/^\s*(```|~~~)/.test(raw) || fenced) {
      if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced
      lines.push({ start, end: start + raw.length, heading: false, bullet: false, boilerplate: true, importance: 'mentioned' })
      continue
    }
    // Curly apostrophes read as straight ones: "What you’ll need" is "What you'll need".
    const content = raw.trim().replace(/[’‘]/g, "'")
    if (!content) continue
    // A list item wrapped onto a next line that is indented (Markdown, plain text) or starts in lower
    // case (a PDF's hard wrap, an HTML <br>) is still that item.
    const previous = lines[lines.length - 1]
    const hasMarker = BULLET.test(raw)
    // So is a line starting with a capital after an item that stops mid-phrase, as a PDF's hard wrap
    // leaves a name split across lines ("using Studio 5000 Logix" / "Designer: go online"). HTML's
    // lines are its blocks, never a wrap.
    // Asked only of a line right under an item.
    const wrapped = () => {
      const before = text.slice(previous!.start, previous!.end).trimEnd()
      const midPhrase = /[,;(&/-]$|\b(and|or|of|the|a|an|to|in|for|with|using|on|by|from|as)$/i.test(before) || (before.length >= 45 && !/[.!?:]$/.test(before))
      return midPhrase && !/^[A-Z0-9 &/,'()-]+:?$/.test(content) && !sectionWords(content.slice(0, 70))
    }
    const continues = !hasMarker && previous?.bullet === true && previous.end + 1 === start && (/^\s/.test(raw) || /^[a-z(]/.test(content) || (!html && wrapped()))
    // A marker before a short line in capitals makes a heading, not an item ("-> ABOUT US"), and
    // so does an emoji or an arrow before a heading's words ("🔹 What you'll do", "➢ Your profile").
    const marked = hasMarker && !/^\s*\|/.test(raw)
    const unmarked = marked ? raw.replace(BULLET, '').trim().replace(/[’‘]/g, "'") : content
    const capitals = /^[A-Z][A-Z0-9 &/,'()-]{3,60}$/.test(unmarked) && /[A-Z]{3}/.test(unmarked)
    const decorated =
      marked &&
      (/^\s*(?:->|[►▶➢➤→⚡]|\p{Extended_Pictographic})/u.test(raw) || unmarked.endsWith(':')) &&
      unmarked.length <= 40 &&
      unmarked.split(/\s+/).length <= 6 &&
      !/[.!?,;]$/.test(unmarked) &&
      (sectionWords(unmarked) || unmarked.endsWith(':'))
    const bullet = (hasMarker && !(marked && (capitals || decorated))) || continues
    // A heading's text starts where the line's text does (looked up, not searched: a page may hold thousands).
    const fromHtml = htmlHeadings.has(start + raw.length - raw.trimStart().length)
    const short = content.length <= 70 && !/[.!?]$/.test(content)
    // Asked only of a short line: a long one is no heading whatever its words.
    const keyword = short && (sectionWords(content) || WHY_NAME.test(bare(unmarked)))
    // A short line all in capitals is a heading by its look: "AGENCY DESCRIPTION", "JOB SUMMARY".
    const heading =
      !bullet &&
      !/:\s*\S/.test(bare(content).replace(/^[^:]*:[*_]+\s*$/, '')) &&
      (MD_HEADING.test(raw) ||
        BOLD_LINE.test(raw) ||
        (fromHtml && (content.length <= 100 || !/[.!?]$/.test(content))) ||
        (short && (content.endsWith(':') || keyword || capitals) && content.split(/\s+/).length <= 8) ||
        (short && content.split(/\s+/).length <= 4 && /^[A-Z\p{Extended_Pictographic}]/u.test(content) && BULLET.test(nextText(k) ?? '')))
    if (heading) {
      headings++
      section = sectionOf(content.replace(/[#*_:]/g, ' '), unmarked, section, headings)
    } else if (!bullet) {
      // A label in capitals before a colon starts its section as a heading does, and the rest of the
      // line is that section's: "THE JOB: Regional Tank Driver - Hazmat" after "ABOUT US" is the job's.
      const label = /^([A-Z][A-Z0-9 &/'()-]{2,40}):\s*\S/.exec(bare(unmarked))?.[1]
      if (label && /[A-Z]{3}/.test(label) && sectionWords(label)) section = sectionOf(label, label, section, headings)
    }
    let importance: Importance = section === 'required' ? 'required' : section === 'preferred' ? 'preferred' : 'mentioned'
    // The line's own words win over its section's: "(BSN preferred)", "Java (must)".
    if (!heading && PREFERRED.test(content)) importance = 'preferred'
    else if (!heading && /\b(required|must|mandatory|essential)\b/i.test(content)) importance = 'required'
    // A duty or requirement that names a perk in passing, in brackets, is still the job's ("Join the
    // on-call rotation (with a paid on-call stipend)"); the employer's legal lines are not, anywhere.
    const job = bullet && (section === 'duties' || section === 'required' || section === 'preferred')
    const blurb = section === 'blurb'
    const boilerplate =
      section === 'boilerplate' ||
      LEGAL_LINE.test(content) ||
      PARTICULAR_LINE.test(content) ||
      FOOTER_LINE.test(content) ||
      CHAT_HEADER.test(content) ||
      BENEFIT_LINE.test(job ? content.replace(/\([^)]*\)/g, '') : content)
    if (continues) {
      lines.push({
        start,
        end: start + raw.length,
        heading: false,
        bullet,
        continues,
        boilerplate: previous.boilerplate,
        ...(previous.blurb && { blurb: true }),
        importance: previous.importance,
      })
      continue
    }
    lines.push({
      start,
      end: start + raw.length,
      heading,
      bullet,
      boilerplate,
      ...(blurb && { blurb }),
      importance,
      ...(section !== 'intro' && section !== 'blurb' && { listed: true }),
    })
  }
  return unmarkedLists(text, lines)
}

/**
 * Under a heading of duties or requirements that has no bullet at all, each line of one sentence is
 * an item: lists copied from pages often lose their markers ("What you will do" then "Write DAX
 * measures and calculated columns"). A section with bullets keeps its other lines as prose.
 */
function unmarkedLists(text: string, lines: (PostingLine & { listed?: boolean })[]): PostingLine[] {
  let from = 0
  for (let k = 0; k <= lines.length; k++) {
    if (k < lines.length && !lines[k]!.heading) continue
    const run = lines.slice(from, k)
    const sentences = run.filter((l) => l.listed && !l.boilerplate && l.end - l.start <= 300 && !/[.!?]\s+\S/.test(text.slice(l.start, l.end).trim()))
    if (!run.some((l) => l.bullet) && sentences.length >= 2) for (const l of sentences) l.bullet = true
    from = k + 1
  }
  return lines.map(({ listed, ...line }) => line)
}
