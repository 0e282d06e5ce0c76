/**
 * Errors as people see them: a fragment htmx swaps into the region that asked (htmx 4 swaps 4xx
 * and 5xx responses), or a whole page when the browser navigated. The JSON form for /api/* is
 * in the routes.
 */
import type { FC } from 'hono/jsx'
import { overviewUrl } from '../urls.js'

const TITLES: Record<number, string> = {
  400: 'That request cannot be answered',
  404: 'Not found',
  413: 'Too large',
  415: 'Unsupported content type',
  500: 'Something went wrong on our side',
}

export const errorTitle = (status: number) => TITLES[status] ?? `Error ${status}`

export const ErrorFragment: FC<{ status: number; message: string }> = ({ status, message }) => (
  <div class="error" role="alert" data-status={String(status)}>
    <p>
      <strong>{errorTitle(status)}</strong> ({status}): {message}
    </p>
  </div>
)

export const ErrorPage: FC<{ status: number; message: string }> = ({ status, message }) => (
  <>
    <h1>{errorTitle(status)}</h1>
    <ErrorFragment status={status} message={message} />
    <p>
      <a href={overviewUrl()}>Back to the overview</a>
    </p>
  </>
)
