import { type Document, isScalar, visit } from 'yaml'
import { toData } from '../core/load.js'

/**
 * The data of a parsed file with each number that its text writes differently kept as written:
 * `"gpa": 4.0` stays "4.0" (not 4), a postal code `02139` stays "02139", `3.50` stays "3.50". Every
 * field of ours that takes a number-looking value (a grade, a postal code, a phone) is text, so
 * the digits the person typed are the value. Numbers that read back the same (`7`) are left alone.
 */
export function dataAsWritten(doc: Document.Parsed): unknown {
  const copy = doc.clone()
  visit(copy, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'number' || !isScalar(node)) return
      const written = node.source?.trim()
      if (written && written !== String(node.value) && /^[-+]?[\d_.]+(e[-+]?\d+)?$/i.test(written)) node.value = written
    },
  })
  // The loader's own linear conversion: the file has passed its alias bound already.
  return toData(copy.contents)
}
