import { describe, expect, it } from 'vitest'
import { analyse } from './helpers.js'

const sourcesOf = (text: string) =>
  analyse(text).framing.sourcing.attributions.map(
    (a) => `${a.verb} <- ${a.source.kind}:${a.source.text}:${a.source.actor}`,
  )

describe('voice and sourcing', () => {
  it("finds a quote inside a sentence of the author's own and credits its speaker", () => {
    const text = 'Putin, who called the West "a den of liars and thieves" last year, wrote to Kim.'
    const d = analyse(text)
    expect(
      d.framing.sourcing.quotes.map((q) => [text.slice(q.start, q.end), q.kind, q.words]),
    ).toEqual([['"a den of liars and thieves"', 'direct', 6]])
    expect(d.framing.sourcing.quotes[0]!.source).toMatchObject({
      kind: 'named',
      text: 'Putin',
      actor: 'russia',
    })
  })

  it('treats nested quotation marks as one quotation', () => {
    const text = '“They call it a “special operation” and nothing more,” Peskov said.'
    const d = analyse(text)
    expect(d.framing.sourcing.quotes.map((q) => [text.slice(q.start, q.end), q.words])).toEqual([
      ['“They call it a “special operation” and nothing more,”', 9],
    ])
    expect(d.framing.sourcing.quotes[0]!.source).toMatchObject({
      kind: 'named',
      text: 'Peskov',
      actor: 'russia',
    })
  })

  it('tells "a U.S. official" (anonymous) from "Kremlin spokesman Dmitry Peskov" (named)', () => {
    expect(
      sourcesOf(
        'A U.S. official said the talks failed. Kremlin spokesman Dmitry Peskov said they went well.',
      ),
    ).toEqual([
      'said <- anonymous:A U.S. official:west',
      'said <- named:Kremlin spokesman Dmitry Peskov:russia',
    ])
  })

  it('reads inverted, "according to" and coordinated attributions', () => {
    expect(
      sourcesOf('"We will win," said Putin. Russia needs shells, according to Reuters.'),
    ).toEqual(['said <- named:Putin:russia', 'according to <- outlet:Reuters:null'])
    expect(
      sourcesOf('Kim called the war in Ukraine "a just fight" and said Putin is right.'),
    ).toEqual(['called <- named:Kim:north-korea', 'said <- named:Kim:north-korea'])
  })

  it('resolves "he" to the last named source of the paragraph', () => {
    expect(
      sourcesOf('Putin told reporters Kim was welcome. "They want space too," he added.'),
    ).toEqual(['told reporters <- named:Putin:russia', 'added <- named:he (Putin):russia'])
  })

  it('takes the paragraph after an outlet credit, or a ">" paragraph, as a block quote', () => {
    const text =
      'Kim met Putin today. (Associated Press)\n\nThe two leaders talked for hours.\n\n> Reserves were drained.\n\nMy view is different.'
    const q = analyse(text).framing.sourcing.quotes
    expect(
      q.map((x) => [text.slice(x.start, x.end), x.kind, x.source.kind, x.source.text]),
    ).toEqual([
      ['The two leaders talked for hours.', 'block', 'outlet', 'Associated Press'],
      ['> Reserves were drained.', 'block', 'unattributed', ''],
    ])
    // drained (-2) is quoted: not in the document's own-voice tone toward anyone, but in quotedScore
    expect(analyse(text).scoredWords.map((w) => `${w.text}:${w.quoted}`)).toEqual(['drained:block'])
  })

  it('reports quoted share and attributions by kind', () => {
    const s = analyse('Officials said the deal was done. "It is done and dusted now," Kim said.')
      .framing.sourcing
    expect(s.byKind).toEqual({ named: 1, anonymous: 1, outlet: 0, unattributed: 0 })
    expect(s.quotedShare).toBe(42.857) // 6 quoted words of 14
  })
})

describe('hedging', () => {
  it('counts a hedge inside a negation, marked negated', () => {
    const d = analyse('It is not likely that Kim will travel. He may go.')
    expect(d.framing.hedging.hits.map((h) => `${h.text}:${h.negated}`)).toEqual([
      'likely:true',
      'may:false',
    ])
    expect(d.framing.hedging.count).toBe(2)
    expect(d.framing.hedging.per1000).toBe(181.818) // 2 of 11 words
    expect(d.framing.hedging.claims.map((c) => c.text)).toEqual([
      'It is not likely that Kim will travel.',
      'He may go.',
    ])
  })
})

describe('naming', () => {
  it('gives an epithet to the name it stands beside, not across a possessive', () => {
    const d = analyse('North Korean dictator Kim Jong Un met Putin, who praised his new BFF.')
    expect(d.framing.naming['north-korea']).toEqual([
      {
        term: 'dictator',
        kind: 'epithet',
        count: 1,
        spans: [{ start: 13, end: 21 }],
        key: 'dictator',
      },
      {
        term: 'kim jong un',
        kind: 'alias',
        count: 1,
        spans: [{ start: 22, end: 33 }],
        key: 'kim jong un',
      },
      {
        term: 'north korean',
        kind: 'alias',
        count: 1,
        spans: [{ start: 0, end: 12 }],
        key: 'north korean',
      },
    ])
    expect(d.framing.naming.russia!.map((t) => t.term)).toEqual(['putin'])
    expect(d.framing.naming.west).toBeNull()
  })

  it('counts a quoted epithet for the name that introduces the quote', () => {
    const d = analyse('He referred to the US as "evil forces pursuing ambitions" again.')
    expect(d.framing.naming.west!.map((t) => `${t.kind}:${t.term}`)).toEqual([
      'epithet:evil forces',
      'alias:us',
    ])
  })
})

describe('frames and loaded language', () => {
  it('count frame cues per article and in the clauses that name each actor', () => {
    const d = analyse('Sanctions hurt the economy. Russia fired missiles.')
    const f = d.framing.frames
    expect(f.total).toBe(3)
    expect(f.article.legality).toEqual({ count: 1, share: 33.333, per1000: 142.857 })
    expect(f.article['security-defence']!.count).toBe(1)
    expect(f.byActor.russia!.total).toBe(1)
    expect(f.byActor.russia!.frames['security-defence']).toMatchObject({ count: 1, share: 100 })
    expect(f.byActor.west).toBeNull()
  })

  it('rate loaded language per 1,000 words by category, with every hit', () => {
    const d = analyse('The self-styled summit was a sham show by the dictator.')
    const l = d.framing.loaded
    expect(l.hits.map((h) => `${h.category}:${h.text}`)).toEqual([
      'doubt:self-styled',
      'loaded-words:sham',
      'name-calling:dictator',
    ])
    expect(l.total).toBe(3)
    expect(l.per1000).toBe(272.727) // 3 hits in 11 words ("self-styled" is two)
    expect(l.categories.doubt).toEqual({ count: 1, share: 33.333, per1000: 90.909 })
  })
})

describe('what the engine emits for the views', () => {
  const text =
    'Kim Jong-un, a brutal dictator, met Putin. The war threatens security, and Kim praised the ' +
    'economy. Putin spoke of trade.'

  it('keys each naming term as queries compare it: hyphens as spaces', () => {
    const terms = analyse(text).framing.naming['north-korea']!
    expect(terms.map((t) => [t.term, t.key])).toEqual([
      ['dictator', 'dictator'],
      ['kim', 'kim'],
      ['kim jong-un', 'kim jong un'],
    ])
  })

  it("lists each actor's frame hits: those in the clauses that name it", () => {
    const { frames } = analyse(text).framing
    // Clause 1 ("The war threatens security, and Kim praised the economy") names Kim only;
    // clause 2 ("Putin spoke of trade") Putin only.
    expect(frames.hits.map((h) => h.cue)).toEqual([
      'war',
      'threatens',
      'security',
      'economy',
      'trade',
    ])
    expect(frames.byActor['north-korea']!.hits).toEqual([0, 1, 2, 3])
    expect(frames.byActor['russia']!.hits).toEqual([4])
  })
})
