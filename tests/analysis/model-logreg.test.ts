/**
 * The logistic regression on toy problems small enough to work out by hand: softmax values, the
 * first SGD step from zero, a reference implementation without the scaling trick, a separable
 * set it must fit, and the reading's contributions.
 */
import { describe, expect, it } from 'vitest'
import {
  argmax,
  parseModelFile,
  predictProbabilities,
  seededRandom,
  shuffledOrder,
  softmax,
  ToneModel,
  trainLogReg,
  type Example,
  type ModelFile,
} from '../../src/analysis/model/index.js'

const options = { epochs: 1, learningRate: 0.5, l2: 0, seed: 7, balanced: false }

describe('softmax', () => {
  it('gives exp(z) / Σ exp(z)', () => {
    const p = softmax([0, Math.log(2), Math.log(3)])
    expect(p[0]).toBeCloseTo(1 / 6, 12)
    expect(p[1]).toBeCloseTo(2 / 6, 12)
    expect(p[2]).toBeCloseTo(3 / 6, 12)
  })

  it('does not overflow on large scores', () => {
    const p = softmax([1000, 1000, 1000 + Math.log(2)])
    ;[0.25, 0.25, 0.5].forEach((v, k) => expect(p[k]).toBeCloseTo(v, 12))
  })
})

describe('trainLogReg', () => {
  it('takes the first step from zero weights by hand: w_fk = −η (p_k − [k = y]) x_f', () => {
    // p = (1/3, 1/3, 1/3) at zero weights; y = 0, so the gradient is (−2/3, 1/3, 1/3) × x.
    const example: Example = { x: { index: [0, 1], value: [1, 2] }, y: 0 }
    const m = trainLogReg([example], 2, 3, { ...options, l2: 0.1 })
    const expected = [
      [1 / 3, -1 / 6, -1 / 6],
      [2 / 3, -1 / 3, -1 / 3],
    ]
    m.weights.forEach((row, f) =>
      row.forEach((w, k) => expect(w).toBeCloseTo(expected[f]![k]!, 12)),
    )
    ;[1 / 3, -1 / 6, -1 / 6].forEach((b, k) => expect(m.bias[k]).toBeCloseTo(b, 12))
  })

  it('equals a dense reference implementation of SGD with L2 after several epochs', () => {
    const examples: Example[] = [
      { x: { index: [0], value: [1] }, y: 0 },
      { x: { index: [1], value: [1] }, y: 2 },
      { x: { index: [0, 1], value: [0.5, 0.5] }, y: 1 },
    ]
    const opts = { epochs: 4, learningRate: 0.3, l2: 0.05, seed: 42, balanced: false }
    const m = trainLogReg(examples, 2, 3, opts)

    // Reference: the same updates, with the penalty applied to every weight at every step.
    const w = [
      [0, 0, 0],
      [0, 0, 0],
    ]
    const b = [0, 0, 0]
    const random = seededRandom(opts.seed)
    let t = 0
    for (let e = 0; e < opts.epochs; e++) {
      for (const i of shuffledOrder(examples.length, random)) {
        const { x, y } = examples[i]!
        const dense = [0, 0]
        x.index.forEach((f, j) => (dense[f] = x.value[j]!))
        const eta = opts.learningRate / (1 + opts.learningRate * opts.l2 * t++)
        const z = b.map((bk, k) => bk + w[0]![k]! * dense[0]! + w[1]![k]! * dense[1]!)
        const p = softmax(z)
        for (let k = 0; k < 3; k++) {
          const g = p[k]! - (k === y ? 1 : 0)
          b[k]! -= eta * g
          for (let f = 0; f < 2; f++)
            w[f]![k] = w[f]![k]! * (1 - eta * opts.l2) - eta * g * dense[f]!
        }
      }
    }
    m.weights.forEach((row, f) => row.forEach((v, k) => expect(v).toBeCloseTo(w[f]![k]!, 12)))
    m.bias.forEach((v, k) => expect(v).toBeCloseTo(b[k]!, 12))
  })

  it('fits a separable toy set and keeps each feature’s weights summing to 0', () => {
    // Feature 0 means class 0, feature 1 means class 2, neither means class 1.
    const examples: Example[] = [
      { x: { index: [0], value: [1] }, y: 0 },
      { x: { index: [1], value: [1] }, y: 2 },
      { x: { index: [], value: [] }, y: 1 },
    ]
    const m = trainLogReg(examples, 2, 3, { ...options, epochs: 200, l2: 0.001, balanced: true })
    expect(examples.map((e) => argmax(predictProbabilities(m, e.x)))).toEqual([0, 2, 1])
    for (const row of m.weights) expect(row[0]! + row[1]! + row[2]!).toBeCloseTo(0, 12)
  })

  it('gives the same weights for the same seed', () => {
    const examples: Example[] = [
      { x: { index: [0], value: [1] }, y: 0 },
      { x: { index: [1], value: [2] }, y: 1 },
      { x: { index: [0, 1], value: [1, 1] }, y: 2 },
    ]
    const a = trainLogReg(examples, 2, 3, { ...options, epochs: 5, l2: 0.01 })
    const b = trainLogReg(examples, 2, 3, { ...options, epochs: 5, l2: 0.01 })
    expect(a).toEqual(b)
  })
})

describe('ToneModel.read', () => {
  const file: ModelFile = {
    format: 'framelens-logreg/1',
    name: 'toy',
    about: '',
    construct: '',
    classes: ['negative', 'neutral', 'positive'],
    featureSettings: {
      near: 3,
      wide: 6,
      words: 4,
      nearWords: true,
      sideWords: true,
      bigrams: true,
      sentenceWords: true,
      squash: true,
    },
    training: {},
    dev: { split: 'dev', n: 0, f1Macro: 0, accuracy: 0 },
    bias: [0, 0, 0],
    features: ['word:criticized', 'word:praised'],
    weights: [
      [2, -1, -1],
      [-1, -1, 2],
    ],
  }
  const model = new ToneModel(parseModelFile(file))

  it('labels, gives the probabilities and the centred contributions toward the label', () => {
    const r = model.read(
      new Map([
        ['word:criticized', 1],
        ['word:praised', 0.5],
        ['word:unknown', 3],
      ]),
    )
    // Scores: negative 2 − 0.5 = 1.5, neutral −1.5, positive −1 + 1 = 0.
    const p = softmax([1.5, -1.5, 0])
    expect(r.label).toBe('negative')
    expect(r.probabilities).toEqual({
      negative: Math.round(p[0]! * 1000) / 1000,
      neutral: Math.round(p[1]! * 1000) / 1000,
      positive: Math.round(p[2]! * 1000) / 1000,
    })
    // Weights already sum to 0 per feature: 2 × 1 toward negative, −1 × 0.5 away from it.
    expect(r.contributions).toEqual([
      { feature: 'word:criticized', value: 2 },
      { feature: 'word:praised', value: -0.5 },
    ])
  })

  it('rejects a file with weights missing', () => {
    expect(() => parseModelFile({ ...file, weights: [[1, 2, 3]] })).toThrow(/one weight row/)
  })
})
