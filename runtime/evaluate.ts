/**
 * The decision: for a planned transfer, the pathway with its reasons and the articles behind
 * them, in the order of docs/reading-of-the-law.md#decision-order (our reading, marked inferred
 * and linked to its entry where it goes beyond the texts). Where the policy cannot decide it
 * answers `indeterminate`, never a lighter pathway.
 *
 * The order: 1 not an export → not applicable; then a day before the national rules the policy
 * models took effect → indeterminate, nothing else decided; 2 important data (notified or published, or named
 * by a list that decides) → assessment; unknown items → indeterminate; 3 national exemptions
 * (none for important data; a data-only exemption not with personal information); 4 a CIIO's
 * personal information → assessment; 5 items on the lists of the processor's zone that decide →
 * their ladder, data of a listed sector not on the list → exempt; 6 otherwise — no list, or a
 * list that does not decide (not in force, not for the zone, after the measures' trial) — the
 * national thresholds over those volumes, with an advisory naming each such list. The strictest
 * part decides; its rank is kept as the parts are found. Entries of a request that name one item
 * are one item (volumes summed). Export control (measures Art. 24) and the personal-information
 * duties (PIPL Arts 39, 55–56) come as obligations whatever the pathway.
 *
 * It reads the layout of `compile.ts`; see there why it is made of typed arrays. A decision
 * allocates only its response: the request's transfer is read once, in one pass over its keys
 * (transfer-facts.ts), and what the decision gathers lives in one Decision reset per request.
 */
import {
  ASSESSMENT,
  EXEMPT,
  INDETERMINATE,
  IN_FORCE,
  ITEM_FIELDS,
  ITEM_FLAGS,
  ITEM_LADDER,
  ITEM_LIST,
  ITEM_RUNG,
  IMPORTANT,
  EXPORT_CONTROLLED,
  OUTCOMES,
  REPEALED,
  RUNG_HEADER,
  RUNG_NUMBER,
  RUNG_RANGES,
  RUNG_RANK,
  TREE,
  type CompiledPolicy,
} from './compile.js';
import { kindsMaskOf, rungConditionEnd, rungConditionHolds } from './condition-table.js';
import { dayNumber } from './dates.js';
import * as R from './reasons.js';
import { TransferFacts } from './transfer-facts.js';
import type { EvaluationRequest, EvaluationResponse, Obligation, Reason, RequestItem } from './request.js';

// Shared, frozen parts of responses: a decision allocates only what is its own.
const NONE: readonly Obligation[] = Object.freeze([]);
const NO_BASIS: EvaluationResponse['basis'] = Object.freeze({ kind: 'none' });
const NOT_EXPORT_REASONS: readonly Reason[] = Object.freeze([R.NOT_EXPORT]);
/** The request's transfer, read once per decision (decisions are synchronous and never nest). */
const transfer = new TransferFacts();
const INACTIVITY: readonly (R.Inactivity | undefined)[] = [undefined, 'repealed', 'not-in-force', 'not-yet-in-force', 'expired', 'trial-ended'];
/** Index of `trial-ended` in INACTIVITY. */
const TRIAL_ENDED = 5;
/** A list of the item does not cover the processor's zone (not an INACTIVITY). */
const NOT_IN_ZONE = -1;

/**
 * The request's items, one per id (entries naming the same item combined), in parallel arrays
 * reused from decision to decision: decisions are synchronous and never nest. `itemOf` holds
 * the item's index, -1 for an id no list has.
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
    const i = p.itemIndex[id] ?? -1;
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
    if (i < 0) idOf[m] = id; // read only for ids no list has
    personsOf[m] = persons;
    sensitiveOf[m] = sensitive;
    entriesOf[m] = 1;
    seen?.set(id, m);
    m++;
  }
  return m;
}

/**
 * What the decision has gathered so far, and the request's facts it reads. One instance is reset
 * for each decision (decisions are synchronous and never nest); a response copies out of it only
 * what it keeps (its reasons, and advisories naming lists). Its arrays are scratch: each is used
 * up to its count and never shortened — setting an array's length is a call into V8's runtime,
 * and a shortened array grows its backing store again.
 */
class Decision {
  readonly reasons: Reason[] = [];
  reasonCount = 0;
  /** The strictest rank among the reasons. */
  rank = EXEMPT;
  /** The lists that decided some part (few: a plain array beats a Set). */
  readonly lists: number[] = [];
  listCount = 0;
  /** Some list that decided covers the processor's zone: Art. 15 reporting. */
  reporting = false;
  usedBaseline = false;
  /** Data of export control or technology export (measures Art. 24). */
  exportControl = false;
  /** Volumes the national thresholds decide (no list decides them). */
  nationalPersons = 0;
  nationalSensitive = 0;
  /** Why the national rules decide, when a list exists but does not. */
  ground: R.NationalGround = 'no-list';
  /** Advisories naming lists that do not decide, and items they would name as important. */
  readonly advisories: Obligation[] = [];
  advisoryCount = 0;
  /** Important data is involved: notified, published, or named by a list. */
  important = false;

  /** The request: its date (a day number), the processor's zone and CIIO status, preview. */
  day = 0;
  zone = 0;
  ciio = false;
  preview = false;
  /** The transfer's volumes in all (items and other personal information) and its kinds of sensitive information. */
  persons = 0;
  sensitive = 0;
  mask = 0;
  kinds: readonly string[] = [];

  reset(important: boolean): void {
    this.reasonCount = 0;
    this.rank = EXEMPT;
    this.listCount = 0;
    this.reporting = false;
    this.usedBaseline = false;
    this.exportControl = false;
    this.nationalPersons = 0;
    this.nationalSensitive = 0;
    this.ground = 'no-list';
    this.advisoryCount = 0;
    this.important = important;
  }

  add(reason: Reason, rank: number): void {
    this.reasons[this.reasonCount++] = reason;
    if (rank > this.rank) this.rank = rank;
  }
}

const decision = new Decision();

/**
 * Why list `l` does not decide on `day` (an index into INACTIVITY), or 0 when it does. The
 * measures' trial ends every list (docs/reading-of-the-law.md#trial-period).
 */
function inactivity(p: CompiledPolicy, l: number, day: number, preview: boolean): number {
  if (day >= p.trialUntil) return TRIAL_ENDED;
  const status = p.listStatus[l];
  if (status === REPEALED) return 1;
  if (status !== IN_FORCE && !preview) return 2;
  if (day < p.listFrom[l]!) return 3;
  if (day >= p.listUntil[l]!) return 4;
  return 0;
}

/**
 * Whether list `l` decides on the day `asOf` (YYYY-MM-DD, a calendar day), as decisions read it,
 * and if not why: its status, its period, the measures' trial. Not on any hot path.
 */
export function listState(p: CompiledPolicy, l: number, asOf: string): R.ListState {
  return INACTIVITY[inactivity(p, l, dayNumber(asOf), false)] ?? 'in-force';
}

function useList(p: CompiledPolicy, d: Decision, l: number): void {
  for (let x = 0; x < d.listCount; x++) if (d.lists[x] === l) return;
  d.lists[d.listCount++] = l;
  if (p.listInZone[l * p.zoneIds.length + d.zone] === 1) d.reporting = true;
}

/**
 * The position in `ladders` of the first rung of the ladder at `ladder` that holds — the
 * strictest, rungs being strictest first — or -1 when none does. `firstRungIndex` is the rung index
 * of its first rung (where its trees are kept).
 */
function firstRung(p: CompiledPolicy, ladder: number, firstRungIndex: number, persons: number, sensitive: number, mask: number, kinds: readonly string[], ciio: boolean): number {
  const b = p.ladders;
  let pos = ladder + 1;
  for (let r = b[ladder]!; r > 0; r--) {
    const ranges = b[pos + RUNG_RANGES]!;
    if (ranges === TREE) {
      if (p.rungTree[firstRungIndex + b[pos + RUNG_NUMBER]!]!.holds({ persons, sensitive, kinds, ciio })) return pos;
      pos += RUNG_HEADER;
      continue;
    }
    if (rungConditionHolds(b, pos + RUNG_RANGES, persons, sensitive, mask, ciio ? 1 : 0)) return pos;
    pos = rungConditionEnd(b, pos + RUNG_RANGES);
  }
  return -1;
}

/** The reason of rung `r` (a rung index), a rung of item `i`. */
function rungReason(p: CompiledPolicy, i: number, r: number): Reason {
  let reason = p.rungReason[r];
  if (reason === undefined) {
    const rung = p.rungSource[r]!;
    p.rungReason[r] = reason = R.itemRung(p.itemSource[i]!, rung.pathway, rung.basis);
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
  return p.unknown.get(id) ?? p.unknown.set(id, R.unknownItem(id));
}

/** Counts volumes towards the national thresholds because list state `why` keeps a list from deciding. */
function addNational(d: Decision, why: number, persons: number, sensitive: number): void {
  if (persons + sensitive === 0) return;
  d.nationalPersons += persons;
  d.nationalSensitive += sensitive;
  if (why === TRIAL_ENDED) d.ground = 'trial-ended';
  else if (d.ground === 'no-list') d.ground = 'list-does-not-decide';
}

/** Names list `l`, which does not decide (`why`), in the response's advisories: once per list and state. */
function namePendingList(p: CompiledPolicy, d: Decision, l: number, why: number, zone: number): void {
  // A number for a key: no string is built per request.
  const key = (l * 8 + why) * p.zoneIds.length + (why === NOT_IN_ZONE ? zone : 0);
  let advisory = p.pendingLists.get(key);
  if (advisory === undefined) p.pendingLists.set(key, (advisory = R.pendingList(p.lists[l]!, why === NOT_IN_ZONE ? 'not-in-zone' : INACTIVITY[why]!, p.zoneIds[zone]!)));
  advise(d, advisory);
}

function advise(d: Decision, advisory: Obligation): void {
  for (let x = 0; x < d.advisoryCount; x++) if (d.advisories[x] === advisory) return;
  d.advisories[d.advisoryCount++] = advisory;
}

function pendingImportant(p: CompiledPolicy, i: number): Obligation {
  return p.itemPendingImportant[i] ?? (p.itemPendingImportant[i] = R.pendingImportantItem(p.itemSource[i]!));
}

/**
 * Decides a request that already conforms to the request schema. Use `Policy.evaluate` for
 * untrusted input: it validates first. Responses share their frozen parts (reasons,
 * obligations, basis) with other responses: treat them as read-only.
 */
export function decide(p: CompiledPolicy, req: EvaluationRequest): EvaluationResponse {
  const t = transfer;
  t.read(req.transfer);
  const preview = req.preview === true;
  if (!t.isExport) {
    return { version: 1, pathway: 'not-applicable', preview, asOf: req.asOf, basis: NO_BASIS, reasons: NOT_EXPORT_REASONS, obligations: NONE, advisories: NONE, policy: p.identity };
  }
  const d = decision;
  d.reset(t.importantData);
  d.day = dayNumber(req.asOf);
  d.zone = zoneOf(p, req.processor.zone);
  d.ciio = req.processor.ciio;
  d.preview = preview;
  d.kinds = t.kinds;
  d.mask = t.kinds.length === 0 ? 0 : kindsMaskOf(t.kinds, p.kindBits);
  weigh(p, d, t);
  return respond(p, req, d);
}

/**
 * Steps 2–6 of the decision order: the reasons of each part of the transfer, into `d`. One
 * function the decision calls once, so the response is built in one place of code.
 */
function weigh(p: CompiledPolicy, d: Decision, t: TransferFacts): void {
  const namedSector = t.sector === undefined ? -1 : (p.sectorIndex.get(t.sector) ?? -1);
  d.exportControl = t.exportControl || (namedSector >= 0 && p.sectorExportControl[namedSector] === 1);
  const { day, zone, ciio, preview, mask, kinds } = d;
  const zones = p.zoneIds.length;
  const piPersons = t.persons;
  const piSensitive = t.sensitive;
  const m = gather(p, t.items);
  let itemPersons = 0;
  let itemSensitive = 0;
  for (let k = 0; k < m; k++) {
    itemPersons += personsOf[k]!;
    itemSensitive += sensitiveOf[k]!;
  }
  d.persons = itemPersons + piPersons;
  d.sensitive = itemSensitive + piSensitive;
  const piVolume = piPersons + piSensitive;
  const hasPersonalInfo = piVolume + itemPersons + itemSensitive > 0;

  // Before the national rules the policy models were in force, other rules applied: no part can be decided.
  if (day < p.nationalRulesFrom) {
    d.add(p.beforeNationalRules!, INDETERMINATE);
    return;
  }

  // 2. Important data: notified or published (the request says so), or named by a usable list.
  if (d.important) {
    d.add(p.importantData, p.importantDataRank);
    d.usedBaseline = true;
  }
  let reportedInactive: number[] | undefined;
  let pending = 0;
  let sectorOfItems = -1;
  let itemSectors = 0;
  const items = p.items;
  for (let k = 0; k < m; k++) {
    const i = itemOf[k]!;
    if (i < 0) {
      d.add(unknownItem(p, idOf[k]!), INDETERMINATE);
      continue;
    }
    const l = items[i * ITEM_FIELDS + ITEM_LIST]!;
    const flags = items[i * ITEM_FIELDS + ITEM_FLAGS]!;
    const important = (flags & IMPORTANT) !== 0;
    const sector = p.listSector[l]!;
    if (sector !== sectorOfItems) {
      itemSectors++;
      sectorOfItems = sector;
    }
    if ((flags & EXPORT_CONTROLLED) !== 0) d.exportControl = true;
    // A CIIO's data is decided by the national rules, whatever state the list is in (step 4).
    if (ciio && !important && personsOf[k]! + sensitiveOf[k]! > 0) continue;
    const why = inactivity(p, l, day, preview);
    if (why !== 0) {
      // The list has no effect: the national rules decide the item's data (step 6), and the
      // response names the list; what it would name as important has no effect either.
      addNational(d, why, personsOf[k]!, sensitiveOf[k]!);
      namePendingList(p, d, l, why, zone);
      if (important) advise(d, pendingImportant(p, i));
      (reportedInactive ??= []).push(l);
    } else if (important) {
      d.add(importantReason(p, i), ASSESSMENT);
      d.important = true;
      useList(p, d, l);
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
      return;
    }
  }

  // 4. A CIIO providing personal information: assessment; lists do not apply to CIIOs.
  if (ciio) {
    if (hasPersonalInfo) {
      d.add(p.ciio, p.ciioRank);
      d.usedBaseline = true;
    }
    return;
  }

  // 5. Items of lists in force (or previewed): each takes its list's ladder in the processor's zone.
  for (let q = 0; q < pending; q++) {
    const k = pendingOf[q]!;
    const i = itemOf[k]!;
    const l = items[i * ITEM_FIELDS + ITEM_LIST]!;
    if (p.listInZone[l * zones + zone] !== 1) {
      // A list that does not cover the processor's zone does not decide for it: national rules.
      addNational(d, NOT_IN_ZONE, personsOf[k]!, sensitiveOf[k]!);
      namePendingList(p, d, l, NOT_IN_ZONE, zone);
      continue;
    }
    const rungs = items[i * ITEM_FIELDS + ITEM_RUNG]!;
    const pos = firstRung(p, items[i * ITEM_FIELDS + ITEM_LADDER]!, rungs, personsOf[k]!, sensitiveOf[k]!, mask, kinds, ciio);
    const reason = pos < 0 ? belowReason(p, i) : rungReason(p, i, rungs + p.ladders[pos + RUNG_NUMBER]!);
    const rank = pos < 0 ? EXEMPT : p.ladders[pos + RUNG_RANK]!;
    d.add(reason, rank);
    if (entriesOf[k]! > 1) d.add(R.itemEntriesCombined(p.itemSource[i]!, entriesOf[k]!, personsOf[k]!, sensitiveOf[k]!, reason.outcome), rank);
    useList(p, d, l);
  }

  // A zone's processor in a sector that has lists: data not on the list is exempt (Art. 13).
  const sector = t.sector !== undefined ? namedSector : itemSectors === 1 ? sectorOfItems : -1;
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
      // The sector's lists for this zone do not decide: the national rules do, naming them.
      for (let x = 0; x < inZone.length; x++) if (!reportedInactive?.includes(inZone[x]!)) namePendingList(p, d, inZone[x]!, inactivity(p, inZone[x]!, day, preview), zone);
      addNational(d, inactivity(p, inZone[0]!, day, preview), piPersons, piSensitive);
    } else if (piVolume > 0 || m === 0) {
      d.add(p.listNotOnList[active]!, EXEMPT);
      useList(p, d, active);
    }
  } else {
    // No list covers the sector here (measures Art. 14).
    d.nationalPersons += piPersons;
    d.nationalSensitive += piSensitive;
  }
  // 6. The national thresholds (Arts 5(4), 7, 8) over the parts no list decides.
  if (d.nationalPersons + d.nationalSensitive > 0) {
    d.usedBaseline = true;
    const pos = firstRung(p, p.national, p.nationalFrom, d.nationalPersons, d.nationalSensitive, mask, kinds, ciio);
    if (pos < 0) d.add(p.nationalBelow[d.ground], p.nationalBelowRank);
    else d.add(p.nationalReason[d.ground][p.ladders[pos + RUNG_NUMBER]!]!, p.ladders[pos + RUNG_RANK]!);
  }
}

/**
 * The index of zone `id`. A zone the policy does not define (a request that skipped validation)
 * is no zone: outside. A policy has a handful of zones, and comparing names costs less than
 * hashing one: the names of a request parsed from JSON are new strings whose hash is not yet known.
 */
function zoneOf(p: CompiledPolicy, id: string): number {
  const ids = p.zoneIds;
  for (let z = 0; z < p.outside; z++) if (ids[z] === id) return z;
  return p.outside;
}

function basisOf(p: CompiledPolicy, d: Decision): EvaluationResponse['basis'] {
  const n = d.listCount;
  if (n > 0) return n === 1 ? p.listBasis[d.lists[0]!]! : { kind: 'list', lists: d.lists.slice(0, n).map((l) => p.lists[l]!.id).sort() };
  return d.usedBaseline ? p.baselineBasis : NO_BASIS;
}

/**
 * The duties: reporting to the zone's body (Art. 15), an assessment's validity, no certification
 * with important data, export control (Art. 24), the personal-information duties of PIPL Arts 39
 * and 55–56 (no pathway removes them), security (Art. 16).
 */
function obligationsOf(p: CompiledPolicy, d: Decision, personalInfo: boolean): readonly Obligation[] {
  const zone = d.zone;
  const assessment = d.rank === ASSESSMENT && p.assessmentValidity !== undefined;
  const key = (((d.reporting ? zone + 1 : 0) * 4 + (assessment ? 2 : 0) + (d.important ? 1 : 0)) * 2 + (d.exportControl ? 1 : 0)) * 2 + (personalInfo ? 1 : 0);
  let obligations = p.obligations[key];
  if (obligations === undefined) {
    const list: Obligation[] = [];
    if (d.reporting) list.push(p.reportToRegion[zone]!);
    if (assessment) list.push(p.assessmentValidity!);
    if (d.important) list.push(R.CERTIFICATION_UNAVAILABLE);
    if (d.exportControl) list.push(R.EXPORT_CONTROL);
    if (personalInfo) list.push(R.PI_NOTICE_AND_CONSENT, R.PI_IMPACT_ASSESSMENT);
    list.push(R.SECURITY_DUTIES);
    p.obligations[key] = obligations = Object.freeze(list);
  }
  return obligations;
}

/**
 * The first `n` elements of `xs` as a new array. A response has one to three reasons nearly
 * always, and an array literal is allocated inline where `slice` is a call into a builtin.
 */
function copyOf<T>(xs: readonly T[], n: number): T[] {
  switch (n) {
    case 1:
      return [xs[0]!];
    case 2:
      return [xs[0]!, xs[1]!];
    case 3:
      return [xs[0]!, xs[1]!, xs[2]!];
    default:
      return xs.slice(0, n);
  }
}

/** The response: the decision's reasons and advisories copied out, its shared parts picked. */
function respond(p: CompiledPolicy, req: EvaluationRequest, d: Decision): EvaluationResponse {
  if (d.reasonCount === 0) d.add(R.NOTHING_REGULATED, EXEMPT);
  const persons = d.persons;
  const sensitive = d.sensitive;
  // The annex's rules are the measures' (of the trial): no advice from them on a day before the national rules either.
  const fromRules = d.important || persons + sensitive === 0 || d.day < p.nationalRulesFrom ? NONE : importantDataAdvisories(p, d, req.processor.holdings);
  return {
    version: 1,
    pathway: OUTCOMES[d.rank]!,
    preview: d.preview,
    asOf: req.asOf,
    basis: basisOf(p, d),
    reasons: copyOf(d.reasons, d.reasonCount),
    obligations: obligationsOf(p, d, persons + sensitive > 0),
    advisories: d.advisoryCount > 0 ? [...copyOf(d.advisories, d.advisoryCount), ...fromRules] : fromRules,
    policy: p.identity,
  };
}

/** Whether general rule `r` of the annex holds (the zone-only rules only for processors in a zone). */
function ruleApplies(p: CompiledPolicy, r: number, inZone: boolean, persons: number, sensitive: number, mask: number, kinds: readonly string[], ciio: boolean): boolean {
  return (inZone || p.generalRuleZoneOnly[r] === 0) && p.generalRules.holds(r, persons, sensitive, mask, kinds, ciio);
}

/**
 * The annex's numeric reference rules that suggest the processor's data may be important data.
 * The rules speak of what an enterprise holds (掌握): the request's holdings when it states
 * them, else the transfer's total volumes, a lower bound (docs/reading-of-the-law.md#holdings).
 * Rules about 广东自贸试验区企业 advise only processors in a zone. Built once per set of rules.
 */
function importantDataAdvisories(p: CompiledPolicy, d: Decision, holdings: EvaluationRequest['processor']['holdings']): readonly Obligation[] {
  const persons = holdings === undefined ? d.persons : (holdings.persons ?? 0);
  const sensitive = holdings === undefined ? d.sensitive : (holdings.sensitivePersons ?? 0);
  const floor = p.generalRules.floor;
  if (persons < floor && sensitive < floor) return NONE;
  const inZone = d.zone !== p.outside;
  const ciio = d.ciio;
  let kinds = d.kinds;
  let mask = d.mask;
  if (holdings?.sensitiveKinds !== undefined) {
    kinds = holdings.sensitiveKinds;
    mask = kinds.length === 0 ? 0 : kindsMaskOf(kinds, p.kindBits);
  }
  const rules = p.generalRuleIds.length;
  // The set of matching rules as a number while there are few enough rules for one, else their ids.
  let key: number | string = 0;
  let matches = 0;
  for (let r = 0; r < rules; r++) {
    if (!ruleApplies(p, r, inZone, persons, sensitive, mask, kinds, ciio)) continue;
    matches++;
    key = typeof key === 'number' && rules <= 29 ? key | (1 << r) : `${key} ${r}`;
  }
  if (matches === 0) return NONE;
  // The figure used is part of the advisory: holdings or the transfer's volumes.
  key = typeof key === 'number' ? key * 2 + (holdings ? 1 : 0) : `${key} ${holdings ? 'holdings' : 'transfer'}`;
  let advisories = p.advisories.get(key);
  if (advisories === undefined) {
    const ids = p.generalRuleIds.filter((_, r) => ruleApplies(p, r, inZone, persons, sensitive, mask, kinds, ciio));
    p.advisories.set(key, (advisories = Object.freeze([R.identifyImportant(ids, holdings ? 'holdings' : 'transfer')])));
  }
  return advisories;
}
