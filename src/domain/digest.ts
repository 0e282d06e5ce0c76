/**
 * An article's digest: the numbers of its analysis without the spans and evidence behind them,
 * and without what only a page of the article itself shows (its naming and its keywords).
 * Pages that show many articles at once (the overview, trends, the charts of a collection, the
 * pickers) need only these, and a digest is about a twentieth of a whole analysis, so a collection
 * of 10,000 articles can be served from memory while each article's evidence is read from the
 * store only when a page shows it.
 *
 * `ArticleAnalysis` (and `ArticleDetail`) is assignable to `ArticleDigest`: a function typed on
 * the digest takes either, and can never reach for evidence a digest does not hold.
 */
import type {
  ActorFraming,
  ArticleAnalysis,
  CategoryCount,
  Hedging,
  LoadedLanguage,
  ModelReading,
  Sourcing,
  Term,
} from '../analysis/index.js'

export type ActorDigest = Omit<ActorFraming, 'evidence' | 'model'> & {
  model?: Omit<ModelReading, 'contributions'>
}

export interface FramingDigest {
  frames: {
    article: Record<string, CategoryCount>
    total: number
    byActor: Record<string, { total: number; frames: Record<string, CategoryCount> } | null>
  }
  loaded: Omit<LoadedLanguage, 'hits'>
  sourcing: Omit<Sourcing, 'quotes' | 'attributions' | 'outlets'> & { outlets: Term[] }
  hedging: Omit<Hedging, 'hits' | 'claims'>
}

export interface ArticleDigest {
  id: string
  title: string
  words: number
  sentences: number
  tone: ArticleAnalysis['tone']
  actors: Record<string, ActorDigest | null>
  framing: FramingDigest
}

const mapValues = <T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]))

/** The digest of an analysis: a new object holding no array of spans or evidence. */
export function digestOf(a: ArticleAnalysis): ArticleDigest {
  const { frames, loaded, sourcing, hedging } = a.framing
  return {
    id: a.id,
    title: a.title,
    words: a.words,
    sentences: a.sentences,
    tone: a.tone,
    actors: mapValues(a.actors, (f): ActorDigest | null => {
      if (!f) return null
      const digest: ActorDigest = {
        mentions: f.mentions,
        share: f.share,
        inTitle: f.inTitle,
        inLead: f.inLead,
        firstMention: f.firstMention,
        tone: f.tone,
        score: f.score,
        quotedScore: f.quotedScore,
        toneWithQuotes: f.toneWithQuotes,
        labelWithQuotes: f.labelWithQuotes,
        label: f.label,
      }
      if (f.model) digest.model = { label: f.model.label, probabilities: f.model.probabilities }
      return digest
    }),
    framing: {
      frames: {
        article: frames.article,
        total: frames.total,
        byActor: mapValues(frames.byActor, (b) =>
          b ? { total: b.total, frames: b.frames } : null,
        ),
      },
      loaded: { categories: loaded.categories, total: loaded.total, per1000: loaded.per1000 },
      sourcing: {
        byKind: sourcing.byKind,
        outlets: sourcing.outlets.map(({ term, count }) => ({ term, count })),
        quotedShare: sourcing.quotedShare,
      },
      hedging: { count: hedging.count, per1000: hedging.per1000 },
    },
  }
}
