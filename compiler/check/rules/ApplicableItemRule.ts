/** QD3014: an item must be able to apply: important, or with at least one threshold rung. */
import type { CheckRule } from '../context.js';

export const ApplicableItemRule: CheckRule = (context) => ({
  Item(item, list) {
    if (item.important || item.rungs.length > 0) return;
    context.report('empty-ladder', item.id.span, { what: 'item', id: `'${list.id.text}.${item.id.text}'` }, { hint: 'mark it `important` or give it `assessment when …` / `contract when …`' });
  },
});
