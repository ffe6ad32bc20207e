/** QD3002 negative, QD3003 fractional and QD3012 absurdly large volumes and numbers; QD3018 a period of no years. */
import { hint } from '../../diagnostics.js';
import type { FileLocalRule } from '../context.js';

/** Above any population a list could count (10 billion persons). */
const LIMIT = 10_000_000_000;

export const VolumeRule: FileLocalRule = (context) => ({
  Volume(v, role) {
    if (v.negative) context.report('negative-volume', v.span, {}, { hint: hint('positive-volume') });
    else if (!v.integral) {
      const threshold = role === 'threshold';
      context.report(
        'non-integer-volume',
        v.span,
        { what: threshold ? 'volume' : 'number', volume: `'${v.raw}'` },
        { hint: hint(threshold ? 'whole-persons' : 'whole-numbers') },
      );
    }
    else if (v.value > LIMIT) context.report('volume-out-of-range', v.span, { volume: `'${v.raw}'` });
    // A trial or validity of no years: check passed it, and the artifact's schema then refused it, unlocated.
    else if (role === 'years' && v.value < 1) context.report('no-years', v.span, { years: v.raw });
  },
});
