/**
 * Every error leaves the app through here, with a status code that says what went wrong and a
 * body in the form the caller reads: JSON `{error: {status, message}}` under /api/*, a fragment
 * for htmx (which swaps 4xx/5xx responses into the region that asked), a page otherwise.
 * Handlers throw `HTTPException`; the code they share with the exports and the CLIs throws a
 * `DomainError`, whose kind is given its status here and nowhere else (`DOMAIN_STATUS`); anything
 * else is a bug, logged and answered with a 500 that does not leak internals.
 */
import type { Context } from 'hono'
import { html } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { InputError } from '../corpus/errors.js'
import { DomainError, type DomainErrorKind } from '../domain/errors.js'
import { Layout } from '../../views/layout.js'
import { ErrorFragment, ErrorPage, errorTitle } from '../../views/pages/error.js'
import { VARY, wantsPartial } from './htmx.js'

/** Shorthand for handlers: `throw httpError(404, 'no article "x"')`. */
export function httpError(status: ContentfulStatusCode, message: string): HTTPException {
  return new HTTPException(status, { message })
}

/** The HTTP status of each kind of `DomainError`. */
export const DOMAIN_STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  'not-found': 404,
  'bad-request': 400,
  'too-large': 413,
  invalid: 422,
  conflict: 409,
}

export function isApi(c: Context): boolean {
  return c.req.path === '/api' || c.req.path.startsWith('/api/')
}

/** The response for an error status and a message meant for the person who made the request. */
export function errorResponse(c: Context, status: ContentfulStatusCode, message: string) {
  if (isApi(c)) return c.json({ error: { status, message } }, status)
  c.header('Vary', VARY)
  if (wantsPartial(c)) return c.html(<ErrorFragment status={status} message={message} />, status)
  return c.html(
    html`<!doctype html>${(
        <Layout title={errorTitle(status)}>
          <ErrorPage status={status} message={message} />
        </Layout>
      )}`,
    status,
  )
}

export function onError(err: Error, c: Context) {
  if (err instanceof HTTPException) {
    // Hono's own exceptions (e.g. from middleware) may carry a prepared response.
    const status = err.status as ContentfulStatusCode
    return errorResponse(c, status, err.message || errorTitle(status))
  }
  if (err instanceof DomainError) return errorResponse(c, DOMAIN_STATUS[err.kind], err.message)
  if (err instanceof InputError) return errorResponse(c, 400, err.message)
  console.error(err)
  return errorResponse(c, 500, 'the server failed to answer; the error is in its log')
}

export function notFound(c: Context) {
  return errorResponse(c, 404, `nothing at ${c.req.path}`)
}
