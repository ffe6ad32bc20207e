/**
 * QD5050, QD5051, QD5053: a governance proposal approves a roster, not a permission. Its folder
 * holds the roster it proposes (`roster.yaml`, the whole file), which its review and approval
 * sign-offs cover (digest.ts); the commit that enacts it makes `policy/governance/roster.yaml`
 * that roster (as parsed: layout and comments aside) and changes nothing else of the trust roots;
 * from approval on the proposed roster no longer moves, as a list past review does not; and the
 * roster it replaces is the one in force when it was approved. Before, the approver who signed
 * the enacting commit chose what the roster became; and of two proposals approved against one
 * roster, enacting the second silently undid the first (as a stale plan would, which Terraform
 * refuses to apply).
 */
import { canonicalJson } from '../../canonical-json.js';
import { diagnostic, hint } from '../../diagnostics.js';
import type { GovernanceRule } from '../context.js';
import { yamlValue, type Ledger } from '../ledger.js';
import { PROPOSAL_FILE, PROPOSALS_DIR, PROPOSED_ROSTER, ROSTER_PATH, SIGNOFFS_DIR, TRUST_ROOTS } from '../load.js';
import type { ProposalMeta } from '../model.js';
import { rosterSchema } from '../schemas.js';
import { signoffFilePrefix } from '../signoffs.js';
import { EDITABLE_STAGES, type Stage } from '../stages.js';

/** The roster a text says, as compared: its parsed value, or undefined when it is not a valid roster. */
function rosterSaid(path: string, text: string | undefined): string | undefined {
  const value = yamlValue<unknown>(path, text, rosterSchema);
  return value === undefined ? undefined : canonicalJson(value);
}

/**
 * The commits at which proposal `meta` was approved, in the history of `from`: the one that
 * recorded its approval, then each that wrote an approval sign-off it was approved with.
 * Undefined for one that cannot be placed. An approver signs against the roster in force then:
 * a roster enacted after a sign-off but before the approval was recorded is one the approver
 * never saw, and enacting the proposal would undo it all the same.
 */
async function approvalCommits(ledger: Ledger, meta: ProposalMeta, from: string): Promise<(string | undefined)[]> {
  const approvedAt = meta.history.map((e) => e.stage).lastIndexOf('approved');
  const approval = approvedAt < 0 ? undefined : await ledger.entryCommit(`${PROPOSALS_DIR}/${meta.id}/${PROPOSAL_FILE}`, approvedAt, from);
  if (approval === undefined) return [undefined];
  const folder = `${PROPOSALS_DIR}/${meta.id}/${SIGNOFFS_DIR}`;
  const signoffs = (await ledger.namesAt(approval, folder)).filter((name) => name.startsWith(signoffFilePrefix('approved'))).sort();
  return [approval, ...(await Promise.all(signoffs.map((name) => ledger.writtenAt(`${folder}/${name}`, approval))))];
}

/**
 * Whether the roster in force at `at` (the commit an enactment of governance proposal `meta`
 * would follow) differs from the one in force at an approval of it: then the approval commit
 * (its short id, `?` where it cannot be placed: unknown counts as moved, as an approval that
 * cannot be placed cannot be shown to be current).
 */
export async function rosterMovedSinceApproval(ledger: Ledger, meta: ProposalMeta, at: string): Promise<{ approval: string } | undefined> {
  const now = rosterSaid(ROSTER_PATH, await ledger.textAt(at, ROSTER_PATH));
  for (const approval of await approvalCommits(ledger, meta, at)) {
    const then = approval === undefined ? undefined : rosterSaid(ROSTER_PATH, await ledger.textAt(approval, ROSTER_PATH));
    if (then === undefined || then !== now) return { approval: approval?.slice(0, 12) ?? '?' };
  }
  return undefined;
}

export const EnactedRosterRule: GovernanceRule = {
  name: 'enacted-roster',
  async commit(c, ctx, report) {
    const parent = c.parents[0];
    if (!parent) return;
    // Against every parent, in its own stage: a side branch's edit, made while the proposal was
    // still editable there (or did not exist), cannot be merged in after approval, whichever
    // parent the merger puts first.
    const frozen = new Map<string, Stage>();
    for (const [i, paths] of c.parentPaths.entries()) {
      for (const path of paths) {
        const [top, folder, name, ...rest] = path.split('/');
        if (top !== PROPOSALS_DIR || name !== PROPOSED_ROSTER || rest.length || !folder) continue;
        const meta = (await ctx.ledger.proposalsAt(c.parents[i]!)).get(folder);
        if (meta && !EDITABLE_STAGES.includes(meta.stage) && !frozen.has(folder)) frozen.set(folder, meta.stage);
      }
    }
    for (const [folder, stage] of frozen) report(diagnostic('proposed-roster-frozen', undefined, { commit: c.short, proposal: folder, stage }, { hint: hint('raise-concern-first') }), folder);
    // Whether the trailer names an approved governance proposal is TrustRootRule's to say.
    const meta = c.trailer ? (await ctx.ledger.proposalsAt(parent)).get(c.trailer) : undefined;
    if (meta?.kind !== 'governance' || meta.stage !== 'approved') return;
    const proposal = meta.id;
    const proposedPath = `${PROPOSALS_DIR}/${proposal}/${PROPOSED_ROSTER}`;
    if (c.changes.some((ch) => ch.path === ROSTER_PATH)) {
      const moved = await rosterMovedSinceApproval(ctx.ledger, meta, parent);
      if (moved) report(diagnostic('roster-moved-since-approval', undefined, { commit: c.short, proposal, approval: moved.approval }, { hint: hint('propose-on-roster-in-force') }), proposal);
    }
    for (const ch of c.changes) {
      if (!ch.path.startsWith(TRUST_ROOTS)) continue;
      const proposed = ch.path === ROSTER_PATH ? rosterSaid(proposedPath, await ctx.ledger.textAt(parent, proposedPath)) : undefined;
      if (proposed !== undefined && rosterSaid(ch.path, ch.after) === proposed) continue;
      report(diagnostic('trust-root-not-as-approved', undefined, { commit: c.short, file: ch.path, proposal }, { hint: hint('enact-proposed-roster', { id: proposal, path: proposedPath }) }), proposal);
    }
  },
};
