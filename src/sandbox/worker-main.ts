import { parentPort } from 'node:worker_threads'
import type { SandboxReply, SandboxRequest } from './protocol.js'
import { toWire } from './protocol.js'

/**
 * The sandbox worker's side: imports a module by URL and calls one of its exports with the
 * arguments it was sent. It runs code from outside (a theme's helpers, a JSON Resume theme's
 * render), which may loop forever; the main thread stays free to answer signals and deadlines
 * and terminates this thread when either comes.
 */
const port = parentPort
if (!port) throw new Error('worker-main runs as a worker thread')

port.on('message', async (request: SandboxRequest) => {
  let reply: SandboxReply
  try {
    const module = (await import(request.module)) as Record<string, unknown>
    if (request.name === undefined) {
      reply = { id: request.id, ok: true, value: undefined }
    } else {
      const fn = module[request.name]
      if (typeof fn !== 'function') throw new Error(`${request.module} has no function ${request.name}`)
      reply = { id: request.id, ok: true, value: await fn(...request.args) }
    }
  } catch (error) {
    reply = { id: request.id, ok: false, error: toWire(error) }
  }
  try {
    port.postMessage(reply)
  } catch (error) {
    // A value that cannot be cloned (a function, a class instance with private state).
    port.postMessage({ id: request.id, ok: false, error: toWire(error) } satisfies SandboxReply)
  }
})
