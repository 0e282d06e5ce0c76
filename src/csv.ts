/**
 * CSV cells, shared by every CSV Framelens writes (the analyze CLI and chart data exports):
 * RFC 4180 quoting and protection against spreadsheet formula injection.
 */

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, and tab or CR, which some
 * spreadsheets skip before one) gets a leading apostrophe, as OWASP's CSV-injection advice says.
 * Only text goes through this: a negative number is data, not a formula.
 */
export function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** RFC 4180: quote a field with a comma, quote, CR or LF, doubling the quotes inside. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
