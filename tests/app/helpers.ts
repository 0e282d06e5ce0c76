/**
 * Reading responses in route tests: HTML parsed with linkedom (already a dependency of the
 * corpus loader) so tests query the markup the way a browser would, and the chart configs the
 * pages embed, read back from their `data-chart` attributes.
 */
import { DOMParser } from 'linkedom'
import { expect } from 'vitest'

/** linkedom's documents implement the DOM's Document as far as these tests query it. */
export type Doc = Document

/** A full page or a fragment, as a document to query. */
export function parseHtml(html: string): Doc {
  const full = /^\s*<!doctype html>/i.test(html)
  const source = full ? html : `<!doctype html><html><body>${html}</body></html>`
  return new DOMParser().parseFromString(source, 'text/html') as unknown as Doc
}

/** Asserts an HTML page or fragment response and returns its parsed document and text. */
export async function html(res: Response, status = 200) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8')
  const text = await res.text()
  return { text, doc: parseHtml(text) }
}

/** Asserts the two ways one URL can answer: a whole page or a fragment without the layout. */
export function expectFullPage(text: string) {
  expect(text.startsWith('<!doctype html>')).toBe(true)
  expect(text).toContain('<script src="/assets/htmx.min.js" defer="">')
}

export function expectFragment(text: string) {
  expect(text).not.toContain('<html')
  expect(text).not.toContain('<script')
}

export interface EmbeddedChart {
  id: string
  config: {
    type: string
    data: {
      labels: unknown[]
      datasets: {
        label: string
        data: (number | null)[]
        backgroundColor?: unknown
        borderColor?: unknown
      }[]
    }
    options: { scales?: Record<string, { min?: number; max?: number }> }
  }
  links: (string | null)[][] | null
}

/** Every `<fl-chart>` of a document with its config and bar links parsed. */
export function charts(doc: Doc): EmbeddedChart[] {
  return [...doc.querySelectorAll('fl-chart')].map((el) => ({
    id: el.getAttribute('id') ?? '',
    config: JSON.parse(el.getAttribute('data-chart') ?? 'null'),
    links: el.hasAttribute('data-links') ? JSON.parse(el.getAttribute('data-links')!) : null,
  }))
}

export const text = (doc: Doc, selector: string) =>
  [...doc.querySelectorAll(selector)].map((el) =>
    (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
  )
