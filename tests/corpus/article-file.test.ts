/**
 * Tests of reading one article: bytes to text (binary, bad UTF-8, BOM), front matter, the
 * first-line title rule, HTML through Readability, and files on disk.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  articleId,
  articleKind,
  decodeArticleBytes,
  parseArticleText,
  readArticleFile,
} from '../../src/corpus/article-file.js'
import { InputError } from '../../src/corpus/errors.js'

const bytes = (...values: number[]) => new Uint8Array(values)
const utf8 = (text: string) => new TextEncoder().encode(text)

/** Runs `fn` and returns the InputError it throws (failing the test if it throws nothing else). */
function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected an InputError, nothing was thrown')
}

describe('articleId and articleKind', () => {
  it('takes the stem of the file name, whatever the directories or separators', () => {
    expect(articleId('corpus/two-reasons.md')).toBe('two-reasons')
    expect(articleId(join('news', 'kim.v2.txt'))).toBe('kim.v2')
    // on Linux a backslash is part of a file name, so the id keeps it (it used to lose "c\\")
    if (sep === '/') expect(articleId('corpus/c\\d.md')).toBe('c\\d')
    expect(articleId('plain')).toBe('plain')
  })

  it('knows the kinds by extension, case-insensitively', () => {
    expect(
      ['a.md', 'a.MARKDOWN', 'a.txt', 'a.html', 'a.HTM', 'a.pdf', 'md'].map(articleKind),
    ).toEqual(['md', 'md', 'txt', 'html', 'html', undefined, undefined])
  })
})

describe('decodeArticleBytes', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    // EF BB BF is the BOM; “ is E2 80 9C. The BOM must not end up as a character of the title.
    expect(decodeArticleBytes(bytes(0xef, 0xbb, 0xbf, 0x48, 0xe2, 0x80, 0x9c), 'a.txt')).toBe('H“')
  })

  it('refuses a binary file, naming the offset of the NUL byte', () => {
    const error = inputError(() => decodeArticleBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x00), 'p.md'))
    expect(error.message).toBe('p.md: looks like a binary file (NUL byte at offset 4), not text')
    expect(error.source).toBe('p.md')
  })

  it('refuses invalid UTF-8, naming the first bad byte and its offset', () => {
    // "Kim " then 0xff 0xfe (never valid in UTF-8) then "x": the bad sequence starts at offset 4.
    const error = inputError(() =>
      decodeArticleBytes(bytes(0x4b, 0x69, 0x6d, 0x20, 0xff, 0xfe, 0x78), 'k.txt'),
    )
    expect(error.message).toBe(
      'k.txt: not valid UTF-8 text (byte 0xff at offset 4); save the file as UTF-8',
    )
  })

  it('reports a Windows-1252 curly apostrophe (0x92) the same way', () => {
    // "Kim’s" saved as Windows-1252: 0x92 alone is a continuation byte without a lead.
    const error = inputError(() => decodeArticleBytes(bytes(0x4b, 0x69, 0x6d, 0x92, 0x73), 'w.txt'))
    expect(error.message).toBe(
      'w.txt: not valid UTF-8 text (byte 0x92 at offset 3); save the file as UTF-8',
    )
  })

  it('reports a sequence cut off at the end of the file at its first byte', () => {
    // E2 80 is the start of a three-byte character with the last byte missing.
    const error = inputError(() => decodeArticleBytes(bytes(0x61, 0xe2, 0x80), 'cut.txt'))
    expect(error.message).toContain('(byte 0xe2 at offset 1)')
  })

  it('recognises UTF-16 by its byte-order mark instead of calling it binary', () => {
    const error = inputError(() => decodeArticleBytes(bytes(0xff, 0xfe, 0x41, 0x00), 'u.txt'))
    expect(error.message).toBe('u.txt: looks like UTF-16 text; save it as UTF-8')
  })
})

describe('parseArticleText: front matter', () => {
  it('reads title and metadata, keeps unknown keys in extra, and drops one separator line', () => {
    const text = [
      '---',
      'title: Crab Dumplings',
      'outlet: HotAir # a comment',
      'date: 2023-12-11',
      'author: Jane Doe',
      'url: https://example.com/crab',
      'seed: 000_e15fb91cc4af73d7',
      '---',
      '',
      'Kim met Putin.',
      '',
      'Advertisement',
    ].join('\n')
    expect(parseArticleText(text, 'corpus/crab-dumplings.md', 'md')).toEqual({
      id: 'crab-dumplings',
      title: 'Crab Dumplings',
      headline: true,
      outlet: 'HotAir',
      // Unquoted, YAML 1.2 reads this as the text "2023-12-11"; it is checked and kept as is.
      date: '2023-12-11',
      author: 'Jane Doe',
      url: 'https://example.com/crab',
      extra: { seed: '000_e15fb91cc4af73d7' },
      text: 'Kim met Putin.',
      rawBody: 'Kim met Putin.\n\nAdvertisement',
      removed: [{ text: 'Advertisement', reason: 'advertisement slot label', line: 3 }],
    })
  })

  it('takes headline: false and a quoted date, and leaves absent fields out', () => {
    const text =
      '---\ntitle: There are two reasons\nheadline: false\ndate: "2023-12-11"\n---\nBody.'
    const article = parseArticleText(text, 'two-reasons.md', 'md')
    expect(article).toEqual({
      id: 'two-reasons',
      title: 'There are two reasons',
      headline: false,
      date: '2023-12-11',
      extra: {},
      text: 'Body.',
      rawBody: 'Body.',
      removed: [],
    })
    expect(Object.keys(article)).not.toContain('outlet')
  })

  it('keeps the date part of an ISO date-time as written (the publisher’s local date)', () => {
    const text = '---\ntitle: T\ndate: 2023-12-11T23:30:00-05:00\n---\nBody.'
    expect(parseArticleText(text, 'a.md', 'md').date).toBe('2023-12-11')
  })

  it('refuses a date with anything else after it', () => {
    const text = '---\ntitle: T\ndate: 2023-12-11 (updated)\n---\nBody.'
    expect(inputError(() => parseArticleText(text, 'a.md', 'md')).message).toBe(
      'a.md: front matter: date: must be a date written YYYY-MM-DD',
    )
  })

  it('accepts front matter in a .txt file and CRLF line breaks', () => {
    const article = parseArticleText(
      '---\r\ntitle: T\r\n---\r\n\r\nLine one.\r\nLine two.',
      'a.txt',
      'txt',
    )
    expect([article.title, article.text]).toEqual(['T', 'Line one.\nLine two.'])
  })

  it('refuses front matter that is not YAML, with the line in the file', () => {
    // Line 1 is ---, so the bad YAML line 1 is line 2 of the file.
    const error = inputError(() => parseArticleText('---\ntitle: a: b\n---\nBody.', 'bad.md', 'md'))
    expect(error.message).toBe(
      'bad.md: front matter is not valid YAML (line 2, column 8): Nested mappings are not allowed in compact mappings',
    )
  })

  it('refuses front matter without a title, naming the field', () => {
    const error = inputError(() => parseArticleText('---\noutlet: X\n---\nBody.', 'nt.md', 'md'))
    expect(error.message).toBe('nt.md: front matter: title: required')
  })

  it('refuses a title YAML reads as a number, a bad date and a non-web url, all at once', () => {
    const text = '---\ntitle: 1984\ndate: 2023-02-30\nurl: javascript:alert(1)\n---\nBody.'
    const error = inputError(() => parseArticleText(text, 'x.md', 'md'))
    expect(error.message).toBe(
      [
        'x.md: front matter: title: must be text (put it in quotes)',
        'x.md: front matter: url: must be an http:// or https:// address',
        'x.md: front matter: date: must be a date written YYYY-MM-DD',
      ].join('\n'),
    )
  })

  it('refuses "headline: no": YAML 1.2 reads it as text, not false', () => {
    const error = inputError(() =>
      parseArticleText('---\ntitle: T\nheadline: no\n---\nB.', 'h.md', 'md'),
    )
    expect(error.message).toBe('h.md: front matter: headline: must be true or false')
  })

  it('refuses front matter that is a list and front matter that is never closed', () => {
    expect(inputError(() => parseArticleText('---\n- a\n---\nB.', 'l.md', 'md')).message).toBe(
      'l.md: front matter must be "key: value" lines',
    )
    expect(inputError(() => parseArticleText('---\ntitle: T\nBody.', 'o.md', 'md')).message).toBe(
      'o.md: front matter opened with --- on line 1 is never closed (add a line ---)',
    )
  })
})

describe('parseArticleText: title without front matter', () => {
  it('takes a short first line followed by a blank line as the headline', () => {
    const article = parseArticleText('Crab Dumplings\n\nKim met Putin.', 'crab.txt', 'txt')
    expect([article.title, article.headline, article.rawBody]).toEqual([
      'Crab Dumplings',
      true,
      'Kim met Putin.',
    ])
  })

  it('does not take a first line that ends like a sentence: it is the lead', () => {
    const article = parseArticleText('Putin landed.\n\nKim waited.', 'lead.txt', 'txt')
    expect([article.title, article.headline, article.text]).toEqual([
      'lead',
      false,
      'Putin landed.\n\nKim waited.',
    ])
  })

  it('does not take a first line ending in "?" either (the rule is . ! ? or :)', () => {
    const article = parseArticleText('What deal is Vlad cutting?\n\nKim met Putin.', 'q.txt', 'txt')
    expect([article.title, article.headline]).toEqual(['q', false])
  })

  it('does not take a first line without a blank line after it', () => {
    expect(parseArticleText('Kim in Russia\nThe train arrived.', 'nb.txt', 'txt').title).toBe('nb')
  })

  it('does not take a first line longer than 150 characters', () => {
    const long = 'Kim '.repeat(38).trim() // 151 characters
    expect(parseArticleText(`${long}\n\nBody.`, 'long.txt', 'txt').title).toBe('long')
  })

  it('does not take a dateline as a title', () => {
    const article = parseArticleText('December 11, 2023\n\nThere are two reasons.', 'd.txt', 'txt')
    expect([article.title, article.text]).toEqual([
      'd',
      'December 11, 2023\n\nThere are two reasons.',
    ])
  })

  it('strips the #s of a Markdown heading', () => {
    expect(parseArticleText('# Crab Dumplings\n\nBody.', 'c.md', 'md').title).toBe('Crab Dumplings')
  })
})

describe('parseArticleText: no text', () => {
  it('refuses an empty file', () => {
    expect(inputError(() => parseArticleText('', 'empty.txt', 'txt')).message).toBe(
      'empty.txt: no article text (empty, or only boilerplate)',
    )
  })

  it('refuses a file that is only boilerplate once cleaned', () => {
    const text = '---\ntitle: T\n---\nAdvertisement\n\nJoin the conversation as a VIP Member\n'
    expect(inputError(() => parseArticleText(text, 'ads.md', 'md')).message).toBe(
      'ads.md: no article text (empty, or only boilerplate)',
    )
  })
})

describe('parseArticleText: HTML', () => {
  const page = `<!doctype html>
<html><head><title>Kim Jong Un travels to Russia for talks with Putin</title></head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Kim Jong Un travels to Russia for talks with Putin</h1>
    <p>North Korean leader Kim Jong Un travelled to Russia on Wednesday for talks with
       Vladimir Putin, officials said.</p>
    <p>Advertisement</p>
    <p>The two leaders discussed <b>weapons</b> and satellites.<br>They dined on crab.</p>
    <blockquote class="twitter-tweet"><p>Putin is officially in North Korea. pic.twitter.com/CKoUYCrEjJ</p>— Russian Market (@runews) June 18, 2024</blockquote>
    <ul><li>Ammunition for Russia.</li><li>Food for North Korea.</li></ul>
  </article>
  <footer>Copyright Example News</footer>
</body></html>`

  it('extracts the title and one paragraph per block, then removes boilerplate', () => {
    const article = parseArticleText(page, 'kim.html', 'html')
    expect(article).toEqual({
      id: 'kim',
      title: 'Kim Jong Un travels to Russia for talks with Putin',
      headline: true,
      extra: {},
      text: [
        'North Korean leader Kim Jong Un travelled to Russia on Wednesday for talks with Vladimir Putin, officials said.',
        'The two leaders discussed weapons and satellites. They dined on crab.',
        'Ammunition for Russia.',
        'Food for North Korea.',
      ].join('\n\n'),
      rawBody: [
        'North Korean leader Kim Jong Un travelled to Russia on Wednesday for talks with Vladimir Putin, officials said.',
        'Advertisement',
        'The two leaders discussed weapons and satellites. They dined on crab.',
        'Putin is officially in North Korea. pic.twitter.com/CKoUYCrEjJ',
        '— Russian Market (@runews) June 18, 2024',
        'Ammunition for Russia.',
        'Food for North Korea.',
      ].join('\n\n'),
      removed: [
        { text: 'Advertisement', reason: 'advertisement slot label', line: 3 },
        {
          text: 'Putin is officially in North Korea. pic.twitter.com/CKoUYCrEjJ',
          reason: 'text of an embedded social-media post',
          line: 7,
        },
        {
          text: '— Russian Market (@runews) June 18, 2024',
          reason: 'credit line of an embedded social-media post',
          line: 9,
        },
      ],
    })
  })

  it('refuses a page in which Readability finds no article', () => {
    expect(
      inputError(() => parseArticleText('<html><body></body></html>', 'e.html', 'html')).message,
    ).toBe('e.html: no article text found in the HTML')
  })
})

describe('readArticleFile', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'framelens-article-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads a .txt file with a BOM', async () => {
    const path = join(dir, 'crab.txt')
    await writeFile(path, '\uFEFFCrab Dumplings\n\nKim met Putin.')
    const article = await readArticleFile(path)
    expect([article.id, article.title, article.text]).toEqual([
      'crab',
      'Crab Dumplings',
      'Kim met Putin.',
    ])
  })

  it('refuses an extension it cannot read, listing those it can', async () => {
    // Checked before any reading: the file does not even need to exist.
    const path = join(dir, 'notes.pdf')
    await expect(readArticleFile(path)).rejects.toThrow(
      new InputError(
        `${path}: cannot read ".pdf" files; accepted: .md, .markdown, .txt, .html, .htm`,
        path,
      ),
    )
  })

  it('reports a missing file with the OS reason', async () => {
    const path = join(dir, 'missing.md')
    await expect(readArticleFile(path)).rejects.toThrow(
      `${path}: cannot read the file: no such file or directory (ENOENT)`,
    )
  })

  it('reports a binary file by its path', async () => {
    const path = join(dir, 'image.md')
    await writeFile(path, bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))
    await expect(readArticleFile(path)).rejects.toThrow(
      `${path}: looks like a binary file (NUL byte at offset 8), not text`,
    )
  })

  it('reads an empty file as an error, not as an empty article', async () => {
    const path = join(dir, 'empty.md')
    await writeFile(path, utf8(''))
    await expect(readArticleFile(path)).rejects.toThrow(
      `${path}: no article text (empty, or only boilerplate)`,
    )
  })
})
