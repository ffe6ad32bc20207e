/**
 * A deliberately plain reference model of the decision order (docs/reading-of-the-law.md#decision-order), for
 * differential testing against `runtime/evaluate.ts` (Cedar-style): the two are written
 * separately, and `test/differential.test.ts` runs both over generated requests.
 *
 * Plain on purpose: no indexes, no precompiled predicates, no code shared with `runtime/`
 * (only the artifact and request TYPES are imported). Conditions are read straight from the
 * artifact's JSON by one recursive function; items and lists are found by walking the artifact.
 * Slow and obvious beats fast and clever here.
 *
 * Where the reading of the law leaves a detail open, this model takes the runtime's documented reading
 * (fail closed: `indeterminate` where the policy cannot decide). Where the runtime reads the
 * texts in a way that looks wrong, this model does NOT copy it; each such place is marked
 * "READING DIFFERS FROM THE RUNTIME" and the differential test names it as a known runtime bug.
 *
 * The decision order: 1 not an export → not applicable; 2 important data (notified or
 * published, or named by a list that decides) → assessment; unknown items → indeterminate;
 * 3 national exemptions (none for important data; Art. 3 not with personal information); 4 CIIO
 * with personal information → assessment; 5 items on the processor's zone's lists that decide →
 * their ladder, data of a listed sector not on the list → exempt; 6 otherwise — no list, or a
 * list that does not decide (not in force, not for the zone, after the measures' trial) — the
 * national thresholds over those volumes, with an advisory naming each such list. The strictest
 * part decides. Duties: export control (S38/S39 or flagged), personal-information duties.
 */
import type { Condition, ListItem, NegativeList, PathwayId, PolicyArtifact, Rung } from '../../runtime/artifact.js';
import type { EvaluationRequest, Outcome } from '../../runtime/request.js';

/** One part of a transfer: what it gives and which reason code says so. */
export interface ReferencePart {
  readonly code: string;
  readonly outcome: Outcome;
}

export type ReferenceBasis = { readonly kind: 'list'; readonly lists: readonly string[] } | { readonly kind: 'baseline' } | { readonly kind: 'none' };

export interface ReferenceAnswer {
  readonly pathway: Outcome;
  /** Reason codes of every part, sorted (the order of reasons is not compared). */
  readonly codes: readonly string[];
  readonly basis: ReferenceBasis;
  /** Obligation codes, in the order the response lists them. */
  readonly obligations: readonly string[];
  /** Advisory codes with the general rules they rest on (`identify-important-data:annex.rule2`). */
  readonly advisories: readonly string[];
}

/** From lightest to strictest; `indeterminate` is the strictest so nothing undecidable looks lighter. */
const ORDER: readonly Outcome[] = ['not-applicable', 'exempt', 'standard-contract-or-certification', 'security-assessment', 'indeterminate'];

export function strictness(o: Outcome): number {
  return ORDER.indexOf(o);
}

/** What a condition looks at. */
interface Volumes {
  readonly persons: number;
  readonly sensitive: number;
  readonly kinds: readonly string[];
  readonly ciio: boolean;
}

/** A condition of the artifact, read directly. Volumes are half-open: min included, max excluded. */
export function conditionHolds(c: Condition, v: Volumes): boolean {
  if ('any' in c) {
    for (const sub of c.any) {
      if (conditionHolds(sub, v)) return true;
    }
    return false;
  }
  if ('all' in c) {
    for (const sub of c.all) {
      if (!conditionHolds(sub, v)) return false;
    }
    return true;
  }
  if ('measure' in c) {
    let value: number;
    if (c.measure === 'persons') value = v.persons;
    else value = v.sensitive;
    if (c.min !== undefined && value < c.min) return false;
    if (c.max !== undefined && value >= c.max) return false;
    return true;
  }
  if ('kindsAny' in c) {
    for (const k of v.kinds) {
      if (c.kindsAny.includes(k)) return true;
    }
    return false;
  }
  return v.ciio === c.ciio;
}

/**
 * READING DIFFERS FROM THE RUNTIME (which takes the first rung that holds, in artifact order).
 * The pathway of a ladder: the STRICTEST rung whose condition holds (docs/reading-of-the-law.md#strictest-part: the strictest
 * pathway decides; the compiler leaves overlaps of rungs that test kinds or CIIO status to a
 * "strictest-wins" rule, QD3004). Undefined when no rung holds: below every threshold.
 */
export function ladderPathway(ladder: readonly Rung[], v: Volumes): PathwayId | undefined {
  return ladderRung(ladder, v)?.pathway;
}

/** The rung that decides: the strictest that holds, the first in the ladder among equals. */
function ladderRung(ladder: readonly Rung[], v: Volumes): Rung | undefined {
  let best: Rung | undefined;
  for (const rung of ladder) {
    if (!conditionHolds(rung.when, v)) continue;
    if (best === undefined || strictness(rung.pathway) > strictness(best.pathway)) best = rung;
  }
  return best;
}

/**
 * Does the list decide on `asOf`? Never after the measures' trial (its `until` excluded);
 * repealed never; unadopted only in a preview; its own `until` excluded.
 */
export function listActive(list: NegativeList, asOf: string, preview: boolean, trialUntil?: string): boolean {
  if (trialUntil !== undefined && asOf >= trialUntil) return false;
  if (list.status === 'repealed') return false;
  if (list.status !== 'in-force' && !preview) return false;
  if (asOf < list.effective.from) return false;
  if (list.effective.until !== undefined && asOf >= list.effective.until) return false;
  return true;
}

/** The item with this id and its list, by walking every list; undefined when no list has it. */
export function findItem(policy: PolicyArtifact, id: string): { item: ListItem; list: NegativeList } | undefined {
  for (const list of policy.lists) {
    for (const scenario of list.scenarios) {
      for (const item of scenario.items) {
        if (item.id === id) return { item, list };
      }
    }
  }
  return undefined;
}

/** One item of a request with all its entries' volumes summed. */
interface CombinedEntry {
  readonly id: string;
  readonly persons: number;
  readonly sensitivePersons: number;
  /** How many entries of the request named this id. */
  readonly entries: number;
}

/**
 * The request's items, one per id, in order of first appearance: entries naming the same item
 * are one item whose volumes add up (a ladder applies to the whole volume of an item, so
 * splitting it over entries must not make the transfer lighter).
 */
export function combinedEntries(items: readonly { id: string; persons?: number; sensitivePersons?: number }[]): CombinedEntry[] {
  const combined: { id: string; persons: number; sensitivePersons: number; entries: number }[] = [];
  for (const i of items) {
    const seen = combined.find((c) => c.id === i.id);
    if (seen === undefined) combined.push({ id: i.id, persons: i.persons ?? 0, sensitivePersons: i.sensitivePersons ?? 0, entries: 1 });
    else {
      seen.persons += i.persons ?? 0;
      seen.sensitivePersons += i.sensitivePersons ?? 0;
      seen.entries += 1;
    }
  }
  return combined;
}

/** The annex subcategories whose data measures Art. 24 sends to export-control law. */
const EXPORT_CONTROL = ['S38', 'S39'];

/**
 * Decides `req` under `policy`. The request is assumed to conform to the request schema.
 * Reason codes of inferred reasons carry their entry of the reading of the law
 * (`national-threshold#no-list-decides`); advisories carry what they name (`pending-list:icv`).
 */
export function referenceDecide(policy: PolicyArtifact, req: EvaluationRequest): ReferenceAnswer {
  const t = req.transfer;

  // 1. Not an export: nothing applies.
  if (!t.isExport) return { pathway: 'not-applicable', codes: ['not-export#not-an-export'], basis: { kind: 'none' }, obligations: [], advisories: [] };

  const preview = req.preview === true;
  const trialUntil = policy.trial?.until;
  const trialEnded = trialUntil !== undefined && req.asOf >= trialUntil;
  const zone = req.processor.zone;
  const ciio = req.processor.ciio;
  const items = combinedEntries(t.items ?? []);
  const kinds = t.personalInfo?.sensitiveKinds ?? [];
  const piPersons = t.personalInfo?.persons ?? 0;
  const piSensitive = t.personalInfo?.sensitivePersons ?? 0;
  const piHasVolume = piPersons > 0 || piSensitive > 0;
  let anyPersonalInfo = piHasVolume;
  for (const i of items) {
    if ((i.persons ?? 0) > 0 || (i.sensitivePersons ?? 0) > 0) anyPersonalInfo = true;
  }

  const parts: ReferencePart[] = [];
  const listsUsed: NegativeList[] = [];
  const named: string[] = [];
  let baselineUsed = false;
  let important = t.importantData === true;
  let exportControl = t.exportControl === true || (t.sector !== undefined && EXPORT_CONTROL.includes(t.sector));
  // Volumes the national thresholds decide, and whether a list that does not decide sent them there.
  let nationalPersons = 0;
  let nationalSensitive = 0;
  let becauseOfAList = false;
  const useList = (list: NegativeList) => {
    if (!listsUsed.includes(list)) listsUsed.push(list);
  };
  const name = (advisory: string) => {
    if (!named.includes(advisory)) named.push(advisory);
  };
  const toNational = (persons: number, sensitive: number) => {
    if (persons + sensitive === 0) return;
    nationalPersons += persons;
    nationalSensitive += sensitive;
    becauseOfAList = true;
  };
  const finish = (): ReferenceAnswer => {
    if (parts.length === 0) parts.push({ code: 'no-personal-or-important-data#nothing-regulated', outcome: 'exempt' });
    let pathway: Outcome = 'exempt';
    for (const p of parts) {
      if (strictness(p.outcome) > strictness(pathway)) pathway = p.outcome;
    }
    let basis: ReferenceBasis = { kind: 'none' };
    if (listsUsed.length > 0) basis = { kind: 'list', lists: listsUsed.map((l) => l.id).sort() };
    else if (baselineUsed) basis = { kind: 'baseline' };
    // Duties: report to the regional body when a list of the processor's zone was used (Art. 15);
    // an assessment's validity; no certification with important data; export control (Art. 24);
    // the personal-information duties of PIPL Arts 39, 55–56; security duties always.
    const obligations: string[] = [];
    if (listsUsed.some((l) => l.zones.includes(zone))) obligations.push('report-to-region');
    if (pathway === 'security-assessment' && policy.baseline.validity !== undefined) obligations.push('assessment-validity');
    if (important) obligations.push('certification-unavailable');
    if (exportControl) obligations.push('export-control');
    if (anyPersonalInfo) obligations.push('pi-notice-and-separate-consent', 'pi-impact-assessment');
    obligations.push('security-duties');
    const fromRules = important || beforeNationalRules ? [] : advisories(policy, req);
    return { pathway, codes: parts.map((p) => p.code).sort(), basis, obligations, advisories: [...named, ...fromRules].sort() };
  };

  // Before the national rules took effect other rules applied, which the policy does not hold:
  // nothing is decided, and the annex's rules (the measures') advise nothing.
  const beforeNationalRules = policy.baseline.effective !== undefined && req.asOf < policy.baseline.effective.from;
  if (beforeNationalRules) {
    parts.push({ code: 'before-national-rules#national-rules-in-force', outcome: 'indeterminate' });
    return finish();
  }

  // 2. Important data notified or published: security assessment for anyone.
  // The national baseline decides it, so the basis is the baseline.
  if (important) {
    parts.push({ code: 'important-data', outcome: 'security-assessment' });
    baselineUsed = true;
  }

  // The items the request names: first what they are (unknown, list not deciding, important).
  const itemSectors: string[] = [];
  const listsNamed: string[] = [];
  const onUsableLists: { persons: number; sensitive: number; entries: number; item: ListItem; list: NegativeList }[] = [];
  for (const requested of items) {
    const found = findItem(policy, requested.id);
    if (found === undefined) {
      parts.push({ code: 'unknown-item', outcome: 'indeterminate' });
      continue;
    }
    const { item, list } = found;
    if (!itemSectors.includes(list.sector)) itemSectors.push(list.sector);
    // A first-level category holding an export-control subcategory may be that data (fail closed).
    const category = policy.annex.categories.find((c) => c.code === item.category);
    if (EXPORT_CONTROL.includes(item.category) || category?.subcategories.some((s) => EXPORT_CONTROL.includes(s.code))) exportControl = true;
    const persons = requested.persons ?? 0;
    const sensitive = requested.sensitivePersons ?? 0;
    // A CIIO's personal information is decided by national Art. 7(1) below, whatever the list says
    // or whatever state it is in; what the list names as important still counts.
    if (ciio && !item.important && (persons > 0 || sensitive > 0)) continue;
    if (!listActive(list, req.asOf, preview, trialUntil)) {
      // A list without effect: the national rules decide the item's data, and the list is named;
      // what it would name as important has no effect either, but is worth identifying.
      toNational(persons, sensitive);
      name(`pending-list:${list.id}`);
      if (item.important) name(`pending-list-important-item:${item.id}`);
      listsNamed.push(list.id);
      continue;
    }
    if (item.important) {
      // Named as important data by a list: assessment for anyone, in any zone, CIIO or not.
      parts.push({ code: `list-item-important:${item.id}`, outcome: 'security-assessment' });
      important = true;
      useList(list);
      continue;
    }
    onUsableLists.push({ persons, sensitive, entries: requested.entries, item, list });
  }

  // 3. National exemptions claimed for the whole transfer; none removes important data,
  //    whether notified, published or named by a list (decision order, step 2).
  const claimed = t.exemptions ?? [];
  if (claimed.length > 0) {
    let accepted = 0;
    for (const code of claimed) {
      const exemption = policy.baseline.exemptions.find((e) => e.code === code);
      if (exemption === undefined) {
        // Not reachable for schema-valid requests (the schema enumerates the codes); fail closed.
        parts.push({ code: 'unknown-exemption', outcome: 'indeterminate' });
      } else if (important) {
        parts.push({ code: 'exemption-not-for-important-data', outcome: 'security-assessment' });
      } else if (exemption.scope === 'data' && anyPersonalInfo) {
        // Art. 3 covers only data without personal information: the claim contradicts the volumes.
        parts.push({ code: 'exemption-contradicted', outcome: 'indeterminate' });
      } else {
        parts.push({ code: 'national-exemption', outcome: 'exempt' });
        accepted++;
      }
    }
    // An accepted exemption covers the rest of the transfer (volumes, zones); so does the
    // assessment that important data already requires.
    if (accepted > 0 || important) {
      baselineUsed = true;
      return finish();
    }
  }

  // 4. CIIO: any personal information → security assessment; lists and national ladder do not apply.
  if (ciio) {
    if (anyPersonalInfo) {
      parts.push({ code: 'ciio-personal-info#lists-not-for-ciio', outcome: 'security-assessment' });
      baselineUsed = true;
    }
    return finish();
  }

  // 5. Items of lists that decide: the list must cover the processor's zone; then its ladder.
  //    A list that does not cover the zone leaves the item to the national rules.
  for (const { persons, sensitive, entries, item, list } of onUsableLists) {
    if (zone === 'outside' || !list.zones.includes(zone)) {
      toNational(persons, sensitive);
      name(`pending-list:${list.id}`);
      continue;
    }
    const rung = ladderRung(item.ladder, { persons, sensitive, kinds, ciio });
    const pathway = rung?.pathway;
    // An item's reason names the item, and the rung's articles: its own, not another item's with the same thresholds.
    if (rung === undefined) parts.push({ code: `list-item-below-threshold#item-below-threshold:${item.id}`, outcome: 'exempt' });
    else parts.push({ code: `list-item-threshold:${item.id}:${rung.basis.join(',')}`, outcome: rung.pathway });
    // Several entries of the item were summed before its ladder applied: said in its own reason.
    if (entries > 1) parts.push({ code: 'item-entries-combined#item-entries-combined', outcome: pathway ?? 'exempt' });
    useList(list);
  }

  // The sector: the request's, else the one sector of the known items it names.
  let sector = t.sector;
  if (sector === undefined && itemSectors.length === 1) sector = itemSectors[0];

  // Lists of that sector that cover the processor's zone (a processor outside the zones has none).
  const sectorLists: NegativeList[] = [];
  if (sector !== undefined && zone !== 'outside') {
    for (const list of policy.lists) {
      if (list.sector === sector && list.zones.includes(zone)) sectorLists.push(list);
    }
  }

  if (sectorLists.length > 0) {
    const active = sectorLists.filter((l) => listActive(l, req.asOf, preview, trialUntil));
    if (active.length === 0) {
      // The sector's lists here do not decide: the national rules decide its personal information.
      for (const l of sectorLists) if (!listsNamed.includes(l.id)) name(`pending-list:${l.id}`);
      toNational(piPersons, piSensitive);
    } else if (piHasVolume || items.length === 0) {
      // Data of a listed sector that is not on the list: exempt (Art. 13 of the measures; national Art. 6).
      parts.push({ code: 'not-on-list', outcome: 'exempt' });
      useList(active[0]!);
    }
  } else {
    // No list for the sector here (measures Art. 14): its personal information goes to the national rules.
    nationalPersons += piPersons;
    nationalSensitive += piSensitive;
  }

  // 6. The national thresholds (Arts 5(4), 7, 8) over what no list decides. Where a list exists but
  //    does not decide, or the trial has ended, the reason is our reading and says which.
  if (nationalPersons + nationalSensitive > 0) {
    baselineUsed = true;
    const reading = !becauseOfAList ? '' : trialEnded ? '#trial-period' : '#no-list-decides';
    const pathway = ladderPathway(policy.baseline.ladder, { persons: nationalPersons, sensitive: nationalSensitive, kinds, ciio });
    if (pathway === undefined) parts.push({ code: `national-below-threshold${reading}`, outcome: policy.baseline.below.pathway });
    else parts.push({ code: `national-threshold${reading}`, outcome: pathway });
  }

  return finish();
}

/**
 * Advisories: the annex's numeric identification rules suggest the processor's data may be
 * important data. The rules speak of holdings (掌握): the request's holdings when stated, else
 * the transfer's total volumes (personal information and items together). The rules about
 * 广东自贸试验区企业 advise only processors in a zone. Only a transfer of personal information is
 * advised. Returns `identify-important-data:<rule ids>#<figure's reading>` or nothing.
 */
function advisories(policy: PolicyArtifact, req: EvaluationRequest): string[] {
  const t = req.transfer;
  let persons = t.personalInfo?.persons ?? 0;
  let sensitive = t.personalInfo?.sensitivePersons ?? 0;
  for (const i of t.items ?? []) {
    persons += i.persons ?? 0;
    sensitive += i.sensitivePersons ?? 0;
  }
  if (persons === 0 && sensitive === 0) return [];
  let kinds = t.personalInfo?.sensitiveKinds ?? [];
  const holdings = req.processor.holdings;
  if (holdings !== undefined) {
    persons = holdings.persons ?? 0;
    sensitive = holdings.sensitivePersons ?? 0;
    kinds = holdings.sensitiveKinds ?? kinds;
  }
  const matched: string[] = [];
  for (const rule of policy.annex.generalRules.rules) {
    if (rule.when === undefined) continue;
    if (req.processor.zone === 'outside' && rule.text.startsWith('广东自贸试验区企业')) continue;
    if (conditionHolds(rule.when, { persons, sensitive, kinds, ciio: req.processor.ciio })) matched.push(rule.id);
  }
  if (matched.length === 0) return [];
  return [`identify-important-data:${matched.join(',')}#${holdings !== undefined ? 'holdings' : 'important-data-advisories'}`];
}
