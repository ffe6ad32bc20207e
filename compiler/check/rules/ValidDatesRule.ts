/** QD3001: dates are written YYYY-MM-DD and exist in the calendar. */
import type { Span } from '../../source.js';
import type { FileLocalRule, Reporter } from '../context.js';

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

/** Reports QD3001 for `raw` at `span` when it is no calendar date written YYYY-MM-DD, saying why. */
export function checkDate(reporter: Reporter, raw: string, span: Span | undefined): void {
  const problem = dateProblem(raw);
  if (!problem) return;
  const shown = `'${raw}'`;
  if (problem.id === 'invalid-date-format') reporter.report(problem.id, span, { date: shown });
  else if (problem.id === 'invalid-date-month') reporter.report(problem.id, span, { date: shown, month: problem.month });
  else reporter.report(problem.id, span, { date: shown, month: problem.month, days: problem.days });
}

export const ValidDatesRule: FileLocalRule = (context) => ({
  Date(date) {
    checkDate(context, date.raw, date.span);
  },
});
