/**
 * Runs in the sandbox worker: a JSON Resume theme's `render(resume)`, which is code from outside
 * and may loop. The worker lives for one build, so Node's module cache (the theme's module) goes
 * with it.
 */
export { renderJsonResumeTheme } from '../themes/jsonresume.js'
