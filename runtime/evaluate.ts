/**
 * The decision: for a planned transfer, the pathway with its reasons and the articles behind
 * them, in the order of DOMAIN.md §5 (our reading, marked inferred where it goes beyond the
 * texts). Where the policy cannot decide it answers `indeterminate`, never a lighter pathway.
 */
import type { Exemption, ListItem, NegativeList, PathwayId, PolicyArtifact, Rung, Zone } from './artifact.js';
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
          rungs: strictestFirst(item.ladder).map((r) => ({ test: compileCondition(r.when), reason: R.itemRung(item, r.pathway, r.basis) })),
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
    national: strictestFirst(b.ladder).map((r) => ({ test: compileCondition(r.when), reason: R.nationalRung(r.pathway, r.basis) })),
    nationalBelow: R.nationalBelow(b.below.pathway, b.below.basis),
    // Without a baseline provision for them, important data and a CIIO's personal information
    // cannot be decided: fail closed.
    importantData: b.important ? R.importantData(b.important.pathway, [...b.important.basis, 'measures.art7', 'measures.art10']) : R.undecided('important-data'),
    ciio: b.ciio ? R.ciioPersonalInfo(b.ciio.pathway, [...b.ciio.basis, 'measures.art10']) : R.undecided('ciio-personal-info'),
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

const PATHWAY_RANK: Record<PathwayId, number> = { exempt: 0, 'standard-contract-or-certification': 1, 'security-assessment': 2 };

/** Rungs ordered strictest first (stable), so the first rung that holds is the strictest that holds. */
function strictestFirst(rungs: readonly Rung[]): Rung[] {
  return [...rungs].sort((a, b) => PATHWAY_RANK[b.pathway] - PATHWAY_RANK[a.pathway]);
}

/** The strictest rung whose condition holds (rungs are compiled strictest first). */
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
  if (!t.isExport) {
    return {
      version: 1,
      pathway: 'not-applicable',
      preview,
      asOf: req.asOf,
      basis: { kind: 'none' },
      reasons: [R.NOT_EXPORT],
      obligations: [],
      advisories: [],
      policy: { version: p.policy.policyVersion, digest: p.digest },
    };
  }

  const d: Decision = { reasons: [], lists: new Set(), reportingLists: 0, important: t.importantData === true, usedBaseline: false };
  const items = t.items ?? [];
  const pi = t.personalInfo;
  const piVolume = (pi?.persons ?? 0) + (pi?.sensitivePersons ?? 0);
  let itemVolume = 0;
  for (const i of items) itemVolume += (i.persons ?? 0) + (i.sensitivePersons ?? 0);
  const hasPersonalInfo = piVolume + itemVolume > 0;
  const { ciio, zone } = req.processor;
  const kinds = pi?.sensitiveKinds ?? [];

  // 2. Important data: notified or published (the request says so), or named by a usable list.
  if (d.important) {
    d.reasons.push(p.importantData);
    d.usedBaseline = true;
  }
  const reportedInactive = new Set<string>();
  const pending: Array<{ ci: CompiledItem; persons: number; sensitive: number }> = [];
  let sectorOfItems: string | undefined;
  let itemSectors = 0;
  for (const requested of items) {
    const ci = p.items.get(requested.id);
    if (!ci) {
      d.reasons.push(R.unknownItem(requested.id));
      continue;
    }
    const list = ci.list.list;
    if (list.sector !== sectorOfItems) {
      itemSectors++;
      sectorOfItems = list.sector;
    }
    const persons = requested.persons ?? 0;
    const sensitive = requested.sensitivePersons ?? 0;
    // A CIIO's data is decided by the national rules, whatever state the list is in (step 4).
    if (ciio && !ci.item.important && persons + sensitive > 0) continue;
    const inactive = listInactivity(list, req.asOf, preview);
    if (inactive) {
      d.reasons.push(R.noListInForce(requested.id, [list], inactive, req.asOf));
      reportedInactive.add(list.id);
    } else if (ci.item.important) {
      d.reasons.push(ci.important);
      d.important = true;
      useList(d, ci.list, zone);
    } else pending.push({ ci, persons, sensitive });
  }

  // 3. National exemptions claimed for the whole transfer; none removes important data.
  const claimed = t.exemptions ?? [];
  if (claimed.length > 0) {
    let valid = 0;
    for (const code of claimed) {
      const e = p.exemptions.get(code)!;
      if (d.important) d.reasons.push(R.exemptionNotForImportant(e));
      else if (e.scope === 'data' && hasPersonalInfo) d.reasons.push(R.exemptionContradicted(e));
      else {
        d.reasons.push(R.exemption(e));
        valid++;
      }
    }
    if (valid > 0 || d.important) {
      d.usedBaseline = true;
      return respond(p, req, d);
    }
  }

  // 4. A CIIO providing personal information: assessment; lists do not apply to CIIOs.
  if (ciio) {
    if (hasPersonalInfo) {
      d.reasons.push(p.ciio);
      d.usedBaseline = true;
    }
    if (d.reasons.length === 0) d.reasons.push(R.NOTHING_REGULATED);
    return respond(p, req, d);
  }

  // 5. Items of lists in force (or previewed): each takes its list's ladder in the processor's zone.
  for (const { ci, persons, sensitive } of pending) {
    if (!ci.list.zones.has(zone)) {
      d.reasons.push(R.itemNotInZone(ci.item.id, ci.list.list, zone));
      continue;
    }
    d.reasons.push(ladder(ci.rungs, { persons, sensitive, kinds, ciio }) ?? ci.below);
    useList(d, ci.list, zone);
  }

  // A zone's processor in a sector that has lists: data not on the list is exempt (Art. 13).
  const sector = t.sector ?? (itemSectors === 1 ? sectorOfItems : undefined);
  const sectorLists = zone === 'outside' || sector === undefined ? [] : (p.listsBySector.get(sector) ?? []).filter((l) => l.zones.has(zone));
  if (sectorLists.length > 0) {
    const active = sectorLists.find((l) => !listInactivity(l.list, req.asOf, preview));
    if (!active) {
      if (!sectorLists.every((l) => reportedInactive.has(l.list.id))) {
        d.reasons.push(R.noListInForce(sector!, sectorLists.map((l) => l.list), listInactivity(sectorLists[0]!.list, req.asOf, preview)!, req.asOf));
      }
    } else if (piVolume > 0 || items.length === 0) {
      d.reasons.push(R.notOnList(active.list));
      useList(d, active, zone);
    }
  } else if (piVolume > 0) {
    // 6. Otherwise the national thresholds (Arts 5(4), 7, 8).
    d.usedBaseline = true;
    d.reasons.push(ladder(p.national, { persons: pi?.persons ?? 0, sensitive: pi?.sensitivePersons ?? 0, kinds, ciio }) ?? p.nationalBelow);
  }
  if (d.reasons.length === 0) d.reasons.push(R.NOTHING_REGULATED);
  return respond(p, req, d);
}

/** What the decision has gathered so far. */
interface Decision {
  readonly reasons: Reason[];
  /** Lists that decided some part. */
  readonly lists: Set<string>;
  /** How many of those the processor uses as a zone processor (Art. 15 reporting). */
  reportingLists: number;
  /** Important data is involved: notified, published, or named by a list. */
  important: boolean;
  usedBaseline: boolean;
}

function useList(d: Decision, list: CompiledList, zone: string): void {
  if (d.lists.has(list.list.id)) return;
  d.lists.add(list.list.id);
  if (list.zones.has(zone)) d.reportingLists++;
}

function respond(p: CompiledPolicy, req: EvaluationRequest, d: Decision): EvaluationResponse {
  let pathway: Outcome = 'exempt';
  for (const r of d.reasons) if (RANK[r.outcome] > RANK[pathway]) pathway = r.outcome;
  const obligations: Obligation[] = [];
  if (d.reportingLists > 0) obligations.push(p.reportToRegion.get(req.processor.zone)!);
  if (pathway === 'security-assessment' && p.assessmentValidity) obligations.push(p.assessmentValidity);
  if (d.important) obligations.push(R.CERTIFICATION_UNAVAILABLE);
  obligations.push(R.SECURITY_DUTIES);
  const advisories = d.important ? [] : importantDataAdvisories(p, req);
  return {
    version: 1,
    pathway,
    preview: req.preview === true,
    asOf: req.asOf,
    basis: d.lists.size > 0 ? { kind: 'list', lists: [...d.lists].sort() } : d.usedBaseline ? { kind: 'baseline', id: p.policy.baseline.id } : { kind: 'none' },
    reasons: d.reasons,
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
