/**
 * The decision: for a planned transfer, the pathway with its reasons and the articles behind
 * them, in the order of docs/reading-of-the-law.md#decision-order (our reading, marked inferred where it goes beyond the
 * texts). Where the policy cannot decide it answers `indeterminate`, never a lighter pathway.
 *
 * The order: 1 not an export → not applicable; 2 important data (notified or published, or named
 * by a list that decides) → assessment; unknown items and items of lists that do not decide on
 * asOf → indeterminate; 3 national exemptions (none for important data; a data-only exemption
 * not with personal information); 4 a CIIO's personal information → assessment; 5 items on the
 * lists of the processor's zone → their ladder, data of a listed sector not on the list →
 * exempt; 6 otherwise the national thresholds. The strictest part decides; its rank is kept as
 * the parts are found. Entries of a request that name one item are one item (volumes summed).
 *
 * It reads the layout of `compile.ts`; see there why it is made of typed arrays.
 */
import { ASSESSMENT, EXEMPT, INDETERMINATE, IN_FORCE, ITEM, OUTCOMES, REPEALED, type CompiledPolicy } from './compile.js';
import { BOX, kindsMaskOf } from './condition-table.js';
import { dayNumber } from './dates.js';
import * as R from './reasons.js';
<<<<<<< HEAD
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
  /** The item's annex subcategory is one of export control's (measures Art. 24). */
  readonly exportControlled: boolean;
  /** The list names the item as important data. */
  readonly isImportant: boolean;
  readonly list: CompiledList;
  readonly important: Reason;
  readonly ladder: Ladder<Reason>;
  readonly below: Reason;
  /** The advisory when a list that does not decide would name this item as important data. */
  readonly pendingImportant: Obligation;
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
  /** The national thresholds, by the ground on which the national rules decide. */
  readonly national: Record<R.NationalGround, Ladder<Reason>>;
  readonly nationalBelow: Record<R.NationalGround, Reason>;
  /** The first day after the measures' trial: no list has effect from then on. */
  readonly trialUntil: string | undefined;
  readonly importantData: Reason;
  readonly ciio: Reason;
  /** The annex's numeric rules; `zoneOnly`: the rule speaks of 广东自贸试验区企业. */
  readonly generalRules: readonly { id: string; when: Predicate; zoneOnly: boolean }[];
  readonly assessmentValidity?: Obligation;
  readonly reportToRegion: ReadonlyMap<string, Obligation>;
  /** The `policy` field of every response (shared, frozen). */
  readonly identity: EvaluationResponse['policy'];
  readonly baselineBasis: EvaluationResponse['basis'];
  /** Advisories by the ids of the general rules that matched, built on first use. */
  readonly advisories: Map<string, readonly Obligation[]>;
  /** Reasons that depend on the request (date, zone, an unknown id), kept while they repeat. */
  readonly recent: Memo<Reason>;
  /** Advisories naming a list that does not decide, by list, state and zone, built on first use. */
  readonly pendingLists: Map<string, Obligation>;
}

/**
 * The annex subcategories whose data measures Art. 24 sends to export-control law: S38
 * 禁止出口限制出口技术 and S39 属于出口管制法管制的相关数据 (docs/reading-of-the-law.md#export-control).
 */
const EXPORT_CONTROL_SUBCATEGORIES: ReadonlySet<string> = new Set(['S38', 'S39']);

/** How the annex's rules 2, 4 and 5 name their subject: enterprises of the zones only. */
const ZONE_ENTERPRISE = '广东自贸试验区企业';

const GROUNDS: readonly R.NationalGround[] = ['no-list', 'list-does-not-decide', 'trial-ended'];

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
          exportControlled: EXPORT_CONTROL_SUBCATEGORIES.has(item.category),
          isImportant: item.important === true,
          list: compiled,
          important: R.itemImportant(item),
          ladder: Ladder.of(strictestFirst(item.ladder).map((r) => ({ when: r.when, result: R.itemRung(item, r.pathway, r.basis) }))),
          below: R.itemBelow(item),
          pendingImportant: R.pendingImportantItem(item),
        });
      }
    }
  }
  const b = policy.baseline;
  return {
    items,
    listsBySector,
    exemptions: new Map(b.exemptions.map((e) => [e.code, { granted: R.exemption(e), contradicted: R.exemptionContradicted(e), notForImportant: R.exemptionNotForImportant(e, b.important?.basis ?? []), scope: e.scope }])),
    national: byGround((g) => Ladder.of(strictestFirst(b.ladder).map((r) => ({ when: r.when, result: R.nationalRung(r.pathway, r.basis, g) })))),
    nationalBelow: byGround((g) => R.nationalBelow(b.below.pathway, b.below.basis, g)),
    trialUntil: policy.trial?.until,
    // Without a baseline provision for them, important data and a CIIO's personal information
    // cannot be decided: fail closed.
    importantData: b.important ? R.importantData(b.important.pathway, [...b.important.basis, 'measures.art7', 'measures.art10']) : R.undecided('important-data'),
    ciio: b.ciio ? R.ciioPersonalInfo(b.ciio.pathway, [...b.ciio.basis, 'measures.art10']) : R.undecided('ciio-personal-info'),
    generalRules: policy.annex.generalRules.rules.filter((r) => r.when).map((r) => ({ id: r.id, when: Predicate.of(r.when!), zoneOnly: r.text.startsWith(ZONE_ENTERPRISE) })),
    ...(b.validity ? { assessmentValidity: R.assessmentValidity(b.validity.years, b.validity.basis) } : {}),
    reportToRegion: new Map([...policy.zones.map((z) => [z.id, R.reportToRegion(z)] as const), ['outside', R.reportToRegion(undefined)]]),
    identity: Object.freeze({ version: policy.policyVersion, digest }),
    baselineBasis: Object.freeze({ kind: 'baseline', id: b.id }),
    advisories: new Map([['', NONE]]),
    recent: new Memo(4096),
    pendingLists: new Map(),
  };
}

function byGround<T>(make: (g: R.NationalGround) => T): Record<R.NationalGround, T> {
  return Object.fromEntries(GROUNDS.map((g) => [g, make(g)])) as Record<R.NationalGround, T>;
}

/**
 * Why a list does not decide on `asOf`, or undefined when it does (preview lets unadopted lists
 * decide). The measures' trial ends every list (docs/reading-of-the-law.md#trial-period).
 */
function listInactivity(list: CompiledList, asOf: string, preview: boolean, trialUntil: string | undefined): R.Inactivity | undefined {
  if (trialUntil !== undefined && asOf >= trialUntil) return 'trial-ended';
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

=======
import type { EvaluationRequest, EvaluationResponse, Obligation, Reason, RequestItem } from './request.js';
>>>>>>> main

// Shared, frozen parts of responses: a decision allocates only what is its own.
const NONE: readonly Obligation[] = Object.freeze([]);
const NO_BASIS: EvaluationResponse['basis'] = Object.freeze({ kind: 'none' });
const NOT_EXPORT_REASONS: readonly Reason[] = Object.freeze([R.NOT_EXPORT]);
const NO_KINDS: readonly string[] = Object.freeze([]);
const NO_ITEMS: readonly RequestItem[] = Object.freeze([]);
const INACTIVITY: readonly (R.Inactivity | undefined)[] = [undefined, 'repealed', 'not-in-force', 'not-yet-in-force', 'expired'];

/**
 * The request's items, one per id (entries naming the same item combined), in parallel arrays
 * reused from decision to decision: decisions are synchronous and never nest.
 */
let capacity = 0;
let itemOf = new Int32Array(0);
let idOf: string[] = [];
let personsOf = new Float64Array(0);
let sensitiveOf = new Float64Array(0);
let entriesOf = new Int32Array(0);
let pendingOf = new Int32Array(0);

function reserve(n: number): void {
  if (n <= capacity) return;
  capacity = Math.max(n, 2 * capacity, 16);
  itemOf = new Int32Array(capacity);
  idOf = new Array<string>(capacity).fill('');
  personsOf = new Float64Array(capacity);
  sensitiveOf = new Float64Array(capacity);
  entriesOf = new Int32Array(capacity);
  pendingOf = new Int32Array(capacity);
}

/** Requests with more entries than this find repeated ids with a Map instead of comparing every pair. */
const SCAN_LIMIT = 8;

/** Fills the item arrays from the request's entries; returns how many distinct items there are. */
function gather(p: CompiledPolicy, entries: readonly RequestItem[]): number {
  const n = entries.length;
  reserve(n);
  const seen = n > SCAN_LIMIT ? new Map<string, number>() : undefined;
  let m = 0;
  for (let j = 0; j < n; j++) {
    const e = entries[j]!;
    const id = e.id;
    const i = p.itemIndex.get(id) ?? -1;
    const persons = e.persons ?? 0;
    const sensitive = e.sensitivePersons ?? 0;
    let k = -1;
    if (seen) k = seen.get(id) ?? -1;
    else for (let q = 0; q < m; q++) if (itemOf[q] === i && (i >= 0 || idOf[q] === id)) k = q;
    if (k >= 0) {
      personsOf[k] = personsOf[k]! + persons;
      sensitiveOf[k] = sensitiveOf[k]! + sensitive;
      entriesOf[k] = entriesOf[k]! + 1;
      continue;
    }
    itemOf[m] = i;
    idOf[m] = id;
    personsOf[m] = persons;
    sensitiveOf[m] = sensitive;
    entriesOf[m] = 1;
    seen?.set(id, m);
    m++;
  }
  return m;
}

/** What the decision has gathered so far. */
class Decision {
  readonly reasons: Reason[] = [];
  /** The strictest rank among the reasons. */
  rank = EXEMPT;
  /** The lists that decided some part (few: a plain array beats a Set). */
  lists: number[] | undefined = undefined;
  /** Some list that decided covers the processor's zone: Art. 15 reporting. */
  reporting = false;
  usedBaseline = false;
  constructor(
    /** Important data is involved: notified, published, or named by a list. */
    public important: boolean,
  ) {}

  add(reason: Reason, rank: number): void {
    this.reasons.push(reason);
    if (rank > this.rank) this.rank = rank;
  }
}

/** Why list `l` does not decide on `day` (an index into INACTIVITY), or 0 when it does. */
function inactivity(p: CompiledPolicy, l: number, day: number, preview: boolean): number {
  const status = p.listStatus[l];
  if (status === REPEALED) return 1;
  if (status !== IN_FORCE && !preview) return 2;
  if (day < p.listFrom[l]!) return 3;
  if (day >= p.listUntil[l]!) return 4;
  return 0;
}

function useList(p: CompiledPolicy, d: Decision, l: number, zone: number): void {
  if (d.lists === undefined) d.lists = [l];
  else if (d.lists.includes(l)) return;
  else d.lists.push(l);
  if (p.listInZone[l * p.zoneIds.length + zone] === 1) d.reporting = true;
}

/**
 * The first rung in [from, to) that holds — the strictest, rungs being strictest first — or -1.
 * Boxes are tested here, inline; conditions kept as trees go through the table.
 */
function firstRung(p: CompiledPolicy, from: number, to: number, persons: number, sensitive: number, mask: number, kinds: readonly string[], ciio: boolean): number {
  const table = p.rungs;
  const start = table.start;
  const b = table.boxes;
  const flag = ciio ? 1 : 0;
  for (let r = from; r < to; r++) {
    if (table.isTree(r)) {
      if (table.holds(r, persons, sensitive, mask, kinds, ciio)) return r;
      continue;
    }
    for (let i = start[r]! * BOX, end = start[r + 1]! * BOX; i < end; i += BOX) {
      if (persons >= b[i]! && persons < b[i + 1]! && sensitive >= b[i + 2]! && sensitive < b[i + 3]! && (b[i + 4]! < 0 || b[i + 4] === flag) && (b[i + 5] === 0 || (mask & b[i + 5]!) !== 0)) return r;
    }
  }
  return -1;
}

function rungReason(p: CompiledPolicy, r: number): Reason {
  let reason = p.rungReason[r];
  if (reason === undefined) {
    const rung = p.rungSource[r]!;
    p.rungReason[r] = reason = R.itemRung(p.itemSource[p.rungItem[r]!]!, rung.pathway, rung.basis);
  }
  return reason;
}

function importantReason(p: CompiledPolicy, i: number): Reason {
  return p.itemImportant[i] ?? (p.itemImportant[i] = R.itemImportant(p.itemSource[i]!));
}

function belowReason(p: CompiledPolicy, i: number): Reason {
  return p.itemBelow[i] ?? (p.itemBelow[i] = R.itemBelow(p.itemSource[i]!));
}

function unknownItem(p: CompiledPolicy, id: string): Reason {
  const key = `unknown\u0000${id}`;
  return p.recent.get(key) ?? p.recent.set(key, R.unknownItem(id));
}

function notInZone(p: CompiledPolicy, i: number, zone: number): Reason {
  const key = -1 - (i * p.zoneIds.length + zone);
  return p.recent.get(key) ?? p.recent.set(key, R.itemNotInZone(p.itemSource[i]!.id, p.lists[p.itemData[i * ITEM]!]!, p.zoneIds[zone]!));
}

/** Why item `i` has no list to decide it on `asOf` (the item's list does not decide then). */
function itemListInactive(p: CompiledPolicy, i: number, why: number, asOf: string): Reason {
  const key = `inactive\u0000${i}\u0000${why}\u0000${asOf}`;
  return p.recent.get(key) ?? p.recent.set(key, R.noListInForce(p.itemSource[i]!.id, [p.lists[p.itemData[i * ITEM]!]!], INACTIVITY[why]!, asOf));
}

/** Why `sector` has no list to decide it in `zone` on `asOf` (its lists there do not decide then). */
function sectorListsInactive(p: CompiledPolicy, sector: string, zone: number, lists: Int32Array, why: number, asOf: string): Reason {
  const key = `inactive\u0000${sector}\u0000${zone}\u0000${why}\u0000${asOf}`;
  return p.recent.get(key) ?? p.recent.set(key, R.noListInForce(sector, Array.from(lists, (l) => p.lists[l]!), INACTIVITY[why]!, asOf));
}

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

<<<<<<< HEAD
  const d: Decision = {
    reasons: [],
    lists: [],
    reportingLists: 0,
    important: t.importantData === true,
    usedBaseline: false,
    exportControl: t.exportControl === true || (t.sector !== undefined && EXPORT_CONTROL_SUBCATEGORIES.has(t.sector)),
    personalInfo: false,
    nationalPersons: 0,
    nationalSensitive: 0,
    ground: undefined,
    advisories: undefined,
  };
  const items = combineEntries(t.items ?? NO_ITEMS);
=======
  const d = new Decision(t.importantData === true);
  const day = dayNumber(req.asOf);
  const ciio = req.processor.ciio;
  // A zone the policy does not define (a request that skipped validation) is no zone: outside.
  const zone = p.zoneIndex.get(req.processor.zone) ?? p.outside;
  const zones = p.zoneIds.length;
>>>>>>> main
  const pi = t.personalInfo;
  const piPersons = pi?.persons ?? 0;
  const piSensitive = pi?.sensitivePersons ?? 0;
  const kinds = pi?.sensitiveKinds ?? NO_KINDS;
  const mask = kinds.length === 0 ? 0 : kindsMaskOf(kinds, p.kindBits);
  const entries = t.items ?? NO_ITEMS;
  const m = gather(p, entries);
  let itemPersons = 0;
  let itemSensitive = 0;
  for (let k = 0; k < m; k++) {
    itemPersons += personsOf[k]!;
    itemSensitive += sensitiveOf[k]!;
  }
  const piVolume = piPersons + piSensitive;
  const hasPersonalInfo = piVolume + itemPersons + itemSensitive > 0;
<<<<<<< HEAD
  d.personalInfo = hasPersonalInfo;
  const { ciio, zone } = req.processor;
  const kinds = pi?.sensitiveKinds ?? NO_KINDS;
=======
>>>>>>> main

  // 2. Important data: notified or published (the request says so), or named by a usable list.
  if (d.important) {
    d.add(p.importantData, p.importantDataRank);
    d.usedBaseline = true;
  }
  let reportedInactive: number[] | undefined;
  let pending = 0;
  let sectorOfItems = -1;
  let itemSectors = 0;
  for (let k = 0; k < m; k++) {
    const i = itemOf[k]!;
    if (i < 0) {
      d.add(unknownItem(p, idOf[k]!), INDETERMINATE);
      continue;
    }
    const l = p.itemData[i * ITEM]!;
    const important = p.itemData[i * ITEM + 1] === 1;
    const sector = p.listSector[l]!;
    if (sector !== sectorOfItems) {
      itemSectors++;
      sectorOfItems = sector;
    }
    if (ci.exportControlled) d.exportControl = true;
    // A CIIO's data is decided by the national rules, whatever state the list is in (step 4).
<<<<<<< HEAD
    if (ciio && !ci.isImportant && (requested.persons ?? 0) + (requested.sensitivePersons ?? 0) > 0) continue;
    const inactive = listInactivity(list, req.asOf, preview, p.trialUntil);
    if (inactive) {
      // The list has no effect: the national rules decide the item's data (step 6), and the
      // response names the list; what it would name as important has no effect either.
      deferToNational(p, d, list, inactive, zone, requested);
      if (ci.isImportant) advise(d, ci.pendingImportant);
      (reportedInactive ??= []).push(list.id);
    } else if (ci.isImportant) {
      d.reasons.push(ci.important);
=======
    if (ciio && !important && personsOf[k]! + sensitiveOf[k]! > 0) continue;
    const why = inactivity(p, l, day, preview);
    if (why !== 0) {
      d.add(itemListInactive(p, i, why, req.asOf), INDETERMINATE);
      (reportedInactive ??= []).push(l);
    } else if (important) {
      d.add(importantReason(p, i), ASSESSMENT);
>>>>>>> main
      d.important = true;
      useList(p, d, l, zone);
    } else pendingOf[pending++] = k;
  }

  // 3. National exemptions claimed for the whole transfer; none removes important data.
  const claimed = t.exemptions;
  if (claimed !== undefined && claimed.length > 0) {
    let valid = 0;
    for (const code of claimed) {
      const e = p.exemptions.get(code);
      if (e === undefined) d.add(R.undecided('unknown-exemption'), INDETERMINATE); // only if validation was skipped
      else if (d.important) d.add(e.notForImportant, ASSESSMENT);
      else if (e.scope === 'data' && hasPersonalInfo) d.add(e.contradicted, INDETERMINATE);
      else {
        d.add(e.granted, EXEMPT);
        valid++;
      }
    }
    if (valid > 0 || d.important) {
      d.usedBaseline = true;
      return respond(p, req, d, zone, itemPersons + piPersons, itemSensitive + piSensitive, mask, kinds);
    }
  }

  // 4. A CIIO providing personal information: assessment; lists do not apply to CIIOs.
  if (ciio) {
    if (hasPersonalInfo) {
      d.add(p.ciio, p.ciioRank);
      d.usedBaseline = true;
    }
    return respond(p, req, d, zone, itemPersons + piPersons, itemSensitive + piSensitive, mask, kinds);
  }

  // 5. Items of lists in force (or previewed): each takes its list's ladder in the processor's zone.
<<<<<<< HEAD
  for (let k = 0; pending && k < pending.length; k++) {
    const ci = pendingItems![k]!;
    const requested = items[pending[k]!]!;
    if (!ci.list.zones.has(zone)) {
      deferToNational(p, d, ci.list, 'not-in-zone', zone, requested);
      continue;
    }
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
    if (!active && !listInactivity(l, req.asOf, preview, p.trialUntil)) active = l;
  }
  const outsideTheItems = { persons: piPersons, sensitivePersons: piSensitive };
  if (inZone && !active) {
    // The sector's lists for this zone do not decide: the national rules do, naming them.
    for (const l of inZone) if (!reportedInactive?.includes(l.id)) namePendingList(p, d, l, listInactivity(l, req.asOf, preview, p.trialUntil)!, zone);
    addNational(d, listInactivity(inZone[0]!, req.asOf, preview, p.trialUntil)!, outsideTheItems);
  } else if (active) {
    if (piVolume > 0 || items.length === 0) {
      d.reasons.push(active.notOnList);
      useList(d, active, zone);
=======
  for (let q = 0; q < pending; q++) {
    const k = pendingOf[q]!;
    const i = itemOf[k]!;
    const l = p.itemData[i * ITEM]!;
    if (p.listInZone[l * zones + zone] !== 1) {
      d.add(notInZone(p, i, zone), INDETERMINATE);
      continue;
    }
    const r = firstRung(p, p.itemData[i * ITEM + 2]!, p.itemData[i * ITEM + 3]!, personsOf[k]!, sensitiveOf[k]!, mask, kinds, ciio);
    const reason = r < 0 ? belowReason(p, i) : rungReason(p, r);
    const rank = r < 0 ? EXEMPT : p.rungRank[r]!;
    d.add(reason, rank);
    if (entriesOf[k]! > 1) d.add(R.itemEntriesCombined(p.itemSource[i]!, entriesOf[k]!, personsOf[k]!, sensitiveOf[k]!, reason.outcome), rank);
    useList(p, d, l, zone);
  }

  // A zone's processor in a sector that has lists: data not on the list is exempt (Art. 13).
  const sector = t.sector !== undefined ? (p.sectorIndex.get(t.sector) ?? -1) : itemSectors === 1 ? sectorOfItems : -1;
  const inZone = sector < 0 ? undefined : p.sectorZoneLists[sector * zones + zone];
  if (inZone !== undefined) {
    let active = -1;
    for (let x = 0; x < inZone.length; x++) {
      if (inactivity(p, inZone[x]!, day, preview) === 0) {
        active = inZone[x]!;
        break;
      }
    }
    if (active < 0) {
      if (!inZone.every((l) => reportedInactive?.includes(l))) {
        const name = t.sector ?? p.lists[inZone[0]!]!.sector;
        d.add(sectorListsInactive(p, name, zone, inZone, inactivity(p, inZone[0]!, day, preview), req.asOf), INDETERMINATE);
      }
    } else if (piVolume > 0 || m === 0) {
      d.add(p.listNotOnList[active]!, EXEMPT);
      useList(p, d, active, zone);
>>>>>>> main
    }
  } else if (piVolume > 0) {
    // No list covers the sector here (measures Art. 14).
    d.nationalPersons += piPersons;
    d.nationalSensitive += piSensitive;
  }
  // 6. The national thresholds (Arts 5(4), 7, 8) over the parts no list decides.
  if (d.nationalPersons + d.nationalSensitive > 0) {
    const ground = d.ground ?? 'no-list';
    d.usedBaseline = true;
<<<<<<< HEAD
    d.reasons.push(p.national[ground].first(d.nationalPersons, d.nationalSensitive, kinds, ciio) ?? p.nationalBelow[ground]);
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
  /** Data of export control or technology export (measures Art. 24). */
  exportControl: boolean;
  /** The transfer carries personal information. */
  personalInfo: boolean;
  /** Volumes the national thresholds decide (no list decides them). */
  nationalPersons: number;
  nationalSensitive: number;
  /** Why the national rules decide, when a list exists but does not. */
  ground: R.NationalGround | undefined;
  /** Advisories naming lists that do not decide, and items they would name as important. */
  advisories: Obligation[] | undefined;
}

const GROUND_RANK: Record<R.NationalGround, number> = { 'no-list': 0, 'list-does-not-decide': 1, 'trial-ended': 2 };

/** Counts `volumes` towards the national thresholds because a list does not decide (`why`). */
function addNational(d: Decision, why: R.Inactivity | 'not-in-zone', volumes: { readonly persons?: number; readonly sensitivePersons?: number }): void {
  const persons = volumes.persons ?? 0;
  const sensitive = volumes.sensitivePersons ?? 0;
  if (persons + sensitive === 0) return;
  d.nationalPersons += persons;
  d.nationalSensitive += sensitive;
  const ground: R.NationalGround = why === 'trial-ended' ? 'trial-ended' : 'list-does-not-decide';
  if (d.ground === undefined || GROUND_RANK[ground] > GROUND_RANK[d.ground]) d.ground = ground;
}

/** A list that does not decide: the national rules decide `volumes`, and the response names the list. */
function deferToNational(p: CompiledPolicy, d: Decision, list: CompiledList, why: R.Inactivity | 'not-in-zone', zone: string, volumes: { readonly persons?: number; readonly sensitivePersons?: number }): void {
  addNational(d, why, volumes);
  namePendingList(p, d, list, why, zone);
}

/** Names a list that does not decide in the response's advisories (one advisory per list and state). */
function namePendingList(p: CompiledPolicy, d: Decision, list: CompiledList, why: R.Inactivity | 'not-in-zone', zone: string): void {
  const key = `${list.id}\u0000${why}\u0000${why === 'not-in-zone' ? zone : ''}`;
  let advisory = p.pendingLists.get(key);
  if (!advisory) p.pendingLists.set(key, (advisory = R.pendingList(list.list, why, zone)));
  advise(d, advisory);
}

function advise(d: Decision, advisory: Obligation): void {
  if (!(d.advisories ??= []).includes(advisory)) d.advisories.push(advisory);
}

function useList(d: Decision, list: CompiledList, zone: string): void {
  if (d.lists.includes(list)) return;
  d.lists.push(list);
  if (list.zones.has(zone)) d.reportingLists++;
=======
    const r = firstRung(p, p.nationalFrom, p.nationalTo, piPersons, piSensitive, mask, kinds, ciio);
    if (r < 0) d.add(p.nationalBelow, p.nationalBelowRank);
    else d.add(p.rungReason[r]!, p.rungRank[r]!);
  }
  return respond(p, req, d, zone, itemPersons + piPersons, itemSensitive + piSensitive, mask, kinds);
>>>>>>> main
}

function basisOf(p: CompiledPolicy, d: Decision): EvaluationResponse['basis'] {
  const lists = d.lists;
  if (lists !== undefined) return lists.length === 1 ? p.listBasis[lists[0]!]! : { kind: 'list', lists: lists.map((l) => p.lists[l]!.id).sort() };
  return d.usedBaseline ? p.baselineBasis : NO_BASIS;
}

<<<<<<< HEAD
function respond(p: CompiledPolicy, req: EvaluationRequest, d: Decision, persons: number, sensitive: number): EvaluationResponse {
  let pathway: Outcome = 'exempt';
  for (const r of d.reasons) if (rankOf(r.outcome) > RANK[pathway]) pathway = rankOf(r.outcome) === RANK.indeterminate ? 'indeterminate' : r.outcome;
  const obligations: Obligation[] = [];
  if (d.reportingLists > 0) obligations.push(p.reportToRegion.get(req.processor.zone)!);
  if (pathway === 'security-assessment' && p.assessmentValidity) obligations.push(p.assessmentValidity);
  if (d.important) obligations.push(R.CERTIFICATION_UNAVAILABLE);
  if (d.exportControl) obligations.push(R.EXPORT_CONTROL);
  if (d.personalInfo) obligations.push(R.PI_NOTICE_AND_CONSENT, R.PI_IMPACT_ASSESSMENT);
  obligations.push(R.SECURITY_DUTIES);
  const fromRules = d.important ? NONE : importantDataAdvisories(p, persons, sensitive, req);
=======
/** The duties: reporting to the zone's body (Art. 15), an assessment's validity, no certification with important data, security. */
function obligationsOf(p: CompiledPolicy, d: Decision, zone: number): readonly Obligation[] {
  const assessment = d.rank === ASSESSMENT && p.assessmentValidity !== undefined;
  const key = (d.reporting ? zone + 1 : 0) * 4 + (assessment ? 2 : 0) + (d.important ? 1 : 0);
  let obligations = p.obligations[key];
  if (obligations === undefined) {
    const list: Obligation[] = [];
    if (d.reporting) list.push(p.reportToRegion[zone]!);
    if (assessment) list.push(p.assessmentValidity!);
    if (d.important) list.push(R.CERTIFICATION_UNAVAILABLE);
    list.push(R.SECURITY_DUTIES);
    p.obligations[key] = obligations = Object.freeze(list);
  }
  return obligations;
}

function respond(p: CompiledPolicy, req: EvaluationRequest, d: Decision, zone: number, persons: number, sensitive: number, mask: number, kinds: readonly string[]): EvaluationResponse {
  if (d.reasons.length === 0) d.add(R.NOTHING_REGULATED, EXEMPT);
>>>>>>> main
  return {
    version: 1,
    pathway: OUTCOMES[d.rank]!,
    preview: req.preview === true,
    asOf: req.asOf,
    basis: basisOf(p, d),
    reasons: d.reasons,
<<<<<<< HEAD
    obligations,
    advisories: d.advisories ? [...d.advisories, ...fromRules] : fromRules,
=======
    obligations: obligationsOf(p, d, zone),
    advisories: d.important ? NONE : importantDataAdvisories(p, persons, sensitive, mask, kinds, req.processor.ciio),
>>>>>>> main
    policy: p.identity,
  };
}

/**
 * The annex's numeric reference rules that suggest the processor's data may be important data.
 * The rules speak of what an enterprise holds (掌握): the request's holdings when it states
 * them, else the transfer's total volumes, a lower bound (docs/reading-of-the-law.md#holdings).
 * Rules about 广东自贸试验区企业 advise only processors in a zone. Built once per set of rules.
 */
function importantDataAdvisories(p: CompiledPolicy, persons: number, sensitive: number, mask: number, kinds: readonly string[], ciio: boolean): readonly Obligation[] {
  if (persons + sensitive === 0) return NONE;
<<<<<<< HEAD
  const holdings = req.processor.holdings;
  const transferKinds = req.transfer.personalInfo?.sensitiveKinds ?? NO_KINDS;
  const facts: Facts = holdings
    ? { persons: holdings.persons ?? 0, sensitive: holdings.sensitivePersons ?? 0, kinds: holdings.sensitiveKinds ?? transferKinds, ciio: req.processor.ciio }
    : { persons, sensitive, kinds: transferKinds, ciio: req.processor.ciio };
  const inZone = req.processor.zone !== 'outside';
  let key = '';
  for (const r of p.generalRules) if ((inZone || !r.zoneOnly) && r.when.holds(facts)) key = key === '' ? r.id : `${key} ${r.id}`;
  if (key === '') return NONE;
  const figure: R.Figure = holdings ? 'holdings' : 'transfer';
  key = `${figure} ${key}`;
  let advisories = p.advisories.get(key);
  if (!advisories) p.advisories.set(key, (advisories = Object.freeze([R.identifyImportant(key.split(' ').slice(1), figure)])));
=======
  const rules = p.generalRuleIds.length;
  // The set of matching rules as a number while there are few enough rules for one, else their ids.
  let key: number | string = 0;
  for (let r = 0; r < rules; r++) {
    if (!p.generalRules.holds(r, persons, sensitive, mask, kinds, ciio)) continue;
    key = typeof key === 'number' && rules <= 30 ? key | (1 << r) : `${key} ${r}`;
  }
  if (key === 0) return NONE;
  let advisories = p.advisories.get(key);
  if (advisories === undefined) {
    const matched = p.generalRuleIds.filter((_, r) => p.generalRules.holds(r, persons, sensitive, mask, kinds, ciio));
    p.advisories.set(key, (advisories = Object.freeze([R.identifyImportant(matched)])));
  }
>>>>>>> main
  return advisories;
}
