/**
 * The import boundaries of eslint.config.js, each shown failing on one import that crosses it and
 * passing on the imports the tree really makes. The rules match import specifiers by regex, so a
 * typo in one would pass every file silently: these cases are what proves each rule can fail.
 */
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) })

/** The boundary messages for `code` as if it were the file `path` of the repository. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('import boundaries', () => {
  it.each([
    // The engine imports nothing outside itself.
    ['src/analysis/tone.ts', "import '../corpus-store.js'", 'imports nothing outside itself'],
    ['src/analysis/model/reading.ts', "import '../../routes/api.js'", 'nothing outside itself'],
    ['src/analysis/tone.ts', "import '../../views/format.js'", 'nothing outside itself'],
    ['src/analysis/tone.ts', "import { Hono } from 'hono'", 'is pure'],
    ['src/analysis/tone.ts', "import { readFileSync } from 'node:fs'", 'is pure'],
    ['src/analysis/tone.ts', "import '../../data/actors.ts'", 'nothing outside itself'],
    // Everything else uses the engine through its index.
    [
      'views/components/text.tsx',
      "import { NEGATION_FACTOR } from '../../src/analysis/tone.js'",
      'only through src/analysis/index.ts',
    ],
    ['views/cues.ts', "import { FRAMES } from '../src/analysis/lexicons.js'", 'index.ts'],
    [
      'views/components/model-reading.tsx',
      "import { NEWSMTSC_MODEL } from '../../src/analysis/model/index.js'",
      'index.ts',
    ],
    [
      'src/charts/framing-charts.ts',
      "import { FRAMES } from '../analysis/lexicons.js'",
      'index.ts',
    ],
    ['src/corpus-store.ts', "import { mergeCounts } from './analysis/keywords.js'", 'index.ts'],
    // The exports import neither the HTTP layer nor pages.
    ['src/export/artifacts.ts', "import '../routes/api.js'", 'must not import the HTTP layer'],
    ['src/export/charts.ts', "import { EXIT } from '../cli/analyze.js'", 'HTTP layer or the CLIs'],
    ['src/export/charts.ts', "import { HTTPException } from 'hono/http-exception'", 'DomainError'],
    [
      'src/export/snapshot.tsx',
      "import { CueDrawer } from '../../views/pages/compare.js'",
      'Only the routes import pages',
    ],
    // Routes take limits and validation from the domain.
    ['src/routes/params.ts', "import { MEASURE_INFO } from '../../views/cues.js'", 'src/domain'],
    [
      'src/routes/terms.tsx',
      "import { MAX_QUERY_LENGTH } from '../../views/pages/terms.js'",
      'from src/domain, not from views',
    ],
    // The domain sits below the layers that share it.
    ['src/domain/compare.ts', "import { httpError } from '../routes/errors.js'", 'below'],
    ['src/domain/compare.ts', "import { HTTPException } from 'hono/http-exception'", 'below'],
    ['src/domain/measures.ts', "import { MEASURE_INFO } from '../../views/cues.js'", 'below'],
    // Other layers do not reach into pages either.
    ['src/charts/scales.ts', "import '../../views/pages/compare.js'", 'Only the routes import'],
  ])('%s: %s is refused', async (path, code, message) => {
    const errors = await boundaryErrors(path, code)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(message)
  })

  it.each([
    ['src/analysis/tone.ts', "import { segment } from './segment.js'"],
    ['src/analysis/model/reading.ts', "import { FRAMES } from '../lexicons.js'"],
    ['src/analysis/model/bundled.ts', "import raw from '../../../data/models/m.json'"],
    ['src/analysis/lexicons.ts', "import Sentiment from 'sentiment'"],
    ['src/analysis/lexicons.ts', "import { readFileSync } from 'node:fs'"],
    ['src/analysis/lexicons.ts', "import frames from '../../data/lexicons/frames.json'"],
    ['views/pages/methods.tsx', "import { FRAMES } from '../../src/analysis/index.js'"],
    ['src/corpus-store.ts', "import { mergeCounts } from './analysis/index.js'"],
    [
      'src/export/snapshot.tsx',
      "import { CompareView } from '../../views/components/compare-view.js'",
    ],
    ['src/export/artifacts.ts', "import { DomainError } from '../domain/errors.js'"],
    ['src/routes/compare.tsx', "import { ComparePage } from '../../views/pages/compare.js'"],
    ['src/routes/articles.tsx', "import { MEASURE_INFO } from '../../views/cues.js'"],
    ['src/routes/params.ts', "import { MEASURES } from '../domain/measures.js'"],
    ['src/domain/summary.ts', "import { summarize } from '../analysis/index.js'"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([])
  })
})
