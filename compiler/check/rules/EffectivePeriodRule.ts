/**
 * QD3009: an effective period ends after it starts. QD3013 (warning): a list's period longer
 * than the measures' two-year trial (Art. 31) outlives the measures it rests on.
 */
import type { CheckRule } from '../context.js';
import { dateProblem } from './ValidDatesRule.js';

export const EffectivePeriodRule: CheckRule = (context) => ({
  List(list) {
    const e = list.effective;
    if (!e?.until || dateProblem(e.from.raw) || dateProblem(e.until.raw)) return;
    if (e.until.raw <= e.from.raw) {
      context.report('invalid-period', e.until.span, { from: e.from.raw, until: e.until.raw });
      return;
    }
    const [y, m, d] = e.from.raw.split('-').map(Number) as [number, number, number];
    // Two years on; 29 February rolls over to 1 March as the calendar does.
    const limit = new Date(Date.UTC(y + 2, m - 1, d)).toISOString().slice(0, 10);
    if (e.until.raw > limit) context.report('trial-period-exceeded', e.until.span, {}, { hint: `the two-year trial from ${e.from.raw} ends on ${limit}` });
  },
});
