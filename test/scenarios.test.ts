/**
 * Scenario suite: one planned transfer per file in `test/scenarios/cases/`, written so that a
 * lawyer can read the request and the expected answer. Each case runs against the real policy
 * (whose lists are all drafts, so list decisions need `preview`) or against a small fixture
 * policy (`test/scenarios/fixture-policy/`) whose made-up lists are `in-force` and `repealed`,
 * built together with the real policy's measures, annex, national baseline and zones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import { InvalidRequestError } from '../runtime/errors.js';
import { Policy } from '../runtime/policy.js';
import type { EvaluationResponse } from '../runtime/request.js';
import { readingAnchors } from './reading-anchors.js';
import { ROOT, tempDir } from './support.js';

const CASES_DIR = join(ROOT, 'test/scenarios/cases');
const FIXTURE_PATHS = ['policy/measures.qd', 'policy/annex.qd', 'policy/national.qd', 'policy/zones.qd', 'test/scenarios/fixture-policy'];
const PATHWAYS = ['not-applicable', 'exempt', 'standard-contract-or-certification', 'security-assessment', 'indeterminate'];

interface Expectation {
  readonly invalid?: boolean;
  readonly problems?: readonly string[];
  readonly pathway?: string;
  readonly citations?: readonly string[];
  readonly reasons?: readonly string[];
  readonly basis?: 'list' | 'baseline' | 'none';
  readonly obligations?: readonly string[];
  /** Obligations that must not be imposed. */
  readonly withoutObligations?: readonly string[];
  readonly advisories?: readonly string[];
  /** Citations the advisories must carry between them (`annex.rule2`). */
  readonly advisoryCitations?: readonly string[];
  /** Entries of the reading of the law the advisories must link to (`holdings`). */
  readonly advisoryReadings?: readonly string[];
  /** Reasons that must be marked inferred, by code. */
  readonly inferred?: readonly string[];
}

interface Scenario {
  readonly file: string;
  readonly title: string;
  readonly why: string;
  readonly policy: 'real' | 'fixture';
  readonly request: Record<string, unknown>;
  readonly expect: Expectation;
}

const EXPECT_KEYS = new Set(['invalid', 'problems', 'pathway', 'citations', 'reasons', 'basis', 'obligations', 'withoutObligations', 'advisories', 'advisoryCitations', 'advisoryReadings', 'inferred']);

function loadScenario(file: string): Scenario {
  const doc = parse(readFileSync(join(CASES_DIR, file), 'utf8')) as Partial<Scenario> | null;
  const where = `${file}:`;
  if (!doc || typeof doc !== 'object') throw new Error(`${where} not a YAML mapping`);
  for (const key of Object.keys(doc)) if (!['title', 'why', 'policy', 'request', 'expect'].includes(key)) throw new Error(`${where} unknown key ${key}`);
  if (typeof doc.title !== 'string' || doc.title.length === 0) throw new Error(`${where} needs a title`);
  if (typeof doc.why !== 'string' || doc.why.length === 0) throw new Error(`${where} needs a why`);
  if (doc.policy !== 'real' && doc.policy !== 'fixture') throw new Error(`${where} policy must be real or fixture`);
  if (!doc.request || typeof doc.request !== 'object') throw new Error(`${where} needs a request`);
  const e = doc.expect;
  if (!e || typeof e !== 'object') throw new Error(`${where} needs an expect`);
  for (const key of Object.keys(e)) if (!EXPECT_KEYS.has(key)) throw new Error(`${where} unknown expect key ${key}`);
  if (e.invalid) {
    if (!Array.isArray(e.problems) || e.problems.length === 0) throw new Error(`${where} an invalid case lists its problem pointers`);
  } else {
    if (!PATHWAYS.includes(e.pathway ?? '')) throw new Error(`${where} expect.pathway must be one of ${PATHWAYS.join(', ')}`);
    if (!Array.isArray(e.citations) || e.citations.length === 0) throw new Error(`${where} expect.citations must name at least one article`);
    // YAML's core schema keeps 2027-06-01 a string; guard against a timestamp-typed asOf.
    if (typeof doc.request.asOf !== 'string') throw new Error(`${where} request.asOf must be a string`);
  }
  return { ...(doc as Scenario), file };
}

const files = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const scenarios = files.map(loadScenario);

async function buildPolicy(paths: readonly string[]): Promise<Policy> {
  const outDir = join(await tempDir('qingdan-scenarios-'), 'dist');
  const result = await build({ paths, outDir, root: ROOT });
  if (!result.files) throw new Error(`policy ${paths.join(' ')} does not build: ${result.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.args)}`).join('; ')}`);
  return Policy.load(outDir);
}

function summary(r: EvaluationResponse): string {
  return JSON.stringify({ pathway: r.pathway, basis: r.basis, reasons: r.reasons.map((x) => `${x.code}:${x.outcome} [${x.citations.join(' ')}]`), obligations: r.obligations.map((o) => o.code), advisories: r.advisories.map((a) => a.code) }, null, 1);
}

describe('scenarios', () => {
  const policies: Partial<Record<Scenario['policy'], Policy>> = {};

  beforeAll(async () => {
    const [real, fixture] = await Promise.all([buildPolicy(['policy']), buildPolicy(FIXTURE_PATHS)]);
    policies.real = real;
    policies.fixture = fixture;
  });

  it('has a numbered, uniquely named case per file, and at least 70 of them', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(70);
    for (const f of files) expect(f).toMatch(/^\d{3}-[a-z0-9-]+\.yaml$/);
    const numbers = files.map((f) => f.slice(0, 3));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it.each(scenarios.map((s) => [`${s.file} — ${s.title}`, s] as const))('%s', (_name, s) => {
    const policy = policies[s.policy]!;
    const e = s.expect;

    if (e.invalid) {
      let error: unknown;
      try {
        policy.evaluate(s.request);
      } catch (caught) {
        error = caught;
      }
      expect(error, 'the request must be rejected').toBeInstanceOf(InvalidRequestError);
      const pointers = [...new Set((error as InvalidRequestError).problems.map((p) => p.pointer))].sort();
      expect(pointers).toEqual([...new Set(e.problems)].sort());
      return;
    }

    const response = policy.evaluate(s.request);
    const context = `${s.file}\n${summary(response)}`;
    expect(policy.isValidResponse(response), context).toBe(true);
    expect(response.pathway, context).toBe(e.pathway);
    expect(response.preview, context).toBe(s.request.preview === true);
    expect(response.asOf, context).toBe(s.request.asOf);

    const cited = new Set(response.reasons.flatMap((r) => r.citations));
    for (const c of e.citations ?? []) expect(cited.has(c), `${context}\nno reason cites ${c}`).toBe(true);

    const codes = new Set(response.reasons.map((r) => r.code));
    for (const code of e.reasons ?? []) expect(codes.has(code), `${context}\nno reason ${code}`).toBe(true);

    if (e.basis !== undefined) expect(response.basis.kind, context).toBe(e.basis);

    const obligations = new Set(response.obligations.map((o) => o.code));
    for (const code of e.obligations ?? []) expect(obligations.has(code), `${context}\nno obligation ${code}`).toBe(true);
    for (const code of e.withoutObligations ?? []) expect(obligations.has(code), `${context}\nunexpected obligation ${code}`).toBe(false);
    // Nothing is owed for a transfer that is not an export.
    if (e.pathway === 'not-applicable') expect(response.obligations, context).toEqual([]);

    if (e.advisories !== undefined) expect(response.advisories.map((a) => a.code).sort(), context).toEqual([...e.advisories].sort());
    const advisoryCitations = new Set(response.advisories.flatMap((a) => a.citations));
    for (const c of e.advisoryCitations ?? []) expect(advisoryCitations.has(c), `${context}\nno advisory cites ${c}`).toBe(true);
    const advisoryReadings = new Set(response.advisories.map((a) => a.reading?.split('#')[1]));
    for (const r of e.advisoryReadings ?? []) expect(advisoryReadings.has(r), `${context}\nno advisory links to #${r}`).toBe(true);
    for (const code of e.inferred ?? []) expect(response.reasons.some((r) => r.code === code && r.inferred === true), `${context}\n${code} must be inferred`).toBe(true);

    // Every inference links to its entry in the reading of the law, and only inferences do.
    const anchors = readingAnchors();
    for (const r of response.reasons) {
      expect(r.inferred === true, `${context}\n${r.code}: inferred iff it links to the reading`).toBe(r.reading !== undefined);
      if (r.reading) expect(anchors.has(r.reading.split('#')[1]!), `${context}\n${r.reading}`).toBe(true);
    }
    for (const a of [...response.obligations, ...response.advisories]) if (a.reading) expect(anchors.has(a.reading.split('#')[1]!), `${context}\n${a.reading}`).toBe(true);

    // The decision is the strictest reason: no reason is stricter than the pathway.
    expect(response.reasons.some((r) => r.outcome === response.pathway), context).toBe(true);
  });
});
