/** The governance data model, as the schemas in `schemas.ts` describe it. */
import type { Stage } from './stages.js';

export type RoleGroup = 'provincial-authority' | 'regional-body' | 'coordination' | 'committee' | 'expert' | 'drafter';

export interface Role {
  readonly name: string;
  readonly group: RoleGroup;
  readonly article: string;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** An SSH public key for git's ssh signing (`gpg.format=ssh`). */
  readonly key?: string;
  /** The person's forge handle (`@name`), used in CODEOWNERS instead of the email when present. */
  readonly forge?: string;
  readonly placeholder?: boolean;
  readonly roles: readonly string[];
}

export type StageRequirements = Partial<Record<Stage, readonly string[]>>;

export interface Roster {
  readonly note?: string;
  /** The day the governance workflow was adopted; history entries up to it may be `external`. */
  readonly since: string;
  readonly reviewWindowDays: number;
  readonly roles: Readonly<Record<string, Role>>;
  readonly people: readonly Person[];
  readonly signoffs: {
    readonly default: StageRequirements;
    /** Stages whose sign-offs must come in the listed order (approved: mechanism, then committee). */
    readonly ordered?: readonly Stage[];
    readonly sectors?: Readonly<Record<string, StageRequirements>>;
  };
}

export interface ProposalMeta {
  readonly id: string;
  readonly title: string;
  readonly sector: string;
  readonly lists: readonly string[];
  readonly authors: readonly string[];
  readonly stage: Stage;
  readonly history: readonly { stage: Stage; date: string; external?: boolean; note?: string }[];
  readonly replaces?: string;
  readonly supersededBy?: string;
  readonly filing?: { receipt: string; date: string; authorities?: string[] };
  readonly note?: string;
}

export interface Disposition {
  readonly decision: 'accepted' | 'partly' | 'rejected';
  readonly reason?: string;
  readonly date: string;
  readonly by?: string;
}

export interface CommentRecord {
  readonly author: string;
  readonly person?: string;
  readonly date: string;
  readonly target: string;
  readonly text: string;
  readonly disposition?: Disposition;
}

export interface ConcernRecord {
  readonly raisedBy: string;
  readonly date: string;
  readonly target: string;
  readonly text: string;
  readonly resolution?: { by: string; date: string; note: string };
}

export interface SignoffRecord {
  readonly stage: Stage;
  readonly role: string;
  readonly person: string;
  readonly date: string;
  readonly note?: string;
}

/** The roles that must sign `stage` for a proposal of `sector`: a sector's entry replaces the default. */
export function requiredRoles(roster: Roster, sector: string, stage: Stage): readonly string[] {
  return roster.signoffs.sectors?.[sector]?.[stage] ?? roster.signoffs.default[stage] ?? [];
}

export function personById(roster: Roster, id: string): Person | undefined {
  return roster.people.find((p) => p.id === id);
}

export function personByEmail(roster: Roster, email: string): Person | undefined {
  const e = email.toLowerCase();
  return roster.people.find((p) => p.email.toLowerCase() === e);
}
