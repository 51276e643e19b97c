#!/usr/bin/env node
// Kept tiny: the CLI lives in lib/ (compiled from src/ by `npm install`'s prepare step).
// CommonJS (bin/package.json), like load-cli.js: see there.
const { loadCli } = require('./load-cli.js')
const { prestartSandbox } = require('./prestart-sandbox.js')

prestartSandbox(process.argv)

const { main, saveCache } = loadCli()
main(process.argv, undefined, { handleSignals: true }).then((code) => {
  process.exitCode = code
  saveCache()
})
