import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPosting } from '../../src/match/posting.js'
import { postingTerms } from '../../src/match/posting-terms.js'
import { measureExtraction } from '../../src/match/quality.js'
import { loadVocabulary } from '../../src/match/vocabulary.js'
import { FIXTURES, ROOT, tempDir } from '../helpers.js'

const vocab = loadVocabulary()
const dir = tempDir('vitae-match-')
let n = 0
/** The terms found in a posting written to a file, by name, with how strongly each is asked for. */
async function terms(text: string, ext = 'txt', using = vocab): Promise<Map<string, string>> {
  const file = join(dir, `p${n++}.${ext}`)
  writeFileSync(file, text)
  const found = postingTerms(await readPosting(file, async () => Buffer.alloc(0)), using)
  return new Map(found.map((t) => [t.term.name, t.importance]))
}

describe('term extraction on the annotated postings', () => {
  const annotations = JSON.parse(readFileSync(join(FIXTURES, 'postings/annotations.json'), 'utf8')) as Record<string, string[]>
  const heldOut = new Set((JSON.parse(readFileSync(join(FIXTURES, 'postings/held-out.json'), 'utf8')) as { heldOut: string[] }).heldOut)
  const some = (keep: boolean) => Object.fromEntries(Object.entries(annotations).filter(([file]) => heldOut.has(file) === keep))

  it('reaches precision and recall of 0.85 on the postings it was developed with', async () => {
    expect(Object.keys(some(false)).length).toBeGreaterThanOrEqual(25)
    const r = await measureExtraction(join(FIXTURES, 'postings'), some(false))
    console.log(`match extraction, development postings: ${r.postings.length} postings, ${r.gold} terms, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`)
    expect(r.precision).toBeGreaterThanOrEqual(0.85)
    expect(r.recall).toBeGreaterThanOrEqual(0.85)
  })

  // The held-out postings do NOT reach the 0.85 recall target, and since the ninth round (postings
  // in the shapes people paste them in) not the 0.85 precision target either (see README,
  // "Matching a job posting"): this only keeps what was reached from slipping back. Raise the
  // floors as the figures rise.
  it('keeps precision and recall from falling back on the held-out postings', async () => {
    expect(heldOut.size).toBeGreaterThanOrEqual(16)
    const r = await measureExtraction(join(FIXTURES, 'postings'), some(true))
    console.log(`match extraction, held-out postings: ${r.postings.length} postings, ${r.gold} terms, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`)
    // 0.853 and 0.837 measured over all ninety-seven rounds (the learned terms were learned from
    // them too); blind, the fourteenth to twenty-ninth 0.855 / 0.822, 0.843 / 0.792, 0.819 / 0.730,
    // 0.829 / 0.737, 0.836 / 0.681, 0.834 / 0.805, 0.776 / 0.728, 0.796 / 0.827, 0.827 / 0.895,
    // 0.824 / 0.813, 0.820 / 0.761, 0.805 / 0.720, 0.793 / 0.773, 0.787 / 0.730, 0.798 / 0.756 and
    // 0.787 / 0.762, then by four rounds 0.815 / 0.804, 0.805 / 0.761 and 0.799 / 0.746, and by
    // eight 0.818 / 0.777, 0.820 / 0.795, 0.800 / 0.756, 0.816 / 0.755, 0.814 / 0.761, 0.829 / 0.777 and 0.806 / 0.747. Both floors sit below
    // the figures: each batch of blind rounds merged lowers them until the vocabulary is learned
    // again (0.834 recall with the rounds sixty-six to seventy-three merged and not yet learned).
    expect(r.precision).toBeGreaterThanOrEqual(0.83)
    expect(r.recall).toBeGreaterThanOrEqual(0.83)
  })
})

describe('the vocabulary learned from the annotated postings', () => {
  // Learning reads every posting and runs the extractor on each: about 90 s on an idle 2-core machine
  // with 1,242 postings (200 s before terms were looked for only in postings with their first word).
  it('is what the postings teach: src/match/learned.yaml is written again by scripts/learn-vocabulary.mjs', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/learn-vocabulary.mjs'), '--check'], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  }, 360_000)

  it('leaves out the names read from shape that readers do not list, but not a name the user adds', async () => {
    const posting =
      'Requirements\n- Software Engineer III, payments platform\n- Profile CPU and memory use with perf and eBPF\n- Build Kafka consumers with retries, idempotency and backpressure\n'
    const unlearned = await terms(posting, 'txt', loadVocabulary({}, { learnedLeftOut: false }))
    const found = await terms(posting)
    for (const name of ['III', 'CPU']) {
      // Read from the posting's shape as before; left out as learned.
      expect(unlearned.has(name), `${name} in ${[...unlearned.keys()].join(', ')}`).toBe(true)
      expect(found.has(name), `${name} in ${[...found.keys()].join(', ')}`).toBe(false)
    }
    for (const name of ['Apache Kafka', 'idempotency', 'eBPF']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    // Nor a maker's name readers listed with its product's ("Bluebeam Revu"): it is no word they pass over.
    const maker = await terms('Requirements\n- Quantity takeoffs in Bluebeam and On-Screen Takeoff\n')
    expect(maker.has('Bluebeam'), [...maker.keys()].join(', ')).toBe(true)
    // A user who counts CPU as a term of their field gets it back.
    const own = await terms(posting, 'txt', loadVocabulary({ terms: ['CPU'] }))
    expect(own.has('CPU'), [...own.keys()].join(', ')).toBe(true)
  })

  it('leaves out a product a list holds that readers do not list, but not one they listed at the end of a longer name', async () => {
    // Simple Icons names products after "Datasets" and "Solid"; readers listed them in 2 of 43 and 1 of 18 postings.
    const posting = 'Requirements\n- Build training datasets with Python and Cassandra\n- Solid experience with Terraform\n- Datasets, Kubernetes and Airflow\n'
    const unlearned = await terms(posting, 'txt', loadVocabulary({}, { learnedLeftOut: false }))
    const found = await terms(posting)
    expect(unlearned.has('Datasets'), [...unlearned.keys()].join(', ')).toBe(true)
    expect(found.has('Datasets'), [...found.keys()].join(', ')).toBe(false)
    // "Cassandra", found alone where readers listed "Apache Cassandra", is theirs to keep.
    for (const name of ['Python', 'Terraform', 'Kubernetes', 'Apache Airflow']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    expect(
      [...found.keys()].some((n) => /Cassandra/.test(n)),
      [...found.keys()].join(', '),
    ).toBe(true)
  })

  it('reads a C++ standard as C++, and "VM" as a virtual machine, not VictoriaMetrics', async () => {
    const found = await terms('Requirements\n- Modern C++17 on Linux\n- Manage VM sprawl; VictoriaMetrics for metrics\n')
    expect(found.has('C++'), [...found.keys()].join(', ')).toBe(true)
    expect(found.get('VictoriaMetrics')).toBeDefined()
    const vm = await terms('Requirements\n- Provision each VM with Ansible\n')
    expect(vm.has('VictoriaMetrics'), [...vm.keys()].join(', ')).toBe(false)
  })

  it('finds a learned practice the way it finds a written one, a common word only with evidence', async () => {
    const found = await terms('Requirements\n- Advanced SQL: window functions and CTEs\n- Enforce row-level security on every table\n- Keep the printers running\n')
    for (const name of ['window functions', 'row-level security']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    expect(found.has('printers')).toBe(false)
  })

  it('finds a learned word no English list holds without evidence around it', async () => {
    const found = await terms('Requirements\n- Comfort reading kubectl output at 2 a.m.\n- Keep the printers running\n')
    expect(found.has('kubectl'), [...found.keys()].join(', ')).toBe(true)
    expect(found.has('printers')).toBe(false)
  })

  it('finds a learned English word without evidence where readers listed it in every posting that named it, not where they listed it less', async () => {
    // "commissioning": 7 of 7 postings; "printers": 8 of 12 (src/match/learned.yaml).
    const found = await terms('Requirements\n- Lead commissioning of new air handlers\n- Keep the printers running\n')
    expect(found.has('commissioning'), [...found.keys()].join(', ')).toBe(true)
    expect(found.has('printers')).toBe(false)
  })

  it('finds a learned product of several words in its capitals only: "Azure DevOps pipelines" is Azure DevOps', async () => {
    const found = await terms('Requirements\n- Ship through our Azure DevOps pipelines to AKS\n- Move the builds to Azure DevOps Pipelines\n')
    expect([...found.keys()].filter((n) => /DevOps/.test(n)).sort()).toEqual(['Azure DevOps', 'Azure DevOps Pipelines'])
    const lower = await terms('Requirements\n- Ship through our Azure DevOps pipelines to AKS\n')
    expect(lower.has('Azure DevOps Pipelines'), [...lower.keys()].join(', ')).toBe(false)
  })

  it("reads a practice's tests as its testing, a learned name of several words with a small first letter, and a learned product whose word the lists left out", async () => {
    const found = await terms(
      'Requirements\n- Write API tests and penetration tests for the payments service\n- Support reverse ETL syncs that push segments back to the CRM\n- Add contract tests with Pact between the app and the backend\n- Run 802.1X network access control\n',
    )
    for (const name of ['API testing', 'penetration testing', 'reverse ETL', 'Pact', '802.1X']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
  })
})

describe("the comparison with a reader's list", () => {
  it('reads "RESTful APIs" as REST on both sides, and "Bash scripting" as Bash, not the shell', async () => {
    const folder = tempDir('vitae-quality-')
    writeFileSync(join(folder, 'a.txt'), 'Requirements:\n- Consume RESTful APIs built by our .NET team\n- Automate the boring stuff with Bash scripting\n')
    const r = await measureExtraction(folder, { 'a.txt': ['RESTful APIs', '.NET', 'Bash'] })
    expect(r.postings[0]).toMatchObject({ missed: [], extra: [] })
  })

  it("names a certification by what it certifies on both sides, and a maker's cloud service with or without its maker", async () => {
    const folder = tempDir('vitae-quality-')
    writeFileSync(join(folder, 'a.txt'), 'Preferred:\n- A Google Cloud certification\n- Experience with AWS Application Load Balancer\n')
    const r = await measureExtraction(folder, { 'a.txt': ['Google Cloud Platform', 'Application Load Balancer'] })
    expect(r.postings[0]).toMatchObject({ missed: [], extra: [] })
  })

  it('names a standard without the conformance level the extractor reads apart: a reader\'s "WCAG 2.2 AA" is WCAG', async () => {
    const folder = tempDir('vitae-quality-')
    writeFileSync(join(folder, 'a.txt'), 'Requirements:\n- Build pages that meet WCAG 2.2 AA\n')
    const r = await measureExtraction(folder, { 'a.txt': ['WCAG 2.2 AA'] })
    expect(r.postings[0]).toMatchObject({ missed: [], extra: [] })
  })
})

describe('aliases and spellings', () => {
  it('puts JS, k8s, Postgres, Node and Golang under one name each', async () => {
    const found = await terms('We use JS and TypeScript, k8s, Postgres, Node and Golang.')
    expect([...found.keys()].sort()).toEqual(['Go', 'JavaScript', 'Kubernetes', 'Node.js', 'PostgreSQL', 'TypeScript'])
  })

  it('reads bash in lower case as Bash beside another shell or tool, not the word', async () => {
    // Readers listed Bash in all 125 annotated postings it was found in, 15 of those postings writing it "bash".
    const found = await terms('Requirements:\n- Unix shell scripts (ksh/bash) for file transfers\n')
    expect(found.has('Bash'), [...found.keys()].join(', ')).toBe(true)
    const party = await terms('Responsibilities:\n- Plan the summer bash for customers and partners\n')
    expect(party.has('Bash'), [...party.keys()].join(', ')).toBe(false)
  })

  it("names an Apache project or an AWS service one term, with its maker's name or without", async () => {
    const found = await terms('Requirements:\n- Apache Cassandra, and Cassandra for reads\n- Kafka or Pulsar, and Apache Pulsar for the queue\n- EventBridge and Amazon SQS\n')
    expect([...found.keys()].filter((n) => /Cassandra|Pulsar|EventBridge/.test(n)).sort()).toEqual(['Amazon EventBridge', 'Apache Pulsar', 'Cassandra'])
    // Not a name that only looks like one: Apache Beam is no BEAM (the Erlang machine), and
    // Lighthouse is Google's, not Azure Lighthouse.
    const apart = await terms('Requirements:\n- Apache Beam pipelines; Elixir on the BEAM\n- Lighthouse, WebPageTest and Azure Lighthouse\n')
    for (const name of ['Apache Beam', 'BEAM', 'Lighthouse', 'Azure Lighthouse']) expect(apart.has(name), [...apart.keys()].join(', ')).toBe(true)
  })

  it('tells C, C++, C# and .NET apart', async () => {
    const found = await terms('Requirements:\n- C and C++ for drivers\n- C# on .NET 8\n')
    for (const name of ['.NET', 'C', 'C#', 'C++']) expect(found.get(name), name).toBe('required')
    expect(found.has('.NET Framework')).toBe(false)
  })

  it('does not read a C grade, C-level or R&D as languages', async () => {
    const found = await terms('You will report to C-level leaders. Our R&D team ships. Grade C or better.')
    expect(found.has('C')).toBe(false)
    expect(found.has('R')).toBe(false)
  })

  it('reads Go the language, not go the verb', async () => {
    expect((await terms('Go deep on performance. Be ready to go the extra mile.')).has('Go')).toBe(false)
    expect((await terms('Write services in Go and gRPC.')).has('Go')).toBe(true)
    expect((await terms('Nice to have:\n- Go\n')).has('Go')).toBe(true)
  })

  it('leaves English words alone: swift, spark, rust, make, react, Excel at', async () => {
    const found = await terms('A swift hiring process. Ideas that spark joy. We react quickly and make an impact; no rust here.\n- Excel at explaining data to people\n')
    expect([...found.keys()]).toEqual([])
  })

  it('finds the same words when they name the tools', async () => {
    const found = await terms('Requirements:\n- Swift and SwiftUI\n- Apache Spark, Kafka\n- Rust or C++\n- Make and CMake\n- Advanced Excel and SQL\n')
    for (const name of ['Swift', 'Apache Spark', 'Rust', 'Make', 'Microsoft Excel']) expect(found.has(name), name).toBe(true)
  })

  it('reads agile in lower case as Agile where it names how a team works, not as the adjective', async () => {
    const found = await terms('Requirements\n- Comfort working in an agile team with two-week sprints\n- Take part in agile ceremonies\n')
    expect(found.has('Agile'), [...found.keys()].join(', ')).toBe(true)
    const adjective = await terms('Requirements\n- Stay agile as priorities shift\n')
    expect(adjective.has('Agile'), [...adjective.keys()].join(', ')).toBe(false)
  })

  it('folds plurals and multi-word terms: microservices, CI/CD, machine learning', async () => {
    const found = await terms('You have built microservices with CI/CD pipelines and Machine Learning models.')
    for (const name of ['microservices', 'CI/CD', 'machine learning']) expect(found.has(name), name).toBe(true)
  })

  it('reads the names the lists write with accents as they are written, in any case', () => {
    // The built vocabulary is UTF-8 read a byte a character (src/match/vocabulary.ts): these are the
    // few lines that are not ASCII, and the names after them are found at their places too.
    expect(vocab.termNamed('dassault systèmes')?.name).toBe('Dassault Systèmes')
    expect(vocab.termNamed('AEROMÉXICO')?.name).toBe('Aeroméxico')
    expect(vocab.starting('citroën').map((f) => f.text)).toContain('Citroën')
    expect(vocab.termNamed('postgresql')?.name).toBe('PostgreSQL')
    for (const place of ['Côte d’Ivoire', 'Curaçao', 'Türkiye', 'Germany']) expect(vocab.isRegion(place), place).toBe(true)
    expect(vocab.isRegion('Cote d’Ivoire')).toBe(false)
  })

  it('reads an accented word whole, and a word of another script apart from a Latin one', async () => {
    // Letters with accents were word breaks: "Montréal" gave the name "Montr", "Zürich" the name "Z".
    const found = await terms('- Python on AWS\n- Two on-sites a year (the last in Montréal, the next in Zürich)\n- 熟悉Python和Go, Kubernetes\n')
    expect([...found.keys()].sort()).toEqual(['Amazon Web Services', 'Go', 'Kubernetes', 'Python'])
  })

  it("reads no state, no state's body and no agency as a skill, and keeps a body's name a list holds", async () => {
    const found = await terms(
      '## Requirements\n- Python and SQL\n- Licensed by the Ohio State Board, or able to be within 90 days\n- Experience with Oregon Health Services Division reporting\n- Grants from the Federal Grants Services Agency\n- Surveys by The Joint Commission\n',
    )
    expect([...found.keys()].sort()).toEqual(['Python', 'SQL', 'The Joint Commission'])
  })

  it('reads no contraction that starts a sentence as a name', async () => {
    const found = await terms(
      "Hi Sam,\n\nI'm a recruiter at Northbeam Talent, and I'm working on a search.\n\nWhat they need:\n- Python and Kafka\n- We're on AWS; You'll use Terraform\n",
    )
    expect([...found.keys()].sort()).toEqual(['Amazon Web Services', 'Apache Kafka', 'Python', 'Terraform'])
  })

  it('reads a sentence that starts after a bold label as a sentence, its first word no name', async () => {
    const found = await terms(
      '## What you will do\n\n- **Infrastructure as code.** Own and refactor our Terraform modules\n- **Reliability.** Chase down flaky deploys in Argo CD\n',
      'md',
    )
    expect([...found.keys()].sort()).toEqual(['Argo CD', 'Terraform', 'infrastructure as code'])
  })

  it("reads nothing on a job board's line of links to its privacy policy", async () => {
    const found = await terms('Requirements\n- Python on Linux\n\n[Apply] [Save] [Share] | Privacy Policy | FOIA | Accessibility\n')
    expect([...found.keys()].sort()).toEqual(['Linux', 'Python'])
  })

  it('takes a user term and its aliases, and leaves out what the user ignores', async () => {
    const file = join(dir, 'user.txt')
    writeFileSync(file, 'Experience with Frobnicator (FBN) and Terraform.')
    const user = loadVocabulary({ terms: [{ name: 'Frobnicator', aliases: ['FBN'] }], ignore: ['Terraform'] })
    const found = postingTerms(await readPosting(file, async () => Buffer.alloc(0)), user).map((t) => t.term.name)
    expect(found).toEqual(['Frobnicator'])
  })
})

describe('required, preferred and boilerplate', () => {
  it('marks terms by the section and line that ask for them', async () => {
    const found = await terms(
      'What you will do\n- Build services with Django\n\nRequirements\n- Python and PostgreSQL\n\nNice to have\n- Terraform\n- Kafka is a plus\n\nBenefits\n- Free Docker stickers and a 401(k)\n',
    )
    expect(found.get('Python')).toBe('required')
    expect(found.get('PostgreSQL')).toBe('required')
    expect(found.get('Django')).toBe('mentioned')
    expect(found.get('Terraform')).toBe('preferred')
    expect(found.get('Apache Kafka')).toBe('preferred')
    expect(found.has('Docker')).toBe(false)
  })

  it('reads words of a line over its section: "Java (must)", "(BSN preferred)"', async () => {
    const found = await terms('Qualifications\n- Kotlin experience (preferred)\n\nBonus\n- Java (must)\n')
    expect(found.get('Kotlin')).toBe('preferred')
    expect(found.get('Java')).toBe('required')
  })

  it("reads a named team's section, and the job's section labelled in capitals after the blurb, as the job's", async () => {
    const email = await terms(
      'ABOUT US\nIron Sparrow is a family-owned carrier.\n\nTHE JOB: Regional Tank Driver - Hazmat\n- Log your hours on Samsara ELDs\n\nWHAT YOU NEED\n- Class A CDL\n',
    )
    expect(email.has('Samsara'), [...email.keys()].join(', ')).toBe(true)
    const team = await terms(
      '## About Hopline\nHopline runs shuttles in 14 cities.\n\n## About the Dispatch Platform team\nOur services use Redis and ship through Argo CD.\n\n## Meet the hiring team\nDana Kim, Kubernetes recruiter\n',
      'md',
    )
    for (const name of ['Redis', 'Argo CD']) expect(team.has(name), name).toBe(true)
    expect(team.has('Kubernetes')).toBe(false)
  })

  it('ignores equal-opportunity text and HTML scripts, styles and navigation', async () => {
    const html =
      '<html><head><style>.React{}</style><script>const Kubernetes = 1</script></head><body><nav>Python</nav><h2>Requirements</h2><ul><li>Go &amp; Rust</li></ul><p>We are an equal opportunity employer and use Salesforce to hire.</p></body></html>'
    const found = await terms(html, 'html')
    expect([...found.keys()].sort()).toEqual(['Go', 'Rust'])
    expect(found.get('Go')).toBe('required')
  })
})

describe('names no list holds, read from how a posting writes them', () => {
  it('takes a name spelled out before its acronym as one term, the acronym included', async () => {
    const found = await terms('Requirements:\n- Build quests with the Quest Scripting Framework (QSF) in C++\n- Extend QSF for designers\n')
    expect(found.has('Quest Scripting Framework')).toBe(true)
    expect(found.has('QSF')).toBe(false)
  })

  it('reads a small word of such a name as giving its letter when the acronym needs it, and as free when not', async () => {
    const found = await terms(
      'Requirements:\n- Manage bills of materials (BOMs) in SolidWorks\n- Engineer in Training (EIT) license\n- Benchmarks from the Center for Internet Security (CIS)\n',
    )
    for (const name of ['bills of materials', 'Engineer in Training', 'Center for Internet Security']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['BOM', 'EIT', 'CIS']) expect(found.has(name), name).toBe(false)
  })

  it('reads a common word as a name after a cue or in a list with a level between ("with basic statistics"), and an everyday word no list ranks as such only with evidence', async () => {
    const found = await terms('What you bring:\n- Comfort with basic statistics: distributions and correlation\n- Our reviewers notice every misplaced comma\n')
    expect(found.has('statistics'), [...found.keys()].join(', ')).toBe(true)
    expect(found.has('comma')).toBe(false)
    const listed = await terms('What you bring:\n- A/B testing and basic statistics\n')
    expect(listed.has('statistics'), [...listed.keys()].join(', ')).toBe(true)
  })

  it("reads no name in a posting's particulars: who the hire reports to, the hiring manager, the department", async () => {
    const found = await terms(
      '| Team | Resident Experience |\n| Hiring manager | Dana Okafor, Engineering Manager |\n\nReports To: Manager, Network & Security Operations\nDepartment: Information Technology - Infrastructure & Security\n\nRequirements\n- TypeScript and Angular\n',
      'md',
    )
    for (const name of ['TypeScript', 'Angular']) expect(found.has(name), name).toBe(true)
    for (const name of ['Dana Okafor', 'Network & Security Operations', 'Information Technology']) expect(found.has(name), name).toBe(false)
  })

  it('reads the practice a duty names by its verb and object: reviewing code, managing secrets, tracking experiments', async () => {
    const found = await terms(
      'Responsibilities\n- Write design docs and review pull requests from the community\n- Manage secrets with HashiCorp Vault\n- Track experiments in MLflow\n- Review the roadmap with product\n',
    )
    for (const name of ['code review', 'secrets management', 'experiment tracking', 'HashiCorp Vault', 'MLflow']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    expect([...found.keys()].some((name) => /roadmap/i.test(name))).toBe(false)
  })

  it('reads "What you\'ll bring" as the requirements\' heading', async () => {
    const found = await terms("What you'll do\n- Run our Kubernetes clusters\n\nWhat you'll bring\n- Terraform\n\nNice to have\n- Go\n")
    expect(Object.fromEntries(found)).toMatchObject({ Kubernetes: 'mentioned', Terraform: 'required', Go: 'preferred' })
  })

  it('reads no name inside a web or mail address', async () => {
    const found = await terms(
      '# Backend engineer\n[![build](https://img.shields.io/badge/Kotlin-Spring-green)](https://github.com/acme/jobs) see www.acme-python.io\n\nRequirements\n- Go and PostgreSQL\n- Apply to jobs@rust-lang.example.org\n',
      'md',
    )
    for (const name of ['Go', 'PostgreSQL']) expect(found.has(name), name).toBe(true)
    for (const name of ['HTTP', 'Kotlin', 'Spring', 'GitHub', 'Python', 'Rust']) expect(found.has(name), name).toBe(false)
  })

  it('gives such a term its acronym as its other name, which a resume may use instead', async () => {
    const file = join(dir, `p${n++}.txt`)
    writeFileSync(file, 'Requirements:\n- 2+ years in a Security Operations Center (SOC)\n- Experience with RFIs and shop drawings\n')
    const found = postingTerms(await readPosting(file, async () => Buffer.alloc(0)), vocab)
    expect(found.find((t) => t.term.name === 'Security Operations Center')?.term.aliases).toEqual(['SOC'])
  })

  it('carries a known name on through capitalised words, but stops at a job title or another name', async () => {
    const found = await terms('Requirements:\n- Tune alerts in Microsoft Purview and design GraphQL APIs\n- Report to the Salesforce Platform Manager\n')
    expect(found.has('Microsoft Purview')).toBe(true)
    expect(found.has('GraphQL')).toBe(true)
    expect([...found.keys()].some((n) => /Manager/.test(n))).toBe(false)
  })

  it('takes capitalised names listed beside known ones, along the whole list', async () => {
    const found = await terms('Requirements:\n- Our stack: Terraform, Spacelift, Atlantis and Infracost\n- Based in Toronto or remote\n')
    for (const name of ['Spacelift', 'Atlantis', 'Infracost']) expect(found.has(name), name).toBe(true)
    expect(found.has('Toronto')).toBe(false)
  })

  it('reads a name before "certification" as a certification', async () => {
    const found = await terms('Preferred:\n- Zendesk Support Administrator certification\n')
    expect(found.get('Zendesk Support Administrator certification')).toBe('preferred')
  })

  it('takes short lower-case items listed beside names, not phrases about the job', async () => {
    const found = await terms('Requirements:\n- Kubernetes, canary releases and feature flags\n- Python, strong communication skills\n')
    expect(found.has('canary releases')).toBe(true)
    expect(found.has('feature flags')).toBe(true)
    expect([...found.keys()].some((n) => /communication/.test(n))).toBe(false)
  })
})

describe('a capitalised word no dictionary has, after "in", "with", "using" on a requirement line', () => {
  it('is a name, but a place is not', async () => {
    const found = await terms('Responsibilities:\n- Coordinate models in Solibri and clash reports\n- Based in Saskatoon with travel to sites\n- Meet clients in Reykjavik, IS\n')
    expect(found.has('Solibri')).toBe(true)
    expect(found.has('Saskatoon')).toBe(false)
    expect(found.has('Reykjavik')).toBe(false)
  })
})

describe('practices and acronyms read from their shape on list items', () => {
  it('takes a practice named by a word and a head (testing, detection, modeling), not the verb before it', async () => {
    const found = await terms(
      'Requirements:\n- Own fraud detection and capacity modeling for the payments team\n- Run soak testing on new builds\n- Work with our in-house design team\n- Excellent written communication\n',
    )
    expect(found.has('fraud detection')).toBe(true)
    expect(found.has('capacity modeling')).toBe(true)
    expect(found.has('soak testing')).toBe(true)
    expect([...found.keys()].some((n) => /run soak|house design|communication/i.test(n))).toBe(false)
  })

  it("takes no practice from its shape alone when it is one word, or its last word is no practice's head", async () => {
    // Measured blind on rounds 114 to 153 (each batch with the vocabulary learned before it): readers
    // listed 3 of the 14 one-word practices read so, and 55 of the 185 phrases ending in any "-ing" word.
    const found = await terms('Responsibilities:\n- Handle caching with Varnish\n- Keep a real person waiting on a curb no longer than needed\n')
    expect(found.has('Varnish'), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['caching', 'person waiting']) expect(found.has(name), name).toBe(false)
  })

  it('takes an acronym on a list item, not one in a dashed word or a venue of papers', async () => {
    // (ICRA, a venue too, is a learned name now: readers listed it in 2 of the 3 postings naming it.)
    const found = await terms('Requirements:\n- Run CFD and FMEA reviews with suppliers\n- Publish at venues such as ISER or IROS\n- Keep ABET-accredited labs running\n')
    expect(found.has('CFD')).toBe(true)
    expect(found.has('FMEA')).toBe(true)
    for (const name of ['ISER', 'IROS', 'ABET']) expect(found.has(name), name).toBe(false)
  })

  it('names an acronym written in the plural by its singular: "CTEs" is CTE', async () => {
    const found = await terms('Requirements:\n- Write SQL with window functions and CTEs\n')
    expect(found.has('CTE')).toBe(true)
    expect(found.has('CTEs')).toBe(false)
  })

  it('reads a list item\'s label as a term: "Statistics: ..."', async () => {
    const found = await terms('Requirements:\n- Statistics: survival analysis and bootstrapping\n')
    expect(found.has('statistics')).toBe(true)
    expect(found.has('survival analysis')).toBe(true)
    // In capitals inside a sentence, the same word is a firm's name.
    expect((await terms('Senior Data Engineer\nBrightline Logistics — Remote (US)\n\nRequirements:\n- Python\n')).has('logistics')).toBe(false)
  })

  it('takes a product named by common words, capitalised inside a list item, but not a place', async () => {
    const found = await terms('Requirements:\n- Chat with users in our community Slack\n- Retire old Approval Flows and Queue Rules\n- Occasional travel to New Orleans\n')
    for (const name of ['Slack', 'Approval Flows', 'Queue Rules']) expect(found.has(name), name).toBe(true)
    expect(found.has('New Orleans')).toBe(false)
  })

  it("takes a maker's product named by a common word, a part's number and a standard's, not a generation or a version", async () => {
    const found = await terms(
      'Requirements:\n- Triage alerts from CrowdStrike Falcon\n- EMC testing to FCC Part 15; cameras on MIPI CSI-2\n- Layout for DDR4, PCIe Gen3 and USB\n- Design to NFPA 79 and ASHRAE 90.1\n- ATEX and USB 3.0\n',
    )
    for (const name of ['CrowdStrike Falcon', 'FCC Part 15', 'MIPI CSI-2', 'PCIe', 'NFPA 79', 'ASHRAE 90.1']) expect(found.has(name), name).toBe(true)
    for (const name of ['CrowdStrike', 'PCIe Gen3', 'NFPA', 'USB 3.0']) expect(found.has(name), name).toBe(false)
  })

  it('takes two capitalised words no dictionary has, joined by "and" or "or" on a list item, but not places', async () => {
    const found = await terms('Requirements:\n- Prove programs out on Okuma and Haas machines\n- Willing to relocate to Fresno or Modesto\n- Offices between Tulsa and Wichita\n')
    for (const name of ['Okuma', 'Haas']) expect(found.has(name), name).toBe(true)
    for (const name of ['Fresno', 'Modesto', 'Tulsa', 'Wichita']) expect(found.has(name), name).toBe(false)
  })

  it("ends a name at a researcher's or a writer's job, and takes no item that says a state", async () => {
    const found = await terms('Requirements:\n- Work beside our UX Researcher and Technical Writer\n- Keep the OpenAPI spec and generated reference accurate\n')
    expect([...found.keys()].some((n) => /Researcher|Writer|accurate/.test(n))).toBe(false)
  })

  it('takes two words a slash joins as one name only when apart they would be none', async () => {
    const found = await terms('Requirements:\n- Advanced Excel (INDEX/MATCH, pivot tables)\n- Networks on EtherNet/IP and Modbus TCP\n- Java/Go and C/C++\n')
    for (const name of ['INDEX/MATCH', 'EtherNet/IP', 'Java', 'Go', 'C', 'C++']) expect(found.has(name), name).toBe(true)
    for (const name of ['INDEX', 'MATCH', 'Java/Go']) expect(found.has(name), name).toBe(false)
  })

  it('takes the things named after "experience with", "comfortable with" and the like, not a field in one word', async () => {
    const found = await terms(
      'Requirements:\n- Experience with information architecture and content strategy\n- Comfortable with thermal analysis and derating\n- Experience with payments, PCI DSS or fintech-adjacent storage systems\n',
    )
    for (const name of ['information architecture', 'content strategy', 'derating', 'PCI DSS']) expect(found.has(name), name).toBe(true)
    expect([...found.keys()].some((n) => /payments|storage/.test(n))).toBe(false)
  })

  it('reads a shared head, an "-ing" practice, a modifier of a known practice, and keeps a firm out', async () => {
    const found = await terms(
      'Marrow & Vine Foods\n\nRequirements:\n- Experience in stream and batch processing\n- Synthesise findings with affinity mapping in Miro\n- Quantile forecasting methods (exponential smoothing, ARIMA)\n',
    )
    for (const name of ['stream processing', 'batch processing', 'affinity mapping', 'Quantile forecasting']) expect(found.has(name), name).toBe(true)
    expect([...found.keys()].some((n) => /Vine/.test(n))).toBe(false)
  })

  it('reads no list item as a practice for sitting beside a name, and no cued item that is a clause or a state', async () => {
    const found = await terms(
      'Requirements:\n- Solve problems with Samsara: breakdowns, late trucks, refused freight\n- Familiarity with why clocks lie and where latency matters\n- Comfortable with incidents escalated and rollbacks planned\n',
    )
    expect(found.has('Samsara')).toBe(true)
    for (const name of ['late trucks', 'refused freight', 'why clocks lie', 'where latency matters', 'incidents escalated', 'rollbacks planned'])
      expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })

  it('takes a word in small letters then capitals, two acronyms a dash joins, and a short acronym before "license"', async () => {
    const found = await terms(
      'Requirements:\n- Design eCRFs and keep cGMP records\n- Run dtSearch and keyword searches\n- Perform assays by LC-MS and ICP-MS\n- PE license or SE exam within a year\n- Work across HR-IT projects; a US license\n',
    )
    for (const name of ['eCRF', 'cGMP', 'dtSearch', 'LC-MS', 'ICP-MS', 'PE', 'SE']) expect(found.has(name), name).toBe(true)
    for (const name of ['eCRFs', 'HR-IT', 'HR', 'US', 'LC', 'MS']) expect(found.has(name), name).toBe(false)
  })

  it("keeps a code's title number and a part in its name, not a range of parts", async () => {
    const found = await terms('Requirements:\n- Work to 21 CFR Part 211 and ALCOA+\n- Knowledge of FMCSA rules (49 CFR Parts 382 to 396)\n')
    expect(found.has('21 CFR Part 211')).toBe(true)
    expect(found.has('49 CFR')).toBe(true)
    expect([...found.keys()].some((n) => /Parts/.test(n))).toBe(false)
  })

  it('leaves a duty\'s verb out of the name after it, and takes a name after "such as" with the rest of its list', async () => {
    const found = await terms(
      'Requirements:\n- Configure Field Maps, Survey123 and QuickCapture forms for crews\n- Experience with a telematics system such as Samsara, Motive or Geotab\n- Statistical tools such as Minitab for trending\n',
    )
    for (const name of ['Field Maps', 'Survey123', 'Samsara', 'Motive', 'Geotab', 'Minitab']) expect(found.has(name), name).toBe(true)
    expect(found.has('Configure Field Maps')).toBe(false)
  })

  it("leaves a degree's field of study out, but not a name after it", async () => {
    const found = await terms(
      "Requirements:\n- Bachelor's degree in civil or structural engineering\n- B.S. in chemistry with HPLC experience\n- BSEE or equivalent\n- Structural analysis of steel frames\n",
    )
    expect(found.has('HPLC')).toBe(true)
    for (const name of ['structural engineering', 'civil engineering', 'chemistry', 'BSEE', 'equivalent']) expect(found.has(name), name).toBe(false)
  })

  it('reads no phrase as a practice for following "experience with", "such as" or years: only by its head', async () => {
    // Measured blind on rounds 114 to 153: readers listed 108 of the 325 items read after such a cue.
    const found = await terms(
      'Requirements:\n- 3+ years of litigation support experience at a law firm\n- Experience with a comparable streaming platform such as Kinesis\n- 5+ years in sales operations\n- Experience with rollout choreography and audience analysis\n',
    )
    expect(found.has('audience analysis'), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['litigation support', 'comparable streaming', 'sales operations', 'rollout choreography']) expect(found.has(name), name).toBe(false)
  })

  it("takes a name no common English word spells at a list item's start, not a duty's verb there", async () => {
    const found = await terms('Requirements\n- Docker in local development and production\n- Puppeteer scripts for the PDF service\n- Mentor two junior engineers\n')
    for (const name of ['Docker', 'Puppeteer']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    expect(found.has('Mentor')).toBe(false)
  })

  it("takes an acronym at a list item's start, not in a heading", async () => {
    // Read without the learned left-out names: readers of the annotated postings listed "EIT" in 1 of
    // the 3 it was found in, so the built vocabulary leaves it out; this is about the reading.
    const found = await terms('EIT REQUIREMENTS\n- EIT required; PE license preferred\n- GISP certification\n', 'txt', loadVocabulary({}, { learnedLeftOut: false }))
    for (const name of ['EIT', 'PE', 'GISP certification']) expect(found.has(name), name).toBe(true)
    expect(found.has('REQUIREMENTS')).toBe(false)
  })

  it('keeps "3D" in the name it ends, joins "QA/QC", and drops "platform" from a practice', async () => {
    const found = await terms('Requirements:\n- Familiarity with AutoCAD Civil 3D\n- Run QA/QC workflows in ArcGIS Pro\n- Manage our ELD and telematics platform (Samsara)\n')
    for (const name of ['AutoCAD Civil 3D', 'QA/QC', 'telematics']) expect(found.has(name), name).toBe(true)
    for (const name of ['AutoCAD Civil', 'QA', 'QC', 'telematics platform']) expect(found.has(name), name).toBe(false)
  })

  it('reads a paragraph under "Position Summary" after the company\'s blurb, and a word with a capital inside there', async () => {
    const found = await terms(
      '## About the City\n\nLarkspur Falls runs Cityworks and machine learning for its crews.\n\n## Position Summary\n\nYou will help move the department from ArcMap to ArcGIS Pro.\n\n## Duties\n\n- Edit data\n',
      'md',
    )
    expect(found.has('ArcMap')).toBe(true)
    // The blurb yields only the products a list holds (Cityworks, a learned one), and no practice.
    expect(found.get('Cityworks')).toBe('mentioned')
    expect(found.has('machine learning')).toBe(false)
  })

  it('takes a product of two capitalised words after a duty\'s "in", not a place', async () => {
    const found = await terms('Responsibilities:\n- Design eCRFs and edit checks in Medidata Rave\n- Open new stores in New Jersey\n- Support our offices in Kuala Lumpur\n')
    expect(found.has('Medidata Rave')).toBe(true)
    for (const name of ['New Jersey', 'Kuala Lumpur']) expect(found.has(name), name).toBe(false)
  })

  it('takes "3D printing" and a practice before "software", and never "certification" or "crews doing ..." alone', async () => {
    const found = await terms(
      'Requirements:\n- Build prototypes with 3D printing\n- Experience with a TMS or route optimization software\n- Wilderness first aid (WFA) certification\n- Configure forms for crews doing inspections\n',
    )
    for (const name of ['3D printing', 'route optimization']) expect(found.has(name), name).toBe(true)
    for (const name of ['3D', 'optimization', 'certification']) expect(found.has(name), name).toBe(false)
    expect([...found.keys()].some((n) => /doing/.test(n))).toBe(false)
  })

  it("takes a list item's common first word when a name is listed right after it, and a name with a web ending", async () => {
    const found = await terms('Nice to have:\n- Audition or Pro Tools for audio post\n- Build or Terraform modules\n- Share cuts as Frame.io review links\n- Visit example.io\n')
    for (const name of ['Audition', 'Pro Tools', 'Frame.io']) expect(found.has(name), name).toBe(true)
    for (const name of ['Build', 'example.io']) expect(found.has(name), name).toBe(false)
  })

  it('takes the short lower-case things a duty is done "using"', async () => {
    const found = await terms('Responsibilities:\n- Program PLCs using ladder logic and structured text\n- Ship features using our existing release process\n')
    for (const name of ['ladder logic', 'structured text']) expect(found.has(name), name).toBe(true)
    expect([...found.keys()].some((n) => /release process|existing/.test(n))).toBe(false)
  })

  it('reads a list item wrapped onto an indented line as the item, and two makers before "systems"', async () => {
    const found = await terms(
      '## Requirements\n\n- Perform assay and dissolution testing using HPLC and UPLC\n  (Waters and Agilent systems) and process data in Empower 3\n- Visit the Chicago and Denver offices\n',
      'md',
    )
    for (const name of ['Waters', 'Agilent', 'Empower']) expect(found.get(name), name).toBe('required')
    for (const name of ['Chicago', 'Denver']) expect(found.has(name), name).toBe(false)
  })

  // The items after a cue ("such as", "including") are not read as practices by their place since
  // 403f235 (readers listed a third of them); a practice the vocabulary holds is found there whole.
  // "hours of service" is a learned one (listed in 6 of the 8 postings naming it): one readers list
  // less than half of the time ("cost per mile", 1 of 3 by now) is not, and so no example here.
  it('reads a practice joined by "of" whole after "including", and no one word after it as a practice', async () => {
    const found = await terms('Responsibilities:\n- Keep the fleet compliant, including hours of service and annual inspections\n- Wear PPE, including gowning for cleanrooms\n')
    expect(found.has('hours of service')).toBe(true)
    for (const name of ['service', 'gowning']) expect(found.has(name), name).toBe(false)
  })

  it("reads a name with an entity inside it in HTML, and a certification's level after a dash", async () => {
    const found = await terms(
      '<h2>Nice to have</h2><ul><li>AWS Certified Security &ndash; Specialty</li>\n<li>Familiarity with the MITRE ATT&amp;CK matrix and\n   Google&nbsp;Cloud</li></ul>',
      'html',
    )
    for (const name of ['AWS Certified Security – Specialty', 'MITRE ATT&CK']) expect(found.has(name), name).toBe(true)
    for (const name of ['Specialty', 'ATT', 'CK']) expect(found.has(name), name).toBe(false)
  })

  it("reads a model's code, a capital dashed to a word, a form's number and an identifier on a list item as names", async () => {
    const found = await terms(
      'Requirements:\n- Bring up boards: U-Boot, device trees, STM32MP1 and nRF52 targets, services on D-Bus\n- Support disclosures in the 10-Q and 10-K\n- Watch postgres_exporter metrics\n- Ship Gen3 parts in Q2\n',
    )
    for (const name of ['U-Boot', 'STM32MP1', 'nRF52', 'D-Bus', '10-Q', '10-K', 'postgres_exporter']) expect(found.has(name), name).toBe(true)
    for (const name of ['Gen3', 'Q2', 'U', 'Boot']) expect(found.has(name), name).toBe(false)
  })

  it('reads a common word written in capitals as its name is, leaves "incl." and a "where" clause out, and skips a blurb under "About <company>"', async () => {
    const found = await terms(
      'About Corvane\n\nCorvane sells robotics and SaaS to logistics firms.\n\nRequirements:\n- Talk to older REST endpoints through Retrofit\n- API testing experience, incl. Postman\n- Understanding of Agile delivery and where testing fits in a sprint\n- Familiarity with fraud detection, anomaly detection or graph analytics\n',
    )
    for (const name of ['REST', 'Retrofit', 'Postman', 'anomaly detection']) expect(found.has(name), name).toBe(true)
    for (const name of ['robotics', 'SaaS', 'logistics', 'incl', 'where testing fits']) expect(found.has(name), name).toBe(false)
  })

  it("takes a name with two capitals at a list item's start, where an English word would be capitalised too", async () => {
    const found = await terms('Requirements:\n- CUDA familiarity, or profiling GPU workloads\n')
    expect(found.has('CUDA')).toBe(true)
  })

  it("reads the job again after a blurb under the company's name, under a heading with a curly apostrophe or none it knows", async () => {
    const found = await terms(
      '<p><strong>About Calloway &amp; Reyes</strong></p><p>A law firm that runs on Kubernetes and Quillmate.</p><p><strong>What you’ll be responsible for</strong></p><ul><li>Administering Active Directory and DNS</li></ul><p><strong>Schedule</strong></p><ul><li>On call for Veeam restores</li></ul>',
      'html',
    )
    for (const name of ['Active Directory', 'DNS', 'Veeam']) expect(found.has(name), name).toBe(true)
    expect(found.get('Kubernetes')).toBe('mentioned')
    expect(found.has('Quillmate')).toBe(false)
  })

  it("ends a degree's field at its sentence, and reads a posting written all in prose sentence by sentence", async () => {
    const found = await terms(
      'Meridian Labs is a research lab in Cambridge that builds language models for clinical documentation, legal review and scientific literature, and publishes most of what it does: papers, code and the checkpoints of its models.\n\nWe expect a PhD in computer science or statistics. You should have a deep understanding of deep learning, and you would train models on a shared cluster of GPUs scheduled with Slurm and write evaluation harnesses in Python every day.\n',
    )
    for (const name of ['deep learning', 'Slurm', 'Python']) expect(found.has(name), name).toBe(true)
    expect(found.has('statistics')).toBe(false)
  })

  it("keeps a certification's name whole across its colon", async () => {
    const found = await terms('Preferred:\n- Microsoft 365 Certified: Endpoint Administrator Associate or AZ-104\n')
    expect(found.has('Microsoft 365 Certified: Endpoint Administrator Associate')).toBe(true)
  })

  it('takes no part of a name that starts with a word no name holds alone, of a dashed compound, or of a duty in "-ing"', async () => {
    const found = await terms(
      'Requirements:\n- Strong knowledge of Active Directory, Group Policy, DNS and DHCP\n- PowerShell scripting beyond copy-and-paste\n- Enrolling laptops; building compliance policies and app deployments\n',
    )
    for (const name of ['Active Directory', 'DNS', 'DHCP', 'PowerShell']) expect(found.has(name), name).toBe(true)
    for (const name of ['Policy', 'paste', 'building compliance policies']) expect(found.has(name), name).toBe(false)
  })

  it('reads a one-letter acronym dashed to another, leaves a lone letter out, and keeps a practice capitalised inside a name', async () => {
    const found = await terms(
      'Requirements:\n- Solid understanding of TCP/IP, DNS, HTTP/S and firewalls\n- Experience with Mask R-CNN and YOLO\n- Familiarity with the NIST Cybersecurity Framework\n',
    )
    for (const name of ['TCP/IP', 'HTTP', 'Mask R-CNN', 'YOLO']) expect(found.has(name), name).toBe(true)
    for (const name of ['S', 'R', 'CNN', 'NIST']) expect(found.has(name), name).toBe(false)
  })

  it("reads a Markdown table's rows as list items", async () => {
    const found = await terms('## Stack\n\n| Layer | Tech |\n|---|---|\n| Data | PostgreSQL with PostGIS, Redis, object storage |\n')
    for (const name of ['PostgreSQL', 'PostGIS', 'Redis', 'object storage']) expect(found.has(name), name).toBe(true)
  })

  it('reads a government posting: headings in capitals, duties in the third person, no heading word as a name', async () => {
    const found = await terms(
      'AGENCY DESCRIPTION\nThe Authority administers Medicaid with Kubernetes and data engineering.\n\nDUTIES\n- Calculates HEDIS measures and validates results\n- Develops dashboards in Tableau\n',
    )
    for (const name of ['HEDIS', 'Tableau']) expect(found.has(name), name).toBe(true)
    for (const name of ['Calculates HEDIS', 'DUTIES', 'data engineering']) expect(found.has(name), name).toBe(false)
    expect(found.get('Kubernetes')).toBe('mentioned')
  })

  it('reads the headings and bullets postings from around the world use', async () => {
    const found = await terms(
      [
        'Who we are',
        'A family-owned supplier of Kubernetes-free electronics, on Jenkins since 1970.',
        '',
        'Your tasks',
        '➢ Configuration of AUTOSAR basic software',
        '➢ Integration of CAN and LIN communication',
        '',
        'Your profile',
        '● Very good knowledge of C++ on microcontrollers',
        '',
        '-> ABOUT US',
        'We run on Terraform and Ansible, and Sparkwell.',
        '🔹 Nice to have',
        '✅ Experience with Rust',
        '',
        'Highly regarded',
        '- Certified Kubernetes Administrator (CKA)',
        '',
        'Why Harborlight',
        '💰 Office in RiNo with bike storage',
        '',
        'We use cookies to analyse traffic with Google Analytics and Hotjar.',
      ].join('\n'),
    )
    for (const name of ['CAN bus', 'LIN', 'C++', 'Rust', 'CKA']) expect(found.has(name), name).toBe(true)
    // Blurbs ('Who we are', '-> ABOUT US') yield their products, no name by its shape; a pitch and cookies yield nothing.
    for (const name of ['Jenkins', 'Terraform', 'Ansible']) expect(found.get(name), name).toBe('mentioned')
    for (const name of ['Sparkwell', 'RiNo', 'Google Analytics', 'Hotjar']) expect(found.has(name), name).toBe(false)
    expect(found.get('Rust')).toBe('preferred')
    expect(found.get('CKA')).toBe('preferred')
  })

  it('takes no degree by its Indian letters, and no practice ending in "according"', async () => {
    const found = await terms('Requirements:\n- B.E/B.Tech/MCA in Computer Science\n- Implementation of diagnostic services according to UDS\n')
    expect(found.has('UDS')).toBe(true)
    for (const name of ['B.E', 'B.Tech', 'MCA', 'diagnostic services according']) expect(found.has(name), name).toBe(false)
  })

  it('reads postings damaged by copying: lower case throughout, a list run into one line, hard wraps, a code fence', async () => {
    const lower = await terms(
      "we're hiring!! small team, big problems. you'll work with react, node, postgres and aws lambda every day, and we ship to the app store every week. we want someone who has built real things with typescript and can own a feature from the database to the screen. we pay well and we are remote first, with a small office in denver for anyone who wants one.\n",
    )
    for (const name of ['React', 'PostgreSQL', 'AWS Lambda', 'TypeScript']) expect(lower.has(name), name).toBe(true)
    const damaged = await terms(
      [
        'Responsibilities• Build and ship new features in Swift and SwiftUI• Own the workout player built on Combine and Core Data',
        'Requirements',
        '- Experience with Kubernetes and',
        'Terraform in production',
        '```yaml',
        'runs-on: ubuntu-latest',
        'uses: aquasecurity/trivy-action@master',
        '```',
      ].join('\n'),
      'md',
    )
    for (const name of ['Swift', 'SwiftUI', 'Combine', 'Core Data', 'Kubernetes', 'Terraform']) expect(damaged.has(name), name).toBe(true)
    for (const name of ['Ubuntu', 'Trivy']) expect(damaged.has(name), name).toBe(false)
    expect(damaged.get('Terraform')).toBe('required')
  })

  it('reads a federal posting: duties in the third person, kinds of certifications, its benefits', async () => {
    const found = await terms(
      'Duties\n- Conducts vulnerability scanning with ACAS and reviews compliance with STIGs\n- Add instrumentation to Splunk dashboards\n\nDesirable certifications include CISSP and CISM.\n\n- Benefits include the Thrift Savings Plan and the Federal Employees Retirement System\n',
    )
    for (const name of ['ACAS', 'Splunk', 'CISSP', 'CISM']) expect(found.has(name), name).toBe(true)
    for (const name of ['conducts vulnerability scanning', 'reviews compliance', 'Desirable certifications', 'add instrumentation', 'Thrift Savings Plan'])
      expect(found.has(name), name).toBe(false)
  })

  it('reads the lines under a duties or requirements heading as items when the list lost its bullets, not when it has some', async () => {
    // A practice no list holds ("calculated columns" was the example until readers taught it).
    const lost = await terms('What you will do\nTune refresh scheduling in Power Query\nBuild incremental refresh policies\n')
    expect(lost.has('refresh scheduling'), [...lost.keys()].join(', ')).toBe(true)
    const kept = await terms('What you will do\n- Build semantic models\nTune refresh scheduling in Power Query\n')
    expect(kept.has('refresh scheduling')).toBe(false)
  })

  it('takes no year as a name, and reads "Framework" and "Breaker" as the words they are in postings', async () => {
    const found = await terms(
      'Duties\n- Administer Windows Server (2019 and 2022) and Ubuntu\n- Familiarity with the NIST Cybersecurity Framework and the Circuit Breaker pattern\n',
    )
    for (const name of ['Windows Server', 'Ubuntu']) expect(found.has(name), name).toBe(true)
    for (const name of ['2019', '2022', 'Framework', 'Breaker']) expect(found.has(name), name).toBe(false)
  })

  it('reads a head shared along a list when the vocabulary holds the pair, and the practices of on-call engineering', async () => {
    const found = await terms(
      'Requirements\n- Write unit, parser and integration tests\n- Experience with stream and batch processing\n- Join the on-call rotation, write runbooks and blameless postmortems\n- Ship behind feature flags; review pull requests\n',
    )
    for (const name of ['unit testing', 'integration testing', 'stream processing', 'batch processing', 'on-call', 'runbooks', 'postmortems', 'feature flags', 'pull requests'])
      expect(found.has(name), name).toBe(true)
    // No pair the vocabulary lacks ("widget tests" was the example until readers taught it, and "screenshot tests" too).
    expect([...found.keys()].some((n) => /parser/.test(n))).toBe(false)
  })

  it('ends a name at its dotted version, leaves the field of a job title out, and reads "codebase" and "deploys" as words', async () => {
    const found = await terms(
      'Requirements\n- 5+ years of software engineering experience and strong frontend development skills\n- Build to WCAG 2.1 AA\n- Modularize a large codebase\n- Own your services: design docs, tests, deploys and on-call\n',
    )
    expect(found.has('WCAG')).toBe(true)
    for (const name of ['WCAG 2.1 AA', 'software engineering', 'frontend development', 'Codebase', 'deploys']) expect(found.has(name), name).toBe(false)
  })

  it('reads words a posting sets in bold on a list item as names, not a label, a sentence or the whole item', async () => {
    const md = await terms(
      '## What you will do\n\n- Improve hybrid search combining **pgvector** in **PostgreSQL** with BM25\n- Build agents with **tool calling** through **Anthropic Claude**\n- **Cloud:** AWS\n- **3+ years** of Python\n- **Apply now.**\n',
      'md',
    )
    for (const name of ['pgvector', 'tool calling', 'Anthropic Claude', 'PostgreSQL']) expect(md.has(name), name).toBe(true)
    for (const name of ['Cloud', '3+ years', 'Apply now', 'Anthropic', 'Claude']) expect(md.has(name), name).toBe(false)
    const html = await terms('<h2>Requirements</h2><ul><li><p>Experience with <strong>prompt injection</strong> defences</p></li></ul>', 'html')
    expect(html.has('prompt injection')).toBe(true)
  })

  it("reads no job board, no brand in a duty's verb and no phrasal verb's particle as a name, and reads \"About the team\" as the job's", async () => {
    const found = await terms(
      'About the team\nWe run Guidewire PolicyCenter and BillingCenter.\n\nResponsibilities\n- Deploy, repair and manage 12,000 Chromebooks\n- Set up monitoring and alerting with Grafana\n- Kafka or another streaming platform\n- Responses managed off LinkedIn\n',
    )
    for (const name of ['BillingCenter', 'Grafana', 'Apache Kafka']) expect(found.has(name), name).toBe(true)
    for (const name of ['Deploy', 'up monitoring', 'another streaming', 'LinkedIn']) expect(found.has(name), name).toBe(false)
  })

  it("reads no company alone as a term, though its products keep its name, and a practice's fundamentals as the practice", async () => {
    const found = await terms(
      'Requirements\n- Deep partnerships with AWS, Microsoft and Google\n- Microsoft certifications\n- Run campaigns in Google Ads and Meta Ads, and meet in Microsoft Teams\n- Solid Linux and machine learning fundamentals (regression, trees)\n',
    )
    for (const name of ['Amazon Web Services', 'Google Ads', 'Meta Ads', 'Microsoft Teams', 'machine learning']) expect(found.has(name), name).toBe(true)
    for (const name of ['Microsoft', 'Google', 'machine learning fundamentals']) expect(found.has(name), name).toBe(false)
  })

  it("reads a known practice inside a maker's product name, and the edition a big maker's product is for", async () => {
    const found = await terms(
      'Requirements\n- Run AWS IoT Greengrass on edge gateways and AWS IoT SiteWise\n- Tune Microsoft Defender for Endpoint and Google Workspace for Education\n- Azure for Microsoft 365 workloads\n',
    )
    for (const name of ['AWS IoT Greengrass', 'AWS IoT SiteWise', 'Microsoft Defender for Endpoint', 'Google Workspace for Education']) expect(found.has(name), name).toBe(true)
    for (const name of ['IoT Greengrass', 'Microsoft Defender', 'Azure for Microsoft 365']) expect(found.has(name), name).toBe(false)
  })

  it("reads a certification's long name, its exam code as its other name, and no owner's possessive in a name", async () => {
    const file = join(dir, `p${n++}.txt`)
    writeFileSync(
      file,
      "Preferred\n- Microsoft Certified: Identity and Access Administrator Associate (SC-300)\n- Salesforce Certified CPQ Specialist and Salesforce Certified Administrator\n- Google Cloud Professional Cloud DevOps Engineer certification\n- Write SQL against the City's Microsoft SQL Server warehouse\n",
    )
    const found = postingTerms(await readPosting(file, async () => Buffer.alloc(0)), vocab)
    const names = found.map((t) => t.term.name)
    const cert = found.find((t) => t.term.name === 'Microsoft Certified: Identity and Access Administrator Associate')
    expect(cert?.term.aliases).toContain('SC-300')
    expect(names).not.toContain('SC-300')
    for (const name of ['Salesforce Certified CPQ Specialist', 'Salesforce Administrator', 'Microsoft SQL Server']) expect(names, name).toContain(name)
    expect(names.some((n) => /Professional Cloud DevOps Engineer/.test(n))).toBe(true)
    expect(names.some((n) => /City/.test(n))).toBe(false)
  })

  it('spreads a list past a version after a name: "Vue 2 and Vuex", "SQLAlchemy 2.0 and Alembic"', async () => {
    const found = await terms('Requirements\n- Move the dashboard from Vue 2 and Vuex to Vue 3 and Pinia\n- Model data with SQLAlchemy 2.0 and Alembic migrations\n')
    for (const name of ['Vuex', 'Alembic']) expect(found.has(name), name).toBe(true)
  })

  it("reads a PDF's hard wrap as a space: a name split across lines, a line starting with a capital mid-item, not a heading", async () => {
    const found = await terms(
      'ESSENTIAL DUTIES\n1. Diagnose PLC faults using Studio 5000 Logix\nDesigner: go online and read ladder logic, and take part in the Total Productive\nMaintenance (TPM) program.\n2. Conduct surveys (Qualtrics), using\n   descriptive statistics and trend analysis\nRequirements\n- Python\n',
    )
    for (const name of ['Total Productive Maintenance', 'descriptive statistics', 'trend analysis']) expect(found.has(name), name).toBe(true)
    for (const name of ['Total Productive', 'using descriptive statistics']) expect(found.has(name), name).toBe(false)
    // "Requirements" after an item that stops mid-phrase is still its heading: Python is required.
    expect(found.get('Python')).toBe('required')
  })

  it('reads a name of several words whose form is plural in the singular too, as a noun before another says it', async () => {
    const found = await terms('Responsibilities\n- Build and maintain end-to-end test suites in Playwright\n- Raise unit test coverage of the billing service\n')
    for (const name of ['end-to-end testing', 'unit testing', 'Playwright']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
  })

  it('reads a name split by an indented wrap as one, and places it where the file has it', async () => {
    const file = join(dir, `p${n++}.txt`)
    writeFileSync(file, 'Requirements\n- Hands-on experience administering Palo Alto Networks or Fortinet\n    FortiGate firewalls and\n    **Cisco Catalyst** switches\n')
    const found = postingTerms(await readPosting(file, async () => Buffer.alloc(0)), vocab)
    const byName = new Map(found.map((t) => [t.term.name, t]))
    expect(byName.has('Fortinet FortiGate'), [...byName.keys()].join(', ')).toBe(true)
    expect(byName.has('Fortinet') || byName.has('FortiGate')).toBe(false)
    expect(byName.get('Fortinet FortiGate')!.mentions[0]).toMatchObject({ line: 2, column: 59 })
    // A word on the moved line is placed at its column in the file, bold and all.
    expect(byName.get('Cisco Catalyst')?.mentions[0]).toMatchObject({ line: 4, column: 7, text: 'Cisco Catalyst' })
  })

  it("reads a stack line's names between middle dots, but not a posting's particulars or places", async () => {
    const found = await terms(
      'Acme Foods · Grand Rapids, MI · Full-time · Day shift with on-call rotation · Req #NET-20471\n\nOur data stack\n- Snowflake · dbt Core · Fivetran · Hightouch · Omni · Segment\n',
    )
    for (const name of ['Hightouch', 'Omni', 'Fivetran']) expect(found.has(name), name).toBe(true)
    for (const name of ['Grand Rapids', 'Req']) expect(found.has(name), name).toBe(false)
  })

  it("reads a certification's level after its number, no level after a standard's version, and RDS for an engine as two names", async () => {
    const found = await terms(
      'Requirements\n- ITIL 4 Foundation certification\n- Build to WCAG 2.2 AA with React Server Components\n- Run Amazon RDS for PostgreSQL and Microsoft Defender for Office 365\n- PyTorch preferred, TensorFlow OK\n',
    )
    for (const name of ['ITIL 4 Foundation certification', 'WCAG', 'PostgreSQL', 'Microsoft Defender for Office 365', 'TensorFlow']) expect(found.has(name), name).toBe(true)
    for (const name of ['AA', 'Component', 'Amazon RDS for PostgreSQL', 'TensorFlow OK']) expect(found.has(name), name).toBe(false)
  })

  it('reads a long bold paragraph of an HTML posting as a paragraph, not a heading that makes the rest a blurb', async () => {
    const found = await terms(
      '<p><b>Acme makes scheduling software for hourly teams across the country, and our infrastructure team runs all of it.</b></p><p>You will help us finish our move from hand-built Jenkins jobs to Kubernetes and GitOps.</p><h3>What you will do</h3><ul><li>Run Terraform</li></ul>',
      'html',
    )
    expect(found.has('Jenkins')).toBe(true)
  })

  it("reads a duty that names a perk in passing as the job's, and a benefit line outside the job's sections as boilerplate", async () => {
    const found = await terms(
      'Acme pays a monthly stipend for your Peloton membership and tuition.\n\nResponsibilities\n- Join the on-call rotation (one week in seven, with a paid on-call stipend) and keep Datadog APM dashboards current\n',
    )
    // Datadog APM or Datadog and APM, as the learned terms have it: either says the line was read.
    for (const name of ['on-call', 'Datadog'])
      expect(
        [...found.keys()].some((n) => n.startsWith(name)),
        name,
      ).toBe(true)
    expect(found.has('Peloton')).toBe(false)
  })

  it("keeps a standard's number with its parts, a title's number before it, and a capitalised head shared along a list", async () => {
    const found = await terms(
      "Requirements\n- Working knowledge of NIST SP 800-53, DoDI 8510.01 and DFARS 252.204-7012\n- Follow 21 CFR 820 and ISO 13485\n- Configure ServiceNow for Problem, Change, Request and Knowledge Management\n- Follow Apple's Human Interface Guidelines and Material Design\n- Support our Governance, Risk and Compliance (GRC) program\n",
    )
    for (const name of [
      'NIST SP 800-53',
      'DoDI 8510.01',
      'DFARS 252.204-7012',
      '21 CFR 820',
      'ISO 13485',
      'Problem Management',
      'Change Management',
      'Request Management',
      'Knowledge Management',
      'Governance, Risk and Compliance',
    ])
      expect(found.has(name), name).toBe(true)
    for (const name of ['NIST SP', 'Problem', 'Guidelines Design']) expect(found.has(name), name).toBe(false)
  })
})

describe('headings', () => {
  it("reads a posting whose title names a team or the US as the job, not the company's blurb", async () => {
    const forum = await terms(
      '# [Hiring] Full-stack Rails developer, remote (US/Canada time zones)\n\nThe stack:\n- Ruby on Rails 7.1 and Hotwire\n- PostgreSQL and Sidekiq\n',
      'md',
    )
    for (const name of ['Hotwire', 'PostgreSQL', 'Sidekiq']) expect(forum.has(name), [...forum.keys()].join(', ')).toBe(true)
    const titled = await terms(
      '## Data Engineer, Founding Data Team\n\nYou will build pipelines in Airflow and dbt on BigQuery.\n\n## About us\nWe use Salesforce for sales and stream processing for fun.\n',
      'md',
    )
    for (const name of ['Apache Airflow', 'dbt', 'BigQuery']) expect(titled.has(name), [...titled.keys()].join(', ')).toBe(true)
    expect(titled.get('Salesforce'), [...titled.keys()].join(', ')).toBe('mentioned')
    expect(titled.has('stream processing'), [...titled.keys()].join(', ')).toBe(false)
  })

  it("reads the lines under a heading about the stack as the job's, though the heading names the team too", async () => {
    const found = await terms(
      '# Senior Platform Engineer\n\n## About Northpaw\nNorthpaw makes a co-op survival game.\n\n## The team and the stack\nPlayer data lives in Memorystore (Redis), events flow through Pub/Sub into BigQuery.\n\n## Requirements\n- Terraform and Go\n',
      'md',
    )
    for (const name of ['Redis', 'BigQuery', 'Terraform']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
  })
})

describe('the heads of a practice', () => {
  it('shares a head along a list only to make a pair the vocabulary holds', async () => {
    const found = await terms('Requirements\n- Strong statistical and machine learning skills\n- Write unit, widget and integration tests\n')
    for (const name of ['machine learning', 'unit testing', 'integration testing']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    expect(found.has('statistical learning'), [...found.keys()].join(', ')).toBe(false)
  })

  it('reads no automation or integration of something as a practice of its own: those heads named more extras than terms', async () => {
    const found = await terms('Requirements\n- Own the billing integration with Stripe\n- Improve release automation with GitHub Actions\n- Root cause analysis and pipe sizing\n')
    for (const name of ['root cause analysis', 'pipe sizing', 'Stripe', 'GitHub Actions']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['billing integration', 'release automation']) expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })
})

describe("a duty's verbs", () => {
  it('reads more verbs as the start of a duty, and a verb that is a noun too as one only where a duty starts or alone in a list', async () => {
    const found = await terms(
      'Responsibilities\n- Running patch management for servers and endpoints\n- Operate Kubernetes: upgrades, autoscaling, network policies with Cilium\n- Install and update software on staff laptops\n- Optimize data models in Snowflake\n',
    )
    for (const name of ['patch management', 'autoscaling', 'Kubernetes', 'Snowflake']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['upgrades', 'install', 'update', 'optimize data models']) expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })
})

describe('aliases that are everyday words', () => {
  it('reads "embedded" alone as the adjective it is, "embedded systems" and "embedded software" as the practice', async () => {
    const found = await terms('Requirements\n- You will be the embedded data scientist for two product teams\n- Exposure to SAP Fiori apps and embedded analytics\n')
    expect(found.has('embedded systems'), [...found.keys()].join(', ')).toBe(false)
    const firmware = await terms('Requirements\n- 5+ years writing embedded software in C for ARM Cortex-M\n')
    expect(firmware.has('embedded systems'), [...firmware.keys()].join(', ')).toBe(true)
  })
})

describe('names whose words are common words', () => {
  it('reads a common word capitalised inside a sentence before a common word a list holds as one name: "Control Tower", "Key Vault"', async () => {
    const found = await terms(
      'Responsibilities\n- Run 14 accounts managed with AWS Organizations and Control Tower\n- Keep secrets in Azure (App Service, AKS, Key Vault)\n- Model the architecture in Enterprise Architect (UML)\n',
    )
    // (Control Tower under the name a list gives it, AWS Control Tower.)
    for (const name of ['AWS Control Tower', 'Key Vault', 'Enterprise Architect']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['Tower', 'Vault', 'Architect', 'Control Tower']) expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })
})

describe('what a posting says about the employer, not the job', () => {
  it("reads no practice from a job title's trade, but from the posting's own words", async () => {
    const found = await terms(
      'Senior Machine Learning Engineer, Search Ranking\n\nAbout the role\nYou will join our DevOps Engineer guild.\n\nRequirements\n- Python and PyTorch\n- Work with our Business Intelligence Analysts\n',
    )
    expect(found.has('PyTorch'), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['machine learning', 'DevOps', 'business intelligence']) expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
    const own = await terms('Requirements\n- Machine learning with PyTorch\n- DevOps practices\n')
    for (const name of ['machine learning', 'DevOps']) expect(own.has(name), [...own.keys()].join(', ')).toBe(true)
  })

  it("reads no step of the hiring process, no job board's similar jobs and no team named by words no list holds as a skill", async () => {
    const found = await terms(
      [
        'Requirements',
        '- Experience with Kafka and Flink',
        '- Work with the Credit Strategy team on approval cutoffs',
        '',
        '## Interview process',
        '- **Intro call** with Marta Okafor (30 min)',
        '- **Pairing session** in CoderPad on a small Kafka consumer',
        '- **Offer** within a week',
        '',
        '### Similar Jobs (3)',
        '- Technical Artist (Unity URP), Montreal',
      ].join('\n'),
      'md',
    )
    for (const name of ['Apache Kafka', 'Apache Flink']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['Credit Strategy', 'Intro call', 'Marta Okafor', 'Pairing session', 'CoderPad', 'Offer', 'URP'])
      expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })

  it("reads no part of the employer's own name, no day, month, time zone or country, and no page footer as a skill", async () => {
    const found = await terms(
      [
        'Hearth & Harbor Home',
        'Data Analyst, Columbus, OH, United States',
        '',
        'Requirements',
        '- Advanced SQL and Tableau',
        '- Hybrid in Columbus (Tuesdays and Wednesdays) or remote on Eastern Time',
        '- Partner with Harbor Home merchandising and the Hearth brand team',
        '',
        'Why Hearth & Harbor?',
        'Hearth & Harbor Home is an Equal Opportunity Employer.',
        'Powered by Greenhouse · Privacy Policy',
      ].join('\n'),
    )
    for (const name of ['SQL', 'Tableau']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['Hearth', 'Harbor Home', 'Tuesdays', 'Wednesdays', 'Eastern Time', 'United States', 'Greenhouse', 'Privacy Policy'])
      expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })

  it('reads no application form, no word of how strongly a posting asks, and no employer named in full before its letters', async () => {
    const html = await terms(
      '<h2>Requirements</h2><ul><li>Kotlin and Spring Boot</li></ul><form id="application_form"><h2>Apply for this Job</h2><div class="field"><label>Resume/CV *</label><button type="button">Attach</button> <button type="button">Dropbox</button> <button type="button">Google Drive</button> <span>or enter manually</span></div><div class="field"><label for="linkedin">LinkedIn Profile</label><input type="text" id="linkedin"></div></form>',
      'html',
    )
    expect(html.has('Kotlin'), [...html.keys()].join(', ')).toBe(true)
    for (const name of ['Dropbox', 'Google Drive', 'LinkedIn Profile']) expect(html.has(name), [...html.keys()].join(', ')).toBe(false)
    const found = await terms(
      'Northern Plains Electric Cooperative (NPEC) is a generation and transmission cooperative.\n\nRequirements\n- Terraform and Azure Kubernetes Service\n- EPA 608 Certification (Required)\n- Bicep (Preferred)\n\nNPEC is an Equal Opportunity Employer.\n',
    )
    expect(found.has('Terraform'), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['Required', 'Preferred', 'Northern Plains Electric Cooperative', 'NPEC']) expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })

  it('ends no practice at a word that closes a sentence ("before", "yourself"), and reads no script link', async () => {
    const found = await terms(
      '[Print](javascript:window.print())\n\nRequirements\n- You have written SOPs or validation protocols before, in HPLC labs\n- You have run usability testing and interviews yourself\n',
      'md',
    )
    expect(found.has('HPLC'), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['validation protocols before', 'interviews yourself', 'JavaScript']) expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })

  it("reads no chat message's author, handle, interview site or form control as a skill", async () => {
    const chat = await terms(
      '**Priya Raman** · Eng Manager @ Dosewell · 10:42 AM\nHiring a Senior iOS Engineer (thanks @marco). No LeetCode.\n\nRequirements\n- Swift and SwiftUI\n\n> **Jen Okafor** 10:31 AM\n> Is it remote?\n',
      'md',
    )
    expect(chat.has('SwiftUI'), [...chat.keys()].join(', ')).toBe(true)
    for (const name of ['Priya Raman', 'marco', 'LeetCode', 'Jen Okafor']) expect(chat.has(name), [...chat.keys()].join(', ')).toBe(false)
    const page = await terms(
      '<h2>Requirements</h2><ul><li>Elixir and Phoenix</li></ul><div id="application"><h2>Apply for this Job</h2><label>Resume/CV *</label> <button type="button">Attach</button> <button type="button">Dropbox</button> <button type="button">Google Drive</button></div>',
      'html',
    )
    expect(page.has('Elixir'), [...page.keys()].join(', ')).toBe(true)
    for (const name of ['Dropbox', 'Attach Dropbox', 'Google Drive']) expect(page.has(name), [...page.keys()].join(', ')).toBe(false)
  })

  it('reads no degree spelled out before its letters as a skill', async () => {
    const found = await terms('Preferred\n- Bachelor of Science in Nursing (BSN) and CCRN certification\n- Bill of Materials (BOM) management\n')
    expect(found.has('Bachelor of Science in Nursing'), [...found.keys()].join(', ')).toBe(false)
    expect(found.has('BSN'), [...found.keys()].join(', ')).toBe(false)
  })

  it('reads no business model, direct message, range of days or posting site as a skill', async () => {
    const found = await terms(
      'Senior iOS Engineer | Riverbend Media | SmartRecruiters\nRequirements\n- Swift and SwiftUI at a B2B SaaS company\n- On site Monday-Thursday\n- DM me with questions\n',
    )
    expect(found.has('Swift'), [...found.keys()].join(', ')).toBe(true)
    for (const name of ['SaaS', 'B2B SaaS', 'Monday-Thursday', 'DM', 'SmartRecruiters']) expect(found.has(name), [...found.keys()].join(', ')).toBe(false)
  })

  it('reads a practice capitalised before "team" as a department, but "Scrum team" as Scrum', async () => {
    const found = await terms('Requirements\n- Partner with our Information Security team on audits\n- Work in a Scrum team with Python\n')
    for (const name of ['Scrum', 'Python']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
    expect(found.has('information security'), [...found.keys()].join(', ')).toBe(false)
  })

  it('keeps a name the vocabulary holds though a country or a company is called so, and a platform "powered by" a product in a duty', async () => {
    const found = await terms('Requirements\n- Build REST services with Jersey and Spring\n- Run our search platform, powered by Elasticsearch\n')
    for (const name of ['Jersey', 'Elasticsearch']) expect(found.has(name), [...found.keys()].join(', ')).toBe(true)
  })
})
