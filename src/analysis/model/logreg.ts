/**
 * Multinomial logistic regression, written out: softmax over one linear score per class, trained
 * by stochastic gradient descent on the cross-entropy with an L2 penalty. No framework, no
 * randomness beyond a seeded shuffle, so the same data and options always give the same weights.
 *
 * Training follows Bottou's recipe for L2-regularised SGD ("Stochastic Gradient Descent Tricks",
 * 2012): the weights are kept as a scale times a vector, so the penalty's shrinkage costs one
 * multiplication per step however many features there are, and the step size decays as
 * η_t = η₀ / (1 + η₀·λ·t). The bias is not penalised.
 *
 * Every class's weights start at 0 and every gradient sums to 0 over the classes, so the weights
 * of one feature always sum to 0 over the classes: a weight says how much a feature favours a
 * class over the average class.
 */

/** A feature vector that lists only its non-zero entries: `index[i]` has value `value[i]`. */
export interface SparseVector {
  index: number[]
  value: number[]
}

/** One training example: its features and the index of its class. */
export interface Example {
  x: SparseVector
  y: number
}

/** What a trained model is: one weight per feature and class, and one bias per class. */
export interface LogRegWeights {
  /** `weights[f][k]`: the weight of feature `f` for class `k`. */
  weights: number[][]
  /** `bias[k]`: the score of class `k` before any feature. */
  bias: number[]
}

export interface TrainingOptions {
  /** Passes over the data. */
  epochs: number
  /** The first step size, η₀. */
  learningRate: number
  /** The L2 penalty λ, per example (the objective is the mean loss plus λ/2 · ‖w‖²). */
  l2: number
  /** Seed of the shuffle before each epoch. */
  seed: number
  /** Weight each example by n / (classes · n_class), so every class counts alike (for F1-macro). */
  balanced: boolean
}

/** Softmax of the scores, computed after subtracting the largest so that exp never overflows. */
export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores)
  const exps = scores.map((s) => Math.exp(s - max))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map((e) => e / sum)
}

/** The class scores (logits) of a feature vector: bias plus the weighted sum of its features. */
export function classScores(model: LogRegWeights, x: SparseVector): number[] {
  const z = [...model.bias]
  for (let i = 0; i < x.index.length; i++) {
    const row = model.weights[x.index[i]!]!
    const v = x.value[i]!
    for (let k = 0; k < z.length; k++) z[k]! += row[k]! * v
  }
  return z
}

/** Class probabilities of a feature vector. */
export function predictProbabilities(model: LogRegWeights, x: SparseVector): number[] {
  return softmax(classScores(model, x))
}

/** The index of the most probable class (the first on a tie). */
export function argmax(values: readonly number[]): number {
  let best = 0
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k
  return best
}

/** A small seeded generator of numbers in [0, 1): mulberry32, enough for a shuffle. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The order of `n` items after a Fisher–Yates shuffle driven by `random`. */
export function shuffledOrder(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }
  return order
}

/**
 * Trains the model by SGD: for each example in a seeded random order, p = softmax(z) and each
 * class score moves against its gradient (p_k − [k = y]) · x, times the example's class weight.
 */
export function trainLogReg(
  examples: readonly Example[],
  features: number,
  classes: number,
  options: TrainingOptions,
): LogRegWeights {
  const { epochs, learningRate, l2, seed, balanced } = options
  const v = Array.from({ length: features }, () => new Array<number>(classes).fill(0))
  const bias = new Array<number>(classes).fill(0)
  let scale = 1
  const classWeight = new Array<number>(classes).fill(1)
  if (balanced) {
    const counts = new Array<number>(classes).fill(0)
    for (const e of examples) counts[e.y]!++
    counts.forEach((c, k) => (classWeight[k] = c === 0 ? 0 : examples.length / (classes * c)))
  }
  const random = seededRandom(seed)
  let t = 0
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffledOrder(examples.length, random)) {
      const { x, y } = examples[i]!
      const eta = learningRate / (1 + learningRate * l2 * t)
      t++
      const z = [...bias]
      for (let j = 0; j < x.index.length; j++) {
        const row = v[x.index[j]!]!
        const xv = x.value[j]! * scale
        for (let k = 0; k < classes; k++) z[k]! += row[k]! * xv
      }
      const p = softmax(z)
      // Shrink first (the penalty's gradient at the current weights), then the loss's step.
      scale *= 1 - eta * l2
      const step = (eta * classWeight[y]!) / scale
      for (let k = 0; k < classes; k++) {
        const g = p[k]! - (k === y ? 1 : 0)
        bias[k]! -= eta * classWeight[y]! * g
        for (let j = 0; j < x.index.length; j++) v[x.index[j]!]![k]! -= step * g * x.value[j]!
      }
      if (scale < 1e-9) {
        for (const row of v) for (let k = 0; k < classes; k++) row[k]! *= scale
        scale = 1
      }
    }
  }
  return { weights: v.map((row) => row.map((w) => w * scale)), bias }
}
