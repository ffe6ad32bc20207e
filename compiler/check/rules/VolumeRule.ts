/** QD3002 negative, QD3003 fractional and QD3012 absurdly large volumes and numbers. */
import type { CheckRule } from '../context.js';

/** Above any population a list could count (10 billion persons). */
const LIMIT = 10_000_000_000;

export const VolumeRule: CheckRule = (context) => ({
  Volume(v, role) {
    if (v.negative) context.report('negative-volume', v.span, {}, { hint: 'volumes count natural persons (Art. 27); write 0 or more' });
    else if (!v.integral) {
      const threshold = role === 'threshold';
      context.report(
        'non-integer-volume',
        v.span,
        { what: threshold ? 'volume' : 'number', whatZh: threshold ? '人数' : '编号', volume: `'${v.raw}'` },
        { hint: threshold ? 'persons are counted whole; `1.5万` is fine, `1.00005万` is not' : 'chapters, articles, rules and years are numbered with whole numbers' },
      );
    }
    else if (v.value > LIMIT) context.report('volume-out-of-range', v.span, { volume: `'${v.raw}'` });
  },
});
