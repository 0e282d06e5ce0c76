/**
 * Feature names in plain words, for the pages that show why the learned reading came out as it
 * did: `word:criticized` reads "“criticized” near the name", `lexicon:before-3-neg` reads
 * "negative tone words up to 3 words before the name".
 */
import { LOADED_CATEGORIES } from '../lexicons.js'
import { OTHER_ACTOR, THIS_ACTOR } from './features.js'

const FIXED: Record<string, string> = {
  'sentiment:sentence-pos': 'the sentence’s positive score in the sentiment package',
  'sentiment:sentence-neg': 'the sentence’s negative score in the sentiment package',
  'negation:sentence': 'negated tone words in the sentence',
  'negation:clause': 'negated tone words in the name’s clause',
  'negation:near': 'a negator (not, never, no …) near the name',
  'role:target': 'named as a target (after “against”, “to”, “with” …)',
  'role:first-in-sentence': 'named first in the sentence',
  'role:possessive': 'named in the possessive (“…’s”)',
  'role:quoted': 'named inside a quotation',
  'role:source': 'credited as the source of a quote or a claim',
  'quote:in-sentence': 'a quotation in the sentence',
  'cue:hedge': 'a hedge (“may”, “reportedly” …) in the sentence',
  'cue:epithet': 'an epithet for the actor in the sentence',
  'context:other-actor': 'another actor named in the sentence',
}

const SIGN: Record<string, string> = { pos: 'positive', neg: 'negative' }

/** A word feature's word as a reader sees it. */
function word(w: string): string {
  if (w === THIS_ACTOR) return 'another mention of the actor'
  if (w === OTHER_ACTOR) return 'another actor’s name'
  if (w === '#') return 'a number'
  if (w === '"') return 'a quotation mark'
  return `“${w}”`
}

const MASKED: Record<string, string> = {
  [THIS_ACTOR]: '[the actor]',
  [OTHER_ACTOR]: '[another actor]',
  '#': '[number]',
}

/** A two-word feature's words as a reader sees them. */
function word2(pair: string): string {
  const [a = '', b = ''] = pair.split(' ')
  const plain = (w: string) => MASKED[w] ?? w
  return `“${plain(a)} ${plain(b)}”`
}

/** A feature's name in plain words; an unknown name is returned as it is. */
export function describeFeature(feature: string): string {
  const fixed = FIXED[feature]
  if (fixed) return fixed
  const colon = feature.indexOf(':')
  const kind = feature.slice(0, colon)
  const rest = feature.slice(colon + 1)
  switch (kind) {
    case 'word':
      return `${word(rest)} near the name`
    case 'before':
      return `${word(rest)} just before the name`
    case 'after':
      return `${word(rest)} just after the name`
    case 'before2':
      return `${word2(rest)} just before the name`
    case 'after2':
      return `${word2(rest)} just after the name`
    case 'sentence':
      return `${word(rest)} in the sentence`
    case 'cue': {
      const category = LOADED_CATEGORIES.find((c) => c.id === rest)
      return category ? `loaded language in the sentence: ${category.label.toLowerCase()}` : feature
    }
    case 'lexicon': {
      const window = /^(before|after)-(\d+)-(pos|neg)$/.exec(rest)
      if (window)
        return `${SIGN[window[3]!]} tone words up to ${window[2]} words ${window[1]} the name`
      const place = /^(clause|clause-quoted|sentence)-(pos|neg)$/.exec(rest)
      if (place) {
        const sign = SIGN[place[2]!]
        if (place[1] === 'clause') return `${sign} tone words in the name’s clause, own voice`
        if (place[1] === 'clause-quoted') return `${sign} tone words quoted in the name’s clause`
        return `${sign} tone words in the sentence`
      }
      return feature
    }
    default:
      return feature
  }
}
