/**
 * A chart on a page: a `<fl-chart>` element holding the Chart.js config as JSON in `data-chart`
 * (the browser script draws it), a canvas with a text alternative, the one-line "how this is
 * computed" and a link to the Methods section, and links to download the chart as a picture and
 * its numbers as data. `data-chart-name` is the chart's export name (its spec's id); `data-links`
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
 * "Download: PNG · SVG · CSV · JSON". Plain links: the server answers with attachments, so a
 * click saves a file and needs no script. Each link's name says which chart and what comes out,
 * since a list of links read out of context would otherwise be four identical "PNG"s per chart.
 */
export const ChartDownloads: FC<{ spec: ChartSpec; query: ExportQuery; about?: string }> = ({
  spec,
  query,
  about,
}) => {
  const chart = `the chart “${spec.title}”${about ? ` for “${about}”` : ''}`
  return (
    <p class="downloads">
      Download:{' '}
      {CHART_FORMATS.map((format, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a
            href={exportUrl(spec.id, format, query)}
            download
            data-format={format}
            aria-label={
              isPictureFormat(format)
                ? `Download ${chart} as ${format.toUpperCase()}`
                : `Download the data behind ${chart} as ${format.toUpperCase()}`
            }
          >
            {format.toUpperCase()}
          </a>
        </>
      ))}
    </p>
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
}> = ({ spec, linkFor, suffix, size, exports, about }) => {
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
      <div class="chart-box">
        <fl-chart
          id={modeId(mode, id)}
          data-chart-name={spec.id}
          data-chart={JSON.stringify(spec.config)}
          data-links={links ? JSON.stringify(links) : undefined}
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
