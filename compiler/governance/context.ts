/**
 * What every governance rule sees (like the compiler's checker context): the head's files as
 * parsed, the roster trusted for this check (the base's under `--base`), the governed history,
 * and a `report` that attributes each finding to a proposal, so that `proposal advance` and
 * `proposal status` can take exactly the findings about the proposal they act on.
 */
import { isSeq } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Source, Span } from '../source.js';
import type { Ledger, GovCommit } from './ledger.js';
import type { ListInfo } from './lists.js';
import type { Governance, Loaded, LoadedProposal } from './load.js';
import type { ProposalMeta, Roster } from './model.js';
import { spanOfPointer } from './yaml-source.js';

export interface GovernanceContext {
  /** The roster this check trusts: the base revision's under `--base`, else the head's. */
  readonly roster: Roster;
  /** The head's roster file (where roster problems are located). */
  readonly rosterFile?: Loaded<Roster>;
  readonly governance: Governance;
  readonly lists: readonly ListInfo[];
  /** The head's baseline files' content, which a baseline proposal's sign-offs approve. */
  readonly baseline: string;
  /** Every proposal at the head by id (with a hypothetical one in place for `advance`). */
  readonly proposals: ReadonlyMap<string, ProposalMeta>;
  /** The governed history; undefined with `--no-history`. */
  readonly ledger?: Ledger;
  /** Today (UTC), for dates in the future. */
  readonly today: string;
}

export interface Finding {
  readonly diagnostic: Diagnostic;
  /** The proposal the finding is about, when it is about one. */
  readonly proposal?: string;
}

export type Report = (diagnostic: Diagnostic, proposal?: string) => void;

/**
 * One governance rule. `state` runs once on the head, `proposal` on each proposal (and on the
 * hypothetical next state of one, for `advance`), `commit` on each governed commit.
 */
export interface GovernanceRule {
  readonly name: string;
  state?(ctx: GovernanceContext, report: Report): void;
  proposal?(p: LoadedProposal & { meta: Loaded<ProposalMeta> & { value: ProposalMeta } }, ctx: GovernanceContext, report: Report): void;
  commit?(c: GovCommit, ctx: GovernanceContext & { ledger: Ledger }, report: Report): Promise<void> | void;
}

export type ProposalAt = Parameters<NonNullable<GovernanceRule['proposal']>>[0];

/**
 * The roster that judges entry `index` of proposal `p`'s history: the one trusted for the
 * commit that recorded it (its parent's, or the base's), so a later roster cannot relax the
 * rules of an approval already given; the check's own roster for an entry no governed commit
 * recorded (before the history, or the next one `proposal advance` considers).
 */
export function rosterForEntry(ctx: GovernanceContext, p: ProposalAt, index: number): Roster {
  const commit = ctx.ledger?.entryCommits(p.meta.path)[index];
  return (commit && ctx.ledger!.trustedRoster(commit)) ?? ctx.roster;
}

/**
 * Whether the sign-off in `path` was committed after the commit that recorded entry
 * `fromIndex` of `p`'s history: one committed before a return to review was given for the
 * approval that return voided, however its date reads (a day holds both).
 */
export function signedSince(ctx: GovernanceContext, p: ProposalAt, fromIndex: number, path: string): boolean {
  const ledger = ctx.ledger;
  const entered = ledger?.entryCommits(p.meta.path)[fromIndex];
  const written = ledger?.writerOf(path);
  if (!ledger || !entered || !written) return true;
  return ledger.commits.indexOf(written) > ledger.commits.indexOf(entered);
}

/**
 * The span of entry `index` of a proposal's history (its `field`, if given), or of its `stage`
 * for an entry the file does not hold yet: the transition `proposal advance` considers, whose
 * refusal pointed at the file's first entry.
 */
export function historySpan(p: ProposalAt, index: number, field?: string): Span | undefined {
  const entries = p.meta.doc.getIn(['history']);
  const held = isSeq(entries) ? entries.items.length : 0;
  return index < held ? at(p.meta, `/history/${index}${field ? `/${field}` : ''}`) : at(p.meta, '/stage');
}

/** The span of a YAML file's value at a JSON pointer (or of its key, with `property`). */
export function at(f: { source: Source; doc: Loaded<unknown>['doc'] }, pointer: string, property?: string): Span | undefined {
  return spanOfPointer(f, pointer, property);
}

/** The file name without folder and extension: `001` for `…/concerns/001.yaml`. */
export function recordName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
}

/** The proposal folder a path under proposals/ belongs to. */
export function proposalOfPath(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'proposals' && parts.length > 2 ? parts[1] : undefined;
}

/** The span of `pointer` in the head's copy of `path`, when the head still has that file. */
export function headSpan(ctx: GovernanceContext, path: string, pointer: string): Span | undefined {
  for (const p of ctx.governance.proposals) {
    for (const f of [p.meta, ...p.signoffs, ...p.comments, ...p.concerns]) if (f?.path === path) return at(f, pointer);
  }
  return undefined;
}

/** The day of an ISO timestamp (`2026-03-01T12:00:00+08:00` → `2026-03-01`), as recorded. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}
