/**
 * The decision: for a planned transfer, the pathway with its reasons and the articles behind
 * them, in the order of DOMAIN.md §5 (our reading, marked inferred where it goes beyond the
 * texts). Where the policy cannot decide it answers `indeterminate`, never a lighter pathway.
 */
import type { Exemption, ListItem, NegativeList, PathwayId, PolicyArtifact, Rung } from './artifact.js';
import { Predicate, type Facts } from './conditions.js';
import { PolicyLoadError } from './errors.js';
import { Ladder } from './ladder.js';
import * as R from './reasons.js';
import type { EvaluationRequest, EvaluationResponse, Obligation, Outcome, Reason, RequestItem } from './request.js';

/** Strictness of outcomes; `indeterminate` dominates, so nothing undecidable looks lighter. */
const RANK: Record<Outcome, number> = {
  'not-applicable': 0,
  exempt: 1,
  'standard-contract-or-certification': 2,
  'security-assessment': 3,
  indeterminate: 4,
};

/** The rank of an outcome; one the runtime does not know ranks as `indeterminate` (fail closed). */
function rankOf(outcome: Outcome): number {
  return RANK[outcome] ?? RANK.indeterminate;
}

/**
 * A list prepared for decisions. The fields a decision reads are copied out of the parsed JSON
 * into objects of one shape: JSON objects with optional fields come in many hidden classes,
 * and reading them across thousands of items makes every property access megamorphic.
 */
interface CompiledList {
  readonly list: NegativeList;
  readonly id: string;
  readonly sector: string;
  readonly status: NegativeList['status'];
  readonly from: string;
  readonly until: string | undefined;
  readonly zones: ReadonlySet<string>;
  readonly notOnList: Reason;
  /** The response basis when this list alone decided (shared, frozen). */
  readonly basis: EvaluationResponse['basis'];
}

interface CompiledItem {
  readonly id: string;
  readonly item: ListItem;
  /** The list names the item as important data. */
  readonly isImportant: boolean;
  readonly list: CompiledList;
  readonly important: Reason;
  readonly ladder: Ladder<Reason>;
  readonly below: Reason;
  /** Reasons for zones the list does not cover, built on first use. */
  readonly notInZone: Map<string, Reason>;
}

/** An exemption with the three reasons a claim of it can give. */
interface CompiledExemption {
  readonly granted: Reason;
  readonly contradicted: Reason;
  readonly notForImportant: Reason;
  readonly scope: Exemption['scope'];
}

/** A policy prepared for decisions: indexes and reasons built once. */
export interface CompiledPolicy {
  readonly items: ReadonlyMap<string, CompiledItem>;
  readonly listsBySector: ReadonlyMap<string, readonly CompiledList[]>;
  readonly exemptions: ReadonlyMap<string, CompiledExemption>;
  readonly national: Ladder<Reason>;
  readonly nationalBelow: Reason;
  readonly importantData: Reason;
  readonly ciio: Reason;
  readonly generalRules: readonly { id: string; when: Predicate }[];
  readonly assessmentValidity?: Obligation;
  readonly reportToRegion: ReadonlyMap<string, Obligation>;
  /** The `policy` field of every response (shared, frozen). */
  readonly identity: EvaluationResponse['policy'];
  readonly baselineBasis: EvaluationResponse['basis'];
  /** Advisories by the ids of the general rules that matched, built on first use. */
  readonly advisories: Map<string, readonly Obligation[]>;
  /** Reasons that depend on the request (date, zone, an unknown id), kept while they repeat. */
  readonly recent: Memo<Reason>;
}

/** A memo that forgets everything when full: decisions repeat, and junk input must not grow it. */
class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

/** Prepares a verified policy for decisions. */
export function compilePolicy(policy: PolicyArtifact, digest: string): CompiledPolicy {
  const items = new Map<string, CompiledItem>();
  const listsBySector = new Map<string, CompiledList[]>();
  for (const list of policy.lists) {
    const compiled: CompiledList = {
      list,
      id: list.id,
      sector: list.sector,
      status: list.status,
      from: list.effective.from,
      until: list.effective.until,
      zones: new Set(list.zones),
      notOnList: R.notOnList(list),
      basis: Object.freeze({ kind: 'list', lists: Object.freeze([list.id]) }),
    };
    listsBySector.set(list.sector, [...(listsBySector.get(list.sector) ?? []), compiled]);
    for (const scenario of list.scenarios) {
      for (const item of scenario.items) {
        if (items.has(item.id)) throw new PolicyLoadError(`two list items have the id ${item.id}`, 'duplicate-id');
        items.set(item.id, {
          id: item.id,
          item,
          isImportant: item.important === true,
          list: compiled,
          important: R.itemImportant(item),
          ladder: Ladder.of(strictestFirst(item.ladder).map((r) => ({ when: r.when, result: R.itemRung(item, r.pathway, r.basis) }))),
          below: R.itemBelow(item),
          notInZone: new Map(),
        });
      }
    }
  }
  const b = policy.baseline;
  return {
    items,
    listsBySector,
    exemptions: new Map(b.exemptions.map((e) => [e.code, { granted: R.exemption(e), contradicted: R.exemptionContradicted(e), notForImportant: R.exemptionNotForImportant(e), scope: e.scope }])),
    national: Ladder.of(strictestFirst(b.ladder).map((r) => ({ when: r.when, result: R.nationalRung(r.pathway, r.basis) }))),
    nationalBelow: R.nationalBelow(b.below.pathway, b.below.basis),
    // Without a baseline provision for them, important data and a CIIO's personal information
    // cannot be decided: fail closed.
    importantData: b.important ? R.importantData(b.important.pathway, [...b.important.basis, 'measures.art7', 'measures.art10']) : R.undecided('important-data'),
    ciio: b.ciio ? R.ciioPersonalInfo(b.ciio.pathway, [...b.ciio.basis, 'measures.art10']) : R.undecided('ciio-personal-info'),
    generalRules: policy.annex.generalRules.rules.filter((r) => r.when).map((r) => ({ id: r.id, when: Predicate.of(r.when!) })),
    ...(b.validity ? { assessmentValidity: R.assessmentValidity(b.validity.years, b.validity.basis) } : {}),
    reportToRegion: new Map([...policy.zones.map((z) => [z.id, R.reportToRegion(z)] as const), ['outside', R.reportToRegion(undefined)]]),
    identity: Object.freeze({ version: policy.policyVersion, digest }),
    baselineBasis: Object.freeze({ kind: 'baseline', id: b.id }),
    advisories: new Map([['', NONE]]),
    recent: new Memo(4096),
  };
}

/** Why a list does not decide on `asOf`, or undefined when it does (preview lets unadopted lists decide). */
function listInactivity(list: CompiledList, asOf: string, preview: boolean): R.Inactivity | undefined {
  if (list.status === 'repealed') return 'repealed';
  if (list.status !== 'in-force' && !preview) return 'not-in-force';
  if (asOf < list.from) return 'not-yet-in-force';
  if (list.until !== undefined && asOf >= list.until) return 'expired';
  return undefined;
}

const PATHWAY_RANK: Record<PathwayId, number> = { exempt: 0, 'standard-contract-or-certification': 1, 'security-assessment': 2 };

/** Rungs ordered strictest first (stable), so the first rung that holds is the strictest that holds. */
function strictestFirst(rungs: readonly Rung[]): Rung[] {
  return [...rungs].sort((a, b) => PATHWAY_RANK[b.pathway] - PATHWAY_RANK[a.pathway]);
}


// Shared, frozen parts of responses: a decision allocates only what is its own.
const NONE: readonly Obligation[] = Object.freeze([]);
const NO_BASIS: EvaluationResponse['basis'] = Object.freeze({ kind: 'none' });
const NOT_EXPORT_REASONS: readonly Reason[] = Object.freeze([R.NOT_EXPORT]);
const NO_KINDS: readonly string[] = Object.freeze([]);

/**
 * Decides a request that already conforms to the request schema. Use `Policy.evaluate` for
 * untrusted input: it validates first. Responses share their frozen parts (reasons,
 * obligations, basis) with other responses: treat them as read-only.
 */
export function decide(p: CompiledPolicy, req: EvaluationRequest): EvaluationResponse {
  const t = req.transfer;
  const preview = req.preview === true;
  if (!t.isExport) {
    return { version: 1, pathway: 'not-applicable', preview, asOf: req.asOf, basis: NO_BASIS, reasons: NOT_EXPORT_REASONS, obligations: NONE, advisories: NONE, policy: p.identity };
  }

  const d: Decision = { reasons: [], lists: [], reportingLists: 0, important: t.importantData === true, usedBaseline: false };
  const items = combineEntries(t.items ?? NO_ITEMS);
  const pi = t.personalInfo;
  const piPersons = pi?.persons ?? 0;
  const piSensitive = pi?.sensitivePersons ?? 0;
  let itemPersons = 0;
  let itemSensitive = 0;
  for (const i of items) {
    itemPersons += i.persons ?? 0;
    itemSensitive += i.sensitivePersons ?? 0;
  }
  const piVolume = piPersons + piSensitive;
  const hasPersonalInfo = piVolume + itemPersons + itemSensitive > 0;
  const { ciio, zone } = req.processor;
  const kinds = pi?.sensitiveKinds ?? NO_KINDS;

  // 2. Important data: notified or published (the request says so), or named by a usable list.
  if (d.important) {
    d.reasons.push(p.importantData);
    d.usedBaseline = true;
  }
  let reportedInactive: string[] | undefined;
  // Items left for step 5, as indexes into `items` (their compiled items in `pendingItems`).
  let pending: number[] | undefined;
  let pendingItems: CompiledItem[] | undefined;
  let sectorOfItems: string | undefined;
  let itemSectors = 0;
  for (let index = 0; index < items.length; index++) {
    const requested = items[index]!;
    const ci = p.items.get(requested.id);
    if (!ci) {
      const key = `unknown\u0000${requested.id}`;
      d.reasons.push(p.recent.get(key) ?? p.recent.set(key, R.unknownItem(requested.id)));
      continue;
    }
    const list = ci.list;
    if (list.sector !== sectorOfItems) {
      itemSectors++;
      sectorOfItems = list.sector;
    }
    // A CIIO's data is decided by the national rules, whatever state the list is in (step 4).
    if (ciio && !ci.isImportant && (requested.persons ?? 0) + (requested.sensitivePersons ?? 0) > 0) continue;
    const inactive = listInactivity(list, req.asOf, preview);
    if (inactive) {
      d.reasons.push(noListInForce(p, requested.id, zone, [ci.list], inactive, req.asOf));
      (reportedInactive ??= []).push(list.id);
    } else if (ci.isImportant) {
      d.reasons.push(ci.important);
      d.important = true;
      useList(d, ci.list, zone);
    } else {
      (pending ??= []).push(index);
      (pendingItems ??= []).push(ci);
    }
  }

  // 3. National exemptions claimed for the whole transfer; none removes important data.
  const claimed = t.exemptions;
  if (claimed !== undefined && claimed.length > 0) {
    let valid = 0;
    for (const code of claimed) {
      const e = p.exemptions.get(code)!;
      if (d.important) d.reasons.push(e.notForImportant);
      else if (e.scope === 'data' && hasPersonalInfo) d.reasons.push(e.contradicted);
      else {
        d.reasons.push(e.granted);
        valid++;
      }
    }
    if (valid > 0 || d.important) {
      d.usedBaseline = true;
      return respond(p, req, d, itemPersons + piPersons, itemSensitive + piSensitive);
    }
  }

  // 4. A CIIO providing personal information: assessment; lists do not apply to CIIOs.
  if (ciio) {
    if (hasPersonalInfo) {
      d.reasons.push(p.ciio);
      d.usedBaseline = true;
    }
    if (d.reasons.length === 0) d.reasons.push(R.NOTHING_REGULATED);
    return respond(p, req, d, itemPersons + piPersons, itemSensitive + piSensitive);
  }

  // 5. Items of lists in force (or previewed): each takes its list's ladder in the processor's zone.
  for (let k = 0; pending && k < pending.length; k++) {
    const ci = pendingItems![k]!;
    if (!ci.list.zones.has(zone)) {
      d.reasons.push(notInZone(ci, zone));
      continue;
    }
    const requested = items[pending[k]!]!;
    const reason = ci.ladder.first(requested.persons ?? 0, requested.sensitivePersons ?? 0, kinds, ciio) ?? ci.below;
    d.reasons.push(reason);
    const entries = (requested as CombinedItem).entries;
    if (entries !== undefined) d.reasons.push(R.itemEntriesCombined(ci.item, entries, requested.persons ?? 0, requested.sensitivePersons ?? 0, reason.outcome));
    useList(d, ci.list, zone);
  }

  // A zone's processor in a sector that has lists: data not on the list is exempt (Art. 13).
  const sector = t.sector ?? (itemSectors === 1 ? sectorOfItems : undefined);
  const sectorLists = zone === 'outside' || sector === undefined ? undefined : p.listsBySector.get(sector);
  let active: CompiledList | undefined;
  let inZone: CompiledList[] | undefined;
  for (const l of sectorLists ?? NO_LISTS) {
    if (!l.zones.has(zone)) continue;
    (inZone ??= []).push(l);
    if (!active && !listInactivity(l, req.asOf, preview)) active = l;
  }
  if (inZone) {
    if (!active) {
      if (!inZone.every((l) => reportedInactive?.includes(l.id))) {
        d.reasons.push(noListInForce(p, sector!, zone, inZone, listInactivity(inZone[0]!, req.asOf, preview)!, req.asOf));
      }
    } else if (piVolume > 0 || items.length === 0) {
      d.reasons.push(active.notOnList);
      useList(d, active, zone);
    }
  } else if (piVolume > 0) {
    // 6. Otherwise the national thresholds (Arts 5(4), 7, 8).
    d.usedBaseline = true;
    d.reasons.push(p.national.first(piPersons, piSensitive, kinds, ciio) ?? p.nationalBelow);
  }
  if (d.reasons.length === 0) d.reasons.push(R.NOTHING_REGULATED);
  return respond(p, req, d, itemPersons + piPersons, itemSensitive + piSensitive);
}

const NO_ITEMS: readonly RequestItem[] = Object.freeze([]);

/** Several entries of one item, as one: volumes summed, `entries` counted. */
interface CombinedItem extends RequestItem {
  readonly entries: number;
}

/**
 * The request's items with the entries of each item combined, first entry's position kept.
 * Splitting an item's volume over entries must not make a transfer lighter (a ladder applies to
 * the item's whole volume). Returns `items` itself when no id repeats, the usual case.
 */
function combineEntries(items: readonly RequestItem[]): readonly RequestItem[] {
  if (!hasRepeatedId(items)) return items;
  const byId = new Map<string, { id: string; persons: number; sensitivePersons: number; entries: number }>();
  for (const i of items) {
    const seen = byId.get(i.id);
    if (seen) {
      seen.persons += i.persons ?? 0;
      seen.sensitivePersons += i.sensitivePersons ?? 0;
      seen.entries++;
    } else byId.set(i.id, { id: i.id, persons: i.persons ?? 0, sensitivePersons: i.sensitivePersons ?? 0, entries: 1 });
  }
  return [...byId.values()].map((c) => (c.entries > 1 ? c : { id: c.id, persons: c.persons, sensitivePersons: c.sensitivePersons }));
}

function hasRepeatedId(items: readonly RequestItem[]): boolean {
  if (items.length > 16) return new Set(items.map((i) => i.id)).size < items.length;
  for (let a = 1; a < items.length; a++) for (let b = 0; b < a; b++) if (items[a]!.id === items[b]!.id) return true;
  return false;
}
const NO_LISTS: readonly CompiledList[] = Object.freeze([]);

/** What the decision has gathered so far. */
interface Decision {
  readonly reasons: Reason[];
  /** The lists that decided some part (few: a plain array beats a Set). */
  readonly lists: CompiledList[];
  /** How many of those the processor uses as a zone processor (Art. 15 reporting). */
  reportingLists: number;
  /** Important data is involved: notified, published, or named by a list. */
  important: boolean;
  usedBaseline: boolean;
}

function useList(d: Decision, list: CompiledList, zone: string): void {
  if (d.lists.includes(list)) return;
  d.lists.push(list);
  if (list.zones.has(zone)) d.reportingLists++;
}

/** Why `subject` (an item, or a sector in `zone`) has no list to decide it; the lists follow from those. */
function noListInForce(p: CompiledPolicy, subject: string, zone: string, lists: readonly CompiledList[], why: R.Inactivity, asOf: string): Reason {
  const key = `inactive\u0000${subject}\u0000${zone}\u0000${why}\u0000${asOf}`;
  return p.recent.get(key) ?? p.recent.set(key, R.noListInForce(subject, lists.map((l) => l.list), why, asOf));
}

function notInZone(ci: CompiledItem, zone: string): Reason {
  let reason = ci.notInZone.get(zone);
  if (!reason) ci.notInZone.set(zone, (reason = R.itemNotInZone(ci.id, ci.list.list, zone)));
  return reason;
}

function basisOf(p: CompiledPolicy, d: Decision): EvaluationResponse['basis'] {
  if (d.lists.length === 1) return d.lists[0]!.basis;
  if (d.lists.length > 1) return { kind: 'list', lists: d.lists.map((l) => l.id).sort() };
  return d.usedBaseline ? p.baselineBasis : NO_BASIS;
}

function respond(p: CompiledPolicy, req: EvaluationRequest, d: Decision, persons: number, sensitive: number): EvaluationResponse {
  let pathway: Outcome = 'exempt';
  for (const r of d.reasons) if (rankOf(r.outcome) > RANK[pathway]) pathway = rankOf(r.outcome) === RANK.indeterminate ? 'indeterminate' : r.outcome;
  const obligations: Obligation[] = [];
  if (d.reportingLists > 0) obligations.push(p.reportToRegion.get(req.processor.zone)!);
  if (pathway === 'security-assessment' && p.assessmentValidity) obligations.push(p.assessmentValidity);
  if (d.important) obligations.push(R.CERTIFICATION_UNAVAILABLE);
  obligations.push(R.SECURITY_DUTIES);
  return {
    version: 1,
    pathway,
    preview: req.preview === true,
    asOf: req.asOf,
    basis: basisOf(p, d),
    reasons: d.reasons,
    obligations,
    advisories: d.important ? NONE : importantDataAdvisories(p, persons, sensitive, req),
    policy: p.identity,
  };
}

/**
 * The annex's numeric reference rules that suggest the transfer's data may be important data,
 * over the transfer's total volumes. The advisory for each set of matching rules is built once.
 */
function importantDataAdvisories(p: CompiledPolicy, persons: number, sensitive: number, req: EvaluationRequest): readonly Obligation[] {
  if (persons + sensitive === 0) return NONE;
  const facts: Facts = { persons, sensitive, kinds: req.transfer.personalInfo?.sensitiveKinds ?? NO_KINDS, ciio: req.processor.ciio };
  let key = '';
  for (const r of p.generalRules) if (r.when.holds(facts)) key = key === '' ? r.id : `${key} ${r.id}`;
  let advisories = p.advisories.get(key);
  if (!advisories) p.advisories.set(key, (advisories = Object.freeze([R.identifyImportant(key.split(' '))])));
  return advisories;
}

export type { PathwayId };
