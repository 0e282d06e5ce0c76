/**
 * The snapshot's markup rewriter (src/export/markup.ts) on Hono's own output: with no edit it
 * gives back the very bytes Hono wrote, whatever the text; it hands over attribute values as a
 * browser decodes them and writes changed ones escaped; and it refuses markup it cannot read the
 * way a browser would instead of guessing.
 */
import { describe, expect, it } from 'vitest'
import {
  getAttribute,
  removeAttribute,
  rewriteMarkup,
  setAttribute,
} from '../../src/export/markup.js'
import { parseHtml } from '../app/helpers.js'

const HOSTILE = [
  'Deal &quot;struck&quot;',
  '</script><script>alert(1)</script>',
  `it's <b>bold</b> & "quoted" <!-- not a comment -->`,
]

const render = async (node: unknown) => String(await (node as { toString(): unknown }).toString())

describe('rewriteMarkup', () => {
  it('gives back Hono’s bytes, and each value as the browser reads it', async () => {
    const html = await render(
      <div>
        {HOSTILE.map((s) => (
          <p data-x={s} title={s}>
            {s}
            <input value={s} />
          </p>
        ))}
      </div>,
    )
    const seen: string[] = []
    const same = rewriteMarkup(html, (tag) => {
      if (tag.name === 'p') seen.push(getAttribute(tag, 'data-x')!)
    })
    expect(same).toBe(html)
    expect(seen).toEqual(HOSTILE)
    const read = [...parseHtml(same).querySelectorAll('p')]
    expect(read.map((p) => p.getAttribute('data-x'))).toEqual(HOSTILE)
    expect(read.map((p) => p.textContent)).toEqual(HOSTILE)
  })

  it('escapes the values it changes, and drops a removed element with what is inside it', async () => {
    const html = await render(
      <p hx-get="/x" class="keep">
        <a href="/methods">How</a> kept <span id="s">text</span>
      </p>,
    )
    const out = rewriteMarkup(html, (tag) => {
      if (tag.name === 'a') return 'remove'
      removeAttribute(tag, 'hx-get')
      if (tag.name === 'span') setAttribute(tag, 'data-json', HOSTILE[0]!)
    })
    expect(out).toBe(
      '<p class="keep"> kept <span id="s" data-json="Deal &amp;quot;struck&amp;quot;">text</span></p>',
    )
    expect(parseHtml(out).querySelector('span')!.getAttribute('data-json')).toBe(HOSTILE[0])
  })

  it.each([
    ['a comment', '<p><!-- x --></p>'],
    ['a reference Hono does not write', '<p title="a&nbsp;b"></p>'],
    ['a bare ampersand in a value', '<p title="a & b"></p>'],
    ['a tag inside a script', '<script>a<b</script>'],
    ['an end tag that closes nothing open', '<p></div>'],
    ['an element never closed', '<p><span></span>'],
    ['a self-closed element that is not void', '<div/>'],
    ['an unquoted value', '<p title=x></p>'],
  ])('refuses %s', (_, html) => {
    expect(() => rewriteMarkup(html, () => {})).toThrow(/cannot rewrite the markup|reference/)
  })
})
