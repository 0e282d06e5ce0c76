/**
 * A file written whole or not at all: the body goes to a temporary "part" file in the target's
 * folder (`.<name>.<pid>-<random>.part`), which is renamed over the target, so a failure never
 * leaves half a file behind. The part file goes when the write fails, when the command is stopped
 * (SIGINT, SIGTERM, SIGHUP) and when it exits; one left by a run that could not clean up (killed
 * with SIGKILL) is removed by the next run that writes the same target.
 */
import { randomBytes } from 'node:crypto'
import { unlinkSync } from 'node:fs'
import { lstat, readdir, rename, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { InputError, osReason } from '../corpus/errors.js'

/** The part files this process is writing, to remove if it is stopped (`removePartsOnExit`). */
const writing = new Set<string>()

/** `.<name>.<pid>-<8 hex digits>.part` beside the target: the temporary file of one write. */
const partPrefix = (path: string) => `.${basename(path)}.`
const PART_SUFFIX = /^(\d+)-[0-9a-f]{8}\.part$/

/** True when a process with this id exists (ours or another user's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the part files of `path` that an earlier run left behind when it was killed before it
 * could clean up (SIGKILL, a power cut): only regular files named as `writeAtomically` names them
 * for this very target, and only those whose process is gone, so a run writing the same file at
 * this moment keeps its own. Returns the names removed; a folder it cannot read is left alone.
 */
export async function removeStaleParts(path: string): Promise<string[]> {
  const folder = dirname(path)
  const prefix = partPrefix(path)
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = PART_SUFFIX.exec(name.slice(prefix.length))?.[1]
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue
    const file = join(folder, name)
    try {
      if (!(await lstat(file)).isFile()) continue
      await unlink(file)
      removed.push(name)
    } catch {
      // Gone already, or not ours to remove: the write goes on either way.
    }
  }
  return removed
}

/** Removes, at once, every part file this process is writing. */
function removeWritingParts(): void {
  for (const temp of writing) {
    try {
      unlinkSync(temp)
    } catch {
      // Not created yet, or already renamed.
    }
  }
  writing.clear()
}

/**
 * For the command run as a program: a part file being written is removed when the process exits,
 * however it exits, and when it is stopped by SIGINT (Ctrl-C), SIGTERM or SIGHUP; it then dies of
 * that signal, as it would have without the handler, so its parent sees the same status.
 */
export function removePartsOnExit(): void {
  process.once('exit', removeWritingParts)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeWritingParts()
      process.kill(process.pid, signal)
    })
  }
}

/** Writes `body` to `path` whole or not at all: a temporary file beside it, then a rename. */
export async function writeAtomically(path: string, body: Buffer | string): Promise<void> {
  const temp = join(
    dirname(path),
    `${partPrefix(path)}${process.pid}-${randomBytes(4).toString('hex')}.part`,
  )
  writing.add(temp)
  try {
    await writeFile(temp, body, { flag: 'wx' })
    await rename(temp, path)
  } catch (err) {
    await unlink(temp).catch(() => {})
    throw new InputError(`${path}: cannot write the file: ${osReason(err)}`, path)
  } finally {
    writing.delete(temp)
  }
}
