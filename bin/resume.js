#!/usr/bin/env node
// Kept tiny: the CLI lives in lib/ (compiled from src/ by `npm install`'s prepare step).
// CommonJS (bin/package.json), like load-cli.js: see there.
const { constants } = require('node:os')

// A signal that comes while the CLI loads (tens of milliseconds, far longer on a busy machine)
// ends it as one that comes later does: exit 128 + the signal's number, not killed by it.
// main() puts its own handling in place of this one before it does anything else.
const EARLY_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP']
const exitEarly = (signal) => process.exit(128 + constants.signals[signal])
for (const signal of EARLY_SIGNALS) process.on(signal, exitEarly)

const { loadCli } = require('./load-cli.js')
const { prestartSandbox } = require('./prestart-sandbox.js')

prestartSandbox(process.argv)

const { main, saveCache } = loadCli()
for (const signal of EARLY_SIGNALS) process.off(signal, exitEarly)
main(process.argv, undefined, { handleSignals: true }).then((code) => {
  saveCache()
  // Exits now rather than when the event loop drains: as Node tears a drained loop down, its signal
  // watchers close, and a SIGTERM in those last moments killed the process instead of ending it with
  // its code. What the command printed is written already (src/cli/io.ts writes synchronously).
  process.exit(code)
})
