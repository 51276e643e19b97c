/** The pipeline: plan (load, validate, variants), prepare (theme, tailor, view), run (render, write). */
export { inspect, plan, type Inspection, type Plan } from './plan.js'
export { prepareTarget, tailorTarget } from './prepare.js'
export { build } from './run.js'
export { BuildServices } from './services.js'
export * from './options.js'
