/**
 * The most the corpus loader and the CLI read from one file. Reading stays linear in the input,
 * but an unbounded file still means unbounded memory and time (a link to an endless device, a
 * 2 GB log renamed `.txt`), so a larger file, a longer line or deeper front matter is refused with
 * a message that names the file and the limit. The numbers sit far above real articles: the
 * bundled corpus's largest file has under 5 KB, its longest line under 1,000 characters and its
 * front matter at most 5 flat keys. The analysis engine's own limits (words an article, tokens a sentence,
 * actors and aliases) are in `src/analysis/limits.ts`.
 */

/** Bytes in one article file (5 MiB), checked with `stat` before anything is read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024
/** Characters in one line of an article: of a .md/.txt file as written, of an HTML page's text as
 * extracted (one paragraph a line; the HTML source itself may be one long line). */
export const MAX_LINE_CHARS = 200_000
/** Characters of YAML front matter (between the two `---` lines), which bounds the YAML parser's
 * time: it is slow on deeply nested input (about 0.5 s for 16 KiB of `[`). */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024
/** Levels of nesting in YAML front matter (lists and maps within each other). Deeper YAML would
 * exhaust the parser's stack, which can stop the process instead of throwing. */
export const MAX_FRONT_MATTER_DEPTH = 32
/** Expansions of YAML aliases (`*name`) in front matter: a few aliases that expand to each other
 * would otherwise build a gigabyte value from a kilobyte (an "alias bomb"). */
export const MAX_YAML_ALIASES = 100

/** A count as the messages write it: 5,242,880. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB')
}

/** The first line (1-based) longer than `MAX_LINE_CHARS` and its length, or undefined. */
export function firstLongLine(text: string): { line: number; chars: number } | undefined {
  let start = 0
  let line = 1
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (end - start > MAX_LINE_CHARS) return { line, chars: end - start }
    start = end + 1
    line++
  }
  return undefined
}
