import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const heap = pathToFileURL(join(__dirname, '../../lib/dev/heap.js')).href

// In a child process: the flags it sets are the whole process's.
function run(script: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { holdDevHeap } from '${heap}'\n${script}`], { encoding: 'utf8' })
  expect(r.stderr).toBe('')
  return r.stdout.trim()
}

describe("resume dev's heap", () => {
  it('runs a full collection once a rebuild is out, one for a burst of asks', () => {
    const out = run(`
      import { PerformanceObserver, constants } from 'node:perf_hooks'
      let major = 0
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++ }).observe({ entryTypes: ['gc'] })
      const collect = holdDevHeap()
      collect(); collect(); collect()
      setTimeout(() => console.log(major), 50)
    `)
    expect(out).toBe('1')
  })

  // The same allocation in two processes, with and without holdDevHeap: only the second grows it.
  it('keeps the young generation small under a high allocation rate', () => {
    const allocate = `
      import v8 from 'node:v8'
      const keep = []
      for (let round = 0; round < 60; round++) { const a = []; for (let i = 0; i < 100000; i++) a.push({ i }); keep.push(a.length) }
      console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)`
    const held = Number(run(`holdDevHeap()\n${allocate}`))
    const grown = Number(run(`if (typeof holdDevHeap !== 'function') throw new Error()\n${allocate}`))
    expect(held).toBeLessThanOrEqual(2 * 2 ** 20)
    expect(grown).toBeGreaterThan(held * 4)
  })

  it("gives `gc` to no context made after it, a theme's worker included", () => {
    const out = run(`
      import { runInNewContext } from 'node:vm'
      import { Worker } from 'node:worker_threads'
      holdDevHeap()
      const w = new Worker("import('node:worker_threads').then((m) => m.parentPort.postMessage(typeof gc))", { eval: true })
      w.on('message', (m) => { console.log(runInNewContext('typeof gc'), m); w.terminate() })
    `)
    expect(out).toBe('undefined undefined')
  })
})
