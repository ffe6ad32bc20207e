/**
 * The decision: for a planned transfer, the pathway with its reasons and the articles behind
 * them, in the order of DOMAIN.md §5 (our reading, marked inferred where it goes beyond the
 * texts). Where the policy cannot decide it answers `indeterminate`, never a lighter pathway.
 */
import type { Exemption, ListItem, NegativeList, PathwayId, PolicyArtifact, Zone } from './artifact.js';
import { compileCondition, type Facts, type Predicate } from './conditions.js';
import * as R from './reasons.js';
import type { EvaluationRequest, EvaluationResponse, Obligation, Outcome, Reason } from './request.js';

/** Strictness of outcomes; `indeterminate` dominates, so nothing undecidable looks lighter. */
const RANK: Record<Outcome, number> = {
  'not-applicable': 0,
  exempt: 1,
  'standard-contract-or-certification': 2,
  'security-assessment': 3,
  indeterminate: 4,
};

interface CompiledRung {
  readonly test: Predicate;
  readonly reason: Reason;
}

interface CompiledList {
  readonly list: NegativeList;
  readonly zones: ReadonlySet<string>;
}

interface CompiledItem {
  readonly item: ListItem;
  readonly list: CompiledList;
  readonly important: Reason;
  readonly rungs: readonly CompiledRung[];
  readonly below: Reason;
}

/** A policy prepared for decisions: indexes and reasons built once. */
export interface CompiledPolicy {
  readonly policy: PolicyArtifact;
  readonly digest: string;
  readonly items: ReadonlyMap<string, CompiledItem>;
  readonly listsBySector: ReadonlyMap<string, readonly CompiledList[]>;
  readonly exemptions: ReadonlyMap<string, Exemption>;
  readonly zones: ReadonlyMap<string, Zone>;
  readonly national: readonly CompiledRung[];
  readonly nationalBelow: Reason;
  readonly importantData: Reason;
  readonly ciio: Reason;
  readonly generalRules: readonly { id: string; test: Predicate }[];
  readonly assessmentValidity?: Obligation;
  readonly reportToRegion: ReadonlyMap<string, Obligation>;
}

/** Prepares a verified policy for decisions. */
export function compilePolicy(policy: PolicyArtifact, digest: string): CompiledPolicy {
  const items = new Map<string, CompiledItem>();
  const listsBySector = new Map<string, CompiledList[]>();
  for (const list of policy.lists) {
    const compiled: CompiledList = { list, zones: new Set(list.zones) };
    listsBySector.set(list.sector, [...(listsBySector.get(list.sector) ?? []), compiled]);
    for (const scenario of list.scenarios) {
      for (const item of scenario.items) {
        items.set(item.id, {
          item,
          list: compiled,
          important: R.itemImportant(item),
          rungs: item.ladder.map((r) => ({ test: compileCondition(r.when), reason: R.itemRung(item, r.pathway, r.basis) })),
          below: R.itemBelow(item),
        });
      }
    }
  }
  const b = policy.baseline;
  const zones = new Map(policy.zones.map((z) => [z.id, z]));
  return {
    policy,
    digest,
    items,
    listsBySector,
    exemptions: new Map(b.exemptions.map((e) => [e.code, e])),
    zones,
    national: b.ladder.map((r) => ({ test: compileCondition(r.when), reason: R.nationalRung(r.pathway, r.basis) })),
    nationalBelow: R.nationalBelow(b.below.basis),
    importantData: R.importantData([...(b.important?.basis ?? []), 'measures.art7', 'measures.art10']),
    ciio: R.ciioPersonalInfo([...(b.ciio?.basis ?? []), 'measures.art10']),
    generalRules: policy.annex.generalRules.rules.filter((r) => r.when).map((r) => ({ id: r.id, test: compileCondition(r.when!) })),
    ...(b.validity ? { assessmentValidity: R.assessmentValidity(b.validity.years, b.validity.basis) } : {}),
    reportToRegion: new Map([...policy.zones.map((z) => [z.id, R.reportToRegion(z)] as const), ['outside', R.reportToRegion(undefined)]]),
  };
}

/** Why a list does not decide on `asOf`, or undefined when it does (preview lets unadopted lists decide). */
export function listInactivity(list: NegativeList, asOf: string, preview: boolean): R.Inactivity | undefined {
  if (list.status === 'repealed') return 'repealed';
  if (list.status !== 'in-force' && !preview) return 'not-in-force';
  if (asOf < list.effective.from) return 'not-yet-in-force';
  if (list.effective.until !== undefined && asOf >= list.effective.until) return 'expired';
  return undefined;
}

function ladder(rungs: readonly CompiledRung[], facts: Facts): Reason | undefined {
  for (const r of rungs) if (r.test(facts)) return r.reason;
  return undefined;
}

/**
 * Decides a request that already conforms to the request schema. Use `Policy.evaluate` for
 * untrusted input: it validates first.
 */
export function decide(p: CompiledPolicy, req: EvaluationRequest): EvaluationResponse {
  const t = req.transfer;
  const preview = req.preview === true;
  const policyRef = { version: p.policy.policyVersion, digest: p.digest };
  if (!t.isExport) {
    return { version: 1, pathway: 'not-applicable', preview, asOf: req.asOf, basis: { kind: 'none' }, reasons: [R.NOT_EXPORT], obligations: [], advisories: [], policy: policyRef };
  }

  const reasons: Reason[] = [];
  const lists = new Set<string>();
  let usedBaseline = false;
  const items = t.items ?? [];
  const pi = t.personalInfo;
  const piPersons = pi?.persons ?? 0;
  const piSensitive = pi?.sensitivePersons ?? 0;
  const kinds = pi?.sensitiveKinds ?? [];
  let itemPersons = 0;
  let itemSensitive = 0;
  for (const i of items) {
    itemPersons += i.persons ?? 0;
    itemSensitive += i.sensitivePersons ?? 0;
  }
  const hasPersonalInfo = piPersons + piSensitive + itemPersons + itemSensitive > 0;
  const ciio = req.processor.ciio;
  const zone = req.processor.zone;

  // 2. Important data, notified or published: assessment for anyone.
  if (t.importantData) reasons.push(p.importantData);

  // 3. National exemptions claimed for the whole transfer.
  const claimed = t.exemptions ?? [];
  if (claimed.length > 0) {
    let valid = 0;
    for (const code of claimed) {
      const e = p.exemptions.get(code)!;
      if (t.importantData) reasons.push(R.exemptionNotForImportant(e));
      else if (e.scope === 'data' && hasPersonalInfo) reasons.push(R.exemptionContradicted(e));
      else {
        reasons.push(R.exemption(e));
        valid++;
      }
    }
    if (valid > 0 || t.importantData) return respond(p, req, reasons, lists, true);
  }

  // Items a list names as important are important data for anyone; the rest need a usable list.
  const reportedInactive = new Set<string>();
  let sectorOfItems: string | undefined;
  let itemSectors = 0;
  for (const requested of items) {
    const ci = p.items.get(requested.id);
    if (!ci) {
      reasons.push(R.unknownItem(requested.id));
      continue;
    }
    const list = ci.list.list;
    if (list.sector !== sectorOfItems) {
      itemSectors++;
      sectorOfItems = list.sector;
    }
    const inactive = listInactivity(list, req.asOf, preview);
    if (inactive) {
      reasons.push(R.noListInForce(requested.id, [list], inactive, req.asOf));
      reportedInactive.add(list.id);
      continue;
    }
    if (ci.item.important) {
      reasons.push(ci.important);
      lists.add(list.id);
      continue;
    }
    if (ciio) continue; // decided below as a CIIO's personal information
    if (!ci.list.zones.has(zone)) {
      reasons.push(R.itemNotInZone(requested.id, list, zone));
      continue;
    }
    const facts: Facts = { persons: requested.persons ?? 0, sensitive: requested.sensitivePersons ?? 0, kinds, ciio };
    reasons.push(ladder(ci.rungs, facts) ?? ci.below);
    lists.add(list.id);
  }

  // 4. A CIIO providing personal information: assessment; lists do not apply to CIIOs.
  if (ciio) {
    if (hasPersonalInfo) reasons.push(p.ciio);
    else if (reasons.length === 0) reasons.push(R.NOTHING_REGULATED);
    return respond(p, req, reasons, lists, usedBaseline);
  }

  // 5. A zone's processor in a sector that has lists: data not on the list is exempt (Art. 13).
  const sector = t.sector ?? (itemSectors === 1 ? sectorOfItems : undefined);
  const sectorLists = zone === 'outside' || sector === undefined ? [] : (p.listsBySector.get(sector) ?? []).filter((l) => l.zones.has(zone));
  if (sectorLists.length > 0) {
    const active = sectorLists.filter((l) => !listInactivity(l.list, req.asOf, preview));
    if (active.length === 0) {
      if (!sectorLists.every((l) => reportedInactive.has(l.list.id))) reasons.push(R.noListInForce(sector!, sectorLists.map((l) => l.list), listInactivity(sectorLists[0]!.list, req.asOf, preview)!, req.asOf));
    } else if (piPersons + piSensitive > 0 || items.length === 0) {
      reasons.push(R.notOnList(active[0]!.list));
      lists.add(active[0]!.list.id);
    }
  } else if (piPersons + piSensitive > 0) {
    // 6. Otherwise the national thresholds (Arts 5(4), 7, 8).
    usedBaseline = true;
    reasons.push(ladder(p.national, { persons: piPersons, sensitive: piSensitive, kinds, ciio }) ?? p.nationalBelow);
  }
  if (reasons.length === 0) reasons.push(R.NOTHING_REGULATED);
  return respond(p, req, reasons, lists, usedBaseline);
}

function respond(p: CompiledPolicy, req: EvaluationRequest, reasons: Reason[], lists: ReadonlySet<string>, usedBaseline: boolean): EvaluationResponse {
  let pathway: Outcome = 'exempt';
  for (const r of reasons) if (RANK[r.outcome] > RANK[pathway]) pathway = r.outcome;
  const obligations: Obligation[] = [];
  if (lists.size > 0) obligations.push(p.reportToRegion.get(req.processor.zone)!);
  if (pathway === 'security-assessment' && p.assessmentValidity) obligations.push(p.assessmentValidity);
  if (req.transfer.importantData) obligations.push(R.CERTIFICATION_UNAVAILABLE);
  if (pathway !== 'not-applicable') obligations.push(R.SECURITY_DUTIES);
  const advisories = req.transfer.importantData ? [] : importantDataAdvisories(p, req);
  return {
    version: 1,
    pathway,
    preview: req.preview === true,
    asOf: req.asOf,
    basis: lists.size > 0 ? { kind: 'list', lists: [...lists].sort() } : usedBaseline ? { kind: 'baseline', id: p.policy.baseline.id } : { kind: 'none' },
    reasons,
    obligations,
    advisories,
    policy: { version: p.policy.policyVersion, digest: p.digest },
  };
}

/** The annex's numeric reference rules that suggest the transfer's data may be important data. */
function importantDataAdvisories(p: CompiledPolicy, req: EvaluationRequest): Obligation[] {
  const t = req.transfer;
  let persons = t.personalInfo?.persons ?? 0;
  let sensitive = t.personalInfo?.sensitivePersons ?? 0;
  for (const i of t.items ?? []) {
    persons += i.persons ?? 0;
    sensitive += i.sensitivePersons ?? 0;
  }
  if (persons + sensitive === 0) return [];
  const facts: Facts = { persons, sensitive, kinds: t.personalInfo?.sensitiveKinds ?? [], ciio: req.processor.ciio };
  const matched = p.generalRules.filter((r) => r.test(facts)).map((r) => r.id);
  return matched.length > 0 ? [R.identifyImportant(matched)] : [];
}

export type { PathwayId };
