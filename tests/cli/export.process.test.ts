/**
 * The `export` command as a real process: the wiring (argv, exit code, the file written) and a
 * stop by SIGTERM in the middle of a write, which leaves neither the file nor its part file.
 * Everything else is tested in-process in tests/export/cli.test.ts.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/core.js'
import { pngSize } from '../export/helpers.js'
import { REPO_ROOT, spawnCommand } from './spawn.js'

const ARTICLES: Record<string, string> = {
  'north.md':
    '---\ntitle: Pyongyang’s guest\noutlet: North Times\ndate: 2024-06-19\n---\n\nKim praised Putin as a great friend. NATO was angry.\n',
  'south.md':
    '---\ntitle: A brutal deal\noutlet: South Post\n---\n\nRussia and North Korea signed a brutal and dangerous pact. Washington protested.\n',
}

let corpus: string
let out: string

beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'framelens-export-corpus-'))
  out = await mkdtemp(join(tmpdir(), 'framelens-export-out-'))
  await Promise.all(
    Object.entries(ARTICLES).map(([name, text]) => writeFile(join(corpus, name), text)),
  )
})

afterAll(async () => {
  await rm(corpus, { recursive: true, force: true })
  await rm(out, { recursive: true, force: true })
})

describe('the real export command', () => {
  it('writes a PNG, and exits 2 on an unknown chart leaving no file', async () => {
    const good = join(out, 'spawned.png')
    const bad = join(out, 'spawned-bad.png')
    const [ok, usage] = await Promise.all([
      spawnCommand('src/cli/export.ts', [
        '--corpus',
        corpus,
        '--chart',
        'mentions',
        '--id',
        'north',
        '--out',
        good,
      ]),
      spawnCommand('src/cli/export.ts', ['--corpus', corpus, '--chart', 'nope', '--out', bad]),
    ])
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(pngSize(await readFile(good)).width).toBe(720 * 2)
    expect(usage.code).toBe(EXIT.usage)
    expect(usage.stderr).toMatch(/^framelens export: no chart "nope"/)
    expect(await readdir(out)).not.toContain('spawned-bad.png')
  })

  it('stopped by SIGTERM in the middle of a write, leaves neither the file nor its part', async () => {
    const folder = await mkdtemp(join(out, 'stopped-'))
    const target = join(folder, 'stopped.html')
    // pause-write.ts makes the write stop half-way and say so; the pid is the command's own.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './tests/export/pause-write.ts', 'src/cli/export.ts'].concat([
        '--corpus',
        corpus,
        '--snapshot',
        '--ids',
        'north,south',
        '--out',
        target,
      ]),
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    try {
      let stderr = ''
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString()
          if (stderr.includes('paused mid-write')) resolve()
        })
        child.on('exit', () => reject(new Error(`exited before the write: ${stderr}`)))
      })
      const part = `.stopped.html.${child.pid}-`
      const during = await readdir(folder)
      expect(during.length).toBe(1)
      expect(during[0]!.startsWith(part) && during[0]!.endsWith('.part')).toBe(true)
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      // It dies of the signal, as it would without the handler, once its part file is gone.
      expect(await exited).toEqual([null, 'SIGTERM'])
      expect(await readdir(folder)).toEqual([])
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  })
})
