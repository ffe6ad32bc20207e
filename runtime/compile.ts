/**
 * A verified policy laid out for decisions. A decision over a list of 100,000 items touches a
 * handful of them, and what made it slow was memory, not logic: an object per item, a tree per
 * condition, strings compared per list. So item ids are interned (id → offset), the per-item
 * facts a decision reads and its ladder's conditions sit in one Float64Array, kinds of sensitive
 * information are bits, dates are integers, lists are precomputed per sector and zone, and the
 * reasons — text meant for people — are built on first use, not at load.
 *
 * What a decision reads about an item is four integers of `items` — its list, its flags, where its
 * ladder starts in `ladders` and the index of its first rung — and its ladder, a block of one
 * Float64Array (`ladders`):
 *
 *   ladder:  rung count · rung…
 *   rung:    rank · rung number (0 for the strictest) · range count (TREE: a condition kept as a
 *            tree) · box count · ranges (measure, min, max) · boxes (BOX numbers each)
 *
 * rungs strictest first, so the first rung that holds is the strictest that holds. A rung holds
 * where one of its ranges or boxes does (condition-table.ts): nearly every rung of a list is a
 * volume range or an `any` of them, three numbers a range. Items with the same thresholds share
 * one ladder block (a list's items mostly repeat a few ladders): the generated policy of 100,000
 * items has 0.8 MB of ladders where a block per item made 13 MB, so an item costs the lookup of
 * its id, one line of `items` and a ladder that is mostly in cache. The national ladder is a
 * block too.
 */
import type { Exemption, ListItem, NegativeList, PolicyArtifact, Rung } from './artifact.js';
import { appendRungCondition, ConditionTable, kindBitsOf } from './condition-table.js';
import { Predicate } from './conditions.js';
import { dayNumber } from './dates.js';
import { PolicyLoadError } from './errors.js';
import * as R from './reasons.js';
import type { EvaluationResponse, Obligation, Outcome, Reason } from './request.js';
import { OUTSIDE_ZONE } from './request.js';

/** Outcomes from lightest to strictest: the strictest part decides, and `indeterminate` dominates. */
export const OUTCOMES: readonly Outcome[] = Object.freeze(['not-applicable', 'exempt', 'standard-contract-or-certification', 'security-assessment', 'indeterminate']);
export const EXEMPT = 1;
export const ASSESSMENT = 3;
export const INDETERMINATE = 4;
const RANKS: ReadonlyMap<string, number> = new Map(OUTCOMES.map((o, rank) => [o, rank]));

/** The rank of an outcome; one the runtime does not know ranks as `indeterminate` (fail closed). */
export function rankOf(outcome: string): number {
  return RANKS.get(outcome) ?? INDETERMINATE;
}

/** List statuses as a decision reads them. */
export const IN_FORCE = 0;
export const REPEALED = 1;
export const UNADOPTED = 2;
/** `until` of a list in force without end. */
const OPEN_ENDED = 99_999_999;

/**
 * The annex subcategories whose data measures Art. 24 sends to export-control law: S38
 * 禁止出口限制出口技术 and S39 属于出口管制法管制的相关数据 (docs/reading-of-the-law.md#export-control).
 */
export const EXPORT_CONTROL_SUBCATEGORIES: ReadonlySet<string> = new Set(['S38', 'S39']);

/** How the annex's rules 2, 4 and 5 name their subject: enterprises of the zones only. */
const ZONE_ENTERPRISE = '广东自贸试验区企业';

const GROUNDS: readonly R.NationalGround[] = ['no-list', 'list-does-not-decide', 'trial-ended'];

function byGround<T>(make: (g: R.NationalGround) => T): Record<R.NationalGround, T> {
  return Object.fromEntries(GROUNDS.map((g) => [g, make(g)])) as Record<R.NationalGround, T>;
}

/** Fields of an item in `items`, ITEM_FIELDS integers from `ITEM_FIELDS * index`. */
export const ITEM_LIST = 0;
export const ITEM_FLAGS = 1;
/** Where the item's ladder starts in `ladders`. */
export const ITEM_LADDER = 2;
/** The rung index (into `rungSource`) of the item's first rung: a rung's number in its ladder is added to it. */
export const ITEM_RUNG = 3;
export const ITEM_FIELDS = 4;
/** Bits of an item's flags: the list names the item as important data; its data category is export control's (measures Art. 24: annex S38, S39). */
export const IMPORTANT = 1;
export const EXPORT_CONTROLLED = 2;
/** Fields of a rung in `ladders`, relative to its position; a ladder's first rung is at its offset + 1. */
export const RUNG_RANK = 0;
export const RUNG_NUMBER = 1;
/** Where the rung's condition starts: its range count (TREE for a tree), box count, ranges, boxes. */
export const RUNG_RANGES = 2;
export const RUNG_HEADER = 4;
/** RUNG_RANGES of a rung whose condition is kept as a tree (`rungTree`). */
export const TREE = -1;

/** An exemption with the three reasons a claim of it can give. */
export interface CompiledExemption {
  readonly granted: Reason;
  readonly contradicted: Reason;
  readonly notForImportant: Reason;
  readonly scope: Exemption['scope'];
}

export interface CompiledPolicy {
  /**
   * Item id → its index: an object without prototype, not a Map. An id is looked up once per
   * item per decision, and V8 finds a string key of an object through its string table (one
   * hash, cached in the string) faster than a Map's hash chain: about half the time at 10,000
   * items and a third at 100,000 (bench/evaluate.ts), and faster than a hash table of typed arrays
   * hashing the id's characters itself (0.74–0.81× the decisions, bench/runtime-ab.ts). Ids match
   * the schema's id pattern (a letter first), so none is an array index or collides with a
   * prototype's name.
   */
  readonly itemIndex: Readonly<Record<string, number>>;
  /** By item: ITEM_FIELDS integers (list, flags, ladder, first rung). */
  readonly items: Int32Array;
  /** The ladders, shared by the items with the same thresholds, then the national one. */
  readonly ladders: Float64Array;
  /** The national ladder's offset in `ladders`. */
  readonly national: number;
  readonly itemSource: readonly ListItem[];
  readonly itemImportant: (Reason | undefined)[];
  readonly itemBelow: (Reason | undefined)[];
  /** By rung index: the rung, its reason (built on first use), its tree. */
  readonly rungSource: readonly Rung[];
  readonly rungReason: (Reason | undefined)[];
  /** The rung index of the national ladder's first rung. */
  readonly nationalFrom: number;
  /** The national rungs' reasons by the ground the national rules decide on: [ground][r - nationalFrom]. */
  readonly nationalReason: Readonly<Record<R.NationalGround, readonly Reason[]>>;
  /** The advisory when a list that does not decide would name the item as important data. */
  readonly itemPendingImportant: (Obligation | undefined)[];
  /** The first day after the measures' trial, as a day number: no list has effect from then on. */
  readonly trialUntil: number;
  /** The first day the national rules are in force, as a day number (0 when the baseline names none). */
  readonly nationalRulesFrom: number;
  /** The reason of an export before that day: the policy does not model the law then. */
  readonly beforeNationalRules: Reason | undefined;
  readonly rungTree: readonly (Predicate | undefined)[];
  readonly kindBits: ReadonlyMap<string, number>;

  readonly lists: readonly NegativeList[];
  readonly listStatus: Uint8Array;
  readonly listFrom: Int32Array;
  readonly listUntil: Int32Array;
  readonly listSector: Int32Array;
  /** [list * zoneCount + zone]: 1 when the list covers the zone. */
  readonly listInZone: Uint8Array;
  readonly listNotOnList: readonly Reason[];
  readonly listBasis: readonly EvaluationResponse['basis'][];

  /** The policy's zones, then `outside` (which no list covers). */
  readonly zoneIndex: ReadonlyMap<string, number>;
  readonly zoneIds: readonly string[];
  readonly outside: number;
  /**
   * Sector (annex subcategory) → index: the sectors of lists, then the export-control ones
   * (S38, S39) that have none, so a request's sector is looked up once for both questions.
   */
  readonly sectorIndex: ReadonlyMap<string, number>;
  /** By sector index: 1 for data of export control (measures Art. 24). */
  readonly sectorExportControl: Uint8Array;
  /** [sector * zoneCount + zone]: the lists of the sector that cover the zone, in policy order. */
  readonly sectorZoneLists: readonly (Int32Array | undefined)[];
  readonly reportToRegion: readonly Obligation[];

  readonly exemptions: ReadonlyMap<string, CompiledExemption>;
  readonly nationalBelow: Readonly<Record<R.NationalGround, Reason>>;
  readonly nationalBelowRank: number;
  readonly importantData: Reason;
  readonly importantDataRank: number;
  readonly ciio: Reason;
  readonly ciioRank: number;
  readonly assessmentValidity?: Obligation;
  /** The annex's numeric rules suggesting important data: their conditions and ids. */
  readonly generalRules: ConditionTable;
  readonly generalRuleIds: readonly string[];
  /** 1 when the rule speaks of 广东自贸试验区企业: it advises processors in a zone only. */
  readonly generalRuleZoneOnly: Uint8Array;
  /** Advisories naming a list that does not decide, by list, state and zone, built on first use. */
  readonly pendingLists: Map<number, Obligation>;

  /** The `policy` field of every response (shared, frozen). */
  readonly identity: EvaluationResponse['policy'];
  readonly baselineBasis: EvaluationResponse['basis'];
  /** Advisories by the set of general rules that matched, built on first use. */
  readonly advisories: Map<string | number, readonly Obligation[]>;
  /** Obligations by (reporting zone, assessment, important, export control, personal information), built on first use. */
  readonly obligations: (readonly Obligation[] | undefined)[];
  /** Reasons for ids no list has, by id, kept while they repeat. */
  readonly unknown: Memo<Reason>;
}

/** A memo that forgets everything when full: decisions repeat, and junk input must not grow it. */
export class Memo<V> {
  private readonly map = new Map<string | number, V>();
  constructor(private readonly limit: number) {}

  get(key: string | number): V | undefined {
    return this.map.get(key);
  }

  set(key: string | number, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

/** Rungs ordered strictest first (stable), so the first rung that holds is the strictest that holds. */
function strictestFirst(rungs: readonly Rung[]): readonly Rung[] {
  for (let r = 1; r < rungs.length; r++) {
    if (rankOf(rungs[r]!.pathway) > rankOf(rungs[r - 1]!.pathway)) return [...rungs].sort((a, b) => rankOf(b.pathway) - rankOf(a.pathway));
  }
  return rungs; // as the compiler writes them: no copy
}

function statusOf(list: NegativeList): number {
  return list.status === 'in-force' ? IN_FORCE : list.status === 'repealed' ? REPEALED : UNADOPTED;
}

/** Prepares a verified policy for decisions. Throws PolicyLoadError when two items share an id. */
export function compilePolicy(policy: PolicyArtifact, digest: string): CompiledPolicy {
  const b = policy.baseline;
  const zoneIds = [...policy.zones.map((z) => z.id), OUTSIDE_ZONE];
  const zoneIndex = new Map(zoneIds.map((z, i) => [z, i]));
  const zoneCount = zoneIds.length;
  const outside = zoneCount - 1;

  const lists = policy.lists;
  const listStatus = new Uint8Array(lists.length);
  const listFrom = new Int32Array(lists.length);
  const listUntil = new Int32Array(lists.length);
  const listSector = new Int32Array(lists.length);
  const listInZone = new Uint8Array(lists.length * zoneCount);
  const sectorIndex = new Map<string, number>();
  const sectorZone: number[][] = [];
  lists.forEach((list, l) => {
    listStatus[l] = statusOf(list);
    listFrom[l] = dayNumber(list.effective.from);
    listUntil[l] = list.effective.until === undefined ? OPEN_ENDED : dayNumber(list.effective.until);
    let s = sectorIndex.get(list.sector);
    if (s === undefined) sectorIndex.set(list.sector, (s = sectorIndex.size));
    listSector[l] = s;
    for (const zone of list.zones) {
      const z = zoneIndex.get(zone);
      if (z === undefined || z === outside) continue; // a zone the policy does not define covers no processor
      if (listInZone[l * zoneCount + z]) continue;
      listInZone[l * zoneCount + z] = 1;
      (sectorZone[s * zoneCount + z] ??= []).push(l);
    }
  });
  for (const code of EXPORT_CONTROL_SUBCATEGORIES) if (!sectorIndex.has(code)) sectorIndex.set(code, sectorIndex.size);
  const sectorExportControl = Uint8Array.from(sectorIndex.keys(), (code) => (EXPORT_CONTROL_SUBCATEGORIES.has(code) ? 1 : 0));
  const sectorZoneLists = Array.from({ length: sectorIndex.size * zoneCount }, (_, k) => (sectorZone[k] ? Int32Array.from(sectorZone[k]) : undefined));

  // The kinds that get bits: the annex's, and any a condition names.
  const rules = policy.annex.generalRules.rules.filter((r) => r.when !== undefined);
  const kinds = new Set(policy.annex.sensitiveKinds.map((k) => k.code));
  for (const rule of rules) kindsIn(rule.when!, kinds);
  for (const rung of b.ladder) kindsIn(rung.when, kinds);
  for (const list of lists) for (const scenario of list.scenarios) for (const item of scenario.items) for (const rung of item.ladder) kindsIn(rung.when, kinds);
  const kindBits = kindBitsOf(kinds);

  // The ladders (one block for each distinct one), the items, then the national ladder.
  const itemIndex = Object.create(null) as Record<string, number>;
  const itemSource: ListItem[] = [];
  const items: number[] = [];
  const rungSource: Rung[] = [];
  const rungTree: (Predicate | undefined)[] = [];
  const out: number[] = [];
  const shared = new Map<string, number>();
  /** Appends the rungs of `ladder` as a block, or finds the same block: its offset. */
  const block = (ladder: readonly Rung[]): number => {
    const at = out.length;
    const rungs = strictestFirst(ladder);
    let trees = false;
    out.push(rungs.length);
    rungs.forEach((rung, n) => {
      rungSource.push(rung);
      out.push(rankOf(rung.pathway), n);
      const flat = appendRungCondition(out, rung.when, kindBits);
      if (!flat) out.push(TREE, 0);
      trees ||= !flat;
      rungTree.push(flat ? undefined : Predicate.of(rung.when));
    });
    if (trees) return at; // its trees are its own (`rungTree` by rung index)
    const key = out.slice(at).join(' ');
    const same = shared.get(key);
    if (same === undefined) shared.set(key, at);
    else out.length = at;
    return same ?? at;
  };
  // An item of a first-level category that holds an export-control subcategory (C12 holds S38)
  // may be that data: it gets the duty too (fail closed). With only S38 and S39 named, an item
  // of category C12 lost it.
  const exportControlCategories = new Set(EXPORT_CONTROL_SUBCATEGORIES);
  for (const c of policy.annex.categories) if (c.subcategories.some((s) => EXPORT_CONTROL_SUBCATEGORIES.has(s.code))) exportControlCategories.add(c.code);
  lists.forEach((list, l) => {
    for (const scenario of list.scenarios) {
      for (const item of scenario.items) {
        if (itemIndex[item.id] !== undefined) throw new PolicyLoadError(`two list items have the id ${item.id}`, 'duplicate-id');
        itemIndex[item.id] = itemSource.length;
        itemSource.push(item);
        const firstRung = rungSource.length;
        items.push(l, (item.important === true ? IMPORTANT : 0) | (exportControlCategories.has(item.category) ? EXPORT_CONTROLLED : 0), block(item.ladder), firstRung);
      }
    }
  });
  const nationalFrom = rungSource.length;
  const national = block(b.ladder);
  const itemCount = itemSource.length;
  const rungReason: (Reason | undefined)[] = new Array(rungSource.length).fill(undefined);
  const nationalRungs = rungSource.slice(nationalFrom);

  return {
    itemIndex,
    items: Int32Array.from(items),
    ladders: Float64Array.from(out),
    national,
    itemSource,
    itemImportant: new Array(itemCount).fill(undefined),
    itemBelow: new Array(itemCount).fill(undefined),
    rungSource,
    rungReason,
    nationalFrom,
    nationalReason: byGround((g) => nationalRungs.map((r) => R.nationalRung(r.pathway, r.basis, g))),
    itemPendingImportant: new Array(itemCount).fill(undefined),
    trialUntil: policy.trial ? dayNumber(policy.trial.until) : OPEN_ENDED,
    nationalRulesFrom: b.effective ? dayNumber(b.effective.from) : 0,
    beforeNationalRules: b.effective ? R.beforeNationalRules(b.title, b.effective.from, b.effective.basis) : undefined,
    rungTree,
    kindBits,
    lists,
    listStatus,
    listFrom,
    listUntil,
    listSector,
    listInZone,
    listNotOnList: lists.map((l) => R.notOnList(l)),
    listBasis: lists.map((l) => Object.freeze({ kind: 'list', lists: Object.freeze([l.id]) }) as EvaluationResponse['basis']),
    zoneIndex,
    zoneIds,
    outside,
    sectorIndex,
    sectorExportControl,
    sectorZoneLists,
    reportToRegion: zoneIds.map((id) => R.reportToRegion(policy.zones.find((z) => z.id === id))),
    exemptions: new Map(b.exemptions.map((e) => [e.code, { granted: R.exemption(e), contradicted: R.exemptionContradicted(e), notForImportant: R.exemptionNotForImportant(e, b.important?.basis ?? []), scope: e.scope }])),
    nationalBelow: byGround((g) => R.nationalBelow(b.below.pathway, b.below.basis, g)),
    nationalBelowRank: rankOf(b.below.pathway),
    // Without a baseline provision for them, important data and a CIIO's personal information
    // cannot be decided: fail closed.
    importantData: b.important ? R.importantData(b.important.pathway, [...b.important.basis, 'measures.art7', 'measures.art10']) : R.undecided('important-data'),
    importantDataRank: b.important ? rankOf(b.important.pathway) : INDETERMINATE,
    ciio: b.ciio ? R.ciioPersonalInfo(b.ciio.pathway, [...b.ciio.basis, 'measures.art10']) : R.undecided('ciio-personal-info'),
    ciioRank: b.ciio ? rankOf(b.ciio.pathway) : INDETERMINATE,
    ...(b.validity ? { assessmentValidity: R.assessmentValidity(b.validity.years, b.validity.basis) } : {}),
    generalRules: ConditionTable.of(rules.map((r) => r.when!), kindBits),
    generalRuleIds: rules.map((r) => r.id),
    generalRuleZoneOnly: Uint8Array.from(rules, (r) => (r.text.startsWith(ZONE_ENTERPRISE) ? 1 : 0)),
    pendingLists: new Map(),
    identity: Object.freeze({ version: policy.policyVersion, digest }),
    baselineBasis: Object.freeze({ kind: 'baseline', id: b.id }),
    advisories: new Map(),
    obligations: [],
    unknown: new Memo(4096),
  };
}

/** Adds the kinds a condition names to `out`. */
function kindsIn(c: Rung['when'], out: Set<string>): void {
  if ('measure' in c) return;
  if ('any' in c) for (const term of c.any) kindsIn(term, out);
  else if ('all' in c) for (const term of c.all) kindsIn(term, out);
  else if ('kindsAny' in c) for (const k of c.kindsAny) out.add(k);
}
