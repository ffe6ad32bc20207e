/**
 * QD5011, QD5010, QD5038: the history starts at draft, ends at the recorded stage, moves one
 * allowed step at a time, never goes back in time or into the future; external entries only
 * open it, dated no later than the roster's first commit (the ledger checks who recorded them).
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';
import { isActive, pathOf, transitionError } from '../stages.js';

export const StageHistoryRule: GovernanceRule = {
  name: 'stage-history',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    const r = (d: Parameters<typeof report>[0]) => report(d, p.folder);
    const h = meta.history;
    const kind = meta.kind ?? 'list';
    if (h[0]!.stage !== 'draft') r(diagnostic('history-not-from-draft', at(p.meta, '/history/0/stage'), { id: meta.id }));
    if (h[h.length - 1]!.stage !== meta.stage) r(diagnostic('history-ends-elsewhere', at(p.meta, '/stage'), { id: meta.id, stage: meta.stage, last: h[h.length - 1]!.stage }));
    let internal = false;
    h.forEach((e, i) => {
      if (e.date > ctx.today) r(diagnostic('date-after-commit', at(p.meta, `/history/${i}/date`), { what: `the ${e.stage} entry of proposal ${meta.id}`, date: e.date, reference: `today (${ctx.today})` }));
      if (i > 0) {
        const prev = h[i - 1]!;
        if (e.date < prev.date) r(diagnostic('history-backwards', at(p.meta, `/history/${i}/date`), { id: meta.id, date: e.date, previous: prev.date }));
        if (transitionError(prev.stage, e.stage, kind)) {
          const [span, args, advice] = [at(p.meta, `/history/${i}/stage`), { id: meta.id, from: prev.stage, to: e.stage }, { hint: hint('one-stage-at-a-time') }];
          const path = pathOf(kind);
          const skipped = path.slice(path.indexOf(prev.stage) + 1, path.indexOf(e.stage));
          if (isActive(prev.stage) && skipped.length) r(diagnostic('stage-skipped', span, { ...args, skipped }, advice));
          else r(diagnostic('stage-not-allowed', span, args, advice));
        }
      }
      if (e.external) {
        if (internal) r(diagnostic('external-not-first', at(p.meta, `/history/${i}/external`), { id: meta.id }));
        const adopted = ctx.ledger?.rosterAdopted;
        for (const date of [e.date, e.document?.date]) {
          if (adopted && date && date > adopted) r(diagnostic('external-entry-too-late', at(p.meta, `/history/${i}/date`), { id: meta.id, stage: e.stage, date, adopted }));
        }
      } else internal = true;
    });
  },
};
