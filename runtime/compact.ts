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
 * One decision of the dense view: `[context, pathway, basis, reasons, obligations, advisories]`,
 * positions in the answer's tables (`reasons` a list of positions in `DenseDecisions.reasons`;
 * `obligations` and `advisories` each a position in `DenseDecisions.lists`).
 */
export type DenseDecision = readonly [context: number, pathway: number, basis: number, reasons: readonly number[], obligations: number, advisories: number];

/**
 * `POST /v1/decide?view=dense`'s answer: every part a batch's decisions repeat written once, in a
 * table, and each decision a row of positions. One processor's transfers on one date share one
 * context, a handful of pathways, bases and lists of obligations, so a decision costs a couple of
 * dozen bytes beside the tables, however varied the batch.
 */
export interface DenseDecisions {
  readonly version: 1;
  readonly view: 'dense';
  readonly policy: EvaluationResponse['policy'];
  /** Each distinct date and preview flag, once. */
  readonly contexts: readonly { readonly asOf: string; readonly preview: boolean }[];
  readonly pathways: readonly EvaluationResponse['pathway'][];
  readonly bases: readonly EvaluationResponse['basis'][];
  readonly reasons: readonly Reason[];
  /** Each distinct obligation or advisory, once. */
  readonly obligations: readonly Obligation[];
  /** Each distinct list of obligations or advisories, once: positions in `obligations`. */
  readonly lists: readonly (readonly number[])[];
  readonly decisions: readonly DenseDecision[];
}

/**
 * Numbers distinct parts in order of first appearance. Parts are told apart by content (their
 * JSON), so two equal reasons built separately still share one entry.
 */
export class PartTable<T> {
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

/**
 * The dense view of `decisions` (all of `policy`). Every table lists its entries in the order
 * they first appear, reading each decision's parts in the order of its row (and a list's
 * obligations before the list), entries told apart by content like the compact view's.
 */
export function denseDecisions(decisions: readonly EvaluationResponse[], policy: EvaluationResponse['policy']): DenseDecisions {
  const contexts = new PartTable<{ asOf: string; preview: boolean }>();
  const pathways = new PartTable<EvaluationResponse['pathway']>();
  const bases = new PartTable<EvaluationResponse['basis']>();
  const reasons = new PartTable<Reason>();
  const obligations = new PartTable<Obligation>();
  const lists = new PartTable<number[]>();
  const listOf = (parts: readonly Obligation[]) => {
    const list = parts.map((o) => obligations.indexOf(o, JSON.stringify(o)));
    return lists.indexOf(list, JSON.stringify(list));
  };
  const rows = decisions.map((d): DenseDecision => {
    if (d.policy.digest !== policy.digest) throw new RangeError(`a decision of policy ${d.policy.digest} in a dense view of ${policy.digest}`);
    const context = { asOf: d.asOf, preview: d.preview };
    return [
      contexts.indexOf(context, JSON.stringify(context)),
      pathways.indexOf(d.pathway, JSON.stringify(d.pathway)),
      bases.indexOf(d.basis, JSON.stringify(d.basis)),
      d.reasons.map((r) => reasons.indexOf(r, JSON.stringify(r))),
      listOf(d.obligations),
      listOf(d.advisories),
    ];
  });
  return { version: 1, view: 'dense', policy, contexts: contexts.entries, pathways: pathways.entries, bases: bases.entries, reasons: reasons.entries, obligations: obligations.entries, lists: lists.entries, decisions: rows };
}

/** The entry at `i` of `table`; throws RangeError on an index out of it. */
function at<T>(table: readonly T[], i: number): T {
  const entry = table[i];
  if (entry === undefined) throw new RangeError(`index ${i} is outside a table of ${table.length}`);
  return entry;
}

/** The full responses a compact, indexed or dense view stands for; throws RangeError on an index out of its table. */
export function expandDecisions(view: CompactDecisions | IndexedDecisions | DenseDecisions): EvaluationResponse[] {
  if (view.view === 'dense') return expandDense(view);
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

/** The full responses a dense view stands for. */
function expandDense(view: DenseDecisions): EvaluationResponse[] {
  const listOf = (i: number) => at(view.lists, i).map((o) => at(view.obligations, o));
  return view.decisions.map(([context, pathway, basis, reasons, obligations, advisories]) => {
    const { asOf, preview } = at(view.contexts, context);
    return {
      version: 1,
      pathway: at(view.pathways, pathway),
      preview,
      asOf,
      basis: at(view.bases, basis),
      reasons: reasons.map((i) => at(view.reasons, i)),
      obligations: listOf(obligations),
      advisories: listOf(advisories),
      policy: view.policy,
    };
  });
}
