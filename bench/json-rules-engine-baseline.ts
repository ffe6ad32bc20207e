/**
 * The national baseline decision (促进和规范数据跨境流动规定 as read in docs/reading-of-the-law.md), written
 * in json-rules-engine — what a team might otherwise reach for — so bench/evaluate.ts can compare
 * its speed with qingdan's `decideTrusted` and check that both give the same pathway.
 *
 * Scope: the national baseline only (no negative lists). The request is a qingdan
 * EvaluationRequest; a processor in a zone without a listed sector falls under these rules too.
 *
 *   1. not an export                                   → not-applicable (stops everything)
 *   2. a claimed data-only exemption (art3) while the transfer carries personal information
 *                                                      → indeterminate (the claim contradicts the facts)
 *   3. important data                                  → security assessment (no exemption removes it)
 *      a CIIO providing personal information, no exemption claimed
 *                                                      → security assessment
 *      a non-CIIO, no exemption: persons ≥ 1,000,000 or sensitive ≥ 10,000
 *                                                      → security assessment
 *   4. a non-CIIO, no exemption: persons in [100,000, 1,000,000) or sensitive in [1, 10,000)
 *                                                      → standard contract or certification
 *   5. a claimed exemption (art3, art4, art5.1–5.3)    → exempt
 *   6. otherwise (below every threshold, nothing regulated)
 *                                                      → exempt
 *
 * Strictest wins: every rule's priority is the strictness of its pathway (not-export first,
 * because it removes the transfer from the rules altogether), rules run from the highest
 * priority down, and the first priority level that fires stops the engine. `engine.stop()` is
 * engine-wide state, so one engine must not `run` two requests concurrently: await each (the
 * benchmark does), or make one engine per concurrent caller.
 */
import { Engine, type Almanac, type RuleProperties } from 'json-rules-engine';
import type { EvaluationRequest, Outcome } from '../runtime/request.js';

/** National exemptions that cover only data without personal information (scope `data`). */
const DATA_ONLY_EXEMPTIONS = ['art3'];

const ASSESSMENT_PERSONS = 1_000_000;
const ASSESSMENT_SENSITIVE = 10_000;
const CONTRACT_PERSONS = 100_000;
const CONTRACT_SENSITIVE = 1;

/** Rule priorities: higher runs first; a stricter pathway has a higher priority. */
const PRIORITY = {
  'not-applicable': 100, // short-circuits: not an export at all
  indeterminate: 90,
  'security-assessment': 80,
  'standard-contract-or-certification': 70,
  exemption: 60,
  exempt: 10,
} as const;

type Transfer = EvaluationRequest['transfer'];

const transferOf = (almanac: Almanac) => almanac.factValue<Transfer>('transfer');

const isExport = { fact: 'transfer', path: '$.isExport', operator: 'equal', value: true } as const;
const notImportant = { fact: 'importantData', operator: 'equal', value: false } as const;
const noExemptionClaimed = { fact: 'exemptionCount', operator: 'equal', value: 0 } as const;
const notCiio = { fact: 'processor', path: '$.ciio', operator: 'equal', value: false } as const;

const RULES: RuleProperties[] = [
  {
    name: 'not-export',
    priority: PRIORITY['not-applicable'],
    conditions: { all: [{ fact: 'transfer', path: '$.isExport', operator: 'equal', value: false }] },
    event: { type: 'not-applicable', params: { reason: 'not-export' } },
  },
  {
    name: 'exemption-contradicted',
    priority: PRIORITY.indeterminate,
    conditions: {
      all: [
        isExport,
        notImportant,
        { fact: 'hasPersonalInfo', operator: 'equal', value: true },
        { any: DATA_ONLY_EXEMPTIONS.map((code) => ({ fact: 'transfer', path: '$.exemptions', operator: 'contains', value: code })) },
      ],
    },
    event: { type: 'indeterminate', params: { reason: 'exemption-contradicted' } },
  },
  {
    name: 'important-data',
    priority: PRIORITY['security-assessment'],
    conditions: { all: [isExport, { fact: 'importantData', operator: 'equal', value: true }] },
    event: { type: 'security-assessment', params: { reason: 'important-data', basis: 'national.art7' } },
  },
  {
    name: 'ciio-personal-info',
    priority: PRIORITY['security-assessment'],
    conditions: {
      all: [isExport, notImportant, noExemptionClaimed, { fact: 'processor', path: '$.ciio', operator: 'equal', value: true }, { fact: 'hasPersonalInfo', operator: 'equal', value: true }],
    },
    event: { type: 'security-assessment', params: { reason: 'ciio-personal-info', basis: 'national.art7' } },
  },
  {
    name: 'national-assessment',
    priority: PRIORITY['security-assessment'],
    conditions: {
      all: [
        isExport,
        notImportant,
        noExemptionClaimed,
        notCiio,
        {
          any: [
            { fact: 'persons', operator: 'greaterThanInclusive', value: ASSESSMENT_PERSONS },
            { fact: 'sensitive', operator: 'greaterThanInclusive', value: ASSESSMENT_SENSITIVE },
          ],
        },
      ],
    },
    event: { type: 'security-assessment', params: { reason: 'national-threshold', basis: 'national.art7' } },
  },
  {
    name: 'national-contract',
    priority: PRIORITY['standard-contract-or-certification'],
    conditions: {
      all: [
        isExport,
        notImportant,
        noExemptionClaimed,
        notCiio,
        {
          any: [
            {
              all: [
                { fact: 'persons', operator: 'greaterThanInclusive', value: CONTRACT_PERSONS },
                { fact: 'persons', operator: 'lessThan', value: ASSESSMENT_PERSONS },
              ],
            },
            {
              all: [
                { fact: 'sensitive', operator: 'greaterThanInclusive', value: CONTRACT_SENSITIVE },
                { fact: 'sensitive', operator: 'lessThan', value: ASSESSMENT_SENSITIVE },
              ],
            },
          ],
        },
      ],
    },
    event: { type: 'standard-contract-or-certification', params: { reason: 'national-threshold', basis: 'national.art8' } },
  },
  {
    name: 'national-exemption',
    priority: PRIORITY.exemption,
    conditions: { all: [isExport, notImportant, { fact: 'exemptionCount', operator: 'greaterThan', value: 0 }] },
    event: { type: 'exempt', params: { reason: 'national-exemption', basis: 'national.art3-5' } },
  },
  {
    name: 'below-thresholds',
    priority: PRIORITY.exempt,
    conditions: { all: [isExport] },
    event: { type: 'exempt', params: { reason: 'below-thresholds', basis: 'national.art5' } },
  },
];

/** Strictness, for picking among events fired at the same priority level. */
const RANK: Record<Outcome, number> = {
  'not-applicable': 0,
  exempt: 1,
  'standard-contract-or-certification': 2,
  'security-assessment': 3,
  indeterminate: 4,
};

/** A json-rules-engine Engine holding the national baseline rules. */
export function createBaselineEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of RULES) {
    engine.addRule({
      ...rule,
      onSuccess: () => {
        engine.stop(); // the first priority level that fires decides; lower ones are skipped
      },
    });
  }
  // Derived facts, computed once per run (json-rules-engine caches dynamic facts per almanac).
  engine.addFact('importantData', async (_p, a) => (await transferOf(a)).importantData === true);
  engine.addFact('persons', async (_p, a) => (await transferOf(a)).personalInfo?.persons ?? 0);
  engine.addFact('sensitive', async (_p, a) => (await transferOf(a)).personalInfo?.sensitivePersons ?? 0);
  engine.addFact('exemptionCount', async (_p, a) => (await transferOf(a)).exemptions?.length ?? 0);
  engine.addFact('hasPersonalInfo', async (_p, a) => {
    const t = await transferOf(a);
    let n = (t.personalInfo?.persons ?? 0) + (t.personalInfo?.sensitivePersons ?? 0);
    for (const i of t.items ?? []) n += (i.persons ?? 0) + (i.sensitivePersons ?? 0);
    return n > 0;
  });
  return engine;
}

/**
 * The national-baseline pathway of `request`, decided by `engine` (from createBaselineEngine).
 * Await each call before the next on the same engine.
 */
export async function baselinePathway(engine: Engine, request: EvaluationRequest): Promise<Outcome> {
  const { events } = await engine.run({ processor: request.processor, transfer: request.transfer });
  let pathway: Outcome | undefined;
  for (const e of events) {
    const type = e.type as Outcome;
    if (pathway === undefined || RANK[type] > RANK[pathway]) pathway = type;
  }
  return pathway ?? 'exempt';
}
