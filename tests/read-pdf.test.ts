import { degrees, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { pdfDate, readPdf } from './read-pdf.js'

// The PDF reader the other tests stand on, checked against PDFs whose every fact we wrote ourselves.

async function sample(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const font = await doc.embedStandardFont(StandardFonts.Helvetica)
  const bold = await doc.embedStandardFont(StandardFonts.HelveticaBold)
  const first = doc.addPage([612, 792])
  first.drawText('Top line', { x: 72, y: 720, size: 20, font: bold })
  first.drawText('Second line', { x: 72, y: 690, size: 10, font })
  const second = doc.addPage([842, 595])
  second.setRotation(degrees(90))
  second.drawText('On page two', { x: 50, y: 500, size: 12, font })
  const link = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [72, 680, 200, 700],
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of('https://example.com/a?b=1') },
  })
  first.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]))
  doc.setTitle('Zoë – Résumé')
  doc.setAuthor('Zoë')
  doc.setSubject('Tester')
  doc.setKeywords(['C++', 'Spring Boot'])
  doc.setCreator('vitae')
  doc.setCreationDate(new Date('2023-11-14T22:13:20Z'))
  return doc.save({ useObjectStreams: false })
}

describe('readPdf', () => {
  it('reads pages, sizes, properties, links and text in order', async () => {
    const pdf = await readPdf(await sample())
    expect(pdf.pages).toBe(2)
    expect(pdf.pageSizes).toEqual([
      { width: 612, height: 792 },
      { width: 595, height: 842 },
    ])
    expect(pdf.info).toMatchObject({ Title: 'Zoë – Résumé', Author: 'Zoë', Subject: 'Tester', Keywords: 'C++ Spring Boot', Creator: 'vitae' })
    expect(pdfDate(pdf.info.CreationDate)?.toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(pdf.links).toEqual(['https://example.com/a?b=1'])
    expect(pdf.text).toBe('Top line\nSecond line\nOn page two')
    expect(pdf.warnings).toEqual([])
    expect(pdf.tagged).toBe(false)
  })

  it('gives each run its page, baseline position (points, origin bottom-left), size and font', async () => {
    const { items } = await readPdf(await sample())
    expect(items.map((i) => [i.page, i.str, Math.round(i.x), Math.round(i.y), i.height, i.fontName, i.bold])).toEqual([
      [1, 'Top line', 72, 720, 20, 'Helvetica-Bold', true],
      [1, 'Second line', 72, 690, 10, 'Helvetica', false],
      [2, 'On page two', 50, 500, 12, 'Helvetica', false],
    ])
    expect(items[0]!.width).toBeGreaterThan(items[1]!.width * 0.5)
    expect(items.every((i) => i.str !== '')).toBe(true)
  })

  it('tells a font that is not in the file from one that is', async () => {
    const { fonts } = await readPdf(await sample())
    expect(fonts).toEqual([
      { name: 'Helvetica-Bold', embedded: false },
      { name: 'Helvetica', embedded: false },
    ])
  })

  it('reports a cross-reference table that needs repair', async () => {
    const bytes = Buffer.from(await sample())
    const at = bytes.indexOf('1 0 obj')
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from('% shifted\n'), bytes.subarray(at)])
    const pdf = await readPdf(broken)
    expect(pdf.warnings.join('\n')).not.toBe('')
  })

  it('parses PDF dates with an offset', () => {
    expect(pdfDate("D:20231114231320+01'00'")?.toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(pdfDate('nope')).toBeUndefined()
  })
})
