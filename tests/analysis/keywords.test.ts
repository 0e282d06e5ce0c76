import { describe, expect, it } from 'vitest'
import {
  distinctiveTerms,
  kwic,
  kwicForms,
  logLikelihood,
  normalizeText,
  termCounts,
  tokenize,
  topTerms,
} from '../../src/analysis/index.js'
import { defaultAnalyzer } from './helpers.js'

const counts = (text: string) => termCounts(tokenize(normalizeText(text)))

describe('terms', () => {
  it("count content words in lower case, possessive 's dropped, stop words and numbers out", () => {
    expect(
      Object.fromEntries(
        counts("Russia's shells and Russia's 11,000 shells: the shells of Russia."),
      ),
    ).toEqual({
      russia: 3,
      shells: 3,
    })
  })

  it('rank top terms by count, ties alphabetically', () => {
    expect(topTerms(counts('kim putin kim deal putin kim train'), 3)).toEqual([
      { term: 'kim', count: 3 },
      { term: 'putin', count: 2 },
      { term: 'deal', count: 1 },
    ])
  })
})

describe('distinctive terms', () => {
  it("use Dunning's log-likelihood", () => {
    // a term 10 times in 100 words here and never in 100 words elsewhere:
    // G² = 2 × 10 × ln(10 / 5) = 13.863
    expect(logLikelihood(10, 0, 100, 100)).toBeCloseTo(13.863, 3)
    expect(logLikelihood(5, 5, 100, 100)).toBe(0)
  })

  it('keep terms used relatively more here, seen twice, significant at p < 0.05', () => {
    // crab: 6 of 8 terms here, 0 of 8 elsewhere. E = 8 × 6 / 16 = 3, G² = 2 × 6 × ln(6 / 3) = 8.318.
    // sanctions, twice elsewhere only, is not distinctive here; putin and kim are seen once here.
    const own = counts('crab crab crab crab crab crab putin kim')
    const rest = counts('putin kim putin kim putin kim sanctions sanctions')
    const corpus = new Map(own)
    for (const [t, n] of rest) corpus.set(t, (corpus.get(t) ?? 0) + n)
    expect(distinctiveTerms(own, corpus)).toEqual([
      { term: 'crab', count: 6, restCount: 0, logLikelihood: 8.318 },
    ])
  })

  it('are computed for each article of a corpus against the others', () => {
    const details = defaultAnalyzer.analyzeCorpus([
      { id: 'a', text: 'Crab crab crab crab crab dumplings. Putin ate.' },
      { id: 'b', text: 'Sanctions sanctions sanctions sanctions sanctions. Putin spoke.' },
    ])
    expect(details.map((d) => d.keywords.distinctive.map((t) => t.term))).toEqual([
      ['crab'],
      ['sanctions'],
    ])
  })
})

describe('keyword in context', () => {
  it('finds each occurrence, possessives included, with context cut at word boundaries', () => {
    const text = "Kim met Putin. Later Putin's aides left, and nobody saw Putin again."
    const lines = kwic('a', text, tokenize(normalizeText(text)), 'putin', 20)
    expect(lines.map((l) => [l.left, l.match, l.right])).toEqual([
      ['Kim met ', 'Putin', ". Later Putin's"],
      ['met Putin. Later ', "Putin's", ' aides left, and'],
      ['and nobody saw ', 'Putin', ' again.'],
    ])
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(['Putin', "Putin's", 'Putin'])
  })

  it('matches each word by its form and says which forms it found', () => {
    const text =
      'The two dictators met. A dictator smiles; sanctions, sanctioned trade and new sanction.\nThe news is new.'
    const tokens = tokenize(normalizeText(text))
    const matches = (q: string) => kwic('a', text, tokens, q).map((l) => l.match)
    expect(matches('dictator')).toEqual(['dictators', 'dictator'])
    expect(matches('Dictators')).toEqual(['dictators', 'dictator'])
    expect(matches('sanction')).toEqual(['sanctions', 'sanctioned', 'sanction'])
    expect(matches('news')).toEqual(['news'])
    expect(matches('new')).toEqual(['new', 'new'])
    expect(kwicForms(kwic('a', text, tokens, 'sanctioning'))).toEqual([
      { form: 'sanction', count: 1 },
      { form: 'sanctioned', count: 1 },
      { form: 'sanctions', count: 1 },
    ])
  })

  it('matches a phrase word by word, each by its form, in order', () => {
    const text =
      'Economic sanctions bite. Economic sanction, economics sanctioned, sanctions economic.'
    const lines = kwic('a', text, tokenize(normalizeText(text)), 'economic sanction')
    // Porter2 gives "economic" and "economics" one stem; the reversed pair does not match.
    expect(lines.map((l) => l.match)).toEqual([
      'Economic sanctions',
      'Economic sanction',
      'economics sanctioned',
    ])
    expect(kwicForms(lines)).toEqual([
      { form: 'economic sanction', count: 1 },
      { form: 'economic sanctions', count: 1 },
      { form: 'economics sanctioned', count: 1 },
    ])
  })

  it('counts forms case-insensitively with quotes straightened, most frequent first', () => {
    const text = 'Russia’s army. RUSSIA said. Russia left. Russia’s aim.'
    expect(kwicForms(kwic('a', text, tokenize(normalizeText(text)), 'russia'))).toEqual([
      { form: 'russia', count: 2 },
      { form: "russia's", count: 2 },
    ])
  })

  it('matches phrases', () => {
    const text = 'The new Axis of Evil is alive.'
    expect(kwic('a', text, tokenize(text), 'axis of evil').map((l) => l.match)).toEqual([
      'Axis of Evil',
    ])
  })
})
