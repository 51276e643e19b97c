#!/usr/bin/env node
// Keeps the README's developer map ("Where things are") true, as part of `npm run lint`:
// - every folder of src/ (and src/index.ts) is in the map with its arrow, and every top-level
//   folder of the repository is in it; nothing in the map is gone;
// - every import in src/ (static, dynamic, type-only) goes to a folder its arrow lists;
// - the arrows form no loop, so "arrows point down" stays a fact;
// - every path the section names in backticks exists.
// The map is the one statement of the rules: change an arrow there, and this check follows.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

// The repository to check: this one, or another given as the first argument (the tests' small ones).
const HERE = join(dirname(fileURLToPath(import.meta.url)), '..')
const ROOT = process.argv[2] ? resolve(process.argv[2]) : HERE
const SRC = join(ROOT, 'src')
/** Top-level folders that are built, installed or local, not part of the project's source. */
const NOT_SOURCE = new Set(['node_modules', 'lib', 'dist', 'out', 'scratch'])
const INDEX = 'index.ts'

/**
 * Imports the map does not allow yet, each with the reason it stands and the issue that ends it.
 * An exception that no longer matches an import fails the check, so none outlives its cause.
 * Another repository given to check (as the tests do) has none.
 */
const KNOWN = new Map(ROOT !== HERE ? [] : [])

const problems = []
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const section = readme.match(/^### Where things are\n([\s\S]*?)(?=^#{1,3} |(?![\s\S]))/m)?.[1]
if (!section) fail('README.md has no "### Where things are" section')
const block = section.match(/^```\n([\s\S]*?)^```/m)?.[1]
if (!block) fail('the "Where things are" section of README.md has no map (a ``` block)')

/** The map: each entry's path, and for src/ entries the folders it may import (undefined: any). */
const entries = new Map()
let last
for (const line of block.split('\n')) {
  const arrow = /^\s+→\s*(.*)$/.exec(line)
  if (arrow) {
    if (!last) {
      problems.push(`README.md map: an arrow with no folder above it: ${line.trim()}`)
      continue
    }
    const words = arrow[1]
      .replace(/\(.*\)/, '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
    entries.get(last).arrow = words[0] === 'any' ? undefined : words[0] === 'nothing' ? [] : words
    entries.get(last).hasArrow = true
    continue
  }
  const path = /^(\S+)/.exec(line)?.[1]
  if (!path) continue
  last = path.replace(/\/$/, '')
  entries.set(last, { arrow: [], hasArrow: false })
}

// Every folder is in the map, and everything in the map exists.
const srcFolders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory())
const topFolders = readdirSync(ROOT).filter((f) => !f.startsWith('.') && !NOT_SOURCE.has(f) && statSync(join(ROOT, f)).isDirectory() && f !== 'src')
for (const folder of srcFolders) {
  const entry = entries.get(`src/${folder}`)
  if (!entry) problems.push(`README.md map: src/${folder}/ is missing; add it with what it holds and its arrow (→ the folders it may import)`)
  else if (!entry.hasArrow) problems.push(`README.md map: src/${folder}/ has no arrow; add a line "→ folders it may import" under it`)
}
if (existsSync(join(SRC, INDEX)) && !entries.get(`src/${INDEX}`)?.hasArrow) problems.push(`README.md map: src/${INDEX} is missing or has no arrow`)
for (const folder of topFolders) {
  if (![...entries.keys()].some((p) => p === folder || p.startsWith(`${folder}/`))) problems.push(`README.md map: the folder ${folder}/ is missing`)
}
for (const path of entries.keys()) {
  if (!existsSync(join(ROOT, path))) problems.push(`README.md map: ${path} does not exist`)
}
const names = new Set([...srcFolders, INDEX])
for (const [path, entry] of entries) {
  for (const target of entry.arrow ?? []) {
    if (!names.has(target)) problems.push(`README.md map: the arrow of ${path} names ${target}, which is not a folder of src/`)
  }
}

// Every path named in backticks in the section exists (placeholders such as NAME or * aside).
for (const m of section.matchAll(/`((?:src|tests|schema|locales|templates|scripts|bin|examples)\/[^`\s]*)`/g)) {
  const path = m[1]
  if (/[*]|NAME/.test(path)) continue
  if (!existsSync(join(ROOT, path))) problems.push(`README.md "Where things are" names ${path}, which does not exist`)
}

// The arrows point down: no loop among them.
const arrowOf = (name) => entries.get(`src/${name}`)?.arrow
const state = new Map()
const visit = (name, trail) => {
  if (state.get(name) === 'done') return
  if (state.get(name) === 'open') {
    problems.push(`README.md map: the arrows loop: ${[...trail.slice(trail.indexOf(name)), name].join(' → ')}`)
    return
  }
  state.set(name, 'open')
  for (const next of arrowOf(name) ?? []) visit(next, [...trail, name])
  state.set(name, 'done')
}
for (const name of srcFolders) if (arrowOf(name) !== undefined) visit(name, [])

// Every import follows its folder's arrow.
const IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g
const folderOf = (file) => {
  const parts = relative(SRC, file).split(sep)
  return parts.length === 1 ? parts[0] : parts[0]
}
const usedExceptions = new Set()
const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []))
for (const file of walk(SRC)) {
  const from = folderOf(file)
  const text = readFileSync(file, 'utf8')
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), m[1] ?? m[2])
    if (!target.startsWith(SRC + sep)) continue
    const to = folderOf(target)
    if (to === from) continue
    const allowed = from === INDEX ? arrowOf(INDEX) : arrowOf(from)
    if (allowed === undefined || allowed.includes(to)) continue
    const rel = relative(ROOT, file).split(sep).join('/')
    const key = `${rel} -> ${to}`
    if (KNOWN.has(key)) {
      usedExceptions.add(key)
      continue
    }
    const line = text.slice(0, m.index).split('\n').length
    const arrow = allowed.length ? allowed.join(' ') : 'nothing'
    problems.push(`${rel}:${line}: ${from} may not import ${to} (README.md map: ${from} → ${arrow})`)
  }
}
for (const [key, why] of KNOWN) {
  if (!usedExceptions.has(key)) problems.push(`scripts/check-architecture.mjs: the exception "${key}" (${why}) no longer happens; remove it`)
}

if (problems.length) fail(problems.join('\n'))
const notes = [...usedExceptions].map((key) => `  allowed for now: ${key} (${KNOWN.get(key)})`)
console.log(`architecture: the map names all ${srcFolders.length} folders of src/; every import follows its arrow${notes.length ? `\n${notes.join('\n')}` : ''}`)

function fail(message) {
  console.error(`check-architecture: ${message}`)
  process.exit(1)
}
