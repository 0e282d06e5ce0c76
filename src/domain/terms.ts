/**
 * The term explorer's query: how long a term may be. The Terms page, its route and the
 * term chart's export all check it, so a term that one accepts the others accept too.
 */

/** Longest query accepted, in characters: a phrase, not a paragraph. */
export const MAX_QUERY_LENGTH = 100
