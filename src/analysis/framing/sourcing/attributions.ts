/**
 * Attributions: the source of each speech verb outside quotations. The source is the candidate
 * that holds the verb or its subject before it, or after it in "according to X", "by X" and
 * "…, said Putin."; a pronoun takes the last named source nearby, a coordinated verb its
 * neighbour's.
 */
import type { PhraseMatch } from '../../phrase-matcher.js'
import type { Attribution, Source } from '../../types.js'
import { lowerBound } from '../../search.js'
import type { SourcingIndex } from './article-index.js'
import type { SourceCandidate } from './candidates.js'

/** How far before a speech verb (in words outside quotations) its subject may stand. */
export const SUBJECT_WINDOW = 8
const PREPOSITIONS = new Set(
  'in on at from with to for of against about over into by through during near toward towards'.split(
    ' ',
  ),
)

/** The attributions, in text order, and the source of each verb for the quotations to take. */
export interface Attributed {
  attributions: Attribution[]
  verbSources: Map<PhraseMatch<string>, Source>
  /** The attributed verbs of a sentence, in text order. */
  verbsIn: (si: number) => PhraseMatch<string>[]
}

/** Credits every speech verb outside quotations to its source. */
export function attributeVerbs(index: SourcingIndex): Attributed {
  const { text, tokens, seg, verbs, gap, insideQuote, sentenceOf, candidates, toSource } = index
  /**
   * The source of an attribution verb: the candidate that contains it ("the officials said") or
   * the nearest before it (the subject), within SUBJECT_WINDOW words outside quotations; after it only for
   * "according to X", a passive "by X", or an inverted "…, said Putin." (name then punctuation).
   * Candidates are sorted and disjoint, so each lookup is a binary search.
   */
  const sourceOfVerb = (
    verb: PhraseMatch<string>,
    cands: SourceCandidate[],
  ): SourceCandidate | null => {
    const firstEndingAtVerb = lowerBound(cands, (c) => c.last >= verb.first)
    const containing = cands[firstEndingAtVerb]
    if (containing && containing.first <= verb.first) return containing
    const verbText = text.slice(verb.start, verb.end).toLowerCase()
    const after = cands[lowerBound(cands, (c) => c.first > verb.last)]
    if (after && gap(verb.last, after.first) <= 2) {
      const next = tokens[after.last + 1]
      const prev = tokens[verb.first - 1]
      // '"…," said Putin.': the verb follows a comma or a closing quote, the name ends the clause
      const inverted =
        (prev?.text === ',' || prev?.text === '"') &&
        gap(verb.last, after.first) === 0 &&
        (!next || [',', '.', '!', '?', ';'].includes(next.text))
      if (verbText.startsWith('according') || tokens[verb.last + 1]?.lower === 'by' || inverted)
        return after
    }
    // The subject: the nearest candidate before the verb that is not the object of a
    // preposition ("Kim called the war in Ukraine … and said": Kim, not Ukraine).
    for (let i = firstEndingAtVerb - 1; i >= 0; i--) {
      const c = cands[i]!
      if (gap(c.last, verb.first) > SUBJECT_WINDOW) break
      if (!PREPOSITIONS.has(tokens[c.first - 1]?.lower ?? '')) return c
    }
    return null
  }

  // Attributions, in order. A pronoun source ("he added") takes the last named source of the
  // same or the previous paragraph; a coordinated verb ("vowed … and said") shares its subject.
  const attributions: Attribution[] = []
  const verbSources = new Map<PhraseMatch<string>, Source>()
  const attributedBySentence = new Map<number, PhraseMatch<string>[]>()
  let lastNamed = null as { source: Source; paragraph: number } | null
  let previous = null as { sentence: number; source: Source } | null
  for (const v of verbs) {
    if (insideQuote(v)) continue
    const si = sentenceOf(v.first)
    const paragraph = seg.sentences[si]!.paragraph
    let source = toSource(sourceOfVerb(v, candidates(si)))
    const coordinated =
      tokens[v.first - 1]?.lower === 'and' && previous !== null && previous.sentence === si
    if (coordinated && previous) source = previous.source
    else if (
      source.kind === 'unattributed' &&
      source.text &&
      lastNamed &&
      paragraph - lastNamed.paragraph <= 1
    )
      source = {
        ...lastNamed.source,
        text: `${source.text} (${lastNamed.source.text})`,
        span: source.span,
      }
    if (source.kind === 'named' && !coordinated) lastNamed = { source, paragraph }
    verbSources.set(v, source)
    const inSentence = attributedBySentence.get(si)
    if (inSentence) inSentence.push(v)
    else attributedBySentence.set(si, [v])
    previous = { sentence: si, source }
    attributions.push({
      start: v.start,
      end: v.end,
      verb: text.slice(v.start, v.end).toLowerCase(),
      source,
    })
  }
  const verbsIn = (si: number) => attributedBySentence.get(si) ?? []

  return { attributions, verbSources, verbsIn }
}
