/**
 * What went wrong with a request, in the domain's own words: an article, actor or chart that does
 * not exist, a request that cannot be read, a request over a size limit. The code that pages,
 * routes, exports and the CLIs share throws these and never an HTTP status or an exit code, so it
 * serves the server and the command line alike. Each edge says it in its own terms: the routes map
 * a kind to an HTTP status (src/routes/errors.tsx), the CLIs to an exit code.
 */

/**
 * The kinds of refusal: to the routes 404, 400, 413, 422 (a field that is not acceptable) and 409
 * (a write that clashes with what is stored: a duplicate); "bad input" to the CLIs.
 */
export type DomainErrorKind = 'not-found' | 'bad-request' | 'too-large' | 'invalid' | 'conflict'

/** A refusal meant for the person who asked: its message says what to ask instead. */
export class DomainError extends Error {
  override readonly name = 'DomainError'
  readonly kind: DomainErrorKind

  constructor(kind: DomainErrorKind, message: string) {
    super(message)
    this.kind = kind
  }
}
