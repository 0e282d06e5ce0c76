/**
 * `npm run methods:readme`: writes the README's "How each measure is computed" section (between
 * `<!-- methods:start -->` and `<!-- methods:end -->`) from docs/methods.md, the source the
 * /methods page renders too. tests/app/methods-source.test.ts fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { methodsReadme, replaceReadmeSection } from '../views/methods/render.js'

const readmeUrl = new URL('../README.md', import.meta.url)
const before = readFileSync(readmeUrl, 'utf8')
const after = replaceReadmeSection(before, methodsReadme())
if (after === before) console.log('README.md: the Methods section is up to date')
else {
  writeFileSync(readmeUrl, after)
  console.log('README.md: Methods section rewritten from docs/methods.md')
}
