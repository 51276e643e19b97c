import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { FIXTURES, runCli, tempDir } from './helpers.js'

// Issue 21: LinkedIn's "Get a copy of your data" export, as the ZIP it downloads as and as the
// folder it unzips to. The fixture follows LinkedIn's real file names and column layout, with the
// awkward parts: a "Notes:" preamble, CRLF lines, quoted commas, quotes and newlines inside a
// description, bullets inside one cell, "Mar 2020", "2015" and blank (current) dates, files that
// hold nothing for a resume, and a subfolder.

const EXPORT = join(FIXTURES, 'linkedin/Basic_LinkedInDataExport_03-14-2026')

function zipFolder(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name)
      if (statSync(full).isDirectory()) walk(full)
      else files[relative(dir, full).split('\\').join('/')] = new Uint8Array(readFileSync(full))
    }
  }
  walk(dir)
  return zipSync(files)
}

describe.each(['zip', 'folder'])('resume import of a LinkedIn export (%s)', (form) => {
  const dir = tempDir('vitae-linkedin-')
  let run: Awaited<ReturnType<typeof runCli>>
  let resume: any

  beforeAll(async () => {
    let input = EXPORT
    if (form === 'zip') {
      input = join(dir, 'Basic_LinkedInDataExport_03-14-2026.zip')
      writeFileSync(input, zipFolder(EXPORT))
    }
    run = await runCli(['import', input, '-o', join(dir, 'resume.yaml')])
    resume = parse(readFileSync(join(dir, 'resume.yaml'), 'utf8'))
  })

  it('writes a resume that validates with no warning', async () => {
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain("imported from LinkedIn's data export")
    const check = await runCli(['validate', join(dir, 'resume.yaml')])
    expect(check.stderr).toContain('valid (0 errors, 0 warnings)')
  })

  it('reads the profile: name, headline, summary with its paragraphs and quotes, the whole address, links and a handle without a made-up URL', () => {
    expect(resume.basics).toMatchObject({
      name: 'Tomasz Wierzbicki-Okafor',
      label: 'Staff Backend Engineer | Payments, Ledgers & Reconciliation',
      email: 'tomasz@wierzbicki.example.dev',
      phone: '+48 501 234 567',
      url: 'https://wierzbicki.example.dev',
      location: { address: 'ul. Długa 14/3, Gdańsk', postalCode: '80-831', city: 'Gdańsk', region: 'Pomorskie, Poland' },
    })
    expect(resume.basics.summary).toBe('I build payment systems that balance to the cent.\n\nLately: event-sourced ledgers, idempotent APIs, and teaching "boring" reliability.')
    expect(resume.basics.profiles).toEqual([
      { network: 'Portfolio', url: 'https://talks.example.dev/tomasz' },
      { network: 'Twitter', username: 'twokafor' },
    ])
  })

  it('reads positions: quoted commas kept, bullets in a cell become highlights, "Mar 2021", "2015" and a blank end (current) as dates', () => {
    expect(resume.work).toHaveLength(3)
    expect(resume.work[0]).toEqual({
      name: 'Amberline Payments',
      position: 'Staff Backend Engineer',
      location: 'Gdańsk, Pomorskie, Poland',
      startDate: '2021-03',
      summary: 'Leading the ledger team (6 engineers), reporting to the VP of Engineering.',
      highlights: [
        'Designed a double-entry ledger processing 3,000 transactions/s, with zero unreconciled cents since launch',
        'Cut settlement file generation from 4 hours to 11 minutes',
        'Mentored two engineers to senior',
      ],
    })
    expect(resume.work[1].highlights).toEqual(['Migrated invoicing from a monolith to 5 services, "strangler" style', 'On-call lead for the billing rotation'])
    expect(resume.work[1]).toMatchObject({ startDate: '2017-06', endDate: '2021-02' })
    expect(resume.work[2]).toMatchObject({ startDate: '2015', endDate: '2017-06', summary: 'Built the carrier rate engine in Java and Kotlin.' })
  })

  it('reads a file with a "Notes:" preamble and CRLF lines (Projects.csv)', () => {
    expect(resume.projects).toEqual([
      {
        name: 'Ledgerlint',
        description: 'Open-source linter for double-entry journals.',
        highlights: ['Catches unbalanced postings in CI', 'Used by 40+ teams'],
        url: 'https://github.com/twokafor/ledgerlint',
        startDate: '2022-01',
      },
      { name: 'Rate card importer', description: 'Parses 12 carrier formats into one schema', startDate: '2016', endDate: '2016' },
    ])
  })

  it('reads every other section', () => {
    expect(resume.education).toEqual([
      {
        institution: 'Gdańsk University of Technology',
        studyType: 'Master of Engineering - MEng',
        startDate: '2010',
        endDate: '2015',
        summary: 'Thesis: "Consistency models for distributed ledgers", graded 5.0\n\nStudent IT society, treasurer; ACM ICPC regional team',
        courses: ['EDU-412 Distributed Algorithms', 'Cryptography Engineering'],
      },
    ])
    expect(resume.skills.map((s: any) => s.name)).toEqual(['Kotlin', 'PostgreSQL', 'Event Sourcing', 'Distributed Systems, Consistency'])
    expect(resume.languages[2]).toEqual({ language: 'Yoruba', fluency: 'Elementary proficiency' })
    expect(resume.certificates[0]).toEqual({
      name: 'AWS Certified Solutions Architect – Associate',
      issuer: 'Amazon Web Services (AWS)',
      date: '2022-09',
      url: 'https://www.credly.com/badges/0f3e2a',
    })
    expect(resume.awards[0]).toEqual({ title: 'Engineering Excellence Award', date: '2023-11', summary: 'For the zero-downtime ledger migration, Q3' })
    expect(resume.publications[0]).toMatchObject({ name: 'Idempotency keys in practice', publisher: 'Payments Engineering Journal', releaseDate: '2024-02' })
    expect(resume.volunteer[0]).toEqual({
      organization: 'Coder Dojo Trójmiasto',
      position: 'Mentor',
      startDate: '2018-09',
      summary: 'Saturday sessions teaching Scratch and Python to 10–14 year olds',
    })
  })

  it('reads visible recommendations as references, with a line break inside the quoted text', () => {
    expect(resume.references).toEqual([
      {
        name: 'Ada Nowak',
        reference: 'Tomasz rebuilt our ledger without a single missed settlement.\nHe also writes the clearest runbooks I have read, and teaches others to.',
      },
    ])
  })

  it('keeps what a resume has no place for under x-linkedin, one warning each at its row', () => {
    expect(resume['x-linkedin']).toEqual({
      Profile: [{ 'Birth Date': 'Apr 2', Industry: 'Financial Services' }],
      'Email Addresses': [{ 'Email Address': 't.okafor@oldmail.example.com' }],
      Volunteering: [{ Cause: 'Education' }],
      Certifications: [{ 'Finished On': 'Sep 2025', 'License Number': 'AWS-ASA-77120' }],
      Recommendations_Received: [
        { Company: 'Amberline Payments', 'Job Title': 'Engineering Manager', 'Creation Date': '01/15/24, 09:12 AM' },
        {
          'First Name': 'Piotr',
          'Last Name': 'Zieliński',
          Company: 'Baltic Freight Systems',
          'Job Title': 'CTO',
          Text: 'An old note the owner chose to hide.',
          'Creation Date': '03/02/19, 11:40 AM',
          Status: 'HIDDEN',
        },
      ],
    })
    // The recommendation's second line is line 3 of the file; its row starts on line 2.
    expect(run.stderr).toMatch(/Recommendations_Received\.csv:4:1: warning\[IMPORT_DROPPED\]: Recommendations_Received\.csv "Text" has no place/)
    expect(run.stderr).toMatch(/Certifications\.csv:2:1: warning\[IMPORT_DROPPED\]: Certifications\.csv "License Number" has no place/)
  })

  it('lists the files with nothing for a resume in one IMPORT_DROPPED warning', () => {
    const lines = run.stderr.split('\n').filter((l) => /files? of the export/.test(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /warning\[IMPORT_DROPPED\]: 3 files of the export hold nothing for a resume and were not read: Connections\.csv, Invitations\.csv, Jobs\/Job Applications\.csv/,
    )
  })
})

describe('archives that are not a resume', () => {
  it('import: a ZIP that is not LinkedIn’s export says it is a ZIP archive (exit 3), not "invalid UTF-8"', async () => {
    const dir = tempDir()
    const zip = join(dir, 'photos.zip')
    writeFileSync(zip, zipSync({ 'a.txt': new TextEncoder().encode('hello') }))
    const run = await runCli(['import', zip, '-o', join(dir, 'r.yaml')])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('is a ZIP archive, but not LinkedIn')
    expect(run.stderr).not.toMatch(/UTF-8/)
  })

  it('build: a ZIP or a Word document given as the resume is named as what it is (exit 3)', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'export.zip'), zipFolder(EXPORT))
    writeFileSync(join(dir, 'cv.docx'), zipSync({ '[Content_Types].xml': new Uint8Array([60]), 'word/document.xml': new Uint8Array([60]) }))
    const zip = await runCli(['validate', join(dir, 'export.zip')])
    expect(zip.code).toBe(3)
    expect(zip.stderr).toMatch(/export\.zip is a ZIP archive, not a text file/)
    expect(zip.stderr).toContain('resume import')
    const docx = await runCli(['build', join(dir, 'cv.docx'), '-o', join(dir, 'out')])
    expect(docx.code).toBe(3)
    expect(docx.stderr).toMatch(/cv\.docx is a Word document \(\.docx\), not a text file/)
  })
})
