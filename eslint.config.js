/**
 * `npm run lint`: typescript-eslint's recommended rules (syntax only, without type information, so
 * the whole tree lints in seconds) and the import boundaries that keep the layers one-way. Each
 * boundary is a `no-restricted-imports` pattern on the import's specifier, so a forbidden import
 * fails the lint step with a message that says which boundary it crosses and where the thing
 * belongs instead:
 *
 * - the engine (src/analysis) imports nothing outside itself but its lexicons and model (data/);
 * - everything else uses the engine only through its door, src/analysis/index.ts;
 * - the exports (src/export) import neither the HTTP layer (routes, app, server, CLI) nor pages;
 * - the routes take limits and validation from the domain (src/domain), never from a view;
 * - the domain sits below the charts, exports, routes, CLIs and views, and knows nothing of HTTP;
 * - the view models (src/view-models) sit above the charts and the domain and below the views,
 *   routes and exports: they import none of those, nor HTTP.
 *
 * Specifiers are relative, so the engine's own patterns depend on how deep a file sits: they are
 * made for each depth (`engineFiles`). The config objects of the boundaries cover disjoint files,
 * because a later object's options for the same rule would replace an earlier one's.
 * tests/lint/boundaries.test.ts checks that each boundary fails on an import that crosses it.
 */
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

/** `(../){n}` as a regex. */
const up = (n) => `(\\.\\./){${n}}`

/** Any import of the engine but its index, from anywhere outside it (views reach it via src/). */
const ENGINE_DOOR = {
  regex: '^(\\.{1,2}/)+(src/)?analysis/(?!index\\.js$)',
  message:
    'Outside src/analysis, import the engine only through src/analysis/index.ts (export what you need from there).',
}

/** Pages are rendered by the routes only; what others share of them belongs in components. */
const NO_PAGES = {
  regex: '^(\\.\\./)+views/pages/',
  message:
    'Only the routes import pages. Move what is shared to views/components, or limits and checks to src/domain.',
}

/** The exports serve the routes and the CLI alike, so they import neither. */
const NO_HTTP_LAYER = {
  regex: '^(\\.\\./)+((routes|cli|server)/|(app|server)\\.js$)|^hono/http-exception$',
  message:
    'src/export must not import the HTTP layer or the CLIs: throw a DomainError (src/domain/errors.ts), which the routes map to a status and the CLI to an exit code.',
}

/** The domain is shared by everything above it and imports none of it, nor HTTP. */
const DOMAIN_DOWN = {
  regex:
    '^(\\.\\./)+((charts|export|routes|cli|server|pool|view-models)/|views/|(app|server)\\.js$)|^hono(/|$)',
  message:
    'src/domain sits below the charts, exports, routes, CLIs and views and knows nothing of HTTP: it may import only the engine, the corpus and the store.',
}

/** A view model is what views, routes and exports show; it imports none of them, nor HTTP. */
const VIEW_MODELS_DOWN = {
  regex: '^(\\.\\./)+((export|routes|cli|server|pool)/|views/|(app|server)\\.js$)|^hono(/|$)',
  message:
    'src/view-models sits below the views, routes and exports and knows nothing of HTTP: it may import only the charts, the domain, the engine (through its index), the corpus and the store.',
}

/** The routes' query checks use the domain's vocabulary, not a view's. */
const NO_VIEWS = {
  regex: '^(\\.\\./)+views/',
  message: 'src/routes/params.ts takes its limits and checks from src/domain, not from views.',
}

/** Names of the domain that once lived in views; a route importing them from a view bypasses it. */
const VALIDATION_FROM_VIEWS = {
  regex: '^(\\.\\./)+views/',
  importNames: [
    'COMPARE_MIN',
    'COMPARE_MAX',
    'MAX_QUERY_LENGTH',
    'MEASURES',
    'isMeasure',
    'categoriesOf',
    'isNamingTerm',
    'LAYERS',
    'isLayer',
    'DEFAULT_LAYERS',
  ],
  message: 'Routes take limits and validation from src/domain, not from views.',
}

/**
 * The engine's own patterns for a file `depth` folders below src/analysis: a relative import may
 * not leave src/analysis except for a JSON file of data/ (lexicons, the bundled model), and a
 * package or node built-in is refused unless `packages` lists it.
 */
function engineSelf(depth, packages = []) {
  const allowed = packages.map((p) => `${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`).join('|')
  return [
    {
      regex: `^(?!${up(depth + 2)}data/.*\\.json$)${up(depth + 1)}`,
      message:
        'The engine (src/analysis) imports nothing outside itself but JSON data of data/: pass values in instead.',
    },
    {
      regex: `^(?!\\.${allowed ? `|${allowed}` : ''})`,
      message:
        'The engine (src/analysis) is pure: no packages or node built-ins beyond those its lexicons are read with.',
    },
  ]
}

/** Files `depth` folders below src/analysis. */
const engineFiles = (depth) => `src/analysis/${'*/'.repeat(depth)}*.{ts,tsx}`

/** One boundary: the import patterns refused in `files` (`src/` and `SRC/` are not the same). */
const boundary = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map((p) => ({ ...p, caseSensitive: true })) },
    ],
  },
})

/** Where the lexicons are read: the one engine file with packages and node built-ins. */
const LEXICONS = 'src/analysis/lexicons.ts'

const CODE = '**/*.{ts,tsx}'

export default defineConfig(
  {
    ignores: ['node_modules/', 'coverage/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: [CODE],
    rules: {
      // tsc checks fallthrough (noFallthroughCasesInSwitch) and knows that process.exit() never
      // returns; this rule, without types, does not.
      'no-fallthrough': 'off',
    },
  },
  {
    // The one browser script: plain JavaScript, run by the page.
    files: ['views/client.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        customElements: 'readonly',
        HTMLElement: 'readonly',
      },
    },
  },

  // Import boundaries (issue 8). The file groups are disjoint (see the module comment).
  ...[0, 1, 2, 3].map((depth) => boundary([engineFiles(depth)], engineSelf(depth), [LEXICONS])),
  boundary([LEXICONS], engineSelf(0, ['node:fs', 'node:module', 'sentiment'])),
  boundary([`views/${CODE}`], [ENGINE_DOOR]),
  boundary(
    [`src/${CODE}`],
    [ENGINE_DOOR, NO_PAGES],
    ['src/analysis/**', 'src/routes/**', 'src/export/**', 'src/domain/**', 'src/view-models/**'],
  ),
  boundary([`src/routes/${CODE}`], [ENGINE_DOOR, VALIDATION_FROM_VIEWS], ['src/routes/params.ts']),
  boundary(['src/routes/params.ts'], [ENGINE_DOOR, NO_VIEWS]),
  boundary([`src/export/${CODE}`], [ENGINE_DOOR, NO_PAGES, NO_HTTP_LAYER]),
  boundary([`src/domain/${CODE}`], [ENGINE_DOOR, DOMAIN_DOWN]),
  boundary([`src/view-models/${CODE}`], [ENGINE_DOOR, NO_PAGES, VIEW_MODELS_DOWN]),
)
