import { describe, expect, it } from 'vitest'
import { normalizeText, segment, tokenize } from '../../src/analysis/index.js'

function split(raw: string) {
  const text = normalizeText(raw)
  const seg = segment(text, tokenize(text))
  return {
    paragraphs: seg.paragraphs.map((p) => text.slice(p.start, p.end)),
    sentences: seg.sentences.map((s) => text.slice(s.start, s.end)),
    clauses: seg.clauses.map((c) => `${text.slice(c.start, c.end)} [${c.weight}]`),
  }
}

describe('sentences', () => {
  it('do not end at abbreviations, initials or dotted acronyms', () => {
    expect(
      split('Mr. Kim met Gen. Shoigu and Vladimir V. Putin in the U.S. on Monday. Then he left.')
        .sentences,
    ).toEqual([
      'Mr. Kim met Gen. Shoigu and Vladimir V. Putin in the U.S. on Monday.',
      'Then he left.',
    ])
  })

  it('end at ? and ! and keep a closing quote with their sentence', () => {
    expect(split('He said "We will win." Did they? Yes!').sentences).toEqual([
      'He said "We will win."',
      'Did they?',
      'Yes!',
    ])
  })

  it('start the next sentence at the opening quote of a quotation that follows another', () => {
    const raw =
      'He said “We keep rocket technology.” “We will win,” he added. ‘Stop.’ ‘Go,’ she said.'
    const text = normalizeText(raw)
    const sentences = segment(text, tokenize(text)).sentences.map((s) => raw.slice(s.start, s.end))
    expect(sentences).toEqual([
      'He said “We keep rocket technology.”',
      '“We will win,” he added.',
      '‘Stop.’',
      '‘Go,’ she said.',
    ])
  })

  it('keep a quote with spaces on both sides, or touching the end mark, with the sentence', () => {
    expect(split('A "quote". Next one. It ended. "').sentences).toEqual([
      'A "quote".',
      'Next one.',
      'It ended. "',
    ])
  })

  it('never cross a line break: each line of scraped news is a paragraph', () => {
    const s = split('Unhinged:\nKim is sucking up to Putin\n\nthe end')
    expect(s.paragraphs).toEqual(['Unhinged:', 'Kim is sucking up to Putin', 'the end'])
    expect(s.sentences).toEqual(['Unhinged:', 'Kim is sucking up to Putin', 'the end'])
  })
})

describe('clauses', () => {
  it('close a sentence-initial "while" clause at its comma', () => {
    expect(split('While Washington acted wisely, Moscow lied.').clauses).toEqual([
      'While Washington acted wisely, [1]',
      'Moscow lied. [1]',
    ])
  })

  it('split at ; and dashes, and before whereas / while but not "a while"', () => {
    expect(
      split('Kim smiled; Putin frowned — it rained whereas it was dry for a while while they ate.')
        .clauses,
    ).toEqual([
      'Kim smiled; [1]',
      'Putin frowned — [1]',
      'it rained [1]',
      'whereas it was dry for a while [1]',
      'while they ate. [1]',
    ])
  })

  it('weigh clauses before "but" half and from "but" on one and a half (contrast)', () => {
    expect(split('The plan is good, but the result is bad.').clauses).toEqual([
      'The plan is good, [0.5]',
      'but the result is bad. [1.5]',
    ])
  })

  it('treat "yet" as a conjunction only after a comma', () => {
    expect(split('It is not yet over, yet it is late.').clauses).toEqual([
      'It is not yet over, [0.5]',
      'yet it is late. [1.5]',
    ])
  })
})
