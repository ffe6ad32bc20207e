/**
 * Date options (`--date`, `--as-of`): a day of the calendar written YYYY-MM-DD. A check of the
 * form alone let `site --date 2027-02-30` through, and JavaScript's Date rolled it over to 2 March:
 * the site counted ages and review deadlines to a day nobody asked for.
 */
import { realDate } from '../runtime/dates.js';
import { usageError, type UsageError } from './usage-error.js';

/** Today, UTC, YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The usage error of `date` given to `option` when it is no day of the calendar written YYYY-MM-DD. */
export function dateOptionError(date: string, option: string): UsageError | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && realDate(date) ? undefined : usageError('cli-invalid-date', { option, date: `'${date}'` });
}
