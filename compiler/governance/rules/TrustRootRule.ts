/**
 * QD5040: the roster — people, keys, roles, stage rules — is the trust root of every check, so
 * a commit changes it only under a governance proposal (named by its `Proposal:` trailer) that
 * was already approved before the commit, by sign-offs checked against the roster it replaces.
 */
import { diagnostic } from '../../diagnostics.js';
import type { GovernanceRule } from '../context.js';

export const TrustRootRule: GovernanceRule = {
  name: 'trust-roots',
  async commit(c, ctx, report) {
    const touched = c.changes.filter((ch) => ch.path.startsWith('policy/governance/'));
    if (!touched.length) return;
    const parent = c.parents[0];
    const meta = c.trailer && parent ? (await ctx.ledger.proposalsAt(parent)).get(c.trailer) : undefined;
    const refusal = (file: string) => {
      const at = { commit: c.short, file };
      if (!c.trailer) return diagnostic('trust-root-without-trailer', undefined, at);
      if (!meta) return diagnostic('trust-root-unknown-proposal', undefined, { ...at, proposal: c.trailer });
      if (meta.kind !== 'governance') return diagnostic('trust-root-wrong-kind', undefined, { ...at, proposal: c.trailer, kind: meta.kind ?? 'list' });
      if (meta.stage !== 'approved') return diagnostic('trust-root-not-approved', undefined, { ...at, proposal: c.trailer, stage: meta.stage });
      return undefined;
    };
    for (const ch of touched) {
      const d = refusal(ch.path);
      if (d) report(d, c.trailer);
    }
  },
};
