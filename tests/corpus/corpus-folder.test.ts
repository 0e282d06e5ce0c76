/**
 * What a corpus folder may hold (security review, finding V4) and what a refused file does to the
 * rest: a link out of the folder or to a pipe, a folder or a missing file is refused unread, an
 * article over the engine's limits is refused by the store, and every other article is served,
 * with the refused files listed on the overview. Folders are made in the system's temporary
 * directory at run time.
 */

import { execFileSync } from 'node:child_process'
import { closeSync, constants, openSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { devNull, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_SENTENCE_TOKENS } from '../../src/analysis/index.js'
import { createApp } from '../../src/app.js'
import { loadStore } from '../../src/corpus-store.js'
import { InputErrors } from '../../src/corpus/errors.js'
import { loadCorpus, refusedNotice } from '../../src/corpus/load-corpus.js'

const posix = process.platform !== 'win32'

let root = ''
let corpus = ''
const fifos: string[] = []

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'framelens-folder-'))
  corpus = join(root, 'corpus')
  await mkdir(join(corpus, 'sub'), { recursive: true })
  await mkdir(join(root, 'outside'))
})

afterEach(async () => {
  // Code that opened a pipe for reading waits for a writer: be one, so that nothing stays blocked.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))
    } catch {
      // No reader: nothing waits.
    }
  }
  await rm(root, { recursive: true, force: true })
})

/** A sentence of `words` words and no full stop: over the engine's limit when long enough. */
const runOn = (words: number) => `Title\n\n${'word '.repeat(words)}`

describe('links in the corpus folder', () => {
  it.skipIf(!posix)(
    'refuses a pipe, links out of the folder, to a pipe, a folder or nothing, and reads links inside it',
    async () => {
      await writeFile(join(root, 'outside', 'secret.txt'), 'Secret\n\nThe password is swordfish.')
      await writeFile(join(corpus, 'a.md'), 'Ay\n\nRussia met the West.')
      await symlink(join('..', 'outside', 'secret.txt'), join(corpus, 'passwd.txt'))
      await symlink(join(root, 'outside', 'secret.txt'), join(corpus, 'abs.txt'))
      await symlink(devNull, join(corpus, 'null.txt'))
      await symlink('a.md', join(corpus, 'inside.md'))
      await symlink('sub', join(corpus, 'folder.md'))
      await symlink('missing.md', join(corpus, 'gone.md'))
      const fifo = join(corpus, 'sub', 'pipe')
      execFileSync('mkfifo', [fifo])
      fifos.push(fifo)
      await symlink(join('sub', 'pipe'), join(corpus, 'pipe.md'))
      const fifoInFolder = join(corpus, 'fifo.txt')
      execFileSync('mkfifo', [fifoInFolder])
      fifos.push(fifoInFolder)

      const { articles, refused } = await loadCorpus(corpus)
      expect(articles.map((a) => [a.id, a.title, a.text])).toEqual([
        ['a', 'Ay', 'Russia met the West.'],
        ['inside', 'Ay', 'Russia met the West.'],
      ])
      const outside =
        'a link to a file outside the corpus folder; only files inside the folder are read'
      expect(refused.map((e) => [e.source, e.message])).toEqual(
        [
          ['abs.txt', outside],
          ['fifo.txt', 'not a regular file (a named pipe); only regular files are read'],
          ['folder.md', 'not a regular file (a folder); only regular files are read'],
          ['gone.md', 'cannot read the file: no such file or directory (ENOENT)'],
          ['null.txt', outside],
          ['passwd.txt', outside],
          ['pipe.md', 'not a regular file (a named pipe); only regular files are read'],
        ].map(([name, reason]) => [join(corpus, name!), `${join(corpus, name!)}: ${reason}`]),
      )
    },
  )
})

describe('a store with refused files', () => {
  it('serves the good articles, lists the refused ones on the overview, escaped, and in the log', async () => {
    await writeFile(join(corpus, 'a.md'), 'Ay\n\nRussia met the West. Kim was there.')
    await writeFile(join(corpus, '<b>.md'), new Uint8Array([0x41, 0x00]))
    await writeFile(join(corpus, 'a.txt'), 'Same id\n\nText.')
    await writeFile(join(corpus, 'run-on.md'), runOn(MAX_SENTENCE_TOKENS + 1))

    const store = await loadStore(corpus)
    expect(store.articles.map((a) => a.id)).toEqual(['a'])
    const path = (name: string) => join(corpus, name)
    const messages = [
      `${path('<b>.md')}: looks like a binary file (NUL byte at offset 1), not text`,
      `${path('a.txt')}: the id "a" is already used by a.md; rename one of the files`,
      `${path('run-on.md')}: sentence 1 has 5,001 words and marks; the limit is 5,000 a sentence (is the text missing its full stops?)`,
    ]
    expect(store.refused.map((e) => e.message)).toEqual(messages)
    expect(refusedNotice(store.refused)).toBe(
      ['3 files were not loaded:', ...messages.map((m) => `  ${m}`)].join('\n'),
    )

    const app = createApp(store)
    const page = await (await app.request('/')).text()
    const notice = /<section class="note refused"[^]*?<\/section>/.exec(page)?.[0]
    expect(notice).toBe(
      '<section class="note refused" aria-labelledby="refused-title"><p id="refused-title">' +
        '<strong>3 files were not loaded</strong> from the corpus folder; the other articles are shown.</p>' +
        '<ul class="removed">' +
        '<li><code>&lt;b&gt;.md</code>: looks like a binary file (NUL byte at offset 1), not text</li>' +
        '<li><code>a.txt</code>: the id &quot;a&quot; is already used by a.md; rename one of the files</li>' +
        '<li><code>run-on.md</code>: sentence 1 has 5,001 words and marks; the limit is 5,000 a sentence (is the text missing its full stops?)</li>' +
        '</ul></section>',
    )
    expect((await app.request('/articles/run-on')).status).toBe(404)
  })

  it('stops when no article is left, listing every refused file', async () => {
    await writeFile(join(corpus, 'run-on.md'), runOn(MAX_SENTENCE_TOKENS + 1))
    await writeFile(join(corpus, 'empty.txt'), '')
    const error = await loadStore(corpus).then(
      () => undefined,
      (err: unknown) => err,
    )
    expect(error).toBeInstanceOf(InputErrors)
    expect((error as InputErrors).message).toBe(
      [
        `${corpus}: 2 problems:`,
        `  ${join(corpus, 'empty.txt')}: no article text (empty, or only boilerplate)`,
        `  ${join(corpus, 'run-on.md')}: sentence 1 has 5,001 words and marks; the limit is 5,000 a sentence (is the text missing its full stops?)`,
      ].join('\n'),
    )
  })
})
