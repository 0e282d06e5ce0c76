/**
 * Headless Chromium for the browser tests and the screenshot script: Debian's /usr/bin/chromium
 * driven by playwright-core (no browser download), and the app served on an ephemeral port of
 * 127.0.0.1 so runs never collide with a dashboard already running.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { Hono } from 'hono'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumAvailable = () => existsSync(CHROMIUM_PATH)

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface RunningApp {
  url: string
  close: () => Promise<void>
}

/** Serves `app` on 127.0.0.1 with a port the system picks; resolves once it listens. */
export function serveApp(app: Hono): Promise<RunningApp> {
  return new Promise((resolve) => {
    const server: ServerType = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        })
      },
    )
  })
}

let axeSource: string | undefined

/**
 * Puts axe-core into the page. Evaluated through the DevTools protocol, not added as a <script>:
 * the pages' Content Security Policy (rightly) refuses an inline script, and the test must not
 * weaken the policy it also checks.
 */
export async function injectAxe(page: Page): Promise<void> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(axeSource)
}

/**
 * axe-core's serious and critical violations on the page as it stands, one line each
 * (`rule (impact): target, target`), with label-content-name-mismatch (experimental in axe)
 * switched on: the rule an accessible name that does not start with the visible text breaks.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await injectAxe(page)
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[]
          }>
        }
      }
    ).axe
    const result = await axe.run(document, {
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}
