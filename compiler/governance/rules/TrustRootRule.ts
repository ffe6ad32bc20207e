/**
 * QD5040, QD5047, QD5048: the roster — people, keys, roles, stage rules — is the trust root of
 * every check, so a commit changes it only under a governance proposal (named by its
 * `Proposal:` trailer) that was already approved before the commit, by sign-offs checked
 * against the roster it replaces (GatesRule checks that approval, a voided one too). The change
 * is bound to the approval: the commit is signed by a person the replaced roster gives a role
 * that approves governance proposals, and it records the proposal's entry into in-force, so one
 * approval allows one change (an approved proposal let anyone change the roster, unsigned, any
 * number of times).
 */
import { diagnostic, hint } from '../../diagnostics.js';
import type { GovernanceRule } from '../context.js';
import { TRUST_ROOTS } from '../load.js';
import { requiredRoles } from '../model.js';

export const TrustRootRule: GovernanceRule = {
  name: 'trust-roots',
  async commit(c, ctx, report) {
    const touched = c.changes.filter((ch) => ch.path.startsWith(TRUST_ROOTS));
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
    let refused = false;
    for (const ch of touched) {
      const d = refusal(ch.path);
      if (d) report(d, c.trailer);
      refused ||= !!d;
    }
    if (refused || !meta) return;
    const proposal = meta.id;
    const roster = ctx.ledger.trustedRoster(c);
    const approvers = roster ? requiredRoles(roster, meta, 'approved') : [];
    const signer = ctx.ledger.signer(c)?.toLowerCase();
    const person = signer ? roster?.people.find((p) => p.email.toLowerCase() === signer) : undefined;
    if (!person?.roles.some((r) => approvers.includes(r))) report(diagnostic('trust-root-unsigned', undefined, { commit: c.short, proposal, roles: [...approvers] }, { hint: hint('sign-commit') }), proposal);
    const after = (await ctx.ledger.proposalsAt(c.sha)).get(proposal);
    if (after?.stage !== 'in-force') report(diagnostic('trust-root-not-enacted', undefined, { commit: c.short, proposal }, { hint: hint('enact-with-roster', { id: proposal }) }), proposal);
    // One approval, one change, across branches too: a branch forked while the proposal was
    // approved still saw it approved, and enacted it a second time.
    const earlier = ctx.ledger.commits.slice(0, ctx.ledger.commits.indexOf(c)).find((x) => x.trailer === proposal && x.changes.some((ch) => ch.path.startsWith(TRUST_ROOTS)));
    const atBase = ctx.ledger.base ? (await ctx.ledger.proposalsAt(ctx.ledger.base)).get(proposal)?.stage : undefined;
    if (earlier || atBase === 'in-force') report(diagnostic('trust-root-approval-used', undefined, { commit: c.short, proposal, enacted: earlier?.short ?? ctx.ledger.base!.slice(0, 12) }), proposal);
  },
};
