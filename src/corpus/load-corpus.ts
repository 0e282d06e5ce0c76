/**
 * Loading a folder of articles (the bundled `corpus/` or a user's own): every .md, .txt and .html
 * file in it, in file-name order, each read by `readArticleFile`. A bad file does not stop the
 * rest: it is refused with its reason, and every refused file is reported together, so one run
 * shows all of them. Only regular files that lie in the folder once their links are resolved are
 * read, so a link cannot serve a file from elsewhere nor make loading hang on a pipe or a device.
 */

import { readdir, realpath } from 'node:fs/promises'
import { basename, join } from 'node:path'
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

/** A folder as loaded: the articles that could be read and the files that could not. */
export interface LoadedCorpus {
  /** In file-name order. */
  articles: ParsedArticle[]
  /** One error per refused file, in file-name order; each message names the file. */
  refused: InputError[]
}

/**
 * Reads every article file of a folder (not its subfolders; hidden files are ignored), sorted by
 * file name. A file that cannot be used is refused, not fatal: an unreadable, binary or empty
 * file, bad front matter, a file over the limits of `limits.ts`, a link that leads out of the
 * folder or to something that is not a regular file, and the second of two files with the same
 * id. Throws `InputError` when the folder cannot be read or holds no article file, and
 * `InputErrors` listing every refused file when none could be loaded.
 */
export async function loadCorpus(dir: string = DEFAULT_CORPUS_DIR): Promise<LoadedCorpus> {
  let names: string[]
  let folder: string
  try {
    folder = await realpath(dir)
    const entries = await readdir(folder, { withFileTypes: true })
    names = entries
      .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.'))
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

  const results = await Promise.allSettled(
    names.map((name) => readArticleFile(join(dir, name), { within: folder })),
  )
  const refused: InputError[] = []
  const articles: ParsedArticle[] = []
  const fileOfId = new Map<string, string>()
  results.forEach((result, index) => {
    const name = names[index]!
    if (result.status === 'rejected') {
      // Anything but an InputError is a bug in Framelens: let it surface as itself.
      if (!(result.reason instanceof InputError)) throw result.reason
      refused.push(result.reason)
      return
    }
    const article = result.value
    const earlier = fileOfId.get(article.id)
    if (earlier !== undefined) {
      const path = join(dir, name)
      refused.push(
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
  if (articles.length === 0) throw new InputErrors(refused, dir)
  return { articles, refused }
}

/**
 * Like `loadCorpus`, for callers that need every file of the folder: the articles, or an
 * `InputErrors` listing every refused file when there is one.
 */
export async function loadCorpusDir(dir: string = DEFAULT_CORPUS_DIR): Promise<ParsedArticle[]> {
  const { articles, refused } = await loadCorpus(dir)
  if (refused.length > 0) throw new InputErrors(refused, dir)
  return articles
}

/** What a refused file's error says without the file name before each line, for a page. */
export function refusedReason(error: InputError): string {
  const prefix = `${error.source}: `
  return error.message
    .split('\n')
    .map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line))
    .join('; ')
}

/** The file name of a refused file, without its folder (a page need not show where it lives). */
export function refusedFile(error: InputError): string {
  return basename(error.source)
}

/**
 * The notice for refused files, as the server logs it:
 * "2 files were not loaded:" and one indented line per problem.
 */
export function refusedNotice(refused: readonly InputError[]): string {
  const heading =
    refused.length === 1 ? '1 file was not loaded:' : `${refused.length} files were not loaded:`
  return [
    heading,
    ...refused.flatMap((e) => e.message.split('\n').map((line) => `  ${line}`)),
  ].join('\n')
}
