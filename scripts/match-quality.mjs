// Precision and recall of `resume match`'s term extraction on the hand-annotated postings in
// tests/fixtures/postings/ (annotations.json: the terms a reader would list, written before the
// extractor existed). Run after `npm run build`: node scripts/match-quality.mjs [--verbose] [--json]
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join(root, 'tests/fixtures/postings')
const { measureExtraction } = await import(pathToFileURL(join(root, 'lib/match/quality.js')).href)
const annotations = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8'))
const result = await measureExtraction(dir, annotations)
if (process.argv.includes('--json')) console.log(JSON.stringify(result))
else {
  if (process.argv.includes('--verbose')) {
    for (const p of result.postings)
      console.log(`${p.file}  P ${p.precision.toFixed(2)} R ${p.recall.toFixed(2)}\n  missed: ${p.missed.join(', ')}\n  extra:  ${p.extra.join(', ')}`)
  }
  console.log(`${result.postings.length} postings, ${result.gold} annotated terms: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`)
}
