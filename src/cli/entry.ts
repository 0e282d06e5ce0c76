/** Whether a CLI module was started as the program or imported (by a test). */
import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** True when the module at `moduleUrl` (its import.meta.url) is the script Node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  try {
    // Node resolves symlinks for the main module's URL; do the same with the given path.
    return moduleUrl === pathToFileURL(realpathSync(resolve(entry))).href
  } catch {
    return false
  }
}
