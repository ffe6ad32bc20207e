/** QD3001: dates are written YYYY-MM-DD and exist in the calendar. */
import type { CheckRule } from '../context.js';

/** Why `raw` is not a valid calendar date, or undefined when it is one. */
export function dateProblem(raw: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return 'write it as YYYY-MM-DD with two-digit month and day';
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  if (mo < 1 || mo > 12) return `there is no month ${mo}`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `${y}-${String(mo).padStart(2, '0')} has ${days} days`;
  return undefined;
}

export const ValidDatesRule: CheckRule = (context) => ({
  Date(date) {
    const reason = dateProblem(date.raw);
    if (reason) context.report('invalid-date', date.span, { date: `'${date.raw}'`, reason });
  },
});
