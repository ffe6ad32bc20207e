/**
 * What would change the outcome (变动临界值): for a decided request, for each part of the
 * transfer — every list item it names, and its personal information outside the items — and for
 * each measure (persons, sensitive persons), the nearest volume above and below the part's own
 * at which the transfer's pathway changes, all else equal ("再增加 12,345 人将需要申报数据出境安全评估").
 *
 * The thresholds come from the ladders, not from a search over volumes: a pathway, as a function
 * of one part's volume, can change only where some ladder's bound lies — a bound of the item's own
 * ladder (when its list decides it), a bound of the national ladder less the volumes the other
 * parts add to the national count (when no list decides it: docs/reading-of-the-law.md#no-list-decides),
 * and the first person (personal information present or not: a CIIO, a data-only exemption).
 * Between two such bounds the pathway is constant, so the runtime's own decision at each bound
 * (a handful per part) says what the pathway becomes there; a bound that changes nothing is no
 * margin. Off the hot path: it decides a few times per part and is meant for people.
 *
 * Kinds of sensitive information: where a ladder that can decide the part names kinds
 * (`kinds any [...]`), each kind it names that the request does not state is tried and reported
 * when it would change the pathway.
 */
import type { Condition, PolicyArtifact, Rung } from './artifact.js';
import type { Policy } from './policy.js';
import { OUTCOME_PHRASE_EN as PATHWAY_EN, OUTCOME_PHRASE_ZH, PATHWAY_PHRASE_ZH } from './pathway-words.js';
import type { EvaluationRequest, EvaluationResponse, Message, Outcome, RequestItem } from './request.js';

/** The measures a part's volume is stated in, by their field in a request. */
export type MarginMeasure = 'persons' | 'sensitivePersons';

/** The personal information outside the listed items (`transfer.personalInfo`), as a part. */
export const PERSONAL_INFO_PART = 'personalInfo';

/** The largest volume a request may state (the request schema's maximum). */
export const MAX_VOLUME = 10_000_000_000;

export interface Margin {
  readonly measure: MarginMeasure;
  /** `up`: adding `by` reaches the bound; `down`: removing `by` falls below it. */
  readonly direction: 'up' | 'down';
  /** The part's volume at which the pathway is `pathway`: the bound itself going up, one below it going down. */
  readonly volume: number;
  readonly by: number;
  /** The transfer's pathway at `volume`, all else equal. */
  readonly pathway: Outcome;
  /** The ladder the bound comes from: an item id, the baseline's id, or `personal-info` (the first person). */
  readonly source: string;
  /** The articles of the rung whose bound it is. */
  readonly citations: readonly string[];
  readonly message: Message;
}

/** A kind of sensitive information that, stated, would change the pathway. */
export interface KindMargin {
  readonly kind: string;
  readonly pathway: Outcome;
  readonly source: string;
  readonly citations: readonly string[];
  readonly message: Message;
}

export interface PartMargins {
  /** A list item id, or PERSONAL_INFO_PART. */
  readonly part: string;
  /** The part's volumes in the request (entries naming the same item summed). */
  readonly persons: number;
  readonly sensitivePersons: number;
  readonly margins: readonly Margin[];
  readonly kinds: readonly KindMargin[];
}

export interface Margins {
  readonly pathway: Outcome;
  readonly parts: readonly PartMargins[];
}

/** A bound on one measure: where a ladder's condition starts or stops holding. */
interface Bound {
  readonly at: number;
  readonly source: string;
  readonly citations: readonly string[];
}

/** What the pathway becomes, ending a sentence. */
const PATHWAY_ZH: Record<Outcome, string> = {
  'security-assessment': `需要${PATHWAY_PHRASE_ZH['security-assessment']}`,
  'standard-contract-or-certification': `需要${PATHWAY_PHRASE_ZH['standard-contract-or-certification']}`,
  exempt: `可${PATHWAY_PHRASE_ZH.exempt}`,
  'not-applicable': OUTCOME_PHRASE_ZH['not-applicable'],
  indeterminate: `${OUTCOME_PHRASE_ZH.indeterminate}（需另行研判）`,
};
const MEASURE_ZH: Record<MarginMeasure, string> = { persons: '人的个人信息', sensitivePersons: '人的敏感个人信息' };
const MEASURE_EN: Record<MarginMeasure, string> = { persons: 'persons', sensitivePersons: 'persons of sensitive personal information' };

/** 12345 → "12,345": grouping written out, so the text does not depend on the host's locale data. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The margins of `request` under `policy`. Throws InvalidRequestError (as `Policy.evaluate`) when
 * the request breaks the contract. A request that is not an export has none.
 */
export function marginsOf(policy: Policy, request: EvaluationRequest): Margins {
  const base = policy.evaluate(request);
  const artifact = policy.bundle.policy;
  if (!request.transfer.isExport) return { pathway: base.pathway, parts: [] };
  const items = itemsById(artifact);
  const parts = partsOf(request);
  const pooled = pooledParts(base, parts, items);
  const out: PartMargins[] = [];
  for (const part of parts.values()) {
    const item = part.id === PERSONAL_INFO_PART ? undefined : items.get(part.id);
    if (part.id !== PERSONAL_INFO_PART && item === undefined) continue; // an unknown item: indeterminate whatever its volume
    const margins: Margin[] = [];
    for (const measure of ['persons', 'sensitivePersons'] as const) {
      const others = otherPooled(parts, pooled, part.id, measure);
      const bounds = boundsFor(artifact, item, measure, others);
      margins.push(...marginsAlong(policy, request, base.pathway, part, measure, bounds));
    }
    out.push({ part: part.id, persons: part.persons, sensitivePersons: part.sensitivePersons, margins, kinds: kindMargins(policy, request, base.pathway, artifact, item) });
  }
  return { pathway: base.pathway, parts: out };
}

/** One part of the transfer with its summed volumes. */
interface Part {
  readonly id: string;
  persons: number;
  sensitivePersons: number;
}

/** The request's parts in request order: its items (entries of one id combined), then its other personal information. */
function partsOf(request: EvaluationRequest): Map<string, Part> {
  const parts = new Map<string, Part>();
  for (const e of request.transfer.items ?? []) {
    const part = parts.get(e.id) ?? { id: e.id, persons: 0, sensitivePersons: 0 };
    part.persons += e.persons ?? 0;
    part.sensitivePersons += e.sensitivePersons ?? 0;
    parts.set(e.id, part);
  }
  const pi = request.transfer.personalInfo;
  parts.set(PERSONAL_INFO_PART, { id: PERSONAL_INFO_PART, persons: pi?.persons ?? 0, sensitivePersons: pi?.sensitivePersons ?? 0 });
  return parts;
}

interface ItemRef {
  readonly id: string;
  readonly list: string;
  readonly ladder: readonly Rung[];
}

function itemsById(artifact: PolicyArtifact): Map<string, ItemRef> {
  const items = new Map<string, ItemRef>();
  for (const list of artifact.lists) for (const s of list.scenarios) for (const item of s.items) items.set(item.id, { id: item.id, list: list.id, ladder: item.ladder });
  return items;
}

/**
 * The parts the national thresholds count, read from the base decision: an item whose list did
 * not decide (it is not in the decision's basis), and the other personal information unless a
 * list decided it as data of its sector not on the list (reason `not-on-list`).
 */
function pooledParts(base: EvaluationResponse, parts: Map<string, Part>, items: Map<string, ItemRef>): Set<string> {
  const decided = new Set(base.basis.kind === 'list' ? base.basis.lists : []);
  const pooled = new Set<string>();
  for (const part of parts.values()) {
    const item = items.get(part.id);
    if (item !== undefined && !decided.has(item.list)) pooled.add(part.id);
  }
  if (!base.reasons.some((r) => r.code === 'not-on-list')) pooled.add(PERSONAL_INFO_PART);
  return pooled;
}

/** What the pooled parts other than `id` add to the national count of `measure`. */
function otherPooled(parts: Map<string, Part>, pooled: Set<string>, id: string, measure: MarginMeasure): number {
  let sum = 0;
  for (const part of parts.values()) if (part.id !== id && pooled.has(part.id)) sum += part[measure];
  return sum;
}

/**
 * The candidate bounds of a part on `measure`: the first person, the item's own ladder's bounds,
 * and the national ladder's bounds less what the other pooled parts count. Extra candidates cost
 * a decision each and are dropped when they change nothing; a missing one would hide a margin.
 */
function boundsFor(artifact: PolicyArtifact, item: ItemRef | undefined, measure: MarginMeasure, others: number): Bound[] {
  const key = measure === 'persons' ? 'persons' : 'sensitive';
  const bounds: Bound[] = [{ at: 1, source: 'personal-info', citations: [] }];
  if (item !== undefined) for (const rung of item.ladder) for (const at of boundsIn(rung.when, key)) bounds.push({ at, source: item.id, citations: rung.basis });
  for (const rung of artifact.baseline.ladder) for (const at of boundsIn(rung.when, key)) if (at - others > 0) bounds.push({ at: at - others, source: artifact.baseline.id, citations: rung.basis });
  return bounds.filter((b) => b.at <= MAX_VOLUME);
}

/** The values where `condition` may start or stop holding as `measure` varies: its min and max on it. */
export function boundsIn(condition: Condition, measure: 'persons' | 'sensitive'): number[] {
  if ('any' in condition) return condition.any.flatMap((c) => boundsIn(c, measure));
  if ('all' in condition) return condition.all.flatMap((c) => boundsIn(c, measure));
  if ('measure' in condition && condition.measure === measure) return [condition.min, condition.max].filter((v): v is number => v !== undefined && v > 0);
  return [];
}

/** The request with part `id`'s `measure` set to `volume` (its entries merged into its first). */
function withVolume(request: EvaluationRequest, id: string, measure: MarginMeasure, volume: number): EvaluationRequest {
  const t = request.transfer;
  if (id === PERSONAL_INFO_PART) return { ...request, transfer: { ...t, personalInfo: { ...t.personalInfo, [measure]: volume } } };
  const entries = t.items ?? [];
  const merged: RequestItem[] = [];
  let first: { id: string; persons: number; sensitivePersons: number } | undefined;
  for (const e of entries) {
    if (e.id !== id) {
      merged.push(e);
      continue;
    }
    if (first === undefined) merged.push((first = { id, persons: 0, sensitivePersons: 0 }));
    first.persons += e.persons ?? 0;
    first.sensitivePersons += e.sensitivePersons ?? 0;
  }
  if (first !== undefined) first[measure] = volume;
  return { ...request, transfer: { ...t, items: merged } };
}

/** The nearest bound above and below the part's volume where the pathway differs from `current`. */
function marginsAlong(policy: Policy, request: EvaluationRequest, current: Outcome, part: Part, measure: MarginMeasure, bounds: Bound[]): Margin[] {
  const volume = part[measure];
  const at = (v: number): Outcome => policy.decideTrusted(withVolume(request, part.id, measure, v)).pathway;
  const byValue = new Map<number, Bound>();
  for (const b of bounds) if (!byValue.has(b.at)) byValue.set(b.at, b);
  const values = [...byValue.keys()].sort((a, b) => a - b);
  const margins: Margin[] = [];
  for (const v of values) {
    if (v <= volume) continue;
    const pathway = at(v);
    if (pathway !== current) {
      margins.push(margin(measure, 'up', v, v - volume, pathway, byValue.get(v)!));
      break;
    }
  }
  for (let k = values.length - 1; k >= 0; k--) {
    const v = values[k]!;
    if (v > volume) continue;
    const pathway = at(v - 1);
    if (pathway !== current) {
      margins.push(margin(measure, 'down', v - 1, volume - v + 1, pathway, byValue.get(v)!));
      break;
    }
  }
  return margins;
}

function margin(measure: MarginMeasure, direction: 'up' | 'down', volume: number, by: number, pathway: Outcome, bound: Bound): Margin {
  const zh =
    direction === 'up'
      ? `再增加 ${groupDigits(by)} ${MEASURE_ZH[measure]}（累计达到 ${groupDigits(volume)} 人）将${PATHWAY_ZH[pathway]}。`
      : `减少 ${groupDigits(by)} ${MEASURE_ZH[measure]}（累计不超过 ${groupDigits(volume)} 人）将${PATHWAY_ZH[pathway]}。`;
  const en =
    direction === 'up'
      ? `${groupDigits(by)} more ${MEASURE_EN[measure]} (${groupDigits(volume)} in all): ${PATHWAY_EN[pathway]}.`
      : `${groupDigits(by)} fewer ${MEASURE_EN[measure]} (at most ${groupDigits(volume)}): ${PATHWAY_EN[pathway]}.`;
  return { measure, direction, volume, by, pathway, source: bound.source, citations: bound.citations, message: { zh, en } };
}

/** Kinds a ladder that can decide the part names, which the request does not state, that would change the pathway. */
function kindMargins(policy: Policy, request: EvaluationRequest, current: Outcome, artifact: PolicyArtifact, item: ItemRef | undefined): KindMargin[] {
  const stated = new Set(request.transfer.personalInfo?.sensitiveKinds ?? []);
  const named = new Map<string, Rung>();
  for (const rung of [...(item?.ladder ?? []), ...artifact.baseline.ladder]) for (const k of kindsIn(rung.when)) if (!stated.has(k) && !named.has(k)) named.set(k, rung);
  const out: KindMargin[] = [];
  for (const [kind, rung] of named) {
    const t = request.transfer;
    const pathway = policy.decideTrusted({ ...request, transfer: { ...t, personalInfo: { ...t.personalInfo, sensitiveKinds: [...stated, kind] } } }).pathway;
    if (pathway === current) continue;
    const name = artifact.annex.sensitiveKinds.find((k) => k.code === kind)?.name ?? kind;
    out.push({ kind, pathway, source: item !== undefined && item.ladder.includes(rung) ? item.id : artifact.baseline.id, citations: rung.basis, message: { zh: `如涉及${name}，将${PATHWAY_ZH[pathway]}。`, en: `With ${kind}: ${PATHWAY_EN[pathway]}.` } });
  }
  return out;
}

function kindsIn(condition: Condition): string[] {
  if ('any' in condition) return condition.any.flatMap(kindsIn);
  if ('all' in condition) return condition.all.flatMap(kindsIn);
  if ('kindsAny' in condition) return [...condition.kindsAny];
  return [];
}
