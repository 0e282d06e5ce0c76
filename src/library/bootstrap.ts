/**
 * What the server does with its library at start: on the first start (no collection yet) the
 * bundled corpus becomes the collection "Kim–Putin summits"; with CORPUS_DIR set, that folder is
 * imported into a collection of its own (named after the folder), adding the files whose text is
 * not stored yet, so a restart adds only what is new. Files that cannot be read are refused one
 * by one (listed on the collection's overview and in the log), never stopping the rest.
 */
import { basename, resolve } from 'node:path'
import type { ActorDef } from '../analysis/index.js'
import type { ParsedArticle } from '../corpus/article-file.js'
import type { InputError } from '../corpus/errors.js'
import { DEFAULT_CORPUS_DIR, loadCorpus } from '../corpus/load-corpus.js'
import type { ArticleDraft } from './drafts.js'
import { slugify } from './drafts.js'
import type { AddOptions, AnalyseFn, Library } from './library.js'

export const BUNDLED_COLLECTION = { id: 'kim-putin-summits', name: 'Kim–Putin summits' }

export interface BootResult {
  /** The collection the root serves. */
  collectionId: string
  imported: number
  refused: readonly InputError[]
}

export function draftOf(article: ParsedArticle, source: string): ArticleDraft {
  return {
    id: article.id,
    title: article.title,
    headline: article.headline,
    text: article.text,
    removed: article.removed,
    source,
    ...(article.outlet !== undefined && { outlet: article.outlet }),
    ...(article.date !== undefined && { date: article.date }),
    ...(article.url !== undefined && { url: article.url }),
    ...(article.author !== undefined && { author: article.author }),
  }
}

/**
 * Imports a folder into a collection (made with `actors` when it does not exist). Each file's
 * source is its name; files already stored (same text) are skipped.
 */
export async function importFolder(
  library: Library,
  dir: string,
  target: { id: string; name: string },
  actors: () => Promise<ActorDef[]>,
  options: AddOptions = {},
): Promise<{ imported: number; refused: readonly InputError[] }> {
  const corpus = await loadCorpus(dir)
  if (!(await library.getCollection(target.id))) {
    await library.createCollection({ id: target.id, name: target.name, actors: await actors() })
  }
  const { added } = await library.addArticles(
    target.id,
    corpus.articles.map((a) => draftOf(a, basename(a.file ?? a.id))),
    { atomic: false, chunk: 32, ...options },
  )
  library.setRefused(target.id, corpus.refused)
  return { imported: added.length, refused: corpus.refused }
}

export async function bootstrap(
  library: Library,
  config: {
    corpusDir?: string
    actors: () => Promise<ActorDef[]>
    concurrency?: number
    /** The analysis of an import (the bulk pool); the library's own by default. */
    analyse?: AnalyseFn
  },
): Promise<BootResult> {
  const options: AddOptions = {
    concurrency: config.concurrency ?? 1,
    ...(config.analyse && { analyse: config.analyse }),
  }
  if (config.corpusDir !== undefined) {
    const dir = resolve(config.corpusDir)
    const name = basename(dir)
    const target = { id: slugify(name, 40), name }
    const { imported, refused } = await importFolder(library, dir, target, config.actors, options)
    return { collectionId: target.id, imported, refused }
  }
  const existing = await library.defaultCollection()
  if (existing) return { collectionId: existing.id, imported: 0, refused: [] }
  const { imported, refused } = await importFolder(
    library,
    DEFAULT_CORPUS_DIR,
    BUNDLED_COLLECTION,
    config.actors,
    options,
  )
  return { collectionId: BUNDLED_COLLECTION.id, imported, refused }
}
