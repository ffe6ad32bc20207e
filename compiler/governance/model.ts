/** The governance data model, as the schemas in `schemas.ts` describe it. */
import type { HistoryEntry, ProposalKind, Stage } from './stages.js';

export type RoleGroup = 'provincial-authority' | 'regional-body' | 'coordination' | 'committee' | 'expert' | 'drafter' | 'registrar';

export interface Role {
  readonly name: string;
  readonly group: RoleGroup;
  readonly article: string;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** The SSH public key that signs this person's commits (`gpg.format=ssh`); without one, nobody can sign as them. */
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
  /** The role whose holders may close a concern in place of its raiser (recorded `asChair`). */
  readonly chair?: string;
  readonly signoffs: {
    readonly default: StageRequirements;
    /** Stages whose sign-offs must come in the listed order (approved: mechanism, then committee). */
    readonly ordered?: readonly Stage[];
    readonly sectors?: Readonly<Record<string, StageRequirements>>;
    /** Baseline and governance proposals: their own requirements instead of the default. */
    readonly kinds?: Partial<Record<ProposalKind, StageRequirements>>;
  };
}

export interface ProposalMeta {
  readonly id: string;
  readonly kind?: ProposalKind;
  readonly title: string;
  readonly sector?: string;
  readonly lists: readonly string[];
  readonly authors: readonly string[];
  readonly stage: Stage;
  readonly history: readonly (HistoryEntry & { stage: Stage })[];
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

/** A comment's disposition as a consultation feedback table (意见采纳情况表) words it. */
export const DECISION_ZH: Record<Disposition['decision'], string> = { accepted: '采纳', partly: '部分采纳', rejected: '不采纳' };

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
  readonly resolution?: { by: string; date: string; note: string; asChair?: true };
}

export interface SignoffRecord {
  readonly proposal: string;
  readonly stage: Stage;
  readonly role: string;
  readonly person: string;
  readonly date: string;
  readonly digest: string;
  readonly note?: string;
}

/**
 * The roles that must sign `stage` for `proposal`: a baseline or governance proposal has its
 * kind's requirements; for a list, a sector's entry replaces the default.
 */
export function requiredRoles(roster: Roster, proposal: Pick<ProposalMeta, 'kind' | 'sector'>, stage: Stage): readonly string[] {
  const kind = proposal.kind ?? 'list';
  if (kind !== 'list') return roster.signoffs.kinds?.[kind]?.[stage] ?? [];
  return (proposal.sector && roster.signoffs.sectors?.[proposal.sector]?.[stage]) || roster.signoffs.default[stage] || [];
}

/** The allowed-signers file (ssh) of a roster: each person's email and key. */
export function allowedSigners(roster: Roster): string {
  return roster.people.flatMap((p) => (p.key ? [`${p.email} namespaces="git" ${p.key.trim()}\n`] : [])).join('');
}

/** Whether `person` holds a role of `group` in `roster`. */
export function holdsGroup(roster: Roster, person: Person, group: RoleGroup): boolean {
  return person.roles.some((r) => roster.roles[r]?.group === group);
}

export function personById(roster: Roster, id: string): Person | undefined {
  return roster.people.find((p) => p.id === id);
}

export function personByEmail(roster: Roster, email: string): Person | undefined {
  const e = email.toLowerCase();
  return roster.people.find((p) => p.email.toLowerCase() === e);
}
