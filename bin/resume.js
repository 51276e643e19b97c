#!/usr/bin/env node
// Kept tiny: the CLI lives in lib/ (compiled from src/ by `npm install`'s prepare step).
import { loadCli } from './load-cli.js'

const { main, saveCache } = loadCli()
process.exitCode = await main(process.argv, undefined, { handleSignals: true })
saveCache()
