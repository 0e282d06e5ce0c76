/**
 * Reading one file that Framelens did not write: a corpus file or a file named on the command
 * line. A path may be a link to anywhere, a named pipe that blocks whoever opens it, or a device
 * that never ends, so every link is resolved first, the result is checked with `stat` (where it
 * lies, what it is and how large it is) and only a regular file within `MAX_FILE_BYTES` is ever
 * opened; the read itself stops one byte past the limit, in case the file grew meanwhile.
 */

import { constants, type Stats } from 'node:fs'
import { open, realpath, stat, type FileHandle } from 'node:fs/promises'
import { isAbsolute, relative, sep } from 'node:path'
import { InputError, osReason } from './errors.js'
import { MAX_FILE_BYTES, formatCount } from './limits.js'

/** Where a file may be. */
export interface ReadOptions {
  /** The real path (no links) of a folder: the file must lie in it once its links are resolved. */
  within?: string
}

/** Opened read-only; no link is followed (the path is already resolved) and a pipe never waits. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** True when `path` is `folder` itself or below it; both must be real paths. */
function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
}

/** What a path is when it is not a regular file, for messages. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a named pipe'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  return 'a special file'
}

const tooLarge = (size: string) =>
  `the file has ${size} bytes; the limit is ${formatCount(MAX_FILE_BYTES)} bytes ` +
  `(${MAX_FILE_BYTES / 1024 / 1024} MiB) a file`

/**
 * Reads from `handle` until the end of the file, `expected` bytes being its size by `stat`;
 * undefined as soon as there are more than `limit` bytes.
 */
async function readAtMost(
  handle: FileHandle,
  expected: number,
  limit: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let total = 0
  // One byte more than expected: reading it shows that the file grew after `stat`.
  let want = Math.min(expected, limit) + 1
  for (;;) {
    const buffer = Buffer.allocUnsafe(want)
    const { bytesRead } = await handle.read(buffer, 0, want, null)
    if (bytesRead === 0) break
    chunks.push(buffer.subarray(0, bytesRead))
    total += bytesRead
    if (total > limit) return undefined
    want = Math.min(64 * 1024, limit + 1 - total)
  }
  return Buffer.concat(chunks, total)
}

/**
 * Reads a whole file named `path` (messages name it as given). Throws `InputError` when it
 * cannot be resolved or read, lies outside `options.within` after its links are resolved, is not
 * a regular file (a folder, a named pipe, a device: never opened) or has more than
 * `MAX_FILE_BYTES` bytes (by its size, before reading).
 */
export async function readRegularFile(path: string, options: ReadOptions = {}): Promise<Buffer> {
  const fail = (reason: string) => new InputError(`${path}: ${reason}`, path)
  const cannotRead = (err: unknown) => fail(`cannot read the file: ${osReason(err)}`)

  let real: string
  let stats: Stats
  try {
    real = await realpath(path)
    stats = await stat(real)
  } catch (err) {
    throw cannotRead(err)
  }
  if (options.within !== undefined && !isWithin(options.within, real)) {
    throw fail('a link to a file outside the corpus folder; only files inside the folder are read')
  }
  if (!stats.isFile()) {
    throw fail(`not a regular file (${kindOf(stats)}); only regular files are read`)
  }
  if (stats.size > MAX_FILE_BYTES) throw fail(tooLarge(formatCount(stats.size)))

  let handle: FileHandle
  try {
    handle = await open(real, OPEN_FLAGS)
  } catch (err) {
    throw cannotRead(err)
  }
  try {
    const opened = await handle.stat()
    // Another file put in its place between `stat` and `open` is not the file that was checked.
    if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev) {
      throw fail('the file was replaced while it was being read; try again')
    }
    const bytes = await readAtMost(handle, opened.size, MAX_FILE_BYTES)
    if (bytes === undefined) throw fail(tooLarge(`more than ${formatCount(MAX_FILE_BYTES)}`))
    return bytes
  } catch (err) {
    throw err instanceof InputError ? err : cannotRead(err)
  } finally {
    await handle.close()
  }
}
