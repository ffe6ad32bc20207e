/** QD2011: the baseline's counting window is one the runtime knows. */
import { hint } from '../../diagnostics.js';
import { didYouMeanAt } from '../../suggest.js';
import type { FileLocalRule } from '../context.js';

/** `calendar-year`: volumes accumulate from 1 January of the current year (national Arts 7–8). */
export const COUNTING_WINDOWS = ['calendar-year'] as const;

export const KnownCountingWindowRule: FileLocalRule = (context) => ({
  Baseline(baseline) {
    const c = baseline.counting;
    if (!c || (COUNTING_WINDOWS as readonly string[]).includes(c.text)) return;
    context.report('unknown-counting', c.span, { window: `'${c.text}'` }, didYouMeanAt(c.text, COUNTING_WINDOWS, c.span) ?? { hint: hint('known-windows', { words: COUNTING_WINDOWS }) });
  },
});
