/**
 * Tests of boilerplate removal: for each rule a tiny body, exactly what is removed (text, reason,
 * line) and exactly what stays, including lookalikes that must stay.
 */

import { describe, expect, it } from 'vitest'
import { BOILERPLATE_RULES, stripBoilerplate } from '../../src/corpus/boilerplate.js'

describe('stripBoilerplate: whole lines', () => {
  it('drops an "Advertisement" line and the blank line it leaves', () => {
    // Removing line 3 leaves three line breaks in a row, which shrink back to one blank line.
    expect(stripBoilerplate('First.\n\nAdvertisement\n\nSecond.')).toEqual({
      text: 'First.\n\nSecond.',
      removed: [{ text: 'Advertisement', reason: 'advertisement slot label', line: 3 }],
    })
  })

  it('keeps "Advertisement" inside a sentence: only the whole line is a slot label', () => {
    expect(stripBoilerplate('Advertisement revenue fell.')).toEqual({
      text: 'Advertisement revenue fell.',
      removed: [],
    })
  })

  it('drops the membership prompt and the video widget heading', () => {
    const body = 'Text.\n\nJoin the conversation as a VIP Member\n\nTrending on HotAir Videos'
    expect(stripBoilerplate(body)).toEqual({
      text: 'Text.',
      removed: [
        {
          text: 'Join the conversation as a VIP Member',
          reason: 'membership prompt of the publisher',
          line: 3,
        },
        { text: 'Trending on HotAir Videos', reason: 'heading of a video widget', line: 5 },
      ],
    })
  })

  it('drops an embedded post and its credit line, keeping single-line-break paragraphs', () => {
    // Bodies whose paragraphs are separated by one line break keep that shape: the removed lines
    // go with their line breaks instead of leaving a blank line behind.
    const body = [
      'Pomp and circumstance:',
      'Putin is officially in North Korea. pic.twitter.com/CKoUYCrEjJ',
      '— Russian Market (@runews) June 18, 2024',
      'The two dictators met.',
    ].join('\n')
    expect(stripBoilerplate(body)).toEqual({
      text: 'Pomp and circumstance:\nThe two dictators met.',
      removed: [
        {
          text: 'Putin is officially in North Korea. pic.twitter.com/CKoUYCrEjJ',
          reason: 'text of an embedded social-media post',
          line: 2,
        },
        {
          text: '— Russian Market (@runews) June 18, 2024',
          reason: 'credit line of an embedded social-media post',
          line: 3,
        },
      ],
    })
  })

  it('keeps a dash line that names a handle but is not a dated credit', () => {
    const body = '— as Jane Doe (@jdoe) put it, nobody was surprised'
    expect(stripBoilerplate(body).removed).toEqual([])
  })

  it('drops a photo credit line', () => {
    expect(stripBoilerplate('AP Photo/Minh Hoang\n\nUnfortunately, it appears so.')).toEqual({
      text: 'Unfortunately, it appears so.',
      removed: [{ text: 'AP Photo/Minh Hoang', reason: 'photo credit', line: 1 }],
    })
  })

  it('drops a stray byline with a timestamp, not an ordinary short line', () => {
    const body = 'Advertisement\nStephen Moore 8:30 AM | December 15, 2024\nStephen Moore agreed.'
    expect(stripBoilerplate(body)).toEqual({
      text: 'Stephen Moore agreed.',
      removed: [
        { text: 'Advertisement', reason: 'advertisement slot label', line: 1 },
        {
          text: 'Stephen Moore 8:30 AM | December 15, 2024',
          reason: 'byline of another story (sidebar), not of this article',
          line: 2,
        },
      ],
    })
  })
})

describe('stripBoilerplate: inline cross-links', () => {
  it('cuts "(READ MORE: …)" at the end of a paragraph without leaving a trailing space', () => {
    expect(stripBoilerplate('They met on Wednesday. (READ MORE: Libya, Morocco)')).toEqual({
      text: 'They met on Wednesday.',
      removed: [
        {
          text: '(READ MORE: Libya, Morocco)',
          reason: 'link to another article of the publisher',
          line: 1,
        },
      ],
    })
  })

  it('cuts "(READ MORE from …: …)" inside a paragraph, leaving a single space', () => {
    const body =
      'Intro.\n\nA verdict. (READ MORE from Aubrey Gulick: Ukraine Doesn’t Want Help) Next.'
    expect(stripBoilerplate(body)).toEqual({
      text: 'Intro.\n\nA verdict. Next.',
      removed: [
        {
          text: '(READ MORE from Aubrey Gulick: Ukraine Doesn’t Want Help)',
          reason: 'link to another article of the publisher',
          line: 3,
        },
      ],
    })
  })

  it('cuts a cross-link at the start of a line together with the space after it', () => {
    expect(stripBoilerplate('(READ MORE: Elsewhere) Then.').text).toBe('Then.')
  })

  it('keeps outlet credits such as "(Associated Press)" and "(NY Times)": they are sourcing', () => {
    const body = 'Quoted text here. (Associated Press)\n\nMore quoted text. (NY Times)'
    expect(stripBoilerplate(body)).toEqual({ text: body, removed: [] })
  })
})

describe('stripBoilerplate: whitespace', () => {
  it('empties whitespace-only lines (a no-break space too), shrinks blank runs, trims the ends', () => {
    expect(stripBoilerplate('\n\nOne.\n\n\u00a0\n\n \t\nTwo.\n\n\n')).toEqual({
      text: 'One.\n\nTwo.',
      removed: [],
    })
  })

  it('normalises CRLF line breaks and counts lines the same way', () => {
    expect(stripBoilerplate('One.\r\n\r\nAdvertisement\r\n\r\nTwo.')).toEqual({
      text: 'One.\n\nTwo.',
      removed: [{ text: 'Advertisement', reason: 'advertisement slot label', line: 3 }],
    })
  })

  it('returns an empty text when everything is boilerplate', () => {
    expect(stripBoilerplate('Advertisement\nAdvertisement').text).toBe('')
  })
})

describe('BOILERPLATE_RULES', () => {
  it('lists every rule once, each with a reason and an example that the rule removes', () => {
    expect(BOILERPLATE_RULES.map((rule) => rule.id)).toEqual([
      'advertisement',
      'membership-prompt',
      'video-widget',
      'embedded-post',
      'embedded-post-credit',
      'photo-credit',
      'stray-byline',
      'read-more-link',
    ])
    for (const rule of BOILERPLATE_RULES) {
      // The example is what the Methods page shows; it must really be removed, for that reason.
      const body = rule.scope === 'line' ? rule.example : `Kept sentence. ${rule.example}`
      expect(stripBoilerplate(body)).toEqual({
        text: rule.scope === 'line' ? '' : 'Kept sentence.',
        removed: [{ text: rule.example, reason: rule.reason, line: 1 }],
      })
    }
  })

  it('has no global regular expressions, so calls do not share state', () => {
    // Twice the same input gives the same result (a /g pattern would alternate via lastIndex).
    const body = 'A. (READ MORE: B)'
    expect(stripBoilerplate(body)).toEqual(stripBoilerplate(body))
    expect(BOILERPLATE_RULES.every((rule) => !rule.pattern.global)).toBe(true)
  })
})
