/**
 * What a proposal still needs before its next stage, and from whom: the sign-offs of its next
 * gate that do not yet count (with the people who may give each), the end of the review window,
 * the comments awaiting a disposition, the concerns still open and a missing filing receipt.
 * Only what is still to do — never a problem already in the record. The review site and
 * `proposal status` both read it.
 */
import { hint, type Hint } from '../diagnostics.js';
import type { GovernanceReport } from './check.js';
import type { GovernanceContext, ProposalAt } from './context.js';
import { recordId } from './record-ids.js';
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

/** The context the outlook is computed in, from a check of the head (the head's roster). */
export function contextOf(report: GovernanceReport, today: string): GovernanceContext | undefined {
  const roster = report.governance.roster?.value;
  if (!roster) return undefined;
  const proposals = new Map(report.governance.proposals.flatMap((p) => (p.meta?.value ? [[p.meta.value.id, p.meta.value] as const] : [])));
  return { roster, governance: report.governance, lists: report.lists, baseline: report.baseline, proposals, today };
}

/** One thing still to do before the next stage: what (a catalogued hint), who may do it, and the command that does it. */
export interface Todo {
  readonly what: Hint;
  /** Roster ids of the people who may do it (empty: anyone may, or nobody in the roster can). */
  readonly who: readonly string[];
  readonly command: string;
}

/** The outlook of `p` as a list of things to do, each with who may do it. */
export function todos(p: ProposalAt, o: Outlook, ctx: GovernanceContext): Todo[] {
  const meta = p.meta.value;
  const out: Todo[] = [];
  for (const s of o.pending) {
    const sign = { stage: s.stage, roleName: s.roleName, role: s.role };
    out.push({
      what: s.stale.length ? hint('todo-sign-again', { ...sign, stale: s.stale }) : hint('todo-sign', sign),
      who: s.signers.map((x) => x.id),
      command: `qingdan proposal sign ${meta.id} --stage ${s.stage} --role ${s.role} --person <id>`,
    });
  }
  for (const c of o.openComments) {
    const id = recordId('comment', c.path);
    out.push({ what: hint('todo-answer-comment', { comment: id, author: c.value!.author, target: c.value!.target }), who: meta.authors, command: `qingdan proposal resolve ${meta.id} ${id} --decision accepted|partly|rejected --reason … --by <id>` });
  }
  const chairs = ctx.roster.chair ? ctx.roster.people.filter((x) => x.roles.includes(ctx.roster.chair!)).map((x) => x.id) : [];
  for (const c of o.openConcerns) {
    const id = recordId('concern', c.path);
    out.push({ what: hint('todo-resolve-concern', { concern: id, target: c.value!.target }), who: [c.value!.raisedBy, ...chairs.filter((x) => x !== c.value!.raisedBy)], command: `qingdan proposal resolve ${meta.id} ${id} --note … --by <id>` });
  }
  if (o.reviewEnds && o.reviewEnds > ctx.today) out.push({ what: hint('todo-wait-review', { date: o.reviewEnds }), who: [], command: '' });
  if (o.needsReceipt) out.push({ what: hint('todo-filing-receipt'), who: meta.authors, command: `qingdan proposal advance ${meta.id} --receipt <receipt>` });
  return out;
}
