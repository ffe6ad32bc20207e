/** The vocabulary of a semantic diff: one regulatory change, classified two ways. */
import type { PathwayId } from '../../runtime/artifact.js';

/** For exporters: stricter, lighter, both at once, or wording only. */
export type Classification = 'tightening' | 'loosening' | 'mixed' | 'editorial';

export type Entity =
  | 'schema'
  | 'document'
  | 'article'
  | 'annex'
  | 'rule'
  | 'category'
  | 'subcategory'
  | 'example'
  | 'baseline'
  | 'exemption'
  | 'zone'
  | 'list'
  | 'scenario'
  | 'item';

/** A volume whose pathway the change alters: the proof that a ladder change matters. */
export interface Witness {
  readonly persons: number;
  readonly sensitive: number;
  readonly old: PathwayId;
  readonly new: PathwayId;
}

export interface PolicyChange {
  /** The stable id of what changed (`icv.owner-pi`, `measures.art13`). */
  readonly id: string;
  readonly entity: Entity;
  readonly kind: 'added' | 'removed' | 'changed';
  /** What about it changed (`ladder`, `important`, `zones`, `status`, `effective`, `text`, …). */
  readonly field?: string;
  readonly classification: Classification;
  /** Consumers must adapt: a removed id, a schema change. */
  readonly breaking: boolean;
  readonly summary: { readonly zh: string; readonly en: string };
  readonly old?: unknown;
  readonly new?: unknown;
  readonly witnesses?: readonly Witness[];
  /** For the amendment text: the document or list the change belongs to. */
  readonly container: string;
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface PolicyDiff {
  readonly base: { readonly revision: string; readonly policyVersion: string };
  readonly head: { readonly revision: string; readonly policyVersion: string };
  readonly changes: readonly PolicyChange[];
  readonly summary: { readonly tightening: number; readonly loosening: number; readonly mixed: number; readonly editorial: number; readonly breaking: number };
  /** The version bump the changes require (breaking → major; tightening/loosening → minor; editorial → patch). */
  readonly bump: Bump;
}

const BUMP_ORDER: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(a: Bump, b: Bump): Bump {
  return BUMP_ORDER[a] >= BUMP_ORDER[b] ? a : b;
}

export function bumpAtLeast(actual: Bump, required: Bump): boolean {
  return BUMP_ORDER[actual] >= BUMP_ORDER[required];
}

/** The bump one change requires. */
export function bumpFor(change: PolicyChange): Bump {
  if (change.breaking) return 'major';
  return change.classification === 'editorial' ? 'patch' : 'minor';
}
