/**
 * Preloaded (`node --import`) into the `export` command that cli.test.ts spawns to stop it
 * mid-write: `writeFile` writes the first half of the body and then waits for ever, so the part
 * file exists, half written, and the rename is never reached. It says so on stderr, which is when
 * the test sends the signal. Only for that test: nothing else imports it.
 */
import fs from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'

const writeFile = fs.writeFile

fs.writeFile = (async (...args: Parameters<typeof writeFile>) => {
  const [file, data, options] = args
  const half =
    typeof data === 'string' || Buffer.isBuffer(data) ? data.slice(0, data.length >> 1) : data
  await writeFile(file, half, options)
  process.stderr.write('paused mid-write\n')
  // Never goes on. The timer keeps the process alive: a pending promise alone would let it exit.
  await new Promise(() => setInterval(() => {}, 1_000_000))
}) as typeof writeFile
// `import { writeFile } from 'node:fs/promises'` reads the patched function from now on.
syncBuiltinESMExports()
