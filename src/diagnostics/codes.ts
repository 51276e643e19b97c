/**
 * Every diagnostic code the library can emit, grouped by the kind of failure it belongs to.
 * The README's "Exit codes" section lists exactly these (a test compares the two).
 */
export const CODES_BY_KIND = {
  usage: ['BAD_FLAG', 'BAD_ENV'],
  input: [
    'FILE_NOT_FOUND',
    'FILE_UNREADABLE',
    'INPUT_TOO_LARGE',
    'NOT_UTF8',
    'EMPTY_DOCUMENT',
    'MULTIPLE_DOCUMENTS',
    'ROOT_NOT_MAPPING',
    'YAML_SYNTAX',
    'DUPLICATE_KEY',
    'UNDEFINED_ALIAS',
    'ALIAS_LIMIT',
    'ALIAS_CYCLE',
    'TOO_DEEP',
    'YAML_VERSION',
    'YAML_TAG',
    'MERGE_KEY',
    'FORBIDDEN_KEY',
    'UNKNOWN_FORMAT',
    'POSTING_BINARY',
    'EMPTY_POSTING',
  ],
  validation: [
    'TYPE',
    'DATE_FORMAT',
    'DATE_INVALID',
    'FORMAT',
    'ENUM',
    'RANGE',
    'REQUIRED',
    'DUPLICATE_ITEM',
    'SCHEMA',
    'URL_SCHEME',
    'URL_INVALID',
    'CONTROL_CHAR',
    'INVISIBLE_CHAR',
    'SET_PATH',
    'VARIANT_NAME',
    'VARIANT_DUPLICATE',
    'OUTPUT_CONFLICT',
    'UNKNOWN_LOCALE',
    'FOREIGN_FORMAT',
    'EMPTY_RESUME',
    'PHOTO',
    'MATCH_BELOW',
  ],
  theme: ['THEME', 'TEMPLATE', 'PLUGIN'],
  render: ['BROWSER_NOT_FOUND', 'BROWSER_LAUNCH', 'PDF_FAILED', 'PNG_FAILED', 'RENDER_TIMEOUT', 'PAGE_LIMIT', 'DOCX', 'PLUGIN_FAILED'],
  output: ['WRITE_FAILED', 'OUTPUT_EXISTS'],
  /** Warnings: they fail a build only under strict. */
  warning: ['UNKNOWN_KEY', 'UNKNOWN_TAG', 'DATE_ORDER', 'IMPORT_DROPPED', 'LEGACY_KEY', 'THEME_NOT_INSTALLED', 'REMOTE_REFUSED', 'DOCX_FALLBACK', 'PHOTO_REMOTE', 'FIELD_OMITTED'],
} as const

type Values<T> = T[keyof T]
export type DiagnosticCode = Values<{ [K in keyof typeof CODES_BY_KIND]: (typeof CODES_BY_KIND)[K][number] }>
