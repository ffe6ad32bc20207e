/**
 * Each proposal as the site shows it: its loaded files, what it still needs (governance/todo.ts)
 * and its base, with the governance context those are computed in.
 */
import type { ProposalAt } from '../governance/context.js';
import { personById, type Roster } from '../governance/model.js';
import { signoffsFor, type SignoffStanding } from '../governance/signoffs.js';
import { SIGNED_STAGES } from '../governance/stages.js';
import { contextOf, outlook, type Outlook } from '../governance/todo.js';
import type { ProposalBase, SiteInput } from './input.js';

export interface ProposalView {
  readonly proposal: ProposalAt;
  readonly outlook: Outlook;
  readonly base: ProposalBase;
  readonly roster: Roster;
  /** Every sign-off of the proposal, stage by stage, with whether it counts. */
  readonly signoffs: readonly SignoffStanding[];
}

/** The proposals with valid metadata, in id order (a proposal whose files do not validate is left out). */
export function proposalViews(input: SiteInput): ProposalView[] {
  const report = input.governance;
  const ctx = contextOf(report, input.date);
  if (!ctx) return [];
  const roster = ctx.roster;
  return report.governance.proposals
    .filter((p) => p.meta?.value)
    .map((p) => {
      const proposal = p as ProposalAt;
      const signoffs = SIGNED_STAGES.flatMap((stage) => signoffsFor(proposal, ctx, stage));
      return { proposal, outlook: outlook(proposal, ctx), base: input.bases.get(p.folder) ?? {}, roster, signoffs };
    });
}

/** A person's name from the roster, or the id as written when the roster has no such person. */
export function nameOf(roster: Roster, id: string): string {
  return personById(roster, id)?.name ?? id;
}

/** The page of a proposal, from the site root. */
export function proposalPath(id: string): string {
  return `proposals/${id}.html`;
}
