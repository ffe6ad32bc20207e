/** Which sign-offs of a proposal count: what the gate, order and status rules all ask. */
import type { GovernanceContext, ProposalAt } from './context.js';
import { stageDigest } from './digest.js';
import type { Loaded } from './load.js';
import { personById, type SignoffRecord } from './model.js';
import type { Stage } from './stages.js';

export function signoffFileName(s: Pick<SignoffRecord, 'stage' | 'role' | 'person'>): string {
  return `${signoffFilePrefix(s.stage)}${s.role}--${s.person}.yaml`;
}

/** How the file name of every sign-off of `stage` begins. */
export function signoffFilePrefix(stage: Stage): string {
  return `${stage}--`;
}

export interface SignoffStanding {
  readonly file: Loaded<SignoffRecord>;
  readonly record: SignoffRecord;
  /** Known person with the role and a key, not an author, filed under its own proposal and name. */
  readonly eligible: boolean;
  /** Its digest differs from what its stage covers now. */
  readonly stale: boolean;
}

/** Every well-formed sign-off of `p` for `stage`, with whether it is eligible and whether it is stale. */
export function signoffsFor(p: ProposalAt, ctx: GovernanceContext, stage: Stage): SignoffStanding[] {
  const meta = p.meta.value;
  const digest = stageDigest(p, ctx, stage);
  return p.signoffs.flatMap((file) => {
    const s = file.value;
    if (!s || s.stage !== stage) return [];
    const person = personById(ctx.roster, s.person);
    const eligible = !!person?.key && person.roles.includes(s.role) && !meta.authors.includes(s.person) && s.proposal === p.folder && file.path.endsWith(`/${signoffFileName(s)}`);
    return [{ file, record: s, eligible, stale: s.digest !== digest }];
  });
}

/** The sign-offs of `stage` that count: eligible and not stale. */
export function countingSignoffs(p: ProposalAt, ctx: GovernanceContext, stage: Stage): SignoffRecord[] {
  return signoffsFor(p, ctx, stage).filter((s) => s.eligible && !s.stale).map((s) => s.record);
}
