/**
 * Every URL the pages link to, built in one place: the routes parse what these build, and the
 * pushed history entries (hx-push-url, HX-Push-Url) use the same canonical forms.
 */

const q = encodeURIComponent

export const overviewUrl = (focus?: { article: string; actor: string }) =>
  focus ? `/?article=${q(focus.article)}&actor=${q(focus.actor)}` : '/'

export const articleUrl = (id: string, actor?: string) =>
  `/articles/${q(id)}${actor ? `?actor=${q(actor)}` : ''}`

export const evidenceUrl = (id: string, actor: string) =>
  `/articles/${q(id)}/evidence?actor=${q(actor)}`

/** Ids joined by commas (left readable: ids are lower-case letters, digits and dashes). */
export const compareUrl = (ids: readonly string[], actor?: string) =>
  `/compare?ids=${ids.map(q).join(',')}${actor ? `&actor=${q(actor)}` : ''}`

export const termsUrl = (query?: string) => (query ? `/terms?q=${q(query)}` : '/terms')

export const methodsUrl = (anchor?: string) => `/methods${anchor ? `#${anchor}` : ''}`

export const apiArticleUrl = (id: string) => `/api/articles/${q(id)}`
