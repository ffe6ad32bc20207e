/**
 * QD5037: a history entry marked external — a stage completed outside this workflow — is
 * recorded (or amended) only in a commit signed by a registrar of the trusted roster.
 * (StageHistoryRule requires its document and dates no later than the roster's first commit.)
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { headSpan, type GovernanceRule } from '../context.js';
import { yamlValue } from '../ledger.js';
import { holdsGroup, personByEmail, type ProposalMeta } from '../model.js';
import { proposalSchema } from '../schemas.js';

const PROPOSAL = /^proposals\/([^/]+)\/proposal\.yaml$/;

export const ExternalEntryRule: GovernanceRule = {
  name: 'external-entries',
  commit(c, ctx, report) {
    const roster = ctx.ledger.trustedRoster(c);
    for (const ch of c.changes) {
      const folder = PROPOSAL.exec(ch.path)?.[1];
      if (!folder || ch.status === 'D') continue;
      const before = yamlValue<ProposalMeta>(ch.path, ch.before, proposalSchema);
      const after = yamlValue<ProposalMeta>(ch.path, ch.after, proposalSchema);
      if (!after) continue;
      after.history.forEach((entry, i) => {
        if (!entry.external || JSON.stringify(before?.history[i]) === JSON.stringify(entry)) return;
        const signer = ctx.ledger.signer(c);
        const person = signer && roster ? personByEmail(roster, signer) : undefined;
        if (person && roster && holdsGroup(roster, person, 'registrar')) return;
        const [span, args, advice] = [headSpan(ctx, ch.path, `/history/${i}/external`), { commit: c.short, id: after.id, stage: entry.stage }, { hint: hint('registrar-records') }];
        report(signer ? diagnostic('external-entry-by-non-registrar', span, { ...args, signer }, advice) : diagnostic('external-entry-unsigned', span, args, advice), folder);
      });
    }
  },
};
