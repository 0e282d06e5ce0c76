/**
 * The Compare page's URLs for what views/urls.ts does not build: the tone evidence of one column
 * open in the drawer (`&article=a&tone=x`). A tone number then has a URL of its own, pushed when
 * it is clicked, so Back closes the drawer and a shared link opens it again.
 */
import { compareUrl } from './urls.js'

const q = encodeURIComponent

/** The comparison with the clauses behind column `article`'s tone toward `tone` in the drawer. */
export const compareToneUrl = (
  ids: readonly string[],
  actor: string | undefined,
  evidence: { article: string; tone: string },
) => `${compareUrl(ids, actor)}&article=${q(evidence.article)}&tone=${q(evidence.tone)}`
