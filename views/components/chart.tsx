/**
 * A chart on a page: a `<fl-chart>` element holding the Chart.js config as JSON in `data-chart`
 * (the browser script draws it), a canvas with a text alternative, the one-line "how this is
 * computed" and a link to the Methods section. `data-links` holds, per bar, the URL of the
 * evidence behind it; the browser script follows it on click.
 */
import type { FC } from 'hono/jsx'
import type { ChartPoint, ChartSpec } from '../../src/charts/index.js'
import { methodsUrl } from '../urls.js'

export const ChartFigure: FC<{
  spec: ChartSpec
  /** Where a click on a bar leads; bars without a URL do nothing. */
  linkFor?: (point: ChartPoint) => string | null
  /** Makes DOM ids unique when the same kind of chart appears several times (compare columns). */
  suffix?: string
  size?: 'normal' | 'small' | 'wide' | 'tall'
}> = ({ spec, linkFor, suffix, size }) => {
  const id = `chart-${spec.id}${suffix ? `-${suffix}` : ''}`
  const links =
    linkFor && spec.points
      ? spec.points.map((row) => row.map((p) => (p ? linkFor(p) : null)))
      : undefined
  return (
    <figure
      class={size && size !== 'normal' ? `chart chart-${size}` : 'chart'}
      aria-labelledby={`${id}-title`}
    >
      <figcaption id={`${id}-title`} class="chart-title">
        {spec.title}
      </figcaption>
      <div class="chart-box">
        <fl-chart
          id={id}
          data-chart={JSON.stringify(spec.config)}
          data-links={links ? JSON.stringify(links) : undefined}
        >
          <canvas role="img" aria-label={`${spec.title}: ${spec.summary}`}>
            {spec.summary}
          </canvas>
        </fl-chart>
      </div>
      <p class="how">
        {spec.howComputed} <a href={methodsUrl(spec.methods)}>How this is computed</a>
      </p>
    </figure>
  )
}
