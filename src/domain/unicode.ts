/**
 * Text that is not text: a UTF-16 surrogate without its pair (what `"\ud800"` in JSON or a form
 * decodes to). Every edge that takes text from a user refuses it with the same check.
 */

/** True when a string holds a UTF-16 surrogate without its pair ("\\ud800" in JSON). */
export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)
}
