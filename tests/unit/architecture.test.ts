import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, tempDir } from '../helpers.js'

// scripts/check-architecture.mjs, run by `npm run lint`, on small repositories of its own.

const MAP = `# x

### Where things are

\`\`\`
src/index.ts            the API
                        → app core
src/app/                the commands
                        → any (nothing imports app)
src/core/               the stages
                        → page
src/page/               lengths
                        → nothing (a leaf)
tests/                  the tests
\`\`\`

The arrows point down; \`src/core/\` is pure.
`

function repo(files: Record<string, string>): string {
  const dir = tempDir('vitae-arch-')
  for (const [path, text] of Object.entries({ 'README.md': MAP, 'tests/a.test.ts': '', 'src/index.ts': "export * from './app/main.js'\n", ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

function check(dir: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check-architecture.mjs'), dir], { encoding: 'utf8' })
  return { code: r.status, out: r.stdout + r.stderr }
}

const LAYERS = {
  'src/app/main.ts': "import { stage } from '../core/stage.js'\nexport const main = stage\n",
  'src/core/stage.ts': "import type { Length } from '../page/length.js'\nexport const stage = (l: Length) => l\n",
  'src/page/length.ts': 'export type Length = string\n',
}

describe('the architecture check', () => {
  it('passes when every folder is mapped and every import follows its arrow', () => {
    const r = check(repo(LAYERS))
    expect(r.out).toContain('the map names all 3 folders of src/')
    expect(r.code).toBe(0)
  })

  it('fails on an import its arrow does not allow, type-only or across lines, naming file and line', () => {
    const r = check(repo({ ...LAYERS, 'src/page/length.ts': "export type Length = string\nimport type {\n  stage,\n} from '../core/stage.js'\n" }))
    expect(r.code).toBe(1)
    expect(r.out).toContain('src/page/length.ts:2: page may not import core (README.md map: page → nothing)')
  })

  it('fails when an import reaches up to the commands, and on dynamic imports', () => {
    const r = check(repo({ ...LAYERS, 'src/core/late.ts': "export const late = () => import('../app/main.js')\n" }))
    expect(r.code).toBe(1)
    expect(r.out).toContain('src/core/late.ts:1: core may not import app')
  })

  it('fails when a folder of src/ or of the repository is missing from the map', () => {
    const r = check(repo({ ...LAYERS, 'src/extra/x.ts': '', 'docs/a.md': '' }))
    expect(r.code).toBe(1)
    expect(r.out).toContain('src/extra/ is missing')
    expect(r.out).toContain('the folder docs/ is missing')
  })

  it('fails when the map names a folder that is gone, or arrows that loop', () => {
    const gone = check(repo({ 'src/app/main.ts': '', 'src/core/stage.ts': '' }))
    expect(gone.code).toBe(1)
    expect(gone.out).toContain('src/page does not exist')
    const loop = check(repo({ ...LAYERS, 'README.md': MAP.replace('→ nothing (a leaf)', '→ core') }))
    expect(loop.code).toBe(1)
    expect(loop.out).toContain('the arrows loop: core → page → core')
  })

  it('passes on this repository', () => {
    expect(check(ROOT).code).toBe(0)
  })
})
