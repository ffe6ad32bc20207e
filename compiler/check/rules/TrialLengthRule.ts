/**
 * QD3017: a trial period that ends after the year 9999, which no date of the contract can
 * write: `trial 273735 years` ended `check` in an internal error, and from 7,974 years every
 * list was reported outside a trial ending in `+010000`.
 */
import type { FileLocalRule } from '../context.js';
import { trialEndsInRange } from '../trial.js';

export const TrialLengthRule: FileLocalRule = (context) => ({
  Document(d) {
    if (!d.published || !d.trial || !d.trial.years.integral || d.trial.years.negative) return;
    if (!trialEndsInRange(d.published.date.raw, d.trial.years.value)) context.report('trial-too-long', d.trial.years.span, { years: d.trial.years.raw });
  },
});
