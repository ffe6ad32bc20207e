/**
 * Differential testing (Cedar-style): the runtime (`runtime/evaluate.ts`) and a deliberately
 * plain reference model (`test/reference/decide.ts`) decide the same generated requests and
 * must agree on the pathway, the set of reasons (codes, and for a list item the item and its
 * rung's articles), the basis, the obligations and the
 * advisories (with the annex rules they rest on).
 *
 * Two policies: the real `policy/` (every list a draft: only previews let lists decide), and a
 * variant where list statuses and dates are rewritten so that lists are in force, repealed,
 * open-ended, shifted, and two lists share a sector (plus one ladder whose lighter rung comes
 * before an overlapping stricter one, which the checker accepts).
 *
 * Reproducible: the runs use a fixed seed. To explore with a random seed:
 *   QINGDAN_DIFF_SEED=random npx vitest run test/differential.test.ts
 * (or QINGDAN_DIFF_SEED=<n>; QINGDAN_DIFF_RUNS=<n> sets the runs per policy). A failure prints
 * the seed and the shrunk counterexample with both answers.
 *
 * Where the runtime departs from docs/reading-of-the-law.md the reference does not copy it: any disagreement fails.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import { Policy } from '../runtime/index.js';
import type { Condition, PolicyArtifact, Rung } from '../runtime/artifact.js';
import type { EvaluationRequest, EvaluationResponse, RequestItem } from '../runtime/request.js';
import { referenceDecide, type ReferenceAnswer } from './reference/decide.js';
import { readingAnchors } from './reading-anchors.js';
import { ROOT, tempDir } from './support.js';

const RUNS_PER_POLICY = Number(process.env.QINGDAN_DIFF_RUNS ?? 55_000);
const SEED_ENV = process.env.QINGDAN_DIFF_SEED;
const SEED = SEED_ENV === 'random' ? Math.floor(Math.random() * 2 ** 31) : SEED_ENV !== undefined ? Number(SEED_ENV) : 42;

// ---------------------------------------------------------------------------------------------
// Policies under test

interface Loaded {
  readonly name: string;
  readonly policy: Policy;
  readonly artifact: PolicyArtifact;
}

async function load(name: string, outDir: string): Promise<Loaded> {
  const policy = await Policy.load(outDir);
  const artifact = JSON.parse(await readFile(join(outDir, 'policy.json'), 'utf8')) as PolicyArtifact;
  return { name, policy, artifact };
}

async function buildOrThrow(paths: string[], outDir: string, root: string): Promise<void> {
  const r = await build({ paths, outDir, root });
  if (!r.files) throw new Error(`policy does not build: ${r.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.args)}`).join('; ')}`);
}

async function rewrite(file: string, edits: readonly [string, string][]): Promise<void> {
  let text = await readFile(file, 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${file}: '${from}' not found; update the variant`);
    text = text.replace(from, to);
  }
  await writeFile(file, text);
}

/** The real policy, built as `qingdan build` would. */
async function realPolicy(): Promise<Loaded> {
  const outDir = join(await tempDir('qingdan-diff-real-'), 'dist');
  await buildOrThrow(['policy'], outDir, ROOT);
  return load('real', outDir);
}

/** A copy of the policy whose lists are in force, repealed, shifted or open-ended. */
async function variedPolicy(): Promise<Loaded> {
  const work = await tempDir('qingdan-diff-varied-');
  await cp(join(ROOT, 'policy'), join(work, 'policy'), { recursive: true });
  await writeFile(join(work, 'package.json'), JSON.stringify({ version: '0.0.0-diff' }));
  const lists = join(work, 'policy/lists');
  // A second S16 list for hengqin and nansha, still a draft: two lists share a sector and a zone.
  let second = await readFile(join(lists, 'icv.qd'), 'utf8');
  for (const [from, to] of [
    ['list icv "智能网联汽车领域数据出境负面清单（草案）"', 'list icv-hq "智能网联汽车领域数据出境负面清单（横琴草案）"'],
    ['zones nansha, qianhai-shekou, hetao-shenzhen', 'zones hengqin, nansha'],
    ['effective 2027-01-01 until 2028-07-01', 'effective 2026-07-01 until 2028-03-01'],
    ['proposal "2026-0001-icv"', 'proposal "2026-0099-icv-hq"'],
  ] as const) {
    if (!second.includes(from)) throw new Error(`icv.qd: '${from}' not found; update the variant`);
    second = second.replace(from, to);
  }
  await writeFile(join(lists, 'icv-hq.qd'), second);
  await rewrite(join(lists, 'icv.qd'), [
    ['status consultation', 'status in-force'],
    ['effective 2027-01-01 until 2028-07-01', 'effective 2026-07-01 until 2027-07-01'],
    // A lighter rung before an overlapping stricter one that also tests kinds: QD3004 leaves
    // such overlaps to "the runtime's strictest-wins rule".
    ['      contract when persons >= 10万\n    }\n    item ics-safety', '      contract when persons >= 10万\n      assessment when persons >= 5万 and kinds any [medical]\n    }\n    item ics-safety'],
  ]);
  await rewrite(join(lists, 'cross-border-ecommerce.qd'), [['status approved', 'status in-force']]);
  await rewrite(join(lists, 'shipping-logistics.qd'), [['status draft', 'status repealed']]);
  await rewrite(join(lists, 'ai-training.qd'), [
    ['status draft', 'status in-force'],
    ['effective 2027-02-01 until 2028-07-01', 'effective 2027-02-01'],
  ]);
  const outDir = join(work, 'dist');
  await mkdir(outDir, { recursive: true });
  await buildOrThrow(['policy'], outDir, work);
  return load('varied', outDir);
}

// ---------------------------------------------------------------------------------------------
// Requests, biased towards the boundaries the artifact names

function dayShift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function conditionNumbers(c: Condition, out: Set<number>): void {
  if ('any' in c) c.any.forEach((x) => conditionNumbers(x, out));
  else if ('all' in c) c.all.forEach((x) => conditionNumbers(x, out));
  else if ('measure' in c) {
    if (c.min !== undefined) out.add(c.min);
    if (c.max !== undefined) out.add(c.max);
  }
}

function allRungs(a: PolicyArtifact): Rung[] {
  return [...a.baseline.ladder, ...a.lists.flatMap((l) => l.scenarios.flatMap((s) => s.items.flatMap((i) => i.ladder)))];
}

const MAX_VOLUME = 10_000_000_000;

function requestArbitrary(a: PolicyArtifact): fc.Arbitrary<EvaluationRequest> {
  // Dates: the day before, of and after every `from` and `until`, New Year's days, and any day.
  const boundaryDates = new Set<string>();
  for (const l of a.lists) {
    for (const d of [l.effective.from, l.effective.until]) {
      if (d === undefined) continue;
      for (const k of [-1, 0, 1]) boundaryDates.add(dayShift(d, k));
    }
  }
  for (const y of [2025, 2026, 2027, 2028, 2029, 2030]) boundaryDates.add(`${y}-01-01`);
  // The measures' trial: its first day, its last day and the day after.
  for (const d of [a.trial?.from, a.trial?.until]) if (d !== undefined) for (const k of [-1, 0, 1]) boundaryDates.add(dayShift(d, k));
  // The national rules' first day: before it nothing is decided.
  if (a.baseline.effective) for (const k of [-1, 0, 1]) boundaryDates.add(dayShift(a.baseline.effective.from, k));
  const start = Date.UTC(2024, 0, 1);
  const anyDay = fc.integer({ min: 0, max: 365 * 8 }).map((n) => new Date(start + n * 86_400_000).toISOString().slice(0, 10));
  const asOf = fc.oneof({ arbitrary: fc.constantFrom(...boundaryDates), weight: 3 }, { arbitrary: anyDay, weight: 2 });

  // Volumes: zero, every threshold and its neighbours, and anything.
  const numbers = new Set<number>();
  for (const r of allRungs(a)) conditionNumbers(r.when, numbers);
  for (const r of a.annex.generalRules.rules) if (r.when) conditionNumbers(r.when, numbers);
  const thresholds = new Set<number>([0, 1]);
  for (const n of numbers) for (const k of [-1, 0, 1]) if (n + k >= 0 && n + k <= MAX_VOLUME) thresholds.add(n + k);
  // Halves of thresholds: two entries of one item that reach a threshold only together.
  for (const n of numbers) for (const half of [Math.floor(n / 2), Math.ceil(n / 2)]) thresholds.add(half);
  const volume = fc.oneof(
    { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.constantFrom(...[...thresholds].sort((x, y) => x - y)), weight: 6 },
    { arbitrary: fc.integer({ min: 0, max: 2_000_000 }), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: MAX_VOLUME }), weight: 1 },
  );
  const optVolume = fc.option(volume, { nil: undefined, freq: 3 });

  const itemIds = a.lists.flatMap((l) => l.scenarios.flatMap((s) => s.items.map((i) => i.id)));
  const unknownIds = ['icv.no-such-item', 'nosuch.owner-pi', 'ai-training.owner-pi', 'Icv.owner-pi', 'x.y'];
  // Items whose ladder tests kinds or CIIO status (rare, and where rungs may overlap) get extra weight.
  const testsMore = (c: Condition): boolean => ('any' in c ? c.any.some(testsMore) : 'all' in c ? c.all.some(testsMore) : !('measure' in c));
  const richIds = a.lists.flatMap((l) => l.scenarios.flatMap((s) => s.items.filter((i) => i.ladder.some((r) => testsMore(r.when))).map((i) => i.id)));
  const itemId = fc.oneof(
    { arbitrary: fc.constantFrom(...itemIds), weight: 18 },
    { arbitrary: fc.constantFrom(...unknownIds), weight: 2 },
    ...(richIds.length > 0 ? [{ arbitrary: fc.constantFrom(...richIds), weight: 3 }] : []),
  );
  const item: fc.Arbitrary<RequestItem> = fc.record({ id: itemId, persons: optVolume, sensitivePersons: optVolume }).map(({ id, persons, sensitivePersons }) => ({
    id,
    ...(persons !== undefined ? { persons } : {}),
    ...(sensitivePersons !== undefined ? { sensitivePersons } : {}),
  }));

  // Entries repeating an item of the request with volumes of their own, inserted anywhere.
  const repeats = fc.array(fc.record({ of: fc.nat(), at: fc.nat(), persons: optVolume, sensitivePersons: optVolume }), { minLength: 1, maxLength: 4 });
  const itemsWithRepeats = fc.tuple(fc.array(item, { minLength: 1, maxLength: 3 }), repeats).map(([base, extra]) => {
    const items = [...base];
    for (const r of extra) {
      const entry = { id: base[r.of % base.length]!.id, ...(r.persons !== undefined ? { persons: r.persons } : {}), ...(r.sensitivePersons !== undefined ? { sensitivePersons: r.sensitivePersons } : {}) };
      items.splice(r.at % (items.length + 1), 0, entry);
    }
    return items;
  });
  const items = fc.oneof({ arbitrary: fc.array(item, { maxLength: 4 }), weight: 3 }, { arbitrary: itemsWithRepeats, weight: 1 });

  const listSectors = [...new Set(a.lists.map((l) => l.sector))];
  const otherSectors = Array.from({ length: 40 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`).filter((s) => !listSectors.includes(s));
  const sector = fc.oneof(
    { arbitrary: fc.constantFrom(...listSectors), weight: 5 },
    { arbitrary: fc.constantFrom(...otherSectors), weight: 2 },
    // Export control's subcategories (measures Art. 24).
    { arbitrary: fc.constantFrom('S38', 'S39'), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 3 },
  );

  const kindCodes = a.annex.sensitiveKinds.map((k) => k.code);
  const personalInfo = fc
    .record({ persons: optVolume, sensitivePersons: optVolume, sensitiveKinds: fc.option(fc.subarray(kindCodes), { nil: undefined, freq: 2 }) })
    .map(({ persons, sensitivePersons, sensitiveKinds }) => ({
      ...(persons !== undefined ? { persons } : {}),
      ...(sensitivePersons !== undefined ? { sensitivePersons } : {}),
      ...(sensitiveKinds !== undefined ? { sensitiveKinds } : {}),
    }));

  // What the processor holds (annex rules 2 and 3), sometimes stated.
  const holdings = fc
    .record({ persons: optVolume, sensitivePersons: optVolume, sensitiveKinds: fc.option(fc.subarray(kindCodes), { nil: undefined, freq: 2 }) })
    .map(({ persons, sensitivePersons, sensitiveKinds }) => ({
      ...(persons !== undefined ? { persons } : {}),
      ...(sensitivePersons !== undefined ? { sensitivePersons } : {}),
      ...(sensitiveKinds !== undefined ? { sensitiveKinds } : {}),
    }));

  const exemptionCodes = a.baseline.exemptions.map((e) => e.code);
  const exemptions = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 8 },
    { arbitrary: fc.constant([] as string[]), weight: 1 },
    { arbitrary: fc.subarray(exemptionCodes, { minLength: 1 }), weight: 2 },
  );

  const zones = [...a.zones.map((z) => z.id), 'outside'];
  return fc
    .record({
      asOf,
      preview: fc.constantFrom(undefined, true, false, true),
      zone: fc.constantFrom(...zones),
      ciio: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
      isExport: fc.oneof({ arbitrary: fc.constant(true), weight: 19 }, { arbitrary: fc.constant(false), weight: 1 }),
      importantData: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
      sector,
      items: fc.option(items, { nil: undefined, freq: 5 }),
      personalInfo: fc.option(personalInfo, { nil: undefined, freq: 3 }),
      exemptions,
      holdings: fc.option(holdings, { nil: undefined, freq: 3 }),
      exportControl: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.constant(true), weight: 1 }, { arbitrary: fc.constant(false), weight: 1 }),
    })
    .map((g) => ({
      asOf: g.asOf,
      ...(g.preview !== undefined ? { preview: g.preview } : {}),
      processor: { zone: g.zone, ciio: g.ciio, ...(g.holdings !== undefined ? { holdings: g.holdings } : {}) },
      transfer: {
        isExport: g.isExport,
        ...(g.importantData !== undefined ? { importantData: g.importantData } : {}),
        ...(g.sector !== undefined ? { sector: g.sector } : {}),
        ...(g.items !== undefined ? { items: g.items } : {}),
        ...(g.personalInfo !== undefined ? { personalInfo: g.personalInfo } : {}),
        ...(g.exemptions !== undefined ? { exemptions: g.exemptions } : {}),
        ...(g.exportControl !== undefined ? { exportControl: g.exportControl } : {}),
      },
    }));
}

// ---------------------------------------------------------------------------------------------
// Comparing answers

interface Comparable {
  readonly pathway: string;
  readonly codes: readonly string[];
  readonly basis: string;
  readonly obligations: readonly string[];
  readonly advisories: readonly string[];
}

/**
 * A reason as the reference names it: an inferred one with the entry of the reading of the law
 * it links to; a list item's with the item, and a rung's with the rung's articles.
 */
function comparableReason(x: EvaluationResponse['reasons'][number]): string {
  const code = x.reading ? `${x.code}#${x.reading.split('#')[1]}` : x.code;
  if (x.code === 'list-item-threshold') return `${code}:${x.source}:${x.citations.join(',')}`;
  return x.code === 'list-item-important' || x.code === 'list-item-below-threshold' ? `${code}:${x.source}` : code;
}

function fromRuntime(r: EvaluationResponse): Comparable {
  const basis = r.basis.kind === 'list' ? `list:${r.basis.lists.join(',')}` : r.basis.kind;
  return {
    pathway: r.pathway,
    codes: r.reasons.map(comparableReason).sort(),
    basis,
    obligations: r.obligations.map((o) => o.code),
    // An advisory with what it names: the list or item, or the annex rules it cites and the
    // figure it used (its other citations are fixed articles).
    advisories: r.advisories
      .map((a) => (a.source !== undefined ? `${a.code}:${a.source}` : `${a.code}:${a.citations.filter((c) => c.startsWith('annex.')).join(',')}#${a.reading?.split('#')[1]}`))
      .sort(),
  };
}

function fromReference(r: ReferenceAnswer): Comparable {
  const basis = r.basis.kind === 'list' ? `list:${r.basis.lists.join(',')}` : r.basis.kind;
  return { pathway: r.pathway, codes: r.codes, basis, obligations: r.obligations, advisories: r.advisories };
}

function same(a: Comparable, b: Comparable): boolean {
  return a.pathway === b.pathway && a.basis === b.basis && a.codes.join() === b.codes.join() && a.obligations.join() === b.obligations.join() && a.advisories.join() === b.advisories.join();
}


function describeDisagreement(name: string, req: EvaluationRequest, rt: EvaluationResponse, ref: ReferenceAnswer): string {
  return [
    `policy ${name}: runtime and reference disagree`,
    `request:   ${JSON.stringify(req)}`,
    `runtime:   ${JSON.stringify(fromRuntime(rt))}`,
    `reference: ${JSON.stringify(fromReference(ref))}`,
    `runtime reasons: ${JSON.stringify(rt.reasons.map((r) => [r.code, r.outcome, r.source]))}`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

describe('differential: runtime vs plain reference model', () => {
  let real: Loaded;
  let varied: Loaded;

  beforeAll(async () => {
    [real, varied] = await Promise.all([realPolicy(), variedPolicy()]);
  });

  it('the varied policy really varies: lists in force, repealed, open-ended, two lists in one sector', () => {
    const byId = new Map(varied.artifact.lists.map((l) => [l.id, l]));
    expect(byId.get('icv')?.status).toBe('in-force');
    expect(byId.get('shipping-logistics')?.status).toBe('repealed');
    expect(byId.get('ai-training')?.effective.until).toBeUndefined();
    expect(varied.artifact.lists.filter((l) => l.sector === 'S16').map((l) => l.id).sort()).toEqual(['icv', 'icv-hq']);
    expect(real.artifact.lists.every((l) => l.status !== 'in-force')).toBe(true);
  });

  for (const which of ['real', 'varied'] as const) {
    it(`agrees with the reference on ${RUNS_PER_POLICY} generated requests (${which} policy, seed ${SEED})`, () => {
      const { name, policy, artifact } = which === 'real' ? real : varied;
      const stats = { runs: 0, validated: 0, pathways: new Map<string, number>() };
      const anchors = readingAnchors();
      const started = performance.now();
      fc.assert(
        fc.property(requestArbitrary(artifact), (req) => {
          stats.runs++;
          const problems = policy.problems(req);
          // expect runs on a problem only: one expect per request was a fifth of this test's time.
          if (problems.length > 0) expect(problems).toEqual([]);
          const rt = policy.decideTrusted(req);
          const ref = referenceDecide(artifact, req);
          if (stats.runs % 97 === 0) {
            expect(policy.isValidResponse(rt)).toBe(true);
            stats.validated++;
          }
          stats.pathways.set(rt.pathway, (stats.pathways.get(rt.pathway) ?? 0) + 1);
          // Every inference links to its entry in docs/reading-of-the-law.md, and the entry exists.
          for (const r of rt.reasons) if ((r.inferred === true) !== (r.reading !== undefined) || (r.reading && !anchors.has(r.reading.split('#')[1]!))) throw new Error(`reason ${r.code}: inferred ${r.inferred}, reading ${r.reading}`);
          const a = fromRuntime(rt);
          const b = fromReference(ref);
          if (same(a, b)) return;
          throw new Error(describeDisagreement(name, req, rt, ref));
        }),
        { numRuns: RUNS_PER_POLICY, seed: SEED },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`[differential] ${name}: ${stats.runs} requests in ${seconds} s, seed ${SEED}; pathways ${JSON.stringify(Object.fromEntries(stats.pathways))}; ${stats.validated} responses schema-checked`);
      expect(stats.runs).toBe(RUNS_PER_POLICY);
      // Every outcome is reached, so the generator explores the whole decision order.
      for (const p of ['not-applicable', 'exempt', 'standard-contract-or-certification', 'security-assessment', 'indeterminate']) {
        expect(stats.pathways.get(p) ?? 0, p).toBeGreaterThan(0);
      }
    });
  }

  // A lighter rung written before an overlapping stricter one (rungs testing kinds, which QD3004
  // does not compare): the strictest rung that holds must decide.
  it('decides by the strictest matching rung, not the first written (formerly a runtime bug)', () => {
    // In the varied policy icv is in force from 2026-07-01 until 2027-07-01.
    const req: EvaluationRequest = {
      asOf: '2026-12-01',
      processor: { zone: 'nansha', ciio: false },
      transfer: { isExport: true, sector: 'S16', items: [{ id: 'icv.supplier-contacts', persons: 200_000 }], personalInfo: { sensitiveKinds: ['medical'] } },
    };
    expect(referenceDecide(varied.artifact, req).pathway).toBe('security-assessment');
    expect(varied.policy.evaluate(req).pathway).toBe('security-assessment');
  });
});
