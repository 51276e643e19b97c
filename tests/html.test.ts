import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli, seedCopy, tempDir } from './helpers.js'

/** The visible text of an HTML document, in order, with tags dropped and entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<head[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
}

describe('HTML build of the seed resume', () => {
  let html = ''
  let stdout = ''
  beforeAll(async () => {
    const dir = seedCopy()
    const result = await runCli(['build', '--format', 'html'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    stdout = result.stdout
    html = readFileSync(join(dir, 'dist/resume.html'), 'utf8')
  })

  it('prints one line for the artifact: path, size and time', () => {
    expect(stdout).toMatch(/^dist\/resume\.html {2}\d+(\.\d)? kB {2}\d+ ms$/m)
  })

  it('holds every fact of the seed, in the order of the seed', () => {
    const text = visibleText(html)
    const inOrder = [
      'Hayes Zhao',
      'hayes.zhao09@gmail.com',
      '703-915-8580',
      'www.linkedin.com/in/hayes-zhao',
      'Computer Engineer (M.S.) with a proven track record',
      'Education',
      'MS. Computer Engineering',
      'George Washington University',
      'Washington, DC',
      '2023 – 2025',
      'Focus on AI infrastructure. Awarded Graduate Research Assistant. Scholar. Nominated to Sigma Xi.',
      'BS. Electrical Engineering',
      'Tianjin University of Technology and Education',
      'Tianjin, CN',
      '2019 – 2023',
      'Focus and machine learning applications. Awarded in CICSIC.',
      'Experience',
      'Graduate Research Assistant',
      'Mar 2024 – Sep 2024',
      'Accelerated multi-accelerator inference throughput by 26.1%',
      'Optimized a custom C++ compiler',
      "Co-first-authored 'STARDUST'",
      'Deep Modularity Network(DMN) clustering',
      'Software Engineer Intern',
      'DHC Software',
      'Beijing, CN',
      'Jul 2022 – Dec 2022',
      'Scaled backend system throughput by 100x',
      'Modernized a monolithic architecture',
      'rollback protocols (TCC)',
      'abuse-prevention features',
      'Projects',
      'Distributed Key-Value storage system',
      '99.9% availability',
      'Reduced read latency by 42%',
      'scalable data migration',
      'MVCC for concurrency control',
      'H&M Personalized Fashion Recommendations',
      'Kaggle Contest',
      'Ranked 75th/3759, Silver medal',
      'Boosted recommendation quality (MAP@12) by 3–5%',
      'two-tower model',
      'negative sampling',
      'Awards & Honors',
      'Associate Membership',
      'Sigma Xi, The Scientific Research Honor Society',
      'Jul 2025',
      'Skills & Interests',
      'Programming Languages: Python, C/C++, Java, CUDA, SQL',
      'AI tools: PyTorch, TensorFlow, DeepSpeed, NeMo, JAX, VLLM, TensorRT',
      'Infrastructure & Tools: Redis, RocketMQ, RabbitMQ, TravisCI, Spring Boot/Cloud, DynamoDB, Node.js, Flask, FastAPI, Docker, Kubernetes, Git',
    ]
    let at = 0
    for (const fact of inOrder) {
      const found = text.indexOf(fact, at)
      expect(found, `"${fact}" after position ${at}`).toBeGreaterThanOrEqual(0)
      at = found + fact.length
    }
  })

  it('keeps the bold emphasis of the seed', () => {
    for (const bold of [
      'distributed high-performance systems',
      'Accelerated multi-accelerator inference throughput by 26.1%',
      'GNN-Transformer',
      'Nominated to Sigma Xi.',
      'reduced training sample requirements by 15x',
      'fine-tuned LightGBM',
    ]) {
      expect(html).toContain(`<strong>${bold}</strong>`)
    }
  })

  it('links the email, phone and LinkedIn', () => {
    expect(html).toContain('<a href="mailto:hayes.zhao09@gmail.com" dir="ltr">hayes.zhao09@gmail.com</a>')
    expect(html).toContain('<a href="tel:7039158580" dir="ltr">703-915-8580</a>')
    expect(html).toContain('<a href="https://www.linkedin.com/in/hayes-zhao" dir="ltr">www.linkedin.com/in/hayes-zhao</a>')
  })

  it('is self-contained: fonts inlined, nothing to fetch, a CSP that forbids fetching', () => {
    expect(html).toContain("default-src 'none'")
    expect(html).toMatch(/@font-face \{ font-family: "Source Sans 3"; [^}]*src: url\(data:font\/woff2;base64,/)
    expect(html).not.toMatch(/\ssrc=["'](?!data:)/)
    expect(html).not.toMatch(/url\((?!data:)/)
    expect(html).not.toMatch(/<link\b/)
    expect(html).not.toMatch(/<script\b/)
  })

  it('sets the page size and print rules', () => {
    expect(html).toContain('@page { size: Letter;')
    expect(html).toContain('@media print')
  })
})

describe('HTML escaping', () => {
  it('renders text that looks like HTML or Handlebars literally', async () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'resume.yaml'),
      [
        'basics:',
        '  name: "<script>alert(1)</script>"',
        '  label: "{{basics.name}} & {{{css}}}"',
        '  summary: "**bold** and <img src=x onerror=alert(1)> and [ok](https://example.com)"',
        'work:',
        '  - name: "Acme <b>Corp</b>"',
        '    position: Engineer',
        '    highlights: ["Used `<div>` and {{#each x}}"]',
        '',
      ].join('\n'),
    )
    const { code, stderr } = await runCli(['build', '--format', 'html'], { cwd: dir })
    expect(code, stderr).toBe(0)
    const html = readFileSync(join(dir, 'dist/resume.html'), 'utf8')
    const body = html.slice(html.indexOf('<body>'))
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).not.toContain('<script')
    expect(body).toContain('{{basics.name}} &amp; {{{css}}}')
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(body).not.toContain('<img')
    expect(body).toContain('<strong>bold</strong>')
    expect(body).toContain('<a href="https://example.com">ok</a>')
    expect(body).toContain('Acme &lt;b&gt;Corp&lt;/b&gt;')
    expect(body).toContain('<code>&lt;div&gt;</code> and {{#each x}}')
  })

  it('formats dates through Intl in the resume locale', async () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'resume.yaml'),
      'basics: {name: Ada}\nwork:\n  - {name: Acme, position: Dev, startDate: 2024-03, endDate: 2024-09}\n  - {name: Beta, position: Dev, startDate: 2024-10}\nmeta: {locale: de-DE}\n',
    )
    expect((await runCli(['build', '--format', 'html'], { cwd: dir })).code).toBe(0)
    const html = readFileSync(join(dir, 'dist/resume.html'), 'utf8')
    expect(html).toContain('März 2024 – Sept. 2024')
    expect(html).toContain('Okt. 2024 – heute')
    expect(html).toContain('<html lang="de-DE" dir="ltr">')
  })
})
