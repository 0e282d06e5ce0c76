/** The help of `npm run library`, printed by --help and checked by its tests. */
export const HELP = `Usage: npm run --silent library -- COMMAND [OPTIONS]

Manage the stored collections the dashboard serves (the same database as \`npm start\`:
DATABASE_URL for PostgreSQL, else the SQLite file FRAMELENS_DB, default var/framelens.db).

Commands:
  collections                      List the collections: id, articles, name (tab-separated)
  create NAME [--actors FILE]      Make a collection (the default actors unless FILE is given);
                                   prints its id
  add --collection ID FILE...      Analyse and store .md, .txt or .html files, all or none:
                                   one unreadable file refuses them all. A file whose text is
                                   stored already is skipped and said on stderr
  import --collection ID DIR [--defer]
                                   Store every article file of a folder, analysed in batches on
                                   every core; unreadable files are listed and the rest stored.
                                   --defer stores them unanalysed, for the server's background
                                   or \`npm run worker\` processes to analyse
  articles --collection ID         The collection's articles as JSON ({"articles": [...]}, the
                                   analyse command's shape plus meta and source)
  remove --collection ID ARTICLE...  Delete articles
  delete ID                        Delete a collection and its articles

Exit codes: 0 done; 1 bad input (a file, an id, a name); 2 bad command line; 70 a bug.
`
