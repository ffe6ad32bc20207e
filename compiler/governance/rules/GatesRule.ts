/**
 * QD5012, QD5032: every transition a proposal took has the sign-offs of every role its gate
 * stages require, dated between the entry into the stage left and the transition; those of the
 * effective history still bind what they approved (a sign-off whose content has changed since
 * is named). A transition a return to review voided was taken all the same: it needed its
 * sign-offs then, though they bind nothing now (a hand-written approval, rewound at once, let
 * a governance proposal change the trust roots unseen). Each transition is judged by the roster
 * in force when it was recorded, and a sign-off committed before the stage was (re-)entered does
 * not count for leaving it.
 */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, historySpan, rosterForEntry, signedSince, type GovernanceContext, type GovernanceRule, type ProposalAt } from '../context.js';
import type { Change, GovCommit } from '../ledger.js';
import { baselineSubstance, listContent, listsOf } from '../lists.js';
import { PROPOSED_ROSTER, RECORD_FILES } from '../load.js';
import { requiredRoles } from '../model.js';
import { signoffsFor } from '../signoffs.js';
import { gateStages, isActive, transitionError, transitionsTaken } from '../stages.js';

/**
 * Whether what the sign-off in `signoff` covers changed only after proposal `p` settled (the
 * commit that recorded its last entry, in force or ended), and then only under other proposals'
 * trailers: the content moved under someone else's proposal once this one was done, not before
 * its approval took effect. Unknown (no history walked, or commits outside it) counts as not.
 * "After" is by ancestry, not by the walk's order: a side branch's commit listed after the
 * entry into force, or before the sign-off, was made on neither's line; and the other proposal
 * must exist (a made-up trailer counted as someone else's proposal).
 */
function changedOnlyByOthers(ctx: GovernanceContext, p: ProposalAt, signoff: string): boolean {
  const ledger = ctx.ledger;
  const written = ledger?.writerOf(signoff);
  const settled = ledger?.entryCommits(p.meta.path)[p.meta.value.history.length - 1];
  if (!ledger || !written || !settled) return false;
  const meta = p.meta.value;
  const records = new Set([...Object.values(RECORD_FILES), ...(meta.kind === 'governance' ? [PROPOSED_ROSTER] : [])].map((name) => `${p.dir}/${name}`));
  const listSaid = (path: string, text: string | undefined, id: string) => {
    const list = listsOf(path, text).get(id);
    return list ? JSON.stringify(listContent(list.decl)) : undefined;
  };
  const covers = (ch: Change) =>
    records.has(ch.path) ||
    (meta.kind === 'baseline' && baselineSubstance(ch.path, ch.before) !== baselineSubstance(ch.path, ch.after)) ||
    (ch.path.startsWith('policy/lists/') && meta.lists.some((id) => listSaid(ch.path, ch.before, id) !== listSaid(ch.path, ch.after, id)));
  const before = ancestorsOf(ledger.commits, written);
  const after = descendantsOf(ledger.commits, settled);
  return ledger.commits.every((c) => before.has(c.sha) || !c.changes.some(covers) || (after.has(c.sha) && c.trailer !== undefined && c.trailer !== meta.id && ctx.proposals.has(c.trailer)));
}

/** `commit` and the walked commits it descends from. */
function ancestorsOf(commits: readonly GovCommit[], commit: GovCommit): Set<string> {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const found = new Set<string>();
  const stack = [commit.sha];
  while (stack.length) {
    const sha = stack.pop()!;
    if (found.has(sha)) continue;
    found.add(sha);
    for (const parent of bySha.get(sha)?.parents ?? []) stack.push(parent);
  }
  return found;
}

/** The walked commits that descend from `commit` (parents come before children in the walk). */
function descendantsOf(commits: readonly GovCommit[], commit: GovCommit): Set<string> {
  const found = new Set<string>();
  for (const c of commits) if (c.parents.some((x) => x === commit.sha || found.has(x))) found.add(c.sha);
  return found;
}

export const GatesRule: GovernanceRule = {
  name: 'gates',
  proposal(p, ctx, report) {
    const meta = p.meta.value;
    const kind = meta.kind ?? 'list';
    // In force or ended, a proposal's sign-off goes stale with no fault of its own when another
    // proposal changes what it covered (a second baseline proposal's edit of the baseline files).
    const settled = meta.stage === 'in-force' || !isActive(meta.stage);
    for (const { from, fromIndex, to, index, voided } of transitionsTaken(meta.history)) {
      if (to.external || transitionError(from.stage, to.stage, kind)) continue;
      // Judged by the roster of the commit that recorded the transition, not the head's.
      const roster = rosterForEntry(ctx, p, index);
      for (const stage of gateStages(from.stage, to.stage)) {
        const dated = signoffsFor(p, { ...ctx, roster }, stage).filter((s) => s.eligible && s.record.date >= from.date && s.record.date <= to.date && (voided || signedSince(ctx, p, fromIndex, s.file.path)));
        for (const role of requiredRoles(roster, meta, stage)) {
          const ofRole = dated.filter((s) => s.record.role === role);
          if (ofRole.some((s) => voided || !s.stale || (settled && changedOnlyByOthers(ctx, p, s.file.path)))) continue;
          if (ofRole.length) {
            for (const s of ofRole) report(diagnostic('signoff-stale', at(s.file, '/digest'), { stage, person: s.record.person, id: meta.id }, { hint: hint('sign-again', { person: s.record.person, id: meta.id, stage, role }) }), p.folder);
            continue;
          }
          report(diagnostic('missing-signoff', historySpan(p, index), { id: meta.id, to: to.stage, role, stage }, { hint: hint('signoff-window', { from: from.date, to: to.date, id: meta.id, stage, role }) }), p.folder);
        }
      }
    }
  },
};
