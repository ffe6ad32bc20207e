/**
 * The decision: for a planned transfer, the pathway with its reasons and the articles behind
 * them, in the order of DOMAIN.md §5 (our reading, marked inferred where it goes beyond the
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
import type { EvaluationRequest, EvaluationResponse, Obligation, Reason, RequestItem } from './request.js';

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

  const d = new Decision(t.importantData === true);
  const day = dayNumber(req.asOf);
  const ciio = req.processor.ciio;
  // A zone the policy does not define (a request that skipped validation) is no zone: outside.
  const zone = p.zoneIndex.get(req.processor.zone) ?? p.outside;
  const zones = p.zoneIds.length;
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
    // A CIIO's data is decided by the national rules, whatever state the list is in (step 4).
    if (ciio && !important && personsOf[k]! + sensitiveOf[k]! > 0) continue;
    const why = inactivity(p, l, day, preview);
    if (why !== 0) {
      d.add(itemListInactive(p, i, why, req.asOf), INDETERMINATE);
      (reportedInactive ??= []).push(l);
    } else if (important) {
      d.add(importantReason(p, i), ASSESSMENT);
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
    }
  } else if (piVolume > 0) {
    // 6. Otherwise the national thresholds (Arts 5(4), 7, 8).
    d.usedBaseline = true;
    const r = firstRung(p, p.nationalFrom, p.nationalTo, piPersons, piSensitive, mask, kinds, ciio);
    if (r < 0) d.add(p.nationalBelow, p.nationalBelowRank);
    else d.add(p.rungReason[r]!, p.rungRank[r]!);
  }
  return respond(p, req, d, zone, itemPersons + piPersons, itemSensitive + piSensitive, mask, kinds);
}

function basisOf(p: CompiledPolicy, d: Decision): EvaluationResponse['basis'] {
  const lists = d.lists;
  if (lists !== undefined) return lists.length === 1 ? p.listBasis[lists[0]!]! : { kind: 'list', lists: lists.map((l) => p.lists[l]!.id).sort() };
  return d.usedBaseline ? p.baselineBasis : NO_BASIS;
}

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
  return {
    version: 1,
    pathway: OUTCOMES[d.rank]!,
    preview: req.preview === true,
    asOf: req.asOf,
    basis: basisOf(p, d),
    reasons: d.reasons,
    obligations: obligationsOf(p, d, zone),
    advisories: d.important ? NONE : importantDataAdvisories(p, persons, sensitive, mask, kinds, req.processor.ciio),
    policy: p.identity,
  };
}

/**
 * The annex's numeric reference rules that suggest the transfer's data may be important data,
 * over the transfer's total volumes. The advisory for each set of matching rules is built once.
 */
function importantDataAdvisories(p: CompiledPolicy, persons: number, sensitive: number, mask: number, kinds: readonly string[], ciio: boolean): readonly Obligation[] {
  if (persons + sensitive === 0) return NONE;
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
  return advisories;
}
