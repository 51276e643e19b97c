import { describe, expect, it } from 'vitest'
import { cdnFiles, isScriptUrl } from '../../src/themes/cdn-packages.js'

// Issue 21: the CDN files JSON Resume themes link, and the npm package holding each.
describe('cdnFiles', () => {
  it.each([
    ['https://maxcdn.bootstrapcdn.com/bootstrap/3.3.7/css/bootstrap.min.css', 'bootstrap', ['dist/css/bootstrap.min.css'], 'npm install bootstrap@3'],
    ['https://stackpath.bootstrapcdn.com/bootstrap/4.5.2/css/bootstrap.min.css', 'bootstrap', ['dist/css/bootstrap.min.css'], 'npm install bootstrap@4'],
    ['//cdnjs.cloudflare.com/ajax/libs/twitter-bootstrap/3.3.6/css/bootstrap.min.css', 'bootstrap', ['dist/css/bootstrap.min.css'], 'npm install bootstrap@3'],
    ['https://maxcdn.bootstrapcdn.com/font-awesome/4.7.0/css/font-awesome.min.css', 'font-awesome', ['css/font-awesome.min.css'], 'npm install font-awesome@4'],
    [
      'https://cdnjs.cloudflare.com/ajax/libs/font-awesome/5.14.0/css/all.min.css',
      '@fortawesome/fontawesome-free',
      ['css/all.min.css'],
      'npm install @fortawesome/fontawesome-free@5',
    ],
    ['https://use.fontawesome.com/releases/v5.8.1/css/all.css', '@fortawesome/fontawesome-free', ['css/all.css'], 'npm install @fortawesome/fontawesome-free@5'],
    [
      '//unpkg.com/jsonresume-theme-elegant@1.12.0/assets/icomoon/fonts/icomoon.ttf?f218wo',
      'jsonresume-theme-elegant',
      ['assets/icomoon/fonts/icomoon.ttf'],
      'npm install jsonresume-theme-elegant@1',
    ],
    ['https://cdn.jsdelivr.net/npm/@fontsource/inter@5/400.css', '@fontsource/inter', ['400.css'], 'npm install @fontsource/inter@5'],
    ['https://fonts.googleapis.com/css?family=Open+Sans:400,600,700i', '@fontsource/open-sans', ['400.css', '600.css', '700-italic.css'], 'npm install @fontsource/open-sans'],
    [
      'https://fonts.googleapis.com/css2?family=Open+Sans:ital,wght@0,400;1,700&display=swap',
      '@fontsource/open-sans',
      ['400.css', '700-italic.css'],
      'npm install @fontsource/open-sans',
    ],
    ['https://fonts.googleapis.com/css?family=Lato', '@fontsource/lato', ['400.css'], 'npm install @fontsource/lato'],
  ])('%s', (url, pkg, paths, install) => {
    expect(cdnFiles(url)[0]).toEqual({ pkg, paths, install })
  })

  it('names every family of a Google Fonts URL', () => {
    expect(cdnFiles('https://fonts.googleapis.com/css2?family=Lato:wght@700&family=Roboto+Mono').map((f) => f.pkg)).toEqual(['@fontsource/lato', '@fontsource/roboto-mono'])
    expect(cdnFiles('https://fonts.googleapis.com/css?family=Lato|Merriweather:300').map((f) => f.paths)).toEqual([['400.css'], ['300.css']])
  })

  it('knows nothing of other addresses, and that scripts need nothing', () => {
    expect(cdnFiles('https://s.gravatar.com/avatar/0d62?s=100')).toEqual([])
    expect(cdnFiles('https://example.com/style.css')).toEqual([])
    expect(isScriptUrl('https://ajax.googleapis.com/ajax/libs/jquery/1.11.0/jquery.min.js')).toBe(true)
    expect(isScriptUrl('https://maxcdn.bootstrapcdn.com/bootstrap/3.3.7/css/bootstrap.min.css')).toBe(false)
  })
})
