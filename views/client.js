/**
 * Framelens' only browser script: the <fl-chart> element. It draws the Chart.js config held in
 * its data-chart attribute when it enters the page and destroys the chart when it leaves, so
 * htmx swaps never leave a Chart instance behind on a detached canvas. A click on a bar follows
 * the URL data-links gives for it: through the matching htmx link on the page when there is one
 * (a chart click then does exactly what a click in the table does), as a navigation otherwise.
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
      if (links) {
        const hrefAt = (el) =>
          el && links[el.datasetIndex] ? links[el.datasetIndex][el.index] : null
        config.options = config.options || {}
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
})()
