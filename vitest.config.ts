import { defineConfig } from 'vitest/config'

/**
 * Two projects. `core` runs in-process only: the engine, the routes through `app.request`, the
 * views and the exports (`npm run test:core`). `browser` holds what needs a real process or a
 * real browser: headless Chromium, the server spawned as `npm start` runs it, and the CLIs spawned
 * to prove their wiring. `npm test` runs both.
 */
const BROWSER_AND_PROCESS = [
  'tests/browser/**/*.test.{ts,tsx}',
  'tests/server/lifecycle.test.ts',
  'tests/cli/*.process.test.ts',
  'tests/export/snapshot.test.ts',
  'tests/export/snapshot-escaping.test.ts',
  'tests/store/kill9.test.ts',
]

export default defineConfig({
  // Vitest 4 transforms with oxc; TSX tests render with hono/jsx, as tsconfig.json says.
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: BROWSER_AND_PROCESS,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER_AND_PROCESS,
          // A ceiling for a loaded machine, never a wait: each step waits on a condition.
          testTimeout: 60_000,
        },
      },
    ],
  },
})
