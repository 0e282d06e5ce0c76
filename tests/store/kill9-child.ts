/**
 * The writer that tests/store/kill9.test.ts kills: it inserts articles into the SQLite file named
 * by its argument, one per transaction, and prints each id on stdout once `insertArticles` has
 * returned, that is once the write is acknowledged. It never stops by itself. The texts are large
 * (spanning many pages) and made from the id, so the test can tell a whole article from a torn one.
 */
import { createHash } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { SqliteStorage } from '../../src/store/sqlite.js'

export const COLLECTION = 'kill9'

/** The text of article `id`: about 60 KB, different for every id. */
export function kill9Text(id: string): string {
  const line = `Article ${id}: every line of this text names its article, so a page from another is seen.\n`
  return line.repeat(600)
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

async function main(file: string): Promise<void> {
  const storage = new SqliteStorage(file)
  await storage.migrate()
  await storage.createCollection({ id: COLLECTION, name: 'Killed writer', actors: [] })
  for (let i = 0; ; i++) {
    const id = `a${i}`
    const text = kill9Text(id)
    await storage.insertArticles(COLLECTION, [
      {
        id,
        title: `Article ${id}`,
        headline: true,
        text,
        source: 'kill9',
        removed: [],
        textHash: sha256(text),
        analysis: { key: 'k', data: { id, words: text.length } },
      },
    ])
    // A pipe write is synchronous on POSIX, so the line is out before the next insert starts.
    process.stdout.write(`${id}\n`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2]!)
}
