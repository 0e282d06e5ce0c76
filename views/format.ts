/**
 * How numbers and dates read on the pages: a real minus sign (U+2212, which screen readers say as
 * "minus" and which lines up with "+"), a fixed number of decimals, and "absent" instead of a
 * number for an actor that is never named. The rounding is `roundTo` (src/domain/rounding.ts),
 * the same the charts use, so a chart and its table never disagree on the last digit.
 */
import { roundTo } from '../src/domain/rounding.js'

/** 2 decimals by default, trailing zeros kept so columns line up. */
export function num(x: number, digits = 2): string {
  // roundTo gives no −0, so a value that rounds to nothing prints without a sign.
  const s = roundTo(x, digits).toFixed(digits)
  return s.startsWith('-') ? `\u2212${s.slice(1)}` : s
}

/** Like `num`, with "+" on positive values: for scores, where the sign is the point. */
export function signed(x: number, digits = 2): string {
  const s = num(x, digits)
  return x > 0 && Number(x.toFixed(digits)) !== 0 ? `+${s}` : s
}

/** A lexicon value or a count: no decimals unless it has some. */
export function compact(x: number): string {
  const s = Number.isInteger(x) ? String(x) : String(Math.round(x * 1000) / 1000)
  return s.startsWith('-') ? `\u2212${s.slice(1)}` : x > 0 ? `+${s}` : s
}

export function percent(x: number): string {
  // A no-break space keeps the sign on the line of its number.
  return `${num(x, 1)}\u00a0%`
}

/** "2023-12-11" → "11 Dec 2023", computed without the server's time zone. */
export function displayDate(date: string | undefined): string | undefined {
  if (!date) return undefined
  const d = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return date
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
}
