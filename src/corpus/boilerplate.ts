/**
 * Removal of scraped boilerplate from an article body: ad-slot labels, membership prompts, video
 * widgets, embedded social-media posts, photo credits, stray sidebar bylines and inline
 * cross-links to other articles. The corpus files keep the text as published; this module is the
 * one place that decides what is not part of the article, and it reports every passage it
 * removes (with the rule's reason and the line) so the article page and the Methods page can
 * show exactly what was taken out and why.
 *
 * Pure: a string in, a string and a list out. Linear in the body: every pattern is either anchored
 * at the start of a trimmed line or starts with a literal, so no match is retried from each
 * character of a long run (a leading `[ \t]*` did that: quadratic in a run of spaces).
 */

/** One passage taken out of a body, for the "removed" list on an article page. */
export interface RemovedPassage {
  /** The removed text as it appeared (a whole line without its surrounding whitespace, or the
   * inline passage). */
  text: string
  /** Why it was removed, in words for a reader. */
  reason: string
  /** 1-based line number in the body that was given to `stripBoilerplate`. */
  line: number
}

/** One boilerplate rule, as the Methods page lists them. */
export interface BoilerplateRule {
  id: string
  /** `line`: the pattern is tested on a whole line (trimmed) and the line is dropped.
   * `inline`: every match inside a line is cut out and the line is kept. */
  scope: 'line' | 'inline'
  pattern: RegExp
  reason: string
  /** A real example of what the rule removes. */
  example: string
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'

/**
 * Every rule, in the order they are tried. Line rules are anchored and short on purpose: a line
 * of the article itself must never match by accident, so each pattern describes the exact shape
 * of the widget text rather than a word that might also occur in a sentence.
 */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    id: 'advertisement',
    scope: 'line',
    pattern: /^Advertisement$/,
    reason: 'advertisement slot label',
    example: 'Advertisement',
  },
  {
    id: 'membership-prompt',
    scope: 'line',
    pattern: /^Join the conversation as a VIP Member$/,
    reason: 'membership prompt of the publisher',
    example: 'Join the conversation as a VIP Member',
  },
  {
    id: 'video-widget',
    scope: 'line',
    pattern: /^Trending on .{1,60} Videos$/,
    reason: 'heading of a video widget',
    example: 'Trending on HotAir Videos',
  },
  {
    // The text of an embedded tweet always ends in its picture link when it has one; the tweet is
    // quoted content, not the author's prose, so it would distort the article's own tone.
    id: 'embedded-post',
    scope: 'line',
    pattern: /pic\.twitter\.com\//,
    reason: 'text of an embedded social-media post',
    example: 'Putin is officially in North Korea. pic.twitter.com/CKoUYCrEjJ',
  },
  {
    id: 'embedded-post-credit',
    scope: 'line',
    pattern: new RegExp(`^[—–-] ?.{1,80}? \\(@\\w{1,15}\\) ${MONTH} \\d{1,2}, \\d{4}$`, 'u'),
    reason: 'credit line of an embedded social-media post',
    example: '— Russian Market (@runews) June 18, 2024',
  },
  {
    id: 'photo-credit',
    scope: 'line',
    pattern: /^\p{Lu}[\p{L}&.]*(?: \p{Lu}[\p{L}&.]*){0,3} Photo\/\p{L}[\p{L}\p{M} .,'’-]{0,80}$/u,
    reason: 'photo credit',
    example: 'AP Photo/Minh Hoang',
  },
  {
    // A name, a clock time and a date separated by "|" is how the sidebar of another story is
    // credited; the article's own author is never written this way in the body.
    id: 'stray-byline',
    scope: 'line',
    pattern: new RegExp(
      `^\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,3} \\d{1,2}:\\d{2} ?[AP]\\.?M\\.? \\| ${MONTH} \\d{1,2}, \\d{4}$`,
      'u',
    ),
    reason: 'byline of another story (sidebar), not of this article',
    example: 'Stephen Moore 8:30 AM | December 15, 2024',
  },
  {
    id: 'read-more-link',
    scope: 'inline',
    pattern: /\(READ MORE(?: from [^:()\n]{1,80})?: [^()\n]{1,200}\)/,
    reason: 'link to another article of the publisher',
    example:
      '(READ MORE from Aubrey Gulick: Ukraine Doesn’t Want the Vatican’s Help Negotiating Peace)',
  },
]

const LINE_RULES = BOILERPLATE_RULES.filter((rule) => rule.scope === 'line')

// Inline patterns get the "g" flag here, on copies, so the exported rules stay stateless
// (a shared global RegExp carries `lastIndex` from one call to the next). The spaces before a
// passage are found by `cutInline`, not by the pattern: a leading `[ \t]*` would make the
// search retry from every space of a run, quadratic in its length.
const INLINE_RULES = BOILERPLATE_RULES.filter((rule) => rule.scope === 'inline').map((rule) => ({
  rule,
  global: new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'g'),
}))

/**
 * Removes boilerplate from a body. Whole boilerplate lines are dropped (with their line break, so
 * single-line-break paragraphs stay as they were), inline passages are cut out of their line,
 * whitespace-only lines become empty, runs of blank lines shrink to one and the ends are
 * trimmed. Line breaks are normalised to "\n" first; `line` in each removed passage counts lines
 * of the body as given.
 */
export function stripBoilerplate(body: string): { text: string; removed: RemovedPassage[] } {
  const lines = body.replace(/\r\n?/g, '\n').split('\n')
  const removed: RemovedPassage[] = []
  const kept: string[] = []

  lines.forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '') {
      kept.push('')
      return
    }
    const rule = LINE_RULES.find((r) => r.pattern.test(trimmed))
    if (rule) {
      removed.push({ text: trimmed, reason: rule.reason, line })
      return
    }
    let out = raw
    for (const { rule, global } of INLINE_RULES) {
      out = cutInline(out, global, (text) => removed.push({ text, reason: rule.reason, line }))
    }
    kept.push(out.trim() === '' ? '' : out)
  })

  const text = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return { text, removed }
}

const isSpaceOrTab = (char: string | undefined) => char === ' ' || char === '\t'

/**
 * Cuts every match of `global` out of one line, with the spaces and tabs before the passage, so
 * "said. (READ MORE: …) Next" becomes "said. Next" and a passage at the end of a line leaves no
 * trailing space; at the start of a line the spaces after it go too. Linear: each character is
 * looked at a bounded number of times.
 */
function cutInline(line: string, global: RegExp, report: (text: string) => void): string {
  let out = ''
  // Whether `out` is only whitespace so far, kept up to date instead of trimming `out` each time.
  let blank = true
  let last = 0
  for (const match of line.matchAll(global)) {
    let start = match.index
    while (start > last && isSpaceOrTab(line[start - 1])) start--
    report(match[0])
    const kept = line.slice(last, start)
    out += kept
    blank &&= kept.trim() === ''
    last = match.index + match[0].length
    if (blank) {
      // Nothing but indentation before the passage: drop the space that followed it as well.
      while (last < line.length && isSpaceOrTab(line[last])) last++
    }
  }
  return out + line.slice(last)
}
