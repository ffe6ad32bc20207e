/**
 * The measures' trial period: in force on publication, for a number of years (measures
 * Art. 31: 本办法自发布之日起施行，试行期两年). Defined once here; the checker bounds every list
 * by it and the artifact carries it to the runtime.
 */
import type * as A from '../ast.js';

/** The day `years` after `from` (YYYY-MM-DD); 29 February rolls over to 1 March as the calendar does. */
export function addYears(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** The last year a date of the contract (YYYY-MM-DD) can write. */
const LAST_YEAR = 9999;

/** Whether a trial of `years` from `from` ends in a year a date can write (TrialLengthRule reports one that does not). */
export function trialEndsInRange(from: string, years: number): boolean {
  return Number(from.slice(0, 4)) + years <= LAST_YEAR;
}

/** A document's trial: from its publication date until (excluded) the day the trial ends. */
export interface TrialPeriod {
  readonly document: A.DocumentDecl;
  readonly from: string;
  /** The first day no longer in the trial. */
  readonly until: string;
  readonly confirmed: boolean;
}

/** The trial period declared by a document with both `published` and `trial`, if any. */
export function trialOf(decls: readonly A.Declaration[]): TrialPeriod | undefined {
  for (const d of decls) {
    if (d.kind !== 'Document' || !d.published || !d.trial || !d.trial.years.integral) continue;
    const from = d.published.date.raw;
    if (!trialEndsInRange(from, d.trial.years.value)) continue;
    return { document: d, from, until: addYears(from, d.trial.years.value), confirmed: d.published.confirmed };
  }
  return undefined;
}
