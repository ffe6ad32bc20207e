/** QD2011: the baseline's counting window is one the runtime knows. */
import { hint } from '../../diagnostics.js';
import { didYouMean } from '../../suggest.js';
import type { CheckRule } from '../context.js';

/** `calendar-year`: volumes accumulate from 1 January of the current year (national Arts 7–8). */
export const COUNTING_WINDOWS = ['calendar-year'] as const;

export const KnownCountingWindowRule: CheckRule = (context) => ({
  Baseline(baseline) {
    const c = baseline.counting;
    if (!c || (COUNTING_WINDOWS as readonly string[]).includes(c.text)) return;
    context.report('unknown-counting', c.span, { window: `'${c.text}'` }, { hint: didYouMean(c.text, COUNTING_WINDOWS) ?? hint('known-windows', { words: COUNTING_WINDOWS }) });
  },
});
