/**
 * QD5004, QD5035, QD5036, QD5045, QD5038, QD5039: a proposal's id never changes and its file
 * is never deleted; its history only grows (entries already recorded stay as they were,
 * external ones being the registrar's to amend); past the editable stages its lists, sector,
 * kind and authors stay; each new entry is dated no later than the commit that records it,
 * and within a day of it.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { dayOf, headSpan, type GovernanceRule } from '../context.js';
import { yamlValue } from '../ledger.js';
import type { ProposalMeta } from '../model.js';
import { proposalSchema } from '../schemas.js';
import { daysBetween, EDITABLE_STAGES } from '../stages.js';

const PROPOSAL = /^proposals\/([^/]+)\/proposal\.yaml$/;
const FROZEN = ['lists', 'sector', 'kind', 'authors'] as const;

export const ProposalCommitRule: GovernanceRule = {
  name: 'proposal-commits',
  commit(c, ctx, report) {
    for (const ch of c.changes) {
      const folder = PROPOSAL.exec(ch.path)?.[1];
      if (!folder) continue;
      const r = (d: Parameters<typeof report>[0]) => report(d, folder);
      if (ch.status === 'D') {
        r(diagnostic('record-deleted', undefined, { commit: c.short, file: ch.path }, { hint: hint('never-delete-proposal') }));
        continue;
      }
      const before = yamlValue<ProposalMeta>(ch.path, ch.before, proposalSchema);
      const after = yamlValue<ProposalMeta>(ch.path, ch.after, proposalSchema);
      if (!after) continue;
      if (before && before.id !== after.id) r(diagnostic('proposal-id-changed', headSpan(ctx, ch.path, '/id'), { was: `'${before.id}'`, id: `'${after.id}'` }));
      if (before && !EDITABLE_STAGES.includes(before.stage)) {
        for (const field of FROZEN) {
          if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) r(diagnostic('proposal-field-frozen', headSpan(ctx, ch.path, `/${field}`), { commit: c.short, field, id: after.id, stage: before.stage }));
        }
      }
      const old = before?.history ?? [];
      old.forEach((entry, i) => {
        const now = after.history[i];
        if (entry.external && now?.external) return; // ExternalEntryRule: only a registrar amends these
        if (JSON.stringify(entry) !== JSON.stringify(now)) r(diagnostic('record-altered', headSpan(ctx, ch.path, `/history/${i}`), { commit: c.short, file: ch.path, field: `history[${i}]` }, { hint: hint('history-grows') }));
      });
      const day = dayOf(c.committerDate);
      after.history.slice(old.length).forEach((entry, k) => {
        if (entry.external) return;
        const what = `the ${entry.stage} entry of proposal ${after.id}`;
        const span = headSpan(ctx, ch.path, `/history/${old.length + k}/date`);
        if (entry.date > day) r(diagnostic('date-after-commit', span, { what, date: entry.date, reference: `its commit ${c.short} (${day})` }));
        else if (daysBetween(entry.date, day) > 1) r(diagnostic('date-disagrees-with-commit', span, { what, date: entry.date, commit: c.short, commitDate: day }));
      });
    }
  },
};
