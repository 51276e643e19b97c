/**
 * Keys older JSON Resume files still use, with their current names. `validate` and `build` read
 * them as the current key with one warning each; `resume import` rewrites them.
 */
export const LEGACY_KEYS: ReadonlyArray<{ readonly at: string; readonly from: string; readonly to: string }> = [
  { at: 'basics', from: 'picture', to: 'image' },
  { at: 'basics', from: 'website', to: 'url' },
  { at: 'work[]', from: 'company', to: 'name' },
  { at: 'work[]', from: 'website', to: 'url' },
  { at: 'volunteer[]', from: 'website', to: 'url' },
  { at: 'education[]', from: 'gpa', to: 'score' },
  { at: 'certificates[]', from: 'website', to: 'url' },
  { at: 'publications[]', from: 'website', to: 'url' },
  { at: 'projects[]', from: 'website', to: 'url' },
  { at: 'languages[]', from: 'name', to: 'language' },
  { at: 'languages[]', from: 'level', to: 'fluency' },
]

/**
 * The current name of a legacy key, or undefined. `container` is the path of the object holding
 * the key: `['basics']`, `['work', 3]`.
 */
export function legacyKeyFor(container: ReadonlyArray<string | number>, key: string): string | undefined {
  const at = container.length === 2 && typeof container[1] === 'number' ? `${container[0]}[]` : container.join('.')
  return LEGACY_KEYS.find((l) => l.at === at && l.from === key)?.to
}
