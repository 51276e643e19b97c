import { LineCounter, parseDocument } from 'yaml'
import type { Source } from '../core/source.js'

/**
 * A theme.json read with positions (JSON is YAML 1.2), so a problem in a manifest is reported at
 * its own line and column like a problem in a resume. Returns undefined when the JSON is broken;
 * the caller reports JSON.parse's message then.
 */
export function manifestSource(text: string, file: string): Source | undefined {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) return undefined
  return { file, text, doc, lineCounter, data: doc.toJS() }
}
