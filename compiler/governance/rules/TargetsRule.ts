/**
 * QD5043, QD5044: comments, concerns and the identification record name items of the
 * proposal's own lists (`icv` or `icv.owner-pi`); an item the record marks important is not
 * given volume thresholds by the list (important data is assessed at any volume).
 */
import type { ItemDecl } from '../../ast.js';
import { diagnostic } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';
import { proposalTargets } from '../targets.js';

export const TargetsRule: GovernanceRule = {
  name: 'targets',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    if ((meta.kind ?? 'list') !== 'list') return;
    const items = new Map<string, ItemDecl>();
    const own = ctx.lists.filter((l) => meta.lists.includes(l.id));
    for (const l of own) for (const s of l.decl.scenarios) for (const i of s.items) items.set(`${l.id}.${i.id.text}`, i);
    const targets = new Set(proposalTargets(meta, ctx.lists));
    const known = (target: string) => targets.has(target);
    for (const f of [...p.comments, ...p.concerns]) {
      const target = f.value?.target;
      if (target && !known(target)) report(diagnostic('unknown-target', at(f, '/target'), { file: f.path, target }), p.folder);
    }
    const record = p.importantData;
    record?.value?.items.forEach((entry, i) => {
      const item = items.get(entry.item);
      if (!item) report(diagnostic('unknown-target', at(record, `/items/${i}/item`), { file: record.path, target: entry.item }), p.folder);
      else if (entry.important && item.rungs.length) report(diagnostic('important-item-with-thresholds', at(record, `/items/${i}/important`), { item: entry.item }), p.folder);
    });
  },
};
