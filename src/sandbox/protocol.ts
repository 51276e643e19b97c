import { type Diagnostic, type ErrorKind, VitaeError } from '../diagnostics/diagnostic.js'

/**
 * One call into the sandbox: `name` exported by `module` (a file URL), called with `args`; no name
 * only loads the module. With `host`, the function also gets, as its last argument, a way to call
 * back into the main thread (src/sandbox/host.ts): a plugin asking for the document's HTML or a print.
 */
export interface SandboxRequest {
  kind?: 'call'
  id: number
  module: string
  name?: string
  args: unknown[]
  host?: boolean
}

export type SandboxReply = { kind?: 'reply'; id: number; ok: true; value: unknown } | { kind?: 'reply'; id: number; ok: false; error: WireError }

/** The worker asks the main thread, on behalf of call `id`, for `name(...args)`; `seq` pairs the answer. */
export interface HostCall {
  kind: 'host'
  id: number
  seq: number
  name: string
  args: unknown[]
}

export type HostReply = { kind: 'host-reply'; seq: number; ok: true; value: unknown } | { kind: 'host-reply'; seq: number; ok: false; error: WireError }

/** What a function called with `host` uses to reach the main thread. */
export type HostFunction = (name: string, ...args: unknown[]) => Promise<unknown>

/** An error as it crosses threads: a VitaeError keeps its kind and diagnostics, anything else its message. */
export interface WireError {
  message: string
  name?: string
  stack?: string
  kind?: ErrorKind
  diagnostics?: Diagnostic[]
}

export function toWire(error: unknown): WireError {
  if (error instanceof VitaeError) return { message: error.message, name: error.name, kind: error.kind, diagnostics: error.diagnostics }
  if (error instanceof Error) return { message: error.message, name: error.name, stack: error.stack }
  return { message: String(error) }
}

export function fromWire(wire: WireError): Error {
  if (wire.kind && wire.diagnostics) return new VitaeError(wire.kind, wire.diagnostics)
  const error = new Error(wire.message)
  if (wire.name) error.name = wire.name
  if (wire.stack) error.stack = wire.stack
  return error
}
