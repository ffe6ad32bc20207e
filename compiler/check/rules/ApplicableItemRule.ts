/**
 * QD3014: an item must be able to apply: important, or with at least one threshold rung.
 * QD3015 (warning): an important item's thresholds are dead text.
 */
import { hint } from '../../diagnostics.js';
import type { FileLocalRule } from '../context.js';

export const ApplicableItemRule: FileLocalRule = (context) => ({
  Item(item, list) {
    if (item.important && item.rungs.length > 0) {
      context.report('thresholds-of-important-item', item.rungs[0]!.span, { id: `'${list.id.text}.${item.id.text}'` }, { hint: hint('important-or-thresholds') });
    }
    if (item.important || item.rungs.length > 0) return;
    context.report('empty-ladder', item.id.span, { what: 'item', id: `'${list.id.text}.${item.id.text}'` }, { hint: hint('mark-important') });
  },
});
