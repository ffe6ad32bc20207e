/** QD3001: dates are written YYYY-MM-DD and exist in the calendar. */
import type { FileLocalRule } from '../context.js';

type DateProblem =
  | { readonly id: 'invalid-date-format' }
  | { readonly id: 'invalid-date-month'; readonly month: number }
  | { readonly id: 'invalid-date-day'; readonly month: string; readonly days: number };

/** Why `raw` is not a valid calendar date, or undefined when it is one. */
export function dateProblem(raw: string): DateProblem | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return { id: 'invalid-date-format' };
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  if (mo < 1 || mo > 12) return { id: 'invalid-date-month', month: mo };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { id: 'invalid-date-day', month: `${y}-${String(mo).padStart(2, '0')}`, days };
  return undefined;
}

export const ValidDatesRule: FileLocalRule = (context) => ({
  Date(date) {
    const problem = dateProblem(date.raw);
    if (!problem) return;
    const shown = `'${date.raw}'`;
    if (problem.id === 'invalid-date-format') context.report(problem.id, date.span, { date: shown });
    else if (problem.id === 'invalid-date-month') context.report(problem.id, date.span, { date: shown, month: problem.month });
    else context.report(problem.id, date.span, { date: shown, month: problem.month, days: problem.days });
  },
});
