/**
 * A chart on a page: a `<fl-chart>` element holding the Chart.js config as JSON in `data-chart`
 * (the browser script draws it), a canvas with a text alternative, the one-line "how this is
 * computed" and a link to the Methods section, and links to download the chart as a picture and
 * its numbers as data, folded behind one "Download" control so a page of many charts keeps one
 * tab stop per chart. The tooltip of a bar can say more than its axis label (the spec's
 * `tooltips`: the whole headline, the sentence of the sentence chart), in `data-tooltips`. `data-chart-name` is the chart's export name (its spec's id); `data-links`
 * holds, per bar, the URL of the evidence behind it, which the browser script follows on click.
 */
import type { FC } from 'hono/jsx'
import type { ChartPoint, ChartSpec } from '../../src/charts/index.js'
import {
  CHART_FORMATS,
  exportUrl,
  isPictureFormat,
  type ExportQuery,
} from '../../src/export/urls.js'
import { DASHBOARD, MethodsLink, modeId, useRenderMode } from './render-mode.js'

/**
 * "Download ▸ PNG · SVG · CSV · JSON", folded in a `<details>`: one tab stop per chart until it is
 * opened. Plain links: the server answers with attachments, so a click saves a file and needs no
 * script. Each name starts with the word the link shows and goes on with which chart and what
 * comes out ("PNG picture of the chart …"), since links read out of context would otherwise be
 * four identical "PNG"s per chart, and a name that does not start with the visible word cannot be
 * said by a speech user (axe's label-content-name-mismatch).
 */
export const ChartDownloads: FC<{ spec: ChartSpec; query: ExportQuery; about?: string }> = ({
  spec,
  query,
  about,
}) => {
  const chart = `the chart “${spec.title}”${about ? ` for “${about}”` : ''}`
  return (
    <details class="downloads">
      <summary aria-label={`Download ${chart}`}>Download</summary>
      <p>
        {CHART_FORMATS.map((format, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a
              href={exportUrl(spec.id, format, query)}
              download
              data-format={format}
              aria-label={
                isPictureFormat(format)
                  ? `${format.toUpperCase()} picture of ${chart}`
                  : `${format.toUpperCase()} data behind ${chart}`
              }
            >
              {format.toUpperCase()}
            </a>
          </>
        ))}
      </p>
    </details>
  )
}

export const ChartFigure: FC<{
  spec: ChartSpec
  /** Where a click on a bar leads; bars without a URL do nothing. */
  linkFor?: (point: ChartPoint) => string | null
  /** Makes DOM ids unique when the same kind of chart appears several times (compare columns). */
  suffix?: string
  size?: 'normal' | 'small' | 'wide' | 'tall'
  /**
   * The query that exports this chart as the page draws it (`exportUrl(spec.id, …, exports)`).
   * Left out where no server would answer a download link (the offline snapshot).
   */
  exports?: ExportQuery
  /** What the chart is of, for the download links' names when charts share a title (a column). */
  about?: string
  /** Tooltip titles, one per label; by default the spec's own (`ChartSpec.tooltips`). */
  tooltips?: readonly string[]
  /**
   * Rows of a horizontal chart (one per article): the box grows with them, so two-line labels
   * never run into each other however many articles there are.
   */
  rows?: number
}> = ({ spec, linkFor, suffix, size, exports, about, tooltips, rows }) => {
  const mode = useRenderMode()
  const id = `chart-${spec.id}${suffix ? `-${suffix}` : ''}`
  const at = (href: string | null) => (href === null ? null : mode.link(href))
  const mapped =
    linkFor && spec.points
      ? spec.points.map((row) => row.map((p) => (p ? at(linkFor(p)) : null)))
      : undefined
  // Where the mode re-points links (the snapshot), a chart none of whose bars leads anywhere
  // any more has no `data-links` at all; the dashboard writes what `linkFor` gives.
  const links =
    mode === DASHBOARD || mapped?.some((row) => row.some((h) => h !== null)) ? mapped : undefined
  return (
    <figure
      class={size && size !== 'normal' ? `chart chart-${size}` : 'chart'}
      aria-labelledby={modeId(mode, `${id}-title`)}
    >
      <figcaption id={modeId(mode, `${id}-title`)} class="chart-title">
        {spec.title}
      </figcaption>
      <div class="chart-box" style={rows ? `height:max(20rem, ${2.6 * rows + 6}rem)` : undefined}>
        <fl-chart
          id={modeId(mode, id)}
          data-chart-name={spec.id}
          data-chart={JSON.stringify(spec.config)}
          data-links={links ? JSON.stringify(links) : undefined}
          data-tooltips={
            (tooltips ?? spec.tooltips) ? JSON.stringify(tooltips ?? spec.tooltips) : undefined
          }
        >
          <canvas role="img" aria-label={`${spec.title}: ${spec.summary}`}>
            {spec.summary}
          </canvas>
        </fl-chart>
      </div>
      <p class="how">
        {spec.howComputed} <MethodsLink anchor={spec.methods}>How this is computed</MethodsLink>
      </p>
      {exports ? <ChartDownloads spec={spec} query={exports} about={about} /> : null}
    </figure>
  )
}
