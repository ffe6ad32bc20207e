/** Dates of the contract (YYYY-MM-DD), as the decision compares them: integers YYYYMMDD. */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits of `s` from `start` to `end` (exclusive). */
function digits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** What the character codes of `0000-00-00` add up to in dayNumber's sum: subtracted once. */
const ZEROS = 48 * 11_111_111;

/**
 * `2027-06-01` → 20270601: ordered as the dates are, compared without touching strings. One sum
 * of the eight digits' codes, not a loop per field: every decision reads its date.
 */
export function dayNumber(s: string): number {
  return (
    s.charCodeAt(0) * 10_000_000 +
    s.charCodeAt(1) * 1_000_000 +
    s.charCodeAt(2) * 100_000 +
    s.charCodeAt(3) * 10_000 +
    s.charCodeAt(5) * 1_000 +
    s.charCodeAt(6) * 100 +
    s.charCodeAt(8) * 10 +
    s.charCodeAt(9) -
    ZEROS
  );
}

/** Today (UTC) as YYYY-MM-DD: the day a command or the server counts to when none is given. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** True when `s` is written YYYY-MM-DD and names a day of the Gregorian calendar (no 30 February). */
export function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && realDate(s);
}

/** True when `s` (already YYYY-MM-DD in shape) names a day of the Gregorian calendar. */
export function realDate(s: string): boolean {
  return isCalendarDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
}

/** True when year `y`, month `m`, day `d` is a day of the Gregorian calendar. */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}
