import type { ConvertResult } from './common.js'
import { detectShape, type Shape } from './detect.js'
import { fromJsonResume } from './json-resume.js'
import { fromRenderCv } from './rendercv.js'
import { fromYamlResume } from './yamlresume.js'

export * from './common.js'
export * from './detect.js'
export { fromJsonResume, LEGACY_KEYS, legacyKeyFor } from './json-resume.js'
export { socialUrl } from './rendercv.js'

/** Detects the format of parsed data and converts it; `undefined` for a shape we do not know. */
export function convert(data: unknown): (ConvertResult & { shape: Exclude<Shape, 'unknown'> }) | undefined {
  const shape = detectShape(data)
  switch (shape) {
    case 'jsonresume':
      return { shape, ...fromJsonResume(data) }
    case 'rendercv':
      return { shape, ...fromRenderCv(data) }
    case 'yamlresume':
      return { shape, ...fromYamlResume(data) }
    default:
      return undefined
  }
}
