/**
 * Errors for bad input: a file, a line or an upload that Framelens cannot use. They carry a
 * message meant for the person who supplied the input (it names the file and says what is
 * wrong), so the CLI can print it on stderr and the server can show it as-is. Anything that is
 * not an `InputError` is a bug in Framelens, not in the input.
 */

/** Input that cannot be used; `source` names where it came from (a file name, "line 3" …). */
export class InputError extends Error {
  override name = 'InputError'
  readonly source: string

  constructor(message: string, source: string) {
    super(message)
    this.source = source
  }
}

/**
 * Several bad inputs reported together, so a user fixing a folder of files sees every problem
 * at once instead of one per run. It is an `InputError` itself, so a caller that catches
 * `InputError` handles both; `errors` keeps each one for callers that want them apart.
 */
export class InputErrors extends InputError {
  override name = 'InputErrors'
  readonly errors: readonly InputError[]

  constructor(errors: readonly InputError[], source: string) {
    const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`
    super([`${source}: ${count}:`, ...errors.map((e) => indent(e.message))].join('\n'), source)
    this.errors = errors
  }
}

/** Indents every line of a (possibly multi-line) message by two spaces. */
function indent(message: string): string {
  return message
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}

/**
 * The OS reason from a Node file-system error ("no such file or directory"), without the code
 * and path that Node writes around it ("ENOENT: …, open '/x'"). Cut by position, not by a pattern
 * over the message: the message holds a user's path.
 */
export function osReason(err: unknown): string {
  const error = err as NodeJS.ErrnoException
  let reason = error.message
  if (error.code && reason.startsWith(`${error.code}: `))
    reason = reason.slice(error.code.length + 2)
  const at = error.syscall ? reason.indexOf(`, ${error.syscall} '`) : -1
  if (at !== -1) reason = reason.slice(0, at)
  return error.code ? `${reason} (${error.code})` : reason
}
