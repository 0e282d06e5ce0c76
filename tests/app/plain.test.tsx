/**
 * The plain-words label (views/components/plain.tsx): the plain words on screen, the technical
 * name in the text for screen readers and in `data-tech` for the hover and focus tooltip, one tab
 * stop unless told otherwise or inside a block that repeats its labels.
 */
import { describe, expect, it } from 'vitest'
import { Plain, PlainLabels } from '../../views/components/plain.js'
import { parseHtml } from './helpers.js'

const render = async (node: unknown) => parseHtml(String(await node)).body

describe('Plain', () => {
  it('shows the plain words, keeps the technical name for hover, focus and screen readers', async () => {
    const body = await render(<Plain tech="G² (log-likelihood)">how typical</Plain>)
    const label = body.querySelector('.plain')!
    expect(label.getAttribute('tabindex')).toBe('0')
    expect(label.getAttribute('data-tech')).toBe('G² (log-likelihood)')
    expect(label.hasAttribute('title')).toBe(false)
    expect(label.querySelector('.visually-hidden')!.textContent).toBe(
      ' (technical name: G² (log-likelihood))',
    )
    expect(label.textContent).toBe('how typical (technical name: G² (log-likelihood))')
  })

  it('is no tab stop inside a link, or in a block that repeats its labels', async () => {
    const inLink = await render(
      <a href="/x">
        <Plain tech="hedges" focusable={false}>
          words of doubt
        </Plain>
      </a>,
    )
    expect(inLink.querySelector('.plain')!.hasAttribute('tabindex')).toBe(false)
    const repeated = await render(
      <PlainLabels focusable={false}>
        <Plain tech="cues">Signal words</Plain>
        <Plain tech="hits" focusable>
          Times found
        </Plain>
      </PlainLabels>,
    )
    const [cues, hits] = [...repeated.querySelectorAll('.plain')]
    expect(cues!.hasAttribute('tabindex')).toBe(false)
    expect(hits!.getAttribute('tabindex')).toBe('0')
  })
})
