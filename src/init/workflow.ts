/** How the workflow gets vitae: the project's own install, or npx when there is no package.json. */
export interface WorkflowOptions {
  /** The resume, relative to the repository root, with forward slashes. */
  resume: string
  /** `npm ci` needs a lockfile; without one, `npm install`. */
  install: 'npm ci' | 'npm install' | 'none'
  /** vitae's version, for `npx --package vitae@^x` when the project does not install it. */
  version: string
}

/**
 * A GitHub Actions workflow, like this repository's own: builds the resume and every variant in
 * every format on each push, and keeps them as an artifact. Ubuntu runners have Chrome.
 */
export function workflow(o: WorkflowOptions): string {
  const resume = o.resume === 'resume.yaml' ? '' : ` ${quote(o.resume)}`
  const cli = o.install === 'none' ? `npx --yes --package vitae@^${o.version} resume` : 'npx resume'
  const setup =
    o.install === 'none'
      ? ''
      : `      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: ${o.install}
`
  return `# Builds the resume and every variant in PDF, HTML and DOCX on each push, and keeps them as
# an artifact (written by resume init --ci).
name: resume
on:
  push:
  workflow_dispatch:

jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
${setup}      # Stamp outputs with the commit's time, so the same commit always gives the same bytes.
      - run: echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"
      - run: ${cli} build${resume} --format pdf,html,docx
      - run: ${cli} build${resume} --all-variants --format pdf,html,docx --json > report.json
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: resume
          path: |
            dist/
            report.json
`
}

// Shell quoting for a path that may hold spaces; plain paths stay plain.
const quote = (path: string): string => (/^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`)
