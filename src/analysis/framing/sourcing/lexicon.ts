/**
 * The lexicons of voice and sourcing (data/lexicons/sourcing.json) as phrase matchers: speech
 * verbs, anonymous sources and outlets. Quotations (the block-quote rule) and the sourcing
 * measure both read them.
 */
import { SOURCING } from '../../lexicons.js'
import { PhraseMatcher } from '../../phrase-matcher.js'

export const verbMatcher = new PhraseMatcher<string>([
  ...SOURCING.attributionVerbs.map((v) => [v, 'verb'] as [string, string]),
  ['so-called', 'not-a-verb'],
])
export const anonymousMatcher = new PhraseMatcher<string>(
  SOURCING.anonymous.map((a) => [a, 'anonymous'] as [string, string]),
)
export const outletMatcher = new PhraseMatcher<string>(
  SOURCING.outlets.flatMap((o) =>
    [o.name, ...o.aliases].map((alias) => [alias, o.name] as [string, string]),
  ),
)
