// A renderer plugin: `resume build --plugin ./examples/plugin-json-summary/summary.mjs --format summary`
// writes resume.summary.json: the name, the label and the section headings in the order the theme shows
// them. In TypeScript, wrap the object in defineRenderer (import { defineRenderer } from 'vitae') for types.
export default {
  format: 'summary',
  extension: 'summary.json',
  render(ctx) {
    const { view } = ctx
    const summary = {
      name: ctx.resume.basics?.name ?? '',
      label: ctx.resume.basics?.label ?? '',
      headings: view.sections.map((s) => s.heading || s.id),
      theme: ctx.theme.name,
      page: ctx.page.size,
    }
    return `${JSON.stringify(summary, null, 2)}\n`
  },
}
