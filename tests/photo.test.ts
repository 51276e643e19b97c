import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempDir } from './helpers.js'

// The smallest PNG: one transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

function project(image: string | undefined, photoTheme = true): string {
  const dir = tempDir()
  const theme = join(dir, 'templates/portrait')
  mkdirSync(theme, { recursive: true })
  writeFileSync(join(theme, 'theme.json'), JSON.stringify({ name: 'portrait', template: 'resume.hbs', sections: ['summary', 'work'], photo: photoTheme }))
  writeFileSync(
    join(theme, 'resume.hbs'),
    '<!doctype html><html><head><style>{{{css}}}</style></head><body>{{#if photo}}<img class="photo" src="{{photo}}">{{/if}}<h1>{{resume.basics.name}}</h1></body></html>',
  )
  writeFileSync(join(dir, 'resume.yaml'), `basics:\n  name: Ada Lovelace\n${image === undefined ? '' : `  image: ${JSON.stringify(image)}\n`}meta:\n  theme: portrait\n`)
  return dir
}

const build = (dir: string, format = 'html') => runCli(['build', 'resume.yaml', '-f', format, '-o', 'out', '--json'], { cwd: dir })

describe('photos', () => {
  it('a local PNG is inlined as a data: URL, whatever its extension says', async () => {
    const dir = project('me.jpg')
    writeFileSync(join(dir, 'me.jpg'), PNG)
    const r = await build(dir)
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out/resume.html'), 'utf8')).toContain('src="data:image/png;base64,iVBORw0KGgo')
  })

  it('a path that leaves the resume folder, through a symlink too, is exit 4 at basics.image', async () => {
    const outside = tempDir()
    writeFileSync(join(outside, 'secret.png'), PNG)
    const dir = project('link.png')
    symlinkSync(join(outside, 'secret.png'), join(dir, 'link.png'))
    const r = await build(dir)
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/resume\.yaml:3:10: error\[PHOTO\]: basics\.image link\.png is outside the resume's folder/)
    const dotdot = project(`../${'x'}.png`)
    expect((await build(dotdot)).code).toBe(4)
  })

  it('a missing file, or a file that is not PNG, JPEG or WebP, is exit 4', async () => {
    const missing = await build(project('nope.png'))
    expect(missing.code).toBe(4)
    expect(missing.stderr).toContain('resume.yaml:3:10: error[PHOTO]: basics.image: there is no file nope.png')
    const dir = project('fake.png')
    writeFileSync(join(dir, 'fake.png'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    const wrong = await build(dir)
    expect(wrong.code).toBe(4)
    expect(wrong.stderr).toContain('is not a PNG, JPEG or WebP image')
  })

  it('a remote URL is never fetched: a warning, and no photo', async () => {
    const dir = project('https://example.com/me.png')
    const r = await build(dir)
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).warnings.map((w: { code: string }) => w.code)).toContain('PHOTO_REMOTE')
    expect(readFileSync(join(dir, 'out/resume.html'), 'utf8')).not.toContain('<img')
  })

  it('a theme without photo support ignores the image silently', async () => {
    const dir = project('nope.png', false)
    const r = await build(dir)
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).warnings).toEqual([])
  })
})
