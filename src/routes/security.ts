/**
 * The security headers of every response (hono/secure-headers). The pages carry no inline
 * script: htmx, Chart.js and the chart script are files under /assets, so the Content Security
 * Policy allows scripts from this origin only; a script smuggled into an article, a title or an
 * actor's name would not run even if escaping failed. Inline style attributes stay allowed
 * (`style-src-attr`: the actor colours are set that way; they cannot run code). Pages may not be
 * framed by another site (frame-ancestors, X-Frame-Options), forms post only here, no referrer
 * leaves with a link to an article's source, and a response is never sniffed as another type.
 * A route that sets its own policy keeps it (the offline snapshot carries one allowing only its
 * own inline scripts, by hash).
 */
import { secureHeaders } from 'hono/secure-headers'

export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // Not for plain HTTP on a laptop: HSTS is for whoever puts TLS in front.
    strictTransportSecurity: false,
    overwrite: false,
  })
}
