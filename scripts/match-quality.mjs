// Precision and recall of `resume match`'s term extraction on the hand-annotated postings in
// tests/fixtures/postings/ (annotations.json: the terms a reader would list, written before the
// extractor saw them). held-out.json names the postings written after the vocabulary's hand part
// was frozen: their figure is the fairer estimate for postings in general.
// Run after `npm run build`: node scripts/match-quality.mjs [--verbose] [--json]
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join(root, 'tests/fixtures/postings')
const { measureExtraction } = await import(pathToFileURL(join(root, 'lib/match/quality.js')).href)
const annotations = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8'))
const heldOutList = JSON.parse(readFileSync(join(dir, 'held-out.json'), 'utf8'))
const heldOut = new Set(heldOutList.heldOut)
const pick = (keep) => Object.fromEntries(Object.entries(annotations).filter(([file]) => keep(heldOut.has(file))))
const all = await measureExtraction(dir, annotations)
const held = await measureExtraction(
  dir,
  pick((h) => h),
)
// Each round of held-out postings apart: the later a round, the less the extractor was shaped by it.
const rounds = {}
for (const [name, files] of Object.entries(heldOutList.rounds ?? {})) {
  rounds[name] = await measureExtraction(dir, Object.fromEntries(files.map((f) => [f, annotations[f]])))
}
const line = (label, r) => `${label}: ${r.postings.length} postings, ${r.gold} annotated terms: precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`
if (process.argv.includes('--json')) console.log(JSON.stringify({ all, heldOut: held, rounds }))
else {
  if (process.argv.includes('--verbose')) {
    for (const p of all.postings) console.log(`${p.file}  P ${p.precision.toFixed(2)} R ${p.recall.toFixed(2)}\n  missed: ${p.missed.join(', ')}\n  extra:  ${p.extra.join(', ')}`)
  }
  console.log(line('all', all))
  console.log(line('held out', held))
  for (const [name, r] of Object.entries(rounds)) console.log(line(`  held out, ${name}`, r))
}
