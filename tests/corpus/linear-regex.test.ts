/**
 * Reproductions of the patterns that took time quadratic in a run of spaces (security review,
 * finding V2): each input here took from 25 s to minutes before, and now takes milliseconds. The
 * test timeout (20 s) is what fails them on the old code; the timings themselves are measured
 * outside the tests, where a slow machine cannot make them flaky.
 */

import { describe, expect, it } from 'vitest'
import { parseArticleText } from '../../src/corpus/article-file.js'
import { stripBoilerplate } from '../../src/corpus/boilerplate.js'
import { osReason } from '../../src/corpus/errors.js'

const READ_MORE = 'link to another article of the publisher'

describe('the inline cross-link pattern', () => {
  it('keeps lines of 200,000 spaces that hold no cross-link, and still cuts one after them', () => {
    const spaces = ' '.repeat(199_990)
    const body = `Before.\n${spaces}x\n${spaces}y\n${spaces}z (READ MORE: Elsewhere) after.`
    expect(stripBoilerplate(body)).toEqual({
      text: `Before.\n${spaces}x\n${spaces}y\n${spaces}z after.`,
      removed: [{ text: '(READ MORE: Elsewhere)', reason: READ_MORE, line: 4 }],
    })
    // Indentation before a cut passage goes with the spaces after it, as before.
    expect(stripBoilerplate(`One.\n${spaces}(READ MORE: A)\t (READ MORE: B)  Two.`)).toEqual({
      text: 'One.\nTwo.',
      removed: [
        { text: '(READ MORE: A)', reason: READ_MORE, line: 2 },
        { text: '(READ MORE: B)', reason: READ_MORE, line: 2 },
      ],
    })
  })
})

describe('the closing #s of a Markdown headline', () => {
  it('reads a first line of 200,000 spaces as no headline, and still cuts closing #s', () => {
    const spaces = ' '.repeat(199_990)
    const text = `# a${spaces}b\n\nBody text.`
    const article = parseArticleText(text, 'wide.md', 'md')
    expect([article.title, article.headline, article.text]).toEqual(['wide', false, text])
    // The same line with closing #s and a short heading is a headline without them.
    const closed = parseArticleText(`## Title${spaces}##\n\nBody.`, 'closed.md', 'md')
    expect([closed.title, closed.headline, closed.text]).toEqual(['Title', true, 'Body.'])
    expect(parseArticleText('# C# ##\n\nBody.', 'c.md', 'md').title).toBe('C#')
    expect(parseArticleText('# Title#\n\nBody.', 't.md', 'md').title).toBe('Title#')
  })
})

describe('osReason', () => {
  it('cuts the path out of a message whose path is 200,000 characters of ", a \'"', () => {
    // Linux allows a newline in a file name; `.` does not match it, which made `'.*'$` backtrack.
    const path = `${", a '".repeat(40_000)}\nx`
    const err = Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
      code: 'ENOENT',
      syscall: 'open',
    })
    expect(osReason(err)).toBe('no such file or directory (ENOENT)')
    const bare = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), {
      code: 'EISDIR',
      syscall: 'read',
    })
    expect(osReason(bare)).toBe('illegal operation on a directory, read (EISDIR)')
  })
})
