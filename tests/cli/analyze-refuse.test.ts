/**
 * What the `analyze` command refuses before or instead of analysing (security review, findings
 * V4 and V5): a named pipe, a folder or a device named as a FILE is refused unread (it used to
 * block, or to read a device until memory ran out), and front matter the YAML parser cannot take
 * or an article over the engine's limits is bad input (exit 1, the file named), not an internal
 * error. The command runs in-process; files are made in the system's temporary directory.
 */

import { execFileSync } from 'node:child_process'
import { closeSync, constants, openSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { devNull, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_SENTENCE_TOKENS } from '../../src/analysis/index.js'
import { EXIT } from '../../src/cli/analyze.js'
import { run } from './run-analyze.js'

const posix = process.platform !== 'win32'
let dir = ''
const fifos: string[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'framelens-cli-'))
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
  await rm(dir, { recursive: true, force: true })
})

describe('analyze refuses', () => {
  it.skipIf(!posix)('a named pipe, a folder and a device, unread, with exit 1', async () => {
    const good = join(dir, 'good.md')
    await writeFile(good, 'Good\n\nRussia met the West.')
    const pipe = join(dir, 'pipe.md')
    execFileSync('mkfifo', [pipe])
    fifos.push(pipe)
    const folder = join(dir, 'folder.md')
    await mkdir(folder)
    const device = join(dir, 'zero.txt')
    await symlink(devNull, device)

    const result = await run([good, pipe, folder, device])
    expect(result).toEqual({
      code: EXIT.badInput,
      stdout: '',
      stderr: [
        `${pipe}: not a regular file (a named pipe); only regular files are read`,
        `${folder}: not a regular file (a folder); only regular files are read`,
        `${device}: not a regular file (a character device); only regular files are read`,
      ]
        .map((line) => `framelens analyze: ${line}\n`)
        .join(''),
    })
  })

  it('an alias bomb and an article over the engine’s limits as bad input, all in one run', async () => {
    const bomb = join(dir, 'bomb.md')
    const lines = ['---', 'title: Bomb', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    for (let i = 1; i <= 8; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    await writeFile(bomb, [...lines, '---', 'Body text.'].join('\n'))
    const runOn = join(dir, 'run-on.txt')
    const words = `Title\n\n${'word '.repeat(MAX_SENTENCE_TOKENS + 1)}`
    await writeFile(runOn, words)
    const tooLong =
      'sentence 1 has 5,001 words and marks; the limit is 5,000 a sentence (is the text missing its full stops?)'

    expect(await run([bomb, runOn])).toEqual({
      code: EXIT.badInput,
      stdout: '',
      stderr:
        `framelens analyze: ${bomb}: front matter: too many expansions of YAML aliases (*name); the limit is 100\n` +
        `framelens analyze: ${runOn}: ${tooLong}\n`,
    })
    const jsonl = [
      JSON.stringify({ id: 'ok', text: 'Russia met the West.' }),
      JSON.stringify({ id: 'long', text: 'word '.repeat(MAX_SENTENCE_TOKENS + 1) }),
    ].join('\n')
    expect(await run(['--jsonl'], jsonl)).toEqual({
      code: EXIT.badInput,
      stdout: '',
      stderr: `framelens analyze: stdin:line 2: ${tooLong}\n`,
    })
  })
})
