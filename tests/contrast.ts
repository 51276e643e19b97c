import type { Page } from 'puppeteer-core'

/** sRGB bytes of any CSS colour, as the browser paints it (relative colours and gamut mapping included). */
export async function paintedColours(page: Page, colours: string[]): Promise<Array<[number, number, number]>> {
  return page.evaluate((list) => {
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 1
    const ctx = canvas.getContext('2d')!
    return list.map((c) => {
      ctx.clearRect(0, 0, 1, 1)
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, 1, 1)
      ctx.fillStyle = c
      ctx.fillRect(0, 0, 1, 1)
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data
      return [r!, g!, b!] as [number, number, number]
    })
  }, colours)
}

/** WCAG 2 contrast ratio of two sRGB colours (1 to 21). */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const luminance = (rgb: [number, number, number]) => {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number]
  return (x + 0.05) / (y + 0.05)
}
