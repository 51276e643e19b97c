import { type Diagnostic, type ErrorKind, VitaeError } from '../diagnostics/diagnostic.js'

/** One call into the sandbox: `name` exported by `module` (a file URL), called with `args`; no name only loads the module. */
export interface SandboxRequest {
  id: number
  module: string
  name?: string
  args: unknown[]
}

export type SandboxReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError }

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
