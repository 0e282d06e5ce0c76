/**
 * Loading a folder of articles (the bundled `corpus/` or a user's own): every .md, .txt and .html
 * file in it, in file-name order, each read by `readArticleFile`. A bad file is never skipped:
 * every problem in the folder is collected and reported together, so one run shows all of them.
 */

import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  ARTICLE_EXTENSIONS,
  articleKind,
  readArticleFile,
  type ParsedArticle,
} from './article-file.js'
import { InputError, InputErrors, osReason } from './errors.js'

/** The repository's `corpus/` folder, found from this module so it works from any directory. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url))

/**
 * Reads every article file of a folder (not its subfolders; hidden files are ignored), sorted by
 * file name. Throws `InputError` when the folder cannot be read or holds no article file, and
 * `InputErrors` listing every bad file and every id used by two files.
 */
export async function loadCorpusDir(dir: string = DEFAULT_CORPUS_DIR): Promise<ParsedArticle[]> {
  let names: string[]
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    names = entries
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .filter((name) => articleKind(name) !== undefined)
  } catch (err) {
    throw new InputError(`${dir}: cannot read the folder: ${osReason(err)}`, dir)
  }
  // Code-unit order, not the locale's: the same folder gives the same order on every machine.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (names.length === 0) {
    const accepted = Object.keys(ARTICLE_EXTENSIONS).join(', ')
    throw new InputError(`${dir}: no article files (${accepted}) in this folder`, dir)
  }

  const results = await Promise.allSettled(names.map((name) => readArticleFile(join(dir, name))))
  const errors: InputError[] = []
  const articles: ParsedArticle[] = []
  const fileOfId = new Map<string, string>()
  results.forEach((result, index) => {
    const name = names[index]!
    if (result.status === 'rejected') {
      // Anything but an InputError is a bug in Framelens: let it surface as itself.
      if (!(result.reason instanceof InputError)) throw result.reason
      errors.push(result.reason)
      return
    }
    const article = result.value
    const earlier = fileOfId.get(article.id)
    if (earlier !== undefined) {
      const path = join(dir, name)
      errors.push(
        new InputError(
          `${path}: the id "${article.id}" is already used by ${earlier}; rename one of the files`,
          path,
        ),
      )
      return
    }
    fileOfId.set(article.id, name)
    articles.push(article)
  })
  if (errors.length > 0) throw new InputErrors(errors, dir)
  return articles
}
