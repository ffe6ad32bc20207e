/**
 * QD2004: a list applies only in declared zones (policy/zones.qd); and no zone is called
 * `outside`, the request's word for a processor in none (QD2013): the runtime read such a zone
 * as outside every zone, so the lists the gazette showed covering it decided nothing there.
 */
import { OUTSIDE_ZONE } from '../../../runtime/request.js';
import { hint } from '../../diagnostics.js';
import { didYouMeanAt } from '../../suggest.js';
import type { CheckRule } from '../context.js';

export const KnownZonesRule: CheckRule = (context) => ({
  Zone(zone) {
    if (zone.id.text === OUTSIDE_ZONE) context.report('reserved-zone-id', zone.id.span, { id: `'${OUTSIDE_ZONE}'` }, { hint: hint('another-zone-id') });
  },
  List(list) {
    for (const zone of list.zones) {
      if (context.symbols.get(zone.text)?.kind === 'zone') continue;
      const suggestion = didYouMeanAt(zone.text, context.symbols.idsOf(['zone']), zone.span);
      context.report('unknown-zone', zone.span, { zone: `'${zone.text}'` }, suggestion ?? { hint: hint('known-zones', { words: context.symbols.idsOf(['zone']) }) });
    }
  },
});
