/** The `export` command's usage line and help (`--help`), as the command prints them. */
import { EXPORT_CHART_NAMES } from '../../export/charts.js'

export const USAGE = `Usage:
  npm run --silent export -- --chart NAME [--ids A,B | --id A [--ids A,B,C]] [--q TERM]
                             [--actor ACTOR] [--format png|svg|csv|json] --out FILE
  npm run --silent export -- --snapshot --ids A,B[,…] --out FILE.html
  npm run --silent export -- --analysis --ids A,B[,…] --out FILE.json
  (each also takes --corpus DIR and --actors FILE)
`

export const HELP = `${USAGE}
Exports what the dashboard shows, without a server.

What
  --chart NAME    One chart: ${EXPORT_CHART_NAMES.join(', ')}.
  --snapshot      The comparison of --ids as one HTML file that opens offline, charts drawn and
                  evidence highlighted.
  --analysis      The full analysis of the comparison of --ids as JSON (/api/compare's document).

Which articles (ids are file names without extension)
  --ids A,B       2 to 5 articles, as on /compare. For the overview's charts (…-by-article,
                  term-hits-by-article) leave it out to take the whole corpus.
  --id A          The article of a one-article chart (actor-tone, mentions, tone-rates,
                  sentence-tone, frame-shares). With --ids too, it is drawn on the comparison's
                  shared axis, as in a column of /compare. CSV and JSON of these charts cover
                  every article named: --ids A,B,C alone gives one column per article.
  --q TERM        The term of term-hits-by-article.
  --actor ACTOR   frame-shares: the one actor to show (default: every actor the article names).

Output
  --format F      png (2x pixel density, white background), svg (text kept as text), csv
                  (RFC 4180, header row) or json. Default: the extension of --out.
  --out FILE      Where to write. Written whole or not at all (a temporary file in the same
                  folder is renamed over FILE; a temporary file of FILE that a killed run left
                  behind is removed).

Input
  --corpus DIR    The folder of articles (default: the bundled corpus/).
  --actors FILE   The actor definitions (default: data/actors.json).
  -h, --help      Print this help.

Exit status
  0   the file is written
  1   bad input: an unknown article id, ids that are not 2 to 5 distinct articles, an unreadable
      corpus or actors file, a folder of --out that cannot be written
  2   usage error: an unknown option or chart, a missing --out, a format that does not fit
  70  internal error: a bug in Framelens, not in the input
`
