/**
 * Runs in the sandbox worker: a JSON Resume theme's module (its top level, for pdfRenderOptions)
 * and its `render(resume)`, code from outside that may loop. The worker lives for one build, so
 * Node's module cache (the theme's module) goes with it.
 */
export { jsonResumePdfOptions, renderJsonResumeTheme } from '../themes/jsonresume.js'
