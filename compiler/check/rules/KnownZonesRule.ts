/** QD2004: a list applies only in declared zones (policy/zones.qd). */
import { hint } from '../../diagnostics.js';
import { didYouMean } from '../../suggest.js';
import type { CheckRule } from '../context.js';

export const KnownZonesRule: CheckRule = (context) => ({
  List(list) {
    for (const zone of list.zones) {
      if (context.symbols.get(zone.text)?.kind === 'zone') continue;
      const suggestion = didYouMean(zone.text, context.symbols.idsOf(['zone']));
      context.report('unknown-zone', zone.span, { zone: `'${zone.text}'` }, { hint: suggestion ?? hint('known-zones', { words: context.symbols.idsOf(['zone']) }) });
    }
  },
});
