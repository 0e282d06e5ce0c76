/**
 * Framelens' only browser script.
 *
 * The <fl-chart> element draws the Chart.js config held in its data-chart attribute when it
 * enters the page and destroys the chart when it leaves, so htmx swaps never leave a Chart
 * instance behind on a detached canvas. A click on a bar follows the URL data-links gives for it:
 * through the matching htmx link on the page when there is one (a chart click then does exactly
 * what a click in the table does), as a navigation otherwise. Its tooltips read as the tables do:
 * a label of several lines is one line of words (not joined with commas), a longer title comes
 * from data-tooltips when the page gives one (the sentence of the sentence chart, a whole
 * headline where the axis cuts it), and every
 * number has the tables' rounding: 2 decimals, a real minus sign, whole counts as they are.
 *
 * The Compare page's evidence drawer (#cue-drawer) becomes a dialog while it holds evidence that a
 * click opened: focus moves into it, Tab stays inside it, Escape or "Close" empties it, puts the
 * URL without the evidence in the history and gives focus back to the number that opened it.
 */
;(() => {
  'use strict'

  /** Follows a bar's URL like the page's own link to it would. */
  function follow(href) {
    const link = Array.from(document.querySelectorAll('a[data-hx-link]')).find(
      (a) => a.getAttribute('href') === href,
    )
    if (link) link.click()
    else window.location.assign(href)
  }

  /**
   * A number as the tables write it, with U+2212 for minus. The specs round their data as the
   * tables do (src/domain/rounding.ts: 2 decimals for tone, 1 for shares and rates); a value
   * with more decimals than that is rounded here to 2 the same way (`toFixed`).
   */
  function formatNumber(x) {
    if (typeof x !== 'number' || !Number.isFinite(x)) return String(x)
    const decimals = (String(x).split('.')[1] || '').length
    const s = decimals > 2 ? x.toFixed(2) : String(x)
    if (Number(s) === 0) return s.replace('-', '')
    return s.startsWith('-') ? `\u2212${s.slice(1)}` : s
  }

  /** An axis label as one line: Chart.js labels of several lines are arrays of strings. */
  const oneLine = (label) => (Array.isArray(label) ? label.join(' ') : String(label ?? ''))

  /** The value a tooltip item shows, whatever the chart's orientation. */
  function itemValue(item) {
    const raw = item.raw
    if (typeof raw === 'number') return raw
    if (raw && typeof raw === 'object') {
      const horizontal = item.chart.options.indexAxis === 'y'
      const v = horizontal ? raw.x : raw.y
      if (typeof v === 'number') return v
    }
    return item.parsed && typeof item.parsed === 'object'
      ? item.chart.options.indexAxis === 'y'
        ? item.parsed.x
        : item.parsed.y
      : raw
  }

  /**
   * Longer tooltip titles, one per label: data-tooltips (the spec's `tooltips`, written by
   * views/components/chart.tsx), else, read defensively, `data.sentences` or `data.tooltips` of
   * the config.
   */
  function tooltipTitles(element, config) {
    let titles = null
    try {
      if (element.dataset.tooltips) titles = JSON.parse(element.dataset.tooltips)
    } catch {
      titles = null
    }
    const data = (config && config.data) || {}
    if (!Array.isArray(titles)) titles = Array.isArray(data.sentences) ? data.sentences : null
    if (!Array.isArray(titles)) titles = Array.isArray(data.tooltips) ? data.tooltips : null
    return titles
  }

  /** Tooltip callbacks: one-line titles (or the longer ones given) and the tables' rounding. */
  function tooltipCallbacks(titles) {
    return {
      title(items) {
        const item = items[0]
        if (!item) return ''
        const label = oneLine(item.label)
        const long = titles && titles[item.dataIndex]
        if (!long) return label
        // A label cut short ("Russian President…") gives way to the whole; a number ("3") is kept.
        const stem = label.replace(/…$/, '')
        return long.startsWith(stem) ? long : `${label}: ${long}`
      },
      label(item) {
        const name = item.dataset && item.dataset.label ? `${item.dataset.label}: ` : ''
        const value = itemValue(item)
        return value === null || value === undefined ? `${name}absent` : name + formatNumber(value)
      },
    }
  }

  class FramelensChart extends HTMLElement {
    connectedCallback() {
      if (this.chart) return
      if (typeof window.Chart !== 'function') {
        console.error(
          'fl-chart: Chart.js is not loaded; load /assets/chart.umd.min.js before /assets/client.js',
        )
        return
      }
      let config
      let links = null
      try {
        config = JSON.parse(this.dataset.chart || '')
        if (this.dataset.links) links = JSON.parse(this.dataset.links)
      } catch (err) {
        console.error('fl-chart: data-chart and data-links must be JSON', this, err)
        return
      }
      const canvas =
        this.querySelector('canvas') || this.appendChild(document.createElement('canvas'))
      // The config is plain JSON from the server; behaviour (functions) is added here only.
      config.options = config.options || {}
      const plugins = (config.options.plugins = config.options.plugins || {})
      const tooltip = (plugins.tooltip = plugins.tooltip || {})
      tooltip.callbacks = Object.assign(
        {},
        tooltip.callbacks,
        tooltipCallbacks(tooltipTitles(this, config)),
      )
      if (links) {
        const hrefAt = (el) =>
          el && links[el.datasetIndex] ? links[el.datasetIndex][el.index] : null
        config.options.onClick = (_event, elements) => {
          const href = hrefAt(elements[0])
          if (href) follow(href)
        }
        config.options.onHover = (event, elements) => {
          event.native.target.style.cursor = hrefAt(elements[0]) ? 'pointer' : 'default'
        }
      }
      this.chart = new window.Chart(canvas, config)
    }

    disconnectedCallback() {
      if (this.chart) this.chart.destroy()
      this.chart = undefined
    }
  }

  customElements.define('fl-chart', FramelensChart)

  /** For tests: how many Chart instances are alive (each must belong to a chart on screen). */
  window.__framelensLiveCharts = () =>
    Object.keys(window.Chart ? window.Chart.instances : {}).length

  // -------------------------------------------------------------------------------------------
  // The evidence drawer

  const FOCUSABLE =
    'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

  /** The element that opened the drawer, and the URL it had before (for focus and the close). */
  let opener = null
  let openerHref = null

  const drawer = () => document.getElementById('cue-drawer')
  const cues = () => document.getElementById('cues')

  /** Whether the drawer holds evidence. */
  const isOpen = () => {
    const box = cues()
    return !!box && box.children.length > 0
  }

  /** Makes the open drawer a modal dialog named by its panel's heading, and focuses that heading. */
  function openDrawer(source) {
    const el = drawer()
    const box = cues()
    if (!el || !box || !isOpen()) return
    if (source && !el.contains(source)) {
      opener = source
      openerHref = source.getAttribute('href')
    }
    el.setAttribute('role', 'dialog')
    el.setAttribute('aria-modal', 'true')
    const heading = box.querySelector('h2')
    if (heading) {
      if (!heading.id) heading.id = 'drawer-title'
      el.setAttribute('aria-labelledby', heading.id)
      el.removeAttribute('aria-label')
      heading.setAttribute('tabindex', '-1')
      heading.focus({ preventScroll: true })
    } else {
      el.setAttribute('tabindex', '-1')
      el.focus({ preventScroll: true })
    }
  }

  /** Gives focus back to the number that opened the drawer (or, swapped away, its twin). */
  function returnFocus() {
    let target = opener && opener.isConnected ? opener : null
    if (!target && openerHref) {
      target = Array.from(document.querySelectorAll('a[data-hx-link]')).find(
        (a) => a.getAttribute('href') === openerHref,
      )
    }
    opener = null
    openerHref = null
    if (target) target.focus()
  }

  /** Empties the drawer, records the view without it in the history and returns focus. */
  function closeDrawer() {
    const el = drawer()
    const box = cues()
    if (!el || !box) return
    box.replaceChildren()
    el.removeAttribute('role')
    el.removeAttribute('aria-modal')
    el.removeAttribute('aria-labelledby')
    el.setAttribute('aria-label', 'Evidence behind a number')
    const url = el.dataset.close
    if (url && window.location.pathname + window.location.search !== url) {
      // `htmx: true` so that htmx restores this entry too when Back or Forward comes to it.
      window.history.pushState({ htmx: true }, '', url)
    }
    returnFocus()
  }

  document.addEventListener('htmx:after:swap', (event) => {
    const ctx = event.detail && event.detail.ctx
    const target = ctx && ctx.target
    if (target && target.id === 'cues') openDrawer(ctx.sourceElement)
  })

  document.addEventListener('click', (event) => {
    const close =
      event.target && typeof event.target.closest === 'function'
        ? event.target.closest('[data-drawer-close]')
        : null
    if (!close || !isOpen()) return
    event.preventDefault()
    closeDrawer()
  })

  document.addEventListener('keydown', (event) => {
    const el = drawer()
    if (!el || !isOpen() || !(document.activeElement && el.contains(document.activeElement))) return
    if (event.key === 'Escape') {
      event.preventDefault()
      closeDrawer()
      return
    }
    if (event.key !== 'Tab') return
    // Tab and Shift+Tab go round the drawer's own controls.
    const items = Array.from(el.querySelectorAll(FOCUSABLE)).filter(
      (item) => item.getClientRects().length > 0,
    )
    if (items.length === 0) {
      event.preventDefault()
      return
    }
    const first = items[0]
    const last = items[items.length - 1]
    const active = document.activeElement
    if (event.shiftKey && (active === first || !items.includes(active))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || !items.includes(active))) {
      event.preventDefault()
      first.focus()
    }
  })
})()
