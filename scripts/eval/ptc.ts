/**
 * Loaded-language cues on the Propaganda Techniques Corpus (SemEval-2020 Task 11; Da San
 * Martino et al. 2020), PTC-dev: half of its training articles with their gold spans. Every
 * article is analysed as it stands and each loaded-language hit is compared with the gold spans
 * of the PTC techniques its category stands for (`techniques` in
 * data/lexicons/loaded-language.json):
 *
 * - hit precision: the share of hits that overlap (by at least one character) a gold span of a
 *   technique of their category;
 * - gold-span recall: the share of the gold spans of those techniques that a hit of the category
 *   overlaps;
 * - article-level F1: per article and category, "the article has a span of the technique"
 *   against "the engine has a hit of the category".
 *
 * The mapping, as the lexicon writes it: name-calling → Name_Calling,Labeling; loaded-words →
 * Loaded_Language; exaggeration → Exaggeration,Minimisation; doubt → Doubt; appeal-to-fear →
 * Appeal_to_fear-prejudice; flag-waving → Flag-Waving; slogans → Slogans; reductio-ad-hitlerum
 * → Bandwagon,Reductio_ad_hitlerum (PTC has one label for both); ridicule-sarcasm, not a SemEval
 * technique, → Loaded_Language and Name_Calling,Labeling, where PTC annotators put ridicule.
 *
 * Beside each category, the chance baseline: every word as a hit (its precision is the share of
 * words inside a span of the technique) and every article flagged. PTC offsets count Unicode
 * code points; they are converted to UTF-16 indices, the engine's offsets, before comparing.
 * Run this file directly for the figures of every cue (`npx tsx scripts/eval/ptc.ts`), each
 * with the verdict of the pruning rule the lexicon was cut with (PRUNE_MIN_HITS,
 * PRUNE_BELOW_PRECISION).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Analyzer, normalizeText, tokenize, type CueHit } from '../../src/analysis/index.js'
import { LOADED_CATEGORIES } from '../../src/analysis/lexicons.js'
import { DATA_DIR } from './data.js'

/** A gold span, in UTF-16 offsets of the article text. */
export interface GoldSpan {
  technique: string
  start: number
  end: number
}

/** One PTC article with its gold spans and the engine's loaded-language hits. */
export interface PtcArticle {
  id: string
  text: string
  gold: GoldSpan[]
  hits: CueHit[]
  /** Word tokens, for the chance baseline. */
  words: { start: number; end: number }[]
}

/** The PTC techniques each loaded-language category claims, as its lexicon entry maps them. */
export const CATEGORY_TECHNIQUES: ReadonlyMap<string, readonly string[]> = new Map(
  LOADED_CATEGORIES.map((c) => [c.id, c.techniques]),
)

/** UTF-16 index of each code point index of `text` (one more entry, for the end). */
export function codePointToUtf16(text: string): number[] {
  const at: number[] = []
  let i = 0
  for (const ch of text) {
    at.push(i)
    i += ch.length
  }
  at.push(i)
  return at
}

/** PTC-dev as read from the data folder, or null when it is absent. */
export function readPtc(dir = join(DATA_DIR, 'ptc-dev')): Omit<PtcArticle, 'hits'>[] | null {
  const labels = join(dir, 'labels.tsv')
  if (!existsSync(labels)) return null
  const spans = new Map<string, { technique: string; start: number; end: number }[]>()
  for (const line of readFileSync(labels, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const [id, technique, start, end] = line.split('\t')
    const list = spans.get(id!) ?? []
    list.push({ technique: technique!, start: Number(start), end: Number(end) })
    spans.set(id!, list)
  }
  return readdirSync(join(dir, 'articles'))
    .filter((f) => /^article\d+\.txt$/.test(f))
    .sort()
    .map((f) => {
      const id = f.slice('article'.length, -'.txt'.length)
      const text = readFileSync(join(dir, 'articles', f), 'utf8')
      const at = codePointToUtf16(text)
      const gold = (spans.get(id) ?? []).map((s) => ({
        technique: s.technique,
        start: at[s.start]!,
        end: at[s.end]!,
      }))
      const words = tokenize(normalizeText(text))
        .filter((t) => t.kind === 'word')
        .map((t) => ({ start: t.start, end: t.end }))
      return { id, text, gold, words }
    })
}

const analyzer = new Analyzer([])

/** PTC-dev with the engine's loaded-language hits, or null when the data is absent. */
export function ptcArticles(): PtcArticle[] | null {
  const data = readPtc()
  if (!data) return null
  return data.map((a) => ({
    ...a,
    hits: analyzer.analyze({ id: a.id, text: a.text }).detail.framing.loaded.hits,
  }))
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end

/** Whether a span overlaps a gold span of one of the techniques. */
function onGold(span: { start: number; end: number }, gold: GoldSpan[], techniques: Set<string>) {
  return gold.some((g) => techniques.has(g.technique) && overlaps(span, g))
}

/** Counts behind precision, recall and article F1 for one category or a set of them. */
export interface Tally {
  hits: number
  correct: number
  goldSpans: number
  found: number
  articlesTp: number
  articlesFp: number
  articlesFn: number
}

const pct = (n: number, d: number) => (d === 0 ? 0 : (100 * n) / d)

/**
 * The tally of the categories `ids` over `articles`. A hit is correct when it overlaps a gold
 * span of a technique of its own category; a gold span is found when a hit of a category that
 * claims its technique overlaps it.
 */
export function tally(articles: readonly PtcArticle[], ids: readonly string[]): Tally {
  const t: Tally = {
    hits: 0,
    correct: 0,
    goldSpans: 0,
    found: 0,
    articlesTp: 0,
    articlesFp: 0,
    articlesFn: 0,
  }
  const techniquesOf = new Map(ids.map((id) => [id, new Set(CATEGORY_TECHNIQUES.get(id) ?? [])]))
  // A gold span counts once, however many categories claim its technique.
  const claimed = new Set(ids.flatMap((id) => [...techniquesOf.get(id)!]))
  for (const a of articles) {
    for (const id of ids) {
      const techniques = techniquesOf.get(id)!
      const hits = a.hits.filter((h) => h.category === id)
      const gold = a.gold.filter((g) => techniques.has(g.technique))
      t.hits += hits.length
      t.correct += hits.filter((h) => onGold(h, gold, techniques)).length
      const flagged = hits.length > 0
      const present = gold.length > 0
      if (flagged && present) t.articlesTp++
      else if (flagged) t.articlesFp++
      else if (present) t.articlesFn++
    }
    for (const g of a.gold) {
      if (!claimed.has(g.technique)) continue
      t.goldSpans++
      const found = a.hits.some(
        (h) => techniquesOf.get(h.category)?.has(g.technique) === true && overlaps(h, g),
      )
      if (found) t.found++
    }
  }
  return t
}

/** Precision and recall in percent, and article-level F1, from a tally. */
export function metrics(t: Tally) {
  const p = pct(t.articlesTp, t.articlesTp + t.articlesFp)
  const r = pct(t.articlesTp, t.articlesTp + t.articlesFn)
  return {
    hits: t.hits,
    hitPrecision: pct(t.correct, t.hits),
    goldSpans: t.goldSpans,
    spanRecall: pct(t.found, t.goldSpans),
    articleF1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
  }
}

/** The chance baseline of a category: every word a hit, every article flagged. */
function chance(articles: readonly PtcArticle[], ids: readonly string[]) {
  const techniques = new Set(ids.flatMap((id) => CATEGORY_TECHNIQUES.get(id) ?? []))
  let words = 0
  let inside = 0
  let goldSpans = 0
  let present = 0
  for (const a of articles) {
    const gold = a.gold.filter((g) => techniques.has(g.technique))
    goldSpans += gold.length
    // Per category, as the system's article F1 counts it.
    for (const id of ids) {
      const own = new Set(CATEGORY_TECHNIQUES.get(id) ?? [])
      if (a.gold.some((g) => own.has(g.technique))) present++
    }
    words += a.words.length
    inside += a.words.filter((w) => onGold(w, gold, techniques)).length
  }
  const p = pct(present, articles.length * ids.length)
  return {
    hits: words,
    hitPrecision: pct(inside, words),
    goldSpans,
    spanRecall: goldSpans === 0 ? 0 : 100,
    articleF1: p === 0 ? 0 : (2 * p * 100) / (p + 100),
  }
}

const DATASET = 'PTC-dev (SemEval-2020 Task 11)'

/**
 * The table rows: for each category and for all of them, the cue lexicon's hit precision,
 * gold-span recall and article-level F1, each followed by the chance baseline.
 */
export function ptcRows(articles: readonly PtcArticle[]) {
  const split = `${articles.length} articles`
  const mapped = LOADED_CATEGORIES.filter((c) => c.techniques.length > 0)
  const groups: [string, string[]][] = [
    ...mapped.map((c): [string, string[]] => [c.id, [c.id]]),
    ['all claimed', mapped.map((c) => c.id)],
  ]
  return groups.flatMap(([category, ids]) => {
    const techniques = [...new Set(ids.flatMap((id) => CATEGORY_TECHNIQUES.get(id) ?? []))]
    const named = ids.length > 1 ? `the ${techniques.length} above` : techniques.join(' | ')
    const base = { dataset: DATASET, split, category, techniques: named }
    return [
      { ...base, system: 'loaded-language cues', ...metrics(tally(articles, ids)) },
      { ...base, system: 'every word (chance)', ...chance(articles, ids) },
    ]
  })
}

/** A cue with at least this many hits on PTC-dev is measured … */
export const PRUNE_MIN_HITS = 3
/** … and dropped when its hit precision (percent) is below this: right less than 1 time in 3. */
export const PRUNE_BELOW_PRECISION = 100 / 3

/**
 * Per cue (as the text wrote it, lower case, hyphens as spaces): its category, hits, hit
 * precision and the pruning rule's verdict.
 */
export function cueRows(articles: readonly PtcArticle[]) {
  const byCue = new Map<string, { category: string; hits: number; correct: number }>()
  for (const a of articles)
    for (const h of a.hits) {
      const techniques = new Set(CATEGORY_TECHNIQUES.get(h.category) ?? [])
      const key = `${h.category}\t${h.cue.replace(/[-\s]+/g, ' ')}`
      const c = byCue.get(key) ?? { category: h.category, hits: 0, correct: 0 }
      c.hits++
      if (onGold(h, a.gold, techniques)) c.correct++
      byCue.set(key, c)
    }
  return [...byCue]
    .map(([key, c]) => ({
      category: c.category,
      cue: key.split('\t')[1]!,
      hits: c.hits,
      correct: c.correct,
      precision: pct(c.correct, c.hits),
      verdict:
        c.hits < PRUNE_MIN_HITS
          ? 'few hits'
          : pct(c.correct, c.hits) < PRUNE_BELOW_PRECISION
            ? 'drop'
            : 'keep',
    }))
    .sort((x, y) => y.hits - x.hits || (x.cue < y.cue ? -1 : 1))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const articles = ptcArticles()
  if (!articles) console.log(`PTC-dev not found in ${DATA_DIR}`)
  else {
    console.table(cueRows(articles))
    console.table(ptcRows(articles))
  }
}
