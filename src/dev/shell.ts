/**
 * The page the browser opens. The document itself carries a strict CSP and no script, so the live
 * reload lives here: on each `state` event it loads the new document into a hidden frame and,
 * once that has loaded, swaps the frames (keeping the scroll position): no blank flash. Problems
 * show in a panel above the last good document. Test hooks: `data-version` and `data-state` on <html>.
 */
export function shellPage(options: { title: string; pdf: boolean; nonce: string }): string {
  const { nonce } = options
  return `<!doctype html>
<html lang="en" data-version="0" data-state="building">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · resume dev</title>
<style nonce="${nonce}">
  html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, sans-serif; background: #e8e8ec; color: #222; }
  body { display: flex; flex-direction: column; }
  header { display: flex; gap: 1em; align-items: baseline; padding: 6px 12px; background: #fff; border-bottom: 1px solid #ccc; }
  header strong { font-weight: 600; }
  #status { color: #666; }
  html[data-state="error"] #status { color: #b00020; }
  #problems, #warnings { margin: 0; padding: 10px 12px; white-space: pre-wrap; font: 12px/1.45 ui-monospace, Menlo, Consolas, monospace; overflow: auto; max-height: 45vh; }
  #problems { background: #fff0f0; color: #7a0016; border-bottom: 2px solid #b00020; }
  #warnings { background: #fffbe6; color: #6b4e00; border-bottom: 1px solid #e0c060; }
  main { flex: 1; display: flex; gap: 8px; padding: 8px; min-height: 0; }
  .pane { position: relative; flex: 1; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
  .pane iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; visibility: hidden; }
  .pane iframe.shown { visibility: visible; }
  .pane p { margin: 2em; color: #888; }
</style>
</head>
<body>
<header><strong>resume dev</strong><span>${escapeHtml(options.title)}</span><span id="status">building…</span></header>
<pre id="problems" hidden></pre>
<pre id="warnings" hidden></pre>
<main>
  <div class="pane" id="html"><p class="empty">Waiting for the first build…</p>
    <iframe title="resume" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
    <iframe title="resume" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
  </div>
  ${options.pdf ? `<div class="pane" id="pdf"><p class="empty">Waiting for the first PDF…</p><iframe title="PDF"></iframe><iframe title="PDF"></iframe></div>` : ''}
</main>
<script nonce="${nonce}">
(() => {
  const root = document.documentElement
  const $ = (id) => document.getElementById(id)
  const pane = (id, url, keepScroll) => {
    const el = $(id)
    if (!el) return undefined
    const frames = [...el.querySelectorAll('iframe')]
    let front, wanted = 0, shown = 0
    return {
      get shown() { return shown },
      show(version, done) {
        if (version <= shown || version === wanted) return
        wanted = version
        const back = frames.find((f) => f !== front)
        back.onload = () => {
          if (version !== wanted) return
          try {
            const doc = back.contentDocument
            if (doc) for (const a of doc.querySelectorAll('a[href]')) { a.target = '_blank'; a.rel = 'noopener noreferrer' }
            if (keepScroll && front && front.contentWindow && back.contentWindow) back.contentWindow.scrollTo(front.contentWindow.scrollX, front.contentWindow.scrollY)
          } catch {}
          back.classList.add('shown')
          if (front) front.classList.remove('shown')
          front = back
          shown = version
          const empty = el.querySelector('.empty')
          if (empty) empty.remove()
          done(version)
        }
        back.src = url + '?v=' + version
      },
    }
  }
  const html = pane('html', '/document.html', true)
  const pdf = pane('pdf', '/document.pdf', false)
  const status = $('status')
  const events = new EventSource('/events')
  events.addEventListener('state', (event) => {
    const s = JSON.parse(event.data)
    $('problems').textContent = s.problems || ''
    $('problems').hidden = !s.problems
    $('warnings').textContent = s.warnings || ''
    $('warnings').hidden = !s.warnings
    root.dataset.state = s.problems ? 'error' : s.version ? 'ok' : 'building'
    status.textContent = s.problems ? 'the last save has problems; showing the last good version' : s.version ? 'up to date · ' + new Date(s.at).toLocaleTimeString() + ' (' + s.ms + ' ms)' : 'building…'
    if (s.version) html.show(s.version, (v) => { root.dataset.version = String(v) })
    if (pdf && s.pdfVersion) pdf.show(s.pdfVersion, (v) => { root.dataset.pdfVersion = String(v) })
  })
  events.onerror = () => { status.textContent = 'disconnected: is resume dev still running?' }
})()
</script>
</body>
</html>
`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
