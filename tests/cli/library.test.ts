/**
 * `npm run library`, in-process on a SQLite file of its own: each command's output and exit
 * code, and that a refused command (an unreadable file among good ones, an unknown id) writes
 * nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLibrary } from '../../src/cli/library.js'

let dir: string
let env: { FRAMELENS_DB: string }

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'framelens-library-cli-'))
  env = { FRAMELENS_DB: join(dir, 'library.db') }
  writeFileSync(
    join(dir, 'one.md'),
    '---\ntitle: One\noutlet: Daily\ndate: "2024-06-19"\n---\n\nRussia was praised warmly.\n',
  )
  writeFileSync(join(dir, 'two.txt'), 'Two\n\nThe brutal regime in Pyongyang was condemned.\n')
  writeFileSync(join(dir, 'bad.md'), Buffer.from([0x41, 0x00, 0x42]))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runLibrary(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
  })
  return { code, stdout, stderr }
}

describe('npm run library', () => {
  it('makes a collection, adds files all or none, lists and removes them', async () => {
    expect(await run('create', "Monday's", 'class')).toEqual({
      code: 0,
      stdout: 'monday-s-class\n',
      stderr: '',
    })
    const refused = await run(
      'add',
      '--collection',
      'monday-s-class',
      join(dir, 'one.md'),
      join(dir, 'bad.md'),
    )
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toBe(
      `framelens library: ${join(dir, 'bad.md')}: looks like a binary file (NUL byte at offset 1), not text\n` +
        'framelens library: nothing was added\n',
    )
    expect((await run('collections')).stdout).toBe("monday-s-class\t0\tMonday's class\n")

    expect(
      await run('add', '--collection', 'monday-s-class', join(dir, 'one.md'), join(dir, 'two.txt')),
    ).toEqual({
      code: 0,
      stdout: 'one\ntwo\n',
      stderr: '',
    })
    const again = await run('add', '--collection', 'monday-s-class', join(dir, 'one.md'))
    expect(again).toEqual({
      code: 0,
      stdout: '',
      stderr: `framelens library: ${join(dir, 'one.md')}: already stored as "one"; skipped\n`,
    })
    const listed = JSON.parse((await run('articles', '--collection', 'monday-s-class')).stdout)
    expect(
      listed.articles.map(
        (a: { id: string; meta: object; actors: Record<string, { label: string } | null> }) => [
          a.id,
          a.meta,
          a.actors.russia?.label ?? null,
          a.actors['north-korea']?.label ?? null,
        ],
      ),
    ).toEqual([
      ['one', { headline: true, outlet: 'Daily', date: '2024-06-19' }, 'positive', null],
      ['two', { headline: true }, null, 'negative'],
    ])

    const missing = await run('remove', '--collection', 'monday-s-class', 'two', 'nope')
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'framelens library: no article "nope" in "monday-s-class"\nframelens library: nothing was removed\n',
    })
    expect((await run('collections')).stdout).toBe("monday-s-class\t2\tMonday's class\n")
    expect((await run('remove', '--collection', 'monday-s-class', 'two')).code).toBe(0)
    expect((await run('delete', 'monday-s-class')).code).toBe(0)
    expect((await run('collections')).stdout).toBe('')
  })

  it('says what is wrong with a command line', async () => {
    expect(await run()).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'framelens library: say what to do: collections, create, add, import, articles, remove, delete; run with --help for usage\n',
    })
    expect((await run('add', 'x.md')).stderr).toBe(
      'framelens library: add needs --collection ID; run with --help for usage\n',
    )
    expect(await run('articles', '--collection', 'nope')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'framelens library: no collection "nope"; see the collections command\n',
    })
  })
})
