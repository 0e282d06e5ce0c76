/**
 * The learned reading's features on hand-made sentences: every feature name and value, worked
 * out by hand from the scored words (which each test states first, so a lexicon change shows up
 * as such), the masks on actor names, the roles, and the mean over several mentions.
 */
import { describe, expect, it } from 'vitest'
import { Analyzer, type ArticleDetail } from '../../src/analysis/index.js'
import {
  actorFeatures,
  DEFAULT_FEATURE_SETTINGS,
  describeFeature,
  NEWSMTSC_MODEL,
} from '../../src/analysis/model/index.js'
import { resolveActors } from '../../src/corpus/actors.js'

const analyzer = new Analyzer(
  resolveActors([
    { id: 'kim', aliases: ['Kim'] },
    { id: 'russia', aliases: ['Russia'] },
  ]),
  { model: null },
)
const analyse = (text: string): ArticleDetail => analyzer.analyze({ id: 't', text }).detail
const scored = (d: ArticleDetail) => d.scoredWords.map((w) => `${w.text}:${w.value}`)
const features = (d: ArticleDetail, actor: string) =>
  Object.fromEntries([...actorFeatures(d, actor)].sort(([a], [b]) => (a < b ? -1 : 1)))
const log1p = Math.log1p

describe('actorFeatures', () => {
  it('reads "Kim praised Russia." from each side, with the other name masked', () => {
    const d = analyse('Kim praised Russia.')
    expect(scored(d)).toEqual(['praised:3'])
    expect(d.sentenceSpans[0]!.sentimentScore).toBe(3)
    // Lexicon sums pass through log(1 + x): praised (3) is 1 token from either name.
    const tone = log1p(3)
    expect(features(d, 'kim')).toEqual({
      'after2:praised «other-actor»': 1,
      'after:praised': 1,
      'after:«other-actor»': 1,
      'context:other-actor': 1,
      'lexicon:after-3-pos': tone,
      'lexicon:after-6-pos': tone,
      'lexicon:clause-pos': tone,
      'lexicon:sentence-pos': tone,
      'role:first-in-sentence': 1,
      'sentence:praised': 1,
      'sentence:«other-actor»': 1,
      'sentiment:sentence-pos': tone,
      'word:praised': 1,
      'word:«other-actor»': 1,
    })
    expect(features(d, 'russia')).toEqual({
      'before2:«other-actor» praised': 1,
      'before:praised': 1,
      'before:«other-actor»': 1,
      'context:other-actor': 1,
      'lexicon:before-3-pos': tone,
      'lexicon:before-6-pos': tone,
      'lexicon:clause-pos': tone,
      'lexicon:sentence-pos': tone,
      'sentence:praised': 1,
      'sentence:«other-actor»': 1,
      'sentiment:sentence-pos': tone,
      'word:praised': 1,
      'word:«other-actor»': 1,
    })
  })

  it('marks a target, a possessive and a negator near the name', () => {
    const d = analyse("Critics warned against Russia's plan, not Kim.")
    expect(scored(d)).toEqual(['Critics:-2', 'warned:-2'])
    const f = features(d, 'russia')
    expect(f['role:target']).toBe(1) // after "against"
    expect(f['role:possessive']).toBe(1)
    expect(f['negation:near']).toBe(1) // "not", 3 tokens after the name
    // warned is 2 tokens before the name, Critics 3: both near; both in the clause.
    expect(f['lexicon:before-3-neg']).toBe(log1p(4))
    expect(f['lexicon:clause-neg']).toBe(log1p(4))
    expect(f['role:first-in-sentence']).toBeUndefined()
    expect(Object.keys(f).filter((k) => k.startsWith('before:'))).toEqual([
      'before:against',
      'before:critics',
      'before:warned',
    ])
    // Kim: warned is 6 tokens before it (the wide window), Critics 7 (beyond it).
    const k = features(d, 'kim')
    expect(k['lexicon:before-3-neg']).toBeUndefined()
    expect(k['lexicon:before-6-neg']).toBe(log1p(2))
    expect(k['lexicon:sentence-neg']).toBe(log1p(4))
    expect(k['role:target']).toBeUndefined()
  })

  it('counts quoted words apart and credits the speaker as a source', () => {
    const d = analyse('"Russia is a good friend," Kim said.')
    expect(d.scoredWords.map((w) => `${w.text}:${w.value}:${w.quoted}`)).toEqual([
      'good:3:direct',
      'friend:1:direct',
    ])
    const r = features(d, 'russia')
    expect(r['role:quoted']).toBe(1)
    expect(r['role:first-in-sentence']).toBe(1) // only a quotation mark before it
    expect(r['lexicon:clause-quoted-pos']).toBe(log1p(4))
    expect(r['lexicon:clause-pos']).toBeUndefined()
    expect(r['quote:in-sentence']).toBe(1)
    const k = features(d, 'kim')
    expect(k['role:source']).toBe(1)
    expect(k['role:quoted']).toBeUndefined()
    expect(k['after:said']).toBe(1)
  })

  it('averages the vectors of an actor’s mentions', () => {
    const d = analyse('Russia won. Later, Russia lost.')
    expect(scored(d)).toEqual(['won:3', 'lost:-3'])
    const f = features(d, 'russia')
    expect(f['after:won']).toBe(0.5)
    expect(f['after:lost']).toBe(0.5)
    expect(f['role:first-in-sentence']).toBe(0.5) // the second follows "Later,"
    expect(f['lexicon:sentence-pos']).toBe(log1p(3) / 2)
    expect(f['lexicon:sentence-neg']).toBe(log1p(3) / 2)
    expect(features(d, 'kim')).toEqual({})
  })

  it('leaves the sentence’s words out when the settings say so', () => {
    const d = analyse('Kim praised Russia.')
    const f = actorFeatures(d, 'kim', { ...DEFAULT_FEATURE_SETTINGS, sentenceWords: false })
    expect([...f.keys()].filter((k) => k.startsWith('sentence:'))).toEqual([])
  })
})

describe('describeFeature', () => {
  it('says each kind of feature in plain words', () => {
    expect(describeFeature('word:criticized')).toBe('“criticized” near the name')
    expect(describeFeature('before:«other-actor»')).toBe(
      'another actor’s name just before the name',
    )
    expect(describeFeature('after2:praised «other-actor»')).toBe(
      '“praised [another actor]” just after the name',
    )
    expect(describeFeature('lexicon:before-3-neg')).toBe(
      'negative tone words up to 3 words before the name',
    )
    expect(describeFeature('lexicon:clause-quoted-pos')).toBe(
      'positive tone words quoted in the name’s clause',
    )
    expect(describeFeature('role:target')).toBe(
      'named as a target (after “against”, “to”, “with” …)',
    )
    expect(describeFeature('cue:doubt')).toBe('loaded language in the sentence: doubt')
  })

  it('has words for every feature of the bundled model except plain word features', () => {
    const named = NEWSMTSC_MODEL.file.features.filter((f) => describeFeature(f) === f)
    expect(named).toEqual([])
  })
})
