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
    const reason = !c.trailer
      ? 'the commit has no `Proposal: <id>` trailer'
      : !meta
        ? `proposal ${c.trailer} does not exist before the commit`
        : meta.kind !== 'governance'
          ? `proposal ${c.trailer} is a ${meta.kind ?? 'list'} proposal, not a governance proposal`
          : meta.stage !== 'approved'
            ? `proposal ${c.trailer} is at ${meta.stage}, not approved`
            : undefined;
    if (!reason) return;
    for (const ch of touched) report(diagnostic('trust-root-change-unapproved', undefined, { commit: c.short, file: ch.path, reason }), c.trailer);
  },
};
