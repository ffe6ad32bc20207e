/**
 * Date options (`--date`, `--as-of`): a day of the calendar written YYYY-MM-DD. A check of the
 * form alone let `site --date 2027-02-30` through, and JavaScript's Date rolled it over to 2 March:
 * the site counted ages and review deadlines to a day nobody asked for.
 */
import { isCalendarDate } from '../runtime/dates.js';
import { usageError, type UsageError } from './usage-error.js';

/** The usage error of `date` given to `option` when it is no day of the calendar written YYYY-MM-DD. */
export function dateOptionError(date: string, option: string): UsageError | undefined {
  return isCalendarDate(date) ? undefined : usageError('cli-invalid-date', { option, date: `'${date}'` });
}
