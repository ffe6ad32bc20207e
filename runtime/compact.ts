/**
 * The compact view of decisions (contract v1, `schema/compact-decisions.schema.json`): the
 * answer to many requests with each distinct reason and obligation written once and referred
 * to by index. A batch's decisions share most of their parts — the same bilingual texts and
 * citations decision after decision — so this says the same as the full responses in a fraction
 * of the bytes, and loses nothing: `expandDecisions` gives the full responses back.
 */
import type { EvaluationResponse, Obligation, Reason } from './request.js';

/** One decision of the compact view: the full response with indexes in place of its parts. */
export interface CompactDecision {
  readonly pathway: EvaluationResponse['pathway'];
  readonly preview: boolean;
  readonly asOf: string;
  readonly basis: EvaluationResponse['basis'];
  /** Positions in `CompactDecisions.reasons`. */
  readonly reasons: readonly number[];
  /** Positions in `CompactDecisions.obligations`. */
  readonly obligations: readonly number[];
  /** Positions in `CompactDecisions.obligations` (advisories are obligations in shape). */
  readonly advisories: readonly number[];
}

/** `POST /v1/decide?view=compact`'s answer. */
export interface CompactDecisions {
  readonly version: 1;
  readonly view: 'compact';
  readonly policy: EvaluationResponse['policy'];
  /** Each distinct reason of the answer, once. */
  readonly reasons: readonly Reason[];
  /** Each distinct obligation or advisory of the answer, once. */
  readonly obligations: readonly Obligation[];
  readonly decisions: readonly CompactDecision[];
}

/**
 * `POST /v1/decide?view=indexed`'s answer: the compact view with each distinct decision once, in
 * `distinct`, and for each request the position of its decision there. A decision names no
 * volume, so where a batch's decisions repeat (one processor's transfers of a few items on one
 * date) a long batch is answered in a byte or two per request; a varied batch gains little.
 */
export interface IndexedDecisions {
  readonly version: 1;
  readonly view: 'indexed';
  readonly policy: EvaluationResponse['policy'];
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
  /** Each distinct decision of the answer, once. */
  readonly distinct: readonly CompactDecision[];
  /** One per request, in order: positions in `distinct`. */
  readonly decisions: readonly number[];
}

/**
 * Numbers distinct parts in order of first appearance. Parts are told apart by content (their
 * JSON), so two equal reasons built separately still share one entry.
 */
export class PartTable<T extends object> {
  readonly entries: T[] = [];
  private readonly byJson = new Map<string, number>();

  /** The index of `part`, adding it on first sight; `json` is JSON.stringify(part). */
  indexOf(part: T, json: string): number {
    let index = this.byJson.get(json);
    if (index === undefined) {
      index = this.entries.length;
      this.entries.push(part);
      this.byJson.set(json, index);
    }
    return index;
  }
}

/**
 * The compact view of `decisions`, which must all come from one policy (the server decides a
 * batch with one bundle). An empty batch names no policy, so `policy` is passed.
 */
export function compactDecisions(decisions: readonly EvaluationResponse[], policy: EvaluationResponse['policy']): CompactDecisions {
  const reasons = new PartTable<Reason>();
  const obligations = new PartTable<Obligation>();
  const compact = decisions.map((d): CompactDecision => {
    if (d.policy.digest !== policy.digest) throw new RangeError(`a decision of policy ${d.policy.digest} in a compact view of ${policy.digest}`);
    return {
      pathway: d.pathway,
      preview: d.preview,
      asOf: d.asOf,
      basis: d.basis,
      reasons: d.reasons.map((r) => reasons.indexOf(r, JSON.stringify(r))),
      obligations: d.obligations.map((o) => obligations.indexOf(o, JSON.stringify(o))),
      advisories: d.advisories.map((o) => obligations.indexOf(o, JSON.stringify(o))),
    };
  });
  return { version: 1, view: 'compact', policy, reasons: reasons.entries, obligations: obligations.entries, decisions: compact };
}

/**
 * The indexed view of `decisions` (all of `policy`): the compact view with each distinct decision
 * once. Decisions are told apart by content (their compact JSON), like reasons.
 */
export function indexedDecisions(decisions: readonly EvaluationResponse[], policy: EvaluationResponse['policy']): IndexedDecisions {
  const { reasons, obligations, decisions: compact } = compactDecisions(decisions, policy);
  const distinct = new PartTable<CompactDecision>();
  const indexes = compact.map((d) => distinct.indexOf(d, JSON.stringify(d)));
  return { version: 1, view: 'indexed', policy, reasons, obligations, distinct: distinct.entries, decisions: indexes };
}

/** The entry at `i` of `table`; throws RangeError on an index out of it. */
function at<T>(table: readonly T[], i: number): T {
  const entry = table[i];
  if (entry === undefined) throw new RangeError(`index ${i} is outside a table of ${table.length}`);
  return entry;
}

/** The full responses a compact or indexed view stands for; throws RangeError on an index out of its table. */
export function expandDecisions(view: CompactDecisions | IndexedDecisions): EvaluationResponse[] {
  const decisions = view.view === 'indexed' ? view.decisions.map((i) => at(view.distinct, i)) : view.decisions;
  return decisions.map((d) => ({
    version: 1,
    pathway: d.pathway,
    preview: d.preview,
    asOf: d.asOf,
    basis: d.basis,
    reasons: d.reasons.map((i) => at(view.reasons, i)),
    obligations: d.obligations.map((i) => at(view.obligations, i)),
    advisories: d.advisories.map((i) => at(view.obligations, i)),
    policy: view.policy,
  }));
}
