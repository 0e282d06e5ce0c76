/**
 * The limits of one article file (`src/corpus/limits.ts`) and front matter that the YAML parser
 * cannot take (security review, finding V5): each is refused with an `InputError` that names the
 * file and the limit, never a raw `ReferenceError` or a stack overflow.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseArticleText, readArticleFile } from '../../src/corpus/article-file.js'
import { InputError } from '../../src/corpus/errors.js'
import { MAX_FILE_BYTES, MAX_FRONT_MATTER_CHARS, MAX_LINE_CHARS } from '../../src/corpus/limits.js'

/** The error `fn` throws (the test fails when it throws none). */
function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('nothing was thrown')
}

/** Expects `fn` to throw an `InputError` for `name` with exactly `message`. */
function expectRefused(fn: () => unknown, name: string, message: string): void {
  const err = thrown(fn)
  expect(err).toBeInstanceOf(InputError)
  expect([(err as InputError).source, (err as InputError).message]).toEqual([name, message])
}

describe('file and line size', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'framelens-limits-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('refuses a file one byte over the limit by its size, and reads one at the limit', async () => {
    const line = 'Russia said it would talk. '.padEnd(99, 'x') + '\n'
    const text = line.repeat(Math.floor(MAX_FILE_BYTES / line.length))
    const atLimit = text + 'y'.repeat(MAX_FILE_BYTES - text.length)
    await writeFile(join(dir, 'at-limit.txt'), atLimit)
    await writeFile(join(dir, 'over.txt'), atLimit + 'z')
    const over = join(dir, 'over.txt')
    await expect(readArticleFile(over)).rejects.toThrow(
      new InputError(
        `${over}: the file has 5,242,881 bytes; the limit is 5,242,880 bytes (5 MiB) a file`,
        over,
      ),
    )
    const article = await readArticleFile(join(dir, 'at-limit.txt'))
    expect([article.id, article.text.length]).toEqual(['at-limit', MAX_FILE_BYTES])
  })

  it('refuses a line over 200,000 characters in a text file and in an HTML page’s text', () => {
    const long = 'a'.repeat(MAX_LINE_CHARS + 1)
    expectRefused(
      () => parseArticleText(`Title\n\nShort.\n${long}\n`, 'long.md', 'md'),
      'long.md',
      'long.md: line 4 has 200,001 characters; the limit is 200,000 characters a line',
    )
    expectRefused(
      () =>
        parseArticleText(
          `<html><body><article><p>${long}</p></article></body></html>`,
          'long.html',
          'html',
        ),
      'long.html',
      "long.html: a paragraph of the page's text has 200,001 characters; the limit is 200,000 characters a line",
    )
    const atLimit = parseArticleText(`Title\n\n${long.slice(1)}`, 'fits.txt', 'txt')
    expect([atLimit.title, atLimit.text.length]).toEqual(['Title', MAX_LINE_CHARS])
  })
})

describe('front matter the YAML parser cannot take', () => {
  const doc = (yaml: string) => `---\n${yaml}\n---\nBody text.`

  it('refuses an alias bomb quickly, and an alias without its anchor', () => {
    // Nine lists of nine aliases to the list before: 9^9 (387 million) strings once expanded.
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    for (let i = 1; i <= 8; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    expectRefused(
      () => parseArticleText(doc(['title: Bomb', ...lines].join('\n')), 'bomb.md', 'md'),
      'bomb.md',
      'bomb.md: front matter: too many expansions of YAML aliases (*name); the limit is 100',
    )
    expectRefused(
      () => parseArticleText(doc('title: *nowhere'), 'alias.md', 'md'),
      'alias.md',
      'alias.md: front matter: cannot be read as YAML: Unresolved alias (the anchor must be set before the alias): nowhere',
    )
    // A few aliases are still fine.
    const ok = parseArticleText(doc('outlet: &o Daily\ntitle: *o\nalso: [*o, *o]'), 'ok.md', 'md')
    expect([ok.title, ok.outlet, ok.extra]).toEqual([
      'Daily',
      'Daily',
      { also: ['Daily', 'Daily'] },
    ])
  })

  it('refuses front matter nested 16,000 levels deep, which overflowed the parser’s stack', () => {
    expectRefused(
      () => parseArticleText(doc(`title: Deep\nk: ${'['.repeat(16_000)}`), 'deep.md', 'md'),
      'deep.md',
      'deep.md: front matter: lists and maps nested more than 32 levels deep; the limit is 32 levels',
    )
    expectRefused(
      () => parseArticleText(doc(`${'- '.repeat(8_000)}x`), 'list.md', 'md'),
      'list.md',
      'list.md: front matter: lists and maps nested more than 32 levels deep; the limit is 32 levels',
    )
    // 31 brackets in a key's value: 32 levels, the most there may be.
    const nested = `title: Nested\nk: ${'['.repeat(31)}1${']'.repeat(31)}`
    expect(parseArticleText(doc(nested), 'nested.md', 'md').title).toBe('Nested')
  })

  it('refuses front matter over 16 KiB', () => {
    // 12 + 6 + 16,384 characters and the line break before the closing ---.
    const yaml = `title: Long\nnote: ${'a'.repeat(MAX_FRONT_MATTER_CHARS)}`
    expectRefused(
      () => parseArticleText(doc(yaml), 'big.md', 'md'),
      'big.md',
      'big.md: front matter: 16,403 characters; the limit is 16,384 characters',
    )
  })
})
