/** The pipeline: plan (load, validate, variants), prepare (theme, tailor, view), run (render, write). */

export * from './options.js'
export { type Inspection, inspect, type Plan, plan } from './plan.js'
export { prepareTarget, tailorTarget } from './prepare.js'
export { build } from './run.js'
export { BrowserHolder, BuildServices } from './services.js'
