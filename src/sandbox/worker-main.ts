import { parentPort } from 'node:worker_threads'
import type { HostCall, HostFunction, HostReply, SandboxReply, SandboxRequest } from './protocol.js'
import { fromWire, toWire } from './protocol.js'

/**
 * The sandbox worker's side: imports a module by URL and calls one of its exports with the
 * arguments it was sent. It runs code from outside (a theme's helpers, a JSON Resume theme's
 * render, a renderer plugin), which may loop forever; the main thread stays free to answer signals
 * and deadlines and terminates this thread when either comes.
 */
const port = parentPort
if (!port) throw new Error('worker-main runs as a worker thread')

const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
let nextSeq = 1

/** Calls `name` on the main thread for request `id` (a plugin's ctx.html(), its prints, its log). */
const hostFor =
  (id: number): HostFunction =>
  (name, ...args) =>
    new Promise((resolve, reject) => {
      const seq = nextSeq++
      waiting.set(seq, { resolve, reject })
      port.postMessage({ kind: 'host', id, seq, name, args } satisfies HostCall)
    })

port.on('message', async (message: SandboxRequest | HostReply) => {
  if (message.kind === 'host-reply') {
    const w = waiting.get(message.seq)
    waiting.delete(message.seq)
    if (message.ok) w?.resolve(message.value)
    else w?.reject(fromWire(message.error))
    return
  }
  const request = message
  let reply: SandboxReply
  try {
    const module = (await import(request.module)) as Record<string, unknown>
    if (request.name === undefined) {
      reply = { id: request.id, ok: true, value: undefined }
    } else {
      const fn = module[request.name]
      if (typeof fn !== 'function') throw new Error(`${request.module} has no function ${request.name}`)
      const args = request.host ? [...request.args, hostFor(request.id)] : request.args
      reply = { id: request.id, ok: true, value: await fn(...args) }
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
