#!/usr/bin/env node
// Kept tiny: the CLI lives in lib/ (compiled from src/ by `npm install`'s prepare step).
import { main } from '../lib/bundle/main.js'

process.exitCode = await main(process.argv, undefined, { handleSignals: true })
