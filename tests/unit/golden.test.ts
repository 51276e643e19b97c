import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

function matchGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name)
  if (update || !existsSync(file)) {
    if (!update && process.env.CI) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 and commit it`)
    mkdirSync(GOLDEN, { recursive: true })
    writeFileSync(file, actual)
    return
  }
  expect(actual, `${name} differs from its golden file; if the change is intended, run UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts`).toBe(readFileSync(file, 'utf8'))
}

async function seedDocument() {
  const p = await plan(SEED)
  const services = new BuildServices({ timeoutMs: 30_000, log: () => undefined })
  const { document } = await prepareTarget(p, p.targets[0]!, {}, services)
  return { ...document, timeout: 30_000, log: () => undefined, sourceDate: new Date(0) }
}

describe('golden files', () => {
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
