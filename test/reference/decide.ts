/**
 * A deliberately plain reference model of the decision order (DOMAIN.md §3 and §5), for
 * differential testing against `runtime/evaluate.ts` (Cedar-style): the two are written
 * separately, and `test/differential.test.ts` runs both over generated requests.
 *
 * Plain on purpose: no indexes, no precompiled predicates, no code shared with `runtime/`
 * (only the artifact and request TYPES are imported). Conditions are read straight from the
 * artifact's JSON by one recursive function; items and lists are found by walking the artifact.
 * Slow and obvious beats fast and clever here.
 *
 * Where DOMAIN.md leaves a detail open, this model takes the runtime's documented reading
 * (fail closed: `indeterminate` where the policy cannot decide). Where the runtime reads the
 * texts in a way that looks wrong, this model does NOT copy it; each such place is marked
 * "READING DIFFERS FROM THE RUNTIME" and the differential test names it as a known runtime bug.
 *
 * The decision order: 1 not an export → not applicable; 2 important data (notified or
 * published, or named by a list in force) → assessment; unknown items and items of lists that
 * do not decide on asOf → indeterminate; 3 national exemptions (none for important data; Art. 3
 * not with personal information); 4 CIIO with personal information → assessment; 5 items on the
 * processor's zone's lists → their ladder, data of a listed sector not on the list → exempt;
 * 6 otherwise the national thresholds. The strictest part decides.
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
 * The pathway of a ladder: the STRICTEST rung whose condition holds (DOMAIN §5: the strictest
 * pathway decides; the compiler leaves overlaps of rungs that test kinds or CIIO status to a
 * "strictest-wins" rule, QD3004). Undefined when no rung holds: below every threshold.
 */
export function ladderPathway(ladder: readonly Rung[], v: Volumes): PathwayId | undefined {
  let best: PathwayId | undefined;
  for (const rung of ladder) {
    if (!conditionHolds(rung.when, v)) continue;
    if (best === undefined || strictness(rung.pathway) > strictness(best)) best = rung.pathway;
  }
  return best;
}

/** Does the list decide on `asOf`? Repealed never; unadopted only in a preview; `until` excluded. */
export function listActive(list: NegativeList, asOf: string, preview: boolean): boolean {
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

/** Decides `req` under `policy`. The request is assumed to conform to the request schema. */
export function referenceDecide(policy: PolicyArtifact, req: EvaluationRequest): ReferenceAnswer {
  const t = req.transfer;

  // 1. Not an export: nothing applies.
  if (!t.isExport) return { pathway: 'not-applicable', codes: ['not-export'], basis: { kind: 'none' }, obligations: [], advisories: [] };

  const preview = req.preview === true;
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
  let baselineUsed = false;
  let important = t.importantData === true;
  const useList = (list: NegativeList) => {
    if (!listsUsed.includes(list)) listsUsed.push(list);
  };
  const finish = (): ReferenceAnswer => {
    if (parts.length === 0) parts.push({ code: 'no-personal-or-important-data', outcome: 'exempt' });
    let pathway: Outcome = 'exempt';
    for (const p of parts) {
      if (strictness(p.outcome) > strictness(pathway)) pathway = p.outcome;
    }
    let basis: ReferenceBasis = { kind: 'none' };
    if (listsUsed.length > 0) basis = { kind: 'list', lists: listsUsed.map((l) => l.id).sort() };
    else if (baselineUsed) basis = { kind: 'baseline' };
    // Duties: report to the regional body when a list of the processor's zone was used (Art. 15);
    // an assessment's validity; no certification with important data; security duties always.
    const obligations: string[] = [];
    if (listsUsed.some((l) => l.zones.includes(zone))) obligations.push('report-to-region');
    if (pathway === 'security-assessment' && policy.baseline.validity !== undefined) obligations.push('assessment-validity');
    if (important) obligations.push('certification-unavailable');
    obligations.push('security-duties');
    return { pathway, codes: parts.map((p) => p.code).sort(), basis, obligations, advisories: important ? [] : advisories(policy, req) };
  };

  // 2. Important data notified or published: security assessment for anyone.
  // The national baseline decides it, so the basis is the baseline.
  if (important) {
    parts.push({ code: 'important-data', outcome: 'security-assessment' });
    baselineUsed = true;
  }

  // The items the request names: first what they are (unknown, list not deciding, important).
  const itemSectors: string[] = [];
  const listsReportedInactive: string[] = [];
  const onUsableLists: { persons: number; sensitive: number; entries: number; item: ListItem; list: NegativeList }[] = [];
  for (const requested of items) {
    const found = findItem(policy, requested.id);
    if (found === undefined) {
      parts.push({ code: 'unknown-item', outcome: 'indeterminate' });
      continue;
    }
    const { item, list } = found;
    if (!itemSectors.includes(list.sector)) itemSectors.push(list.sector);
    const persons = requested.persons ?? 0;
    const sensitive = requested.sensitivePersons ?? 0;
    // A CIIO's personal information is decided by national Art. 7(1) below, whatever the list says
    // or whatever state it is in; what the list names as important still counts.
    if (ciio && !item.important && (persons > 0 || sensitive > 0)) continue;
    if (!listActive(list, req.asOf, preview)) {
      // The list does not decide on asOf, so it cannot say what this item is: fail closed.
      parts.push({ code: 'no-list-in-force', outcome: 'indeterminate' });
      listsReportedInactive.push(list.id);
      continue;
    }
    if (item.important) {
      // Named as important data by a list: assessment for anyone, in any zone, CIIO or not.
      parts.push({ code: 'list-item-important', outcome: 'security-assessment' });
      important = true;
      useList(list);
      continue;
    }
    onUsableLists.push({ persons, sensitive, entries: requested.entries, item, list });
  }

  // 3. National exemptions claimed for the whole transfer; none removes important data,
  //    whether notified, published or named by a list (DOMAIN §5.2).
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
      parts.push({ code: 'ciio-personal-info', outcome: 'security-assessment' });
      baselineUsed = true;
    }
    return finish();
  }

  // 5. Items of usable lists: the list must cover the processor's zone; then its ladder.
  for (const { persons, sensitive, entries, item, list } of onUsableLists) {
    if (zone === 'outside' || !list.zones.includes(zone)) {
      parts.push({ code: 'list-not-in-zone', outcome: 'indeterminate' });
      continue;
    }
    const pathway = ladderPathway(item.ladder, { persons, sensitive, kinds, ciio });
    if (pathway === undefined) parts.push({ code: 'list-item-below-threshold', outcome: 'exempt' });
    else parts.push({ code: 'list-item-threshold', outcome: pathway });
    // Several entries of the item were summed before its ladder applied: said in its own reason.
    if (entries > 1) parts.push({ code: 'item-entries-combined', outcome: pathway ?? 'exempt' });
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
    const active = sectorLists.filter((l) => listActive(l, req.asOf, preview));
    if (active.length === 0) {
      // The sector has lists for this zone, but none decides on asOf: fail closed (said once).
      const allReported = sectorLists.every((l) => listsReportedInactive.includes(l.id));
      if (!allReported) parts.push({ code: 'no-list-in-force', outcome: 'indeterminate' });
    } else if (piHasVolume || items.length === 0) {
      // Data of a listed sector that is not on the list: exempt (Art. 13 of the measures; national Art. 6).
      parts.push({ code: 'not-on-list', outcome: 'exempt' });
      useList(active[0]!);
    }
  } else if (piHasVolume) {
    // 6. No list: the national thresholds (Arts 5(4), 7, 8) on the personal information outside the items.
    baselineUsed = true;
    const pathway = ladderPathway(policy.baseline.ladder, { persons: piPersons, sensitive: piSensitive, kinds, ciio });
    if (pathway === undefined) parts.push({ code: 'national-below-threshold', outcome: policy.baseline.below.pathway });
    else parts.push({ code: 'national-threshold', outcome: pathway });
  }

  return finish();
}

/**
 * Advisories: the annex's numeric identification rules that the transfer's total volumes
 * (personal information and items together) meet suggest the data may be important data.
 * Returns `identify-important-data:<rule ids>` or nothing.
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
  const matched: string[] = [];
  for (const rule of policy.annex.generalRules.rules) {
    if (rule.when === undefined) continue;
    if (conditionHolds(rule.when, { persons, sensitive, kinds: t.personalInfo?.sensitiveKinds ?? [], ciio: req.processor.ciio })) matched.push(rule.id);
  }
  if (matched.length === 0) return [];
  return [`identify-important-data:${matched.join(',')}`];
}
