/**
 * What a proposal still needs before its next stage, and from whom: the sign-offs of its next
 * gate that do not yet count (with the people who may give each), the end of the review window,
 * the comments awaiting a disposition, the concerns still open and a missing filing receipt.
 * Only what is still to do — never a problem already in the record. The review site and
 * `proposal status` both read it.
 */
import type { GovernanceContext, ProposalAt } from './context.js';
import type { Loaded } from './load.js';
import { requiredRoles, type CommentRecord, type ConcernRecord, type Person } from './model.js';
import { signoffsFor } from './signoffs.js';
import { effectivePath, gateStages, nextStage, type Stage } from './stages.js';

export interface PendingSignoff {
  /** The stage the sign-off attests. */
  readonly stage: Stage;
  readonly role: string;
  /** The role's name in the roster. */
  readonly roleName: string;
  /** Who may give it: holders of the role with a key who are not authors of the proposal. */
  readonly signers: readonly Person[];
  /** A sign-off of this role exists but what it approved has changed since: it must be given again. */
  readonly stale: readonly string[];
}

export interface Outlook {
  /** The next stage on the proposal's path; undefined at the end of it. */
  readonly next?: Stage;
  readonly pending: readonly PendingSignoff[];
  /** At review: the first day the proposal may leave it (entry into review + the roster's window). */
  readonly reviewEnds?: string;
  readonly openComments: readonly Loaded<CommentRecord>[];
  readonly openConcerns: readonly Loaded<ConcernRecord>[];
  /** Entering filed needs the national filing receipt, not yet recorded. */
  readonly needsReceipt: boolean;
}

/** `date` plus `days` (ISO dates). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What `p` still needs before its next stage. */
export function outlook(p: ProposalAt, ctx: GovernanceContext): Outlook {
  const meta = p.meta.value;
  const next = nextStage(meta.stage, meta.kind);
  const path = effectivePath(meta.history);
  const entered = path.at(-1)?.entry.date ?? meta.history.at(-1)!.date;
  const pending: PendingSignoff[] = [];
  for (const stage of next ? gateStages(meta.stage, next) : []) {
    // A sign-off counts for the gate only when given since the proposal entered its stage.
    const given = signoffsFor(p, ctx, stage).filter((s) => s.eligible && s.record.date >= entered);
    for (const role of requiredRoles(ctx.roster, meta, stage)) {
      const ofRole = given.filter((s) => s.record.role === role);
      if (ofRole.some((s) => !s.stale)) continue;
      const signers = ctx.roster.people.filter((person) => person.roles.includes(role) && !!person.key && !meta.authors.includes(person.id));
      pending.push({ stage, role, roleName: ctx.roster.roles[role]?.name ?? role, signers, stale: ofRole.map((s) => s.record.person) });
    }
  }
  const atReview = meta.stage === 'review';
  return {
    ...(next ? { next } : {}),
    pending,
    ...(atReview ? { reviewEnds: addDays(entered, ctx.roster.reviewWindowDays) } : {}),
    openComments: p.comments.filter((c) => c.value && !c.value.disposition),
    openConcerns: p.concerns.filter((c) => c.value && !c.value.resolution),
    needsReceipt: next === 'filed' && !meta.filing,
  };
}
