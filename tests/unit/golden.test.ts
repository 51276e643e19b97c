import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { plan } from '../../src/pipeline/plan.js'
import { prepareTarget } from '../../src/pipeline/prepare.js'
import { BuildServices } from '../../src/pipeline/services.js'
import { renderDocx } from '../../src/renderers/docx.js'
import { ROOT, SEED } from '../helpers.js'

/**
 * The seed's HTML body and DOCX document.xml, compared with files in tests/golden/. They change
 * only on purpose: `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts` rewrites them, and
 * the diff shows in review what a change did to the documents.
 */
const GOLDEN = join(ROOT, 'tests/golden')
const update = process.env.UPDATE_GOLDEN === '1'
const REFRESH = 'UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts'

/**
 * Compares `actual` with the golden file `name` in `dir`. A missing golden file is a failure, not
 * a pass: writing it here would let a test that lost its file compare the output with itself.
 */
function matchGolden(name: string, actual: string, dir = GOLDEN, refresh = update): void {
  const file = join(dir, name)
  if (refresh) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, actual)
    return
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run ${REFRESH} and commit it`)
  expect(actual, `${name} differs from its golden file; if the change is intended, run ${REFRESH}`).toBe(readFileSync(file, 'utf8'))
}

async function seedDocument() {
  const p = await plan(SEED)
  const services = new BuildServices({ timeoutMs: 30_000, log: () => undefined })
  const { document } = await prepareTarget(p, p.targets[0]!, {}, services)
  return { ...document, timeout: 30_000, log: () => undefined, sourceDate: new Date(0) }
}

describe('golden files', () => {
  it('a missing golden file fails and writes nothing; UPDATE_GOLDEN=1 writes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitae-golden-'))
    try {
      expect(() => matchGolden('gone.html', '<p>x</p>', dir, false)).toThrow(/gone\.html is missing: run UPDATE_GOLDEN=1/)
      expect(existsSync(join(dir, 'gone.html'))).toBe(false)
      matchGolden('gone.html', '<p>x</p>', dir, true)
      expect(readFileSync(join(dir, 'gone.html'), 'utf8')).toBe('<p>x</p>')
      expect(() => matchGolden('gone.html', '<p>y</p>', dir, false)).toThrow(/differs from its golden file/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the seed HTML body', async () => {
    const html = await (await seedDocument()).html()
    const body = /<body[\s\S]*<\/body>/.exec(html)?.[0] ?? ''
    expect(body.length).toBeGreaterThan(1000)
    matchGolden('seed-body.html', `${body.replace(/>\s*</g, '>\n<')}\n`)
  })

  it('the seed DOCX document.xml', async () => {
    const bytes = await renderDocx(await seedDocument())
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    matchGolden('seed-document.xml', `${xml.replace(/></g, '>\n<')}\n`)
  })
})
