/**
 * Tests of loading a folder: order, which files count, bad files refused without stopping the
 * rest (every problem reported at once), and the bundled corpus itself (its five articles, their
 * titles and exactly what the loader removes).
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ParsedArticle } from '../../src/corpus/article-file.js'
import { InputError, InputErrors } from '../../src/corpus/errors.js'
import { DEFAULT_CORPUS_DIR, loadCorpus, loadCorpusDir } from '../../src/corpus/load-corpus.js'

describe('loadCorpusDir on small folders', () => {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'framelens-corpus-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads .md, .txt and .html in file-name order and ignores other and hidden files', async () => {
    await writeFile(join(dir, 'b.txt'), 'Bee\n\nText b.')
    await writeFile(join(dir, 'a.md'), '---\ntitle: Ay\n---\nText a.')
    await writeFile(
      join(dir, 'c.html'),
      '<html><body><article><p>Text c is here.</p></article></body></html>',
    )
    await writeFile(join(dir, 'notes.json'), '{}')
    await writeFile(join(dir, '.hidden.md'), 'Hidden\n\nText.')
    await mkdir(join(dir, 'sub.md'))
    const articles = await loadCorpusDir(dir)
    expect(articles.map((a) => [a.id, a.title, a.text])).toEqual([
      ['a', 'Ay', 'Text a.'],
      ['b', 'Bee', 'Text b.'],
      ['c', 'c', 'Text c is here.'],
    ])
  })

  it('refuses a folder without article files', async () => {
    await writeFile(join(dir, 'readme.json'), '{}')
    await expect(loadCorpusDir(dir)).rejects.toThrow(
      new InputError(
        `${dir}: no article files (.md, .markdown, .txt, .html, .htm) in this folder`,
        dir,
      ),
    )
  })

  it('refuses a folder that does not exist', async () => {
    const missing = join(dir, 'nope')
    await expect(loadCorpusDir(missing)).rejects.toThrow(
      `${missing}: cannot read the folder: no such file or directory (ENOENT)`,
    )
  })

  it('refuses every bad file and the second of two ids, and loads the rest', async () => {
    await writeFile(join(dir, 'a.md'), 'Good\n\nText.')
    await writeFile(join(dir, 'a.txt'), 'Same id\n\nText.')
    await writeFile(join(dir, 'bin.md'), new Uint8Array([0x41, 0x00]))
    await writeFile(join(dir, 'empty.txt'), '')
    await writeFile(join(dir, 'yaml.md'), '---\ntitle: [unclosed\n---\nText.')
    // In file-name order; the YAML error is found at the end of the front matter (line 3).
    const errors = [
      `${join(dir, 'a.txt')}: the id "a" is already used by a.md; rename one of the files`,
      `${join(dir, 'bin.md')}: looks like a binary file (NUL byte at offset 1), not text`,
      `${join(dir, 'empty.txt')}: no article text (empty, or only boilerplate)`,
      `${join(dir, 'yaml.md')}: front matter is not valid YAML (line 3, column 1): Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]
    const { articles, refused } = await loadCorpus(dir)
    expect(articles.map((a) => [a.id, a.title, a.text, a.file])).toEqual([
      ['a', 'Good', 'Text.', join(dir, 'a.md')],
    ])
    expect(refused.map((e) => e.message)).toEqual(errors)

    // loadCorpusDir wants every file: it throws them all, one per line under a heading.
    const strict = await loadCorpusDir(dir).then(
      () => undefined,
      (err: unknown) => err,
    )
    expect(strict).toBeInstanceOf(InputErrors)
    expect((strict as InputErrors).message).toBe(
      [`${dir}: 4 problems:`, ...errors.map((m) => `  ${m}`)].join('\n'),
    )

    // With the good files gone nothing loads, and that stops the load with every problem.
    await rm(join(dir, 'a.md'))
    await rm(join(dir, 'a.txt'))
    const none = await loadCorpus(dir).then(
      () => undefined,
      (err: unknown) => err,
    )
    expect(none).toBeInstanceOf(InputErrors)
    expect((none as InputErrors).message).toBe(
      [`${dir}: 3 problems:`, ...errors.slice(1).map((m) => `  ${m}`)].join('\n'),
    )
  })
})

describe('the bundled corpus', () => {
  let corpus: ParsedArticle[] = []
  const byId = (id: string) => {
    const article = corpus.find((a) => a.id === id)
    if (!article) throw new Error(`no article ${id}`)
    return article
  }
  const removedLines = (id: string) => byId(id).removed.map((r) => [r.line, r.text])

  beforeEach(async () => {
    corpus = await loadCorpusDir(DEFAULT_CORPUS_DIR)
  })

  it('is the default folder and holds the five articles, sorted by id', () => {
    expect(corpus.map((a) => a.id)).toEqual([
      'crab-dumplings',
      'kim-going-to-russia',
      'putin-in-pyongyang',
      'two-reasons',
      'vlad-kim-deal',
    ])
  })

  it('has the titles, headline flags and the only metadata that is known', () => {
    expect(
      corpus.map((a) => [a.id, a.title, a.headline, a.outlet, a.date, a.author, a.url]),
    ).toEqual([
      ['crab-dumplings', 'Crab Dumplings', true, undefined, '2023-09-13', undefined, undefined],
      [
        'kim-going-to-russia',
        'Oh, good. Kim Jong-un is going to Russia',
        true,
        'HotAir',
        undefined,
        undefined,
        undefined,
      ],
      [
        'putin-in-pyongyang',
        'Russian President Vladimir Putin touched down in the hermit kingdom of North Korea',
        false,
        undefined,
        '2024-06-18',
        undefined,
        undefined,
      ],
      [
        'two-reasons',
        'There are two reasons for North Korean dictator Kim Jong Un’s visit to Russia this week',
        false,
        undefined,
        '2023-12-11',
        undefined,
        undefined,
      ],
      [
        'vlad-kim-deal',
        'What kind of a deal is Vlad cutting with Kim?',
        true,
        'HotAir',
        '2023-09-13',
        undefined,
        undefined,
      ],
    ])
    expect(corpus.map((a) => a.extra.seed)).toEqual([
      '000_e15fb91cc4af73d7',
      '004_108437baf6ef6dbc',
      '002_b3de4e9354c780d6',
      '003_54a47c11b07b00f3',
      '001_e0169dc5e96189b8',
    ])
  })

  it('keeps a headline-less article’s lead in its body', () => {
    // The title of 002 and 003 is only the opening words of the lead, so the lead stays.
    expect(byId('putin-in-pyongyang').text.startsWith(byId('putin-in-pyongyang').title)).toBe(true)
    expect(byId('two-reasons').text.startsWith(byId('two-reasons').title)).toBe(true)
  })

  it('removes nothing from crab-dumplings, which has no boilerplate', () => {
    expect(byId('crab-dumplings').removed).toEqual([])
  })

  it('removes the ad labels, the membership prompt and the video widget from vlad-kim-deal', () => {
    expect(byId('vlad-kim-deal').removed).toEqual([
      { line: 3, text: 'Advertisement', reason: 'advertisement slot label' },
      { line: 15, text: 'Advertisement', reason: 'advertisement slot label' },
      { line: 21, text: 'Advertisement', reason: 'advertisement slot label' },
      {
        line: 23,
        text: 'Join the conversation as a VIP Member',
        reason: 'membership prompt of the publisher',
      },
      { line: 25, text: 'Trending on HotAir Videos', reason: 'heading of a video widget' },
      { line: 27, text: 'Advertisement', reason: 'advertisement slot label' },
      { line: 28, text: 'Advertisement', reason: 'advertisement slot label' },
      { line: 29, text: 'Advertisement', reason: 'advertisement slot label' },
      { line: 30, text: 'Advertisement', reason: 'advertisement slot label' },
    ])
    // The AP credit is sourcing, not boilerplate.
    expect(byId('vlad-kim-deal').text).toContain(
      'these days. (Associated Press)\n\nNorth Korean leader',
    )
  })

  it('removes the two embedded posts and their credits from putin-in-pyongyang', () => {
    expect(removedLines('putin-in-pyongyang')).toEqual([
      [6, 'Putin is officially in North Korea. pic.twitter.com/CKoUYCrEjJ'],
      [7, '— Russian Market (@runews) June 18, 2024'],
      [
        14,
        '🇰🇵 🇷🇺 Streets of North Korea are covered with Russian flags and pictures of President Putin ahead of his visit to the country. pic.twitter.com/2dlYZ2r8O0',
      ],
      [15, '— BRICS News (@BRICSinfo) June 18, 2024'],
      [22, 'Join the conversation as a VIP Member'],
    ])
    // Its paragraphs are one line break apart; they stay that way around the removed posts.
    expect(byId('putin-in-pyongyang').text).toContain(
      'pomp and circumstance:\nThe two dictators seem to be finding common ground',
    )
  })

  it('removes the three READ MORE cross-links from two-reasons, leaving the sentences whole', () => {
    expect(removedLines('two-reasons')).toEqual([
      [5, '(READ MORE: Libya, Morocco, Disasters, and Failed Regimes)'],
      [15, '(READ MORE: Ignoring Russian History Is Costly)'],
      [
        23,
        '(READ MORE from Aubrey Gulick: Ukraine Doesn’t Want the Vatican’s Help Negotiating Peace)',
      ],
    ])
    const text = byId('two-reasons').text
    expect(text).toContain(
      'before Putin and Kim met on Wednesday.\n\nFirst, there were the rumors.',
    )
    expect(text).toContain('and Kim got a full tour.\n\nSome kind of agreement')
    expect(text).toContain('Putin’s 23-year policy.”\n\nThe United States, Japan')
  })

  it('removes the photo credit and the stray Stephen Moore byline from kim-going-to-russia', () => {
    expect(removedLines('kim-going-to-russia')).toEqual([
      [1, 'AP Photo/Minh Hoang'],
      [5, 'Advertisement'],
      [17, 'Advertisement'],
      [25, 'Advertisement'],
      [29, 'Join the conversation as a VIP Member'],
      [31, 'Trending on HotAir Videos'],
      [33, 'Advertisement'],
      [34, 'Advertisement'],
      [35, 'Stephen Moore 8:30 AM | December 15, 2024'],
      [36, 'Advertisement'],
      [37, 'Advertisement'],
    ])
    const text = byId('kim-going-to-russia').text
    expect(text.startsWith('Unfortunately, it appears that the new Axis of Evil')).toBe(true)
    expect(text.endsWith('It’s a sad situation.')).toBe(true)
    expect(text).toContain('invite Iran to the party as well. (NY Times)')
  })

  it('leaves no boilerplate in any cleaned text, and each removed line is in the raw body', () => {
    for (const article of corpus) {
      expect(article.text).not.toMatch(/Advertisement|pic\.twitter\.com|READ MORE|VIP Member/)
      expect(article.text).not.toMatch(/\n{3}|^\s|\s$/)
      const lines = article.rawBody.split('\n')
      for (const passage of article.removed) expect(lines[passage.line - 1]).toContain(passage.text)
    }
  })
})
