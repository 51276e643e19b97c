/**
 * What a binary file is, by its first bytes, for a message that names it ("a ZIP archive")
 * instead of calling it text in a wrong encoding. Undefined for anything else.
 */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    // Word and OpenDocument files are ZIP archives too; their first entry names them.
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
    if (head.includes('word/') || head.includes('[Content_Types].xml')) return 'a Word document (.docx)'
    if (head.includes('application/vnd.oasis.opendocument')) return 'an OpenDocument file'
    return 'a ZIP archive'
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF'
  if (starts(0x1f, 0x8b)) return 'a gzip archive'
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return 'a 7-Zip archive'
  if (starts(0x52, 0x61, 0x72, 0x21)) return 'a RAR archive'
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image'
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image'
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Word or Excel document (.doc, .xls)'
  return undefined
}
