#!/usr/bin/env node
// node scripts/measure-fonts.mjs
//
// How many font bytes a document would inline: the classic theme's faces subset by the text, plus
// the Noto fallbacks, for the English seed resume and for samples in other scripts. It bundles
// src/fonts with esbuild into a temporary folder, so it needs no `npm run build`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tmp = mkdtempSync(join(tmpdir(), 'vitae-fonts-'))
const entry = `
export * from ${JSON.stringify(join(root, 'src/fonts/fallback.ts'))}
export * from ${JSON.stringify(join(root, 'src/fonts/faces.ts'))}
export * from ${JSON.stringify(join(root, 'src/fonts/select.ts'))}
export * from ${JSON.stringify(join(root, 'src/fonts/css.ts'))}
`
await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: join(tmp, 'fonts.mjs'), logLevel: 'error' })
const fonts = await import(pathToFileURL(join(tmp, 'fonts.mjs')).href)
rmSync(tmp, { recursive: true, force: true })

const theme = JSON.parse(readFileSync(join(root, 'templates/classic/theme.json'), 'utf8'))
const themeFaces = theme.fonts.flatMap((face) =>
  face.files.map((f) => (typeof f === 'string' ? { ...face, file: f, unicodeRange: '' } : { ...face, file: f.file, unicodeRange: f.unicodeRange ?? '' })),
)
const bytesOf = (file) => readFileSync(file.startsWith('/') ? file : join(root, 'templates/classic', file)).length
const kB = (n) => `${(n / 1000).toFixed(1)} kB`

const samples = {
  'en (seed resume.yaml)': ['en-US', readFileSync(join(root, 'resume.yaml'), 'utf8')],
  'en + a Chinese name': ['en-US', `${readFileSync(join(root, 'resume.yaml'), 'utf8')} 赵海斯`],
  'zh-CN (sample)': ['zh-CN', readFileSync(join(root, 'scripts/samples/zh-CN.txt'), 'utf8')],
  'ja (sample)': ['ja', readFileSync(join(root, 'scripts/samples/ja.txt'), 'utf8')],
  'ar (sample)': ['ar', 'الخبرة العملية التعليم المهارات حتى الآن مهندس حاسوب جامعة جورج واشنطن'],
  'ru (sample)': ['ru', 'Опыт работы Образование Навыки по настоящее время Инженер-программист'],
}
const store = fonts.createFontStore({ resolveFrom: root })
const all = [...themeFaces]
console.log('document                   theme faces   fallback faces  families                         raw        base64')
for (const [label, [locale, text]] of Object.entries(samples)) {
  const theirs = fonts.selectFaces(all, text)
  const fallback = fonts.fallbackFamiliesFor(locale, text, { covered: fonts.coverageOf(all), store })
  const raw = theirs.reduce((n, f) => n + bytesOf(f.file), 0) + fallback.faces.reduce((n, f) => n + bytesOf(f.file), 0)
  console.log(
    `${label.padEnd(26)} ${String(theirs.length).padStart(2)}/${all.length}         ${String(fallback.faces.length).padStart(3)}             ${fallback.families.join(', ').padEnd(32)} ${kB(raw).padStart(9)}  ${kB(Math.ceil(raw / 3) * 4).padStart(9)}`,
  )
}
const everything = all.reduce((n, f) => n + bytesOf(f.file), 0)
console.log(`today: every theme face inlined, ${kB(everything)} raw, ${kB(Math.ceil(everything / 3) * 4)} base64`)

// Per weight: the name and headings bold, the rest regular, as a view would hand them over.
const zhLines = readFileSync(join(root, 'scripts/samples/zh-CN.txt'), 'utf8').split('\n')
const bold = zhLines.filter((l) => l.length < 12).join('\n')
const split = fonts.fallbackFamiliesFor('zh-CN', { 400: zhLines.join('\n'), 700: bold }, { covered: fonts.coverageOf(all), store })
const splitRaw = split.faces.reduce((n, f) => n + bytesOf(f.file), 0)
console.log(`zh-CN, bold text given apart: ${split.faces.length} fallback faces, ${kB(splitRaw)} raw, ${kB(Math.ceil(splitRaw / 3) * 4)} base64`)
const name = fonts.fallbackFamiliesFor('en-US', { 400: '', 700: '赵海斯' }, { covered: fonts.coverageOf(all), store })
const nameRaw = name.faces.reduce((n, f) => n + bytesOf(f.file), 0)
console.log(`en, Chinese name in the bold heading only: ${name.faces.length} fallback faces, ${kB(nameRaw)} raw, ${kB(Math.ceil(nameRaw / 3) * 4)} base64`)
