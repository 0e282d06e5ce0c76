/** The `analyze` command's usage line and help (`--help`), as the command prints them. */
import { MAX_FILE_BYTES, MAX_LINE_CHARS, formatCount } from '../../corpus/limits.js'
import { CSV_COLUMNS } from '../analyze-csv.js'

/** The loader's limits of one file (src/corpus/limits.ts), as the help says them. */
const FILE_LIMITS = `${MAX_FILE_BYTES / 1024 / 1024} MiB, with lines of at most ${formatCount(MAX_LINE_CHARS)}`

export const USAGE = `Usage:
  npm run --silent analyze -- [--actors FILE] [--format json|jsonl|csv] FILE...
  npm run --silent analyze -- --jsonl [--actors FILE] [--format json|jsonl|csv] < articles.jsonl
`

export const HELP = `${USAGE}
Analyses news articles: the tone of each one and how it frames each actor (by default Russia,
North Korea and the West, as defined in data/actors.json).

Input
  FILE            An article: .md/.markdown or .txt (YAML front matter optional; without it, a
                  first line followed by a blank line is the headline) or .html/.htm (the article
                  text is extracted). Scraped boilerplate (ad labels, embedded posts, stray
                  bylines ...) is removed. The id of an article is its file name without folders
                  and extension; two files with the same id are an error. Only regular files
                  (or links to them) are read, of at most ${FILE_LIMITS}
                  characters: a folder, a named pipe or a device is refused unread.
  --jsonl         Read the articles from stdin instead, one JSON object a line:
                    {"id": "a1", "title": "...", "text": "...", "actors": [ActorDef, ...]}
                  "title" and "actors" are optional; any other key is an error, and every value
                  must have the right type (text is a string, not a number or null). Blank lines
                  are skipped; line numbers in messages still count them. The text is taken as
                  given: no boilerplate is removed. Empty or whitespace-only text is an error.
                  Ids must be unique. An article's own "actors" replace the default actors (or
                  the --actors file) for that article only.
  --actors FILE   The actors to look for (JSON): {"actors": [ActorDef, ...]} or a bare list.
                  ActorDef: {"id", "label"?, "colour"?, "aliases": [name, ...], "exclude"?:
                  [phrase, ...]}. Default: data/actors.json.

Output (stdout)
  --format json   The default. {"articles": [...]} indented by 2 spaces, in input order; each
                  article has id, title, words, sentences, tone, actors, keywords and framing
                  (naming, frames, loaded language, sourcing, hedging: see the README). "actors"
                  maps every actor id to null when the article never names it (absent, which is
                  not neutral) or to its framing: mentions, share, tone, label (negative,
                  neutral or positive), quotedScore, evidence ... Distinctive keywords are
                  computed against the other articles of the same run (none for one article).
  --format jsonl  The same articles, one JSON object a line (no indentation), in input order.
  --format csv    One row per article and actor, with the columns
                    ${CSV_COLUMNS.slice(0, 8).join(',')},
                    ${CSV_COLUMNS.slice(8, 14).join(',')},
                    ${CSV_COLUMNS.slice(14).join(',')}
                  epithets lists the words the article pins on the actor as term×count,
                  separated by "; ". An absent actor has mentions 0, share 0, label "absent"
                  and empty actor_tone, quoted_score, tone_with_quotes, label_with_quotes,
                  epithets and model_label. model_label is the learned second reading
                  (NewsMTSC's construct: quoted speech counts); actor_label stays the lexicon's. RFC 4180: lines end in CRLF; a field with a comma, a quote,
                  a CR or an LF is quoted and its quotes doubled. A text field (id, title,
                  actor, actor_label) that starts with = + - @, a tab or a CR gets a leading '
                  so that a spreadsheet shows it as text instead of running it as a formula.
  -h, --help      Print this help.

Errors
  Every bad input is reported on stderr, one line per problem, as
    framelens analyze: <file, or stdin:line N>: <what is wrong>
  and then nothing at all is written to stdout.

Exit status
  0   success
  1   bad input: an unreadable, binary, non-UTF-8 or empty file, one that is not a regular
      file or is over a limit, an article over the analysis limits, an invalid JSON line or
      actors file, two articles with the same id ...
  2   usage error: an unknown option, an option without its value, a --format other than json,
      jsonl or csv, no FILE and no --jsonl, or --jsonl together with FILEs
  70  internal error: a bug in Framelens, not in the input
`
