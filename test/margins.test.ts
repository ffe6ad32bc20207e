/**
 * "What would change the outcome" (runtime/margins.ts): every margin is checked against the
 * runtime's own decisions — at the margin's volume the pathway is the one claimed, one step back
 * towards the request's volume it is still the request's pathway (threshold − 1 and threshold,
 * or threshold and threshold + 1 going down), and no volume sampled between the request's and
 * the margin's decides differently (the margin is the nearest). On the real policy and on a
 * generated one, over generated requests (fast-check, fixed seed).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePolicy } from '../bench/generate-policy.js';
import { build } from '../compiler/build.js';
import { marginsOf, Policy, PERSONAL_INFO_PART, type Margins } from '../runtime/index.js';
import type { EvaluationRequest, RequestItem } from '../runtime/request.js';
import { buildRealPolicy, tempDir } from './support.js';

/** The request with part `id`'s measure set to `volume` (written here, not borrowed from margins.ts). */
function setVolume(request: EvaluationRequest, id: string, measure: 'persons' | 'sensitivePersons', volume: number): EvaluationRequest {
  const t = request.transfer;
  if (id === PERSONAL_INFO_PART) return { ...request, transfer: { ...t, personalInfo: { ...t.personalInfo, [measure]: volume } } };
  const items: RequestItem[] = [];
  let placed = false;
  const other = measure === 'persons' ? 'sensitivePersons' : 'persons';
  let otherSum = 0;
  for (const e of t.items ?? []) if (e.id === id) otherSum += e[other] ?? 0;
  for (const e of t.items ?? []) {
    if (e.id !== id) items.push(e);
    else if (!placed) {
      items.push({ id, [measure]: volume, [other]: otherSum });
      placed = true;
    }
  }
  return { ...request, transfer: { ...t, items } };
}

function pathwayAt(policy: Policy, request: EvaluationRequest, id: string, measure: 'persons' | 'sensitivePersons', volume: number): string {
  return policy.evaluate(setVolume(request, id, measure, volume)).pathway;
}

/** Checks every claim of `margins` against the runtime; `samples` volumes per gap test nearness. */
function checkMargins(policy: Policy, request: EvaluationRequest, margins: Margins, rng: () => number): void {
  const base = policy.evaluate(request).pathway;
  expect(margins.pathway).toBe(base);
  for (const part of margins.parts) {
    for (const measure of ['persons', 'sensitivePersons'] as const) {
      const current = part[measure];
      const up = part.margins.find((m) => m.measure === measure && m.direction === 'up');
      const down = part.margins.find((m) => m.measure === measure && m.direction === 'down');
      const where = `${part.part} ${measure} at ${current}`;
      if (up) {
        expect(up.volume - up.by, where).toBe(current);
        expect(up.pathway, where).not.toBe(base);
        expect(pathwayAt(policy, request, part.part, measure, up.volume), `${where}: threshold`).toBe(up.pathway);
        expect(pathwayAt(policy, request, part.part, measure, up.volume - 1), `${where}: threshold - 1`).toBe(base);
      }
      if (down) {
        expect(down.volume + down.by, where).toBe(current);
        expect(pathwayAt(policy, request, part.part, measure, down.volume), `${where}: below the threshold`).toBe(down.pathway);
        expect(pathwayAt(policy, request, part.part, measure, down.volume + 1), `${where}: threshold`).toBe(base);
      }
      // Nearest: nothing between the request's volume and the margins decides differently.
      const hi = up ? up.volume - 1 : 20_000_000;
      const lo = down ? down.volume + 1 : 0;
      for (let s = 0; s < 6; s++) {
        const v = s % 2 === 0 ? current + Math.floor((hi - current) * rng() ** 3) : current - Math.floor((current - lo) * rng() ** 3);
        expect(pathwayAt(policy, request, part.part, measure, v), `${where}: sampled ${v} (margins ${lo}..${hi})`).toBe(base);
      }
    }
  }
}

const volume = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 2_000_000 }), fc.constantFrom(1, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000));

function requests(itemIds: readonly string[], zones: readonly string[], kinds: readonly string[]): fc.Arbitrary<EvaluationRequest> {
  const entry = fc.record({ id: fc.constantFrom(...itemIds), persons: volume, sensitivePersons: fc.oneof(fc.constant(0), volume) });
  return fc
    .record({
      asOf: fc.constantFrom('2026-12-01', '2027-06-01', '2028-08-01'),
      preview: fc.boolean(),
      zone: fc.constantFrom(...zones, 'outside'),
      ciio: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
      items: fc.array(entry, { maxLength: 4 }),
      pi: fc.option(fc.record({ persons: volume, sensitivePersons: fc.oneof(fc.constant(0), volume), sensitiveKinds: fc.subarray([...kinds], { maxLength: 2 }) }), { nil: undefined }),
      exemptions: fc.option(fc.subarray(['art3', 'art5.1']), { nil: undefined }),
      importantData: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    })
    .map(({ asOf, preview, zone, ciio, items, pi, exemptions, importantData }) => ({
      asOf,
      preview,
      processor: { zone, ciio },
      transfer: { isExport: true, importantData, items, ...(pi ? { personalInfo: pi } : {}), ...(exemptions ? { exemptions } : {}) },
    }));
}

function itemIdsOf(policy: Policy): string[] {
  return policy.bundle.policy.lists.flatMap((l) => l.scenarios.flatMap((s) => s.items.map((i) => i.id)));
}

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('margins on the real policy', () => {
  let policy: Policy;
  beforeAll(async () => {
    policy = await Policy.load((await buildRealPolicy()).outDir);
  }, 60_000);

  const ownerPi = (persons: number, extra: Partial<EvaluationRequest['transfer']> = {}, preview = true): EvaluationRequest => ({
    asOf: '2027-06-01',
    preview,
    processor: { zone: 'nansha', ciio: false },
    transfer: { isExport: true, items: [{ id: 'icv.owner-pi', persons }], ...extra },
  });

  it('gives the distance to the list row’s next rung, in Chinese, with the row’s articles', () => {
    const m = marginsOf(policy, ownerPi(87_655));
    const part = m.parts.find((p) => p.part === 'icv.owner-pi')!;
    const up = part.margins.find((x) => x.measure === 'persons' && x.direction === 'up')!;
    expect(m.pathway).toBe('exempt');
    expect(up).toMatchObject({ volume: 100_000, by: 12_345, pathway: 'standard-contract-or-certification', source: 'icv.owner-pi' });
    expect(up.citations).toEqual(policy.bundle.policy.lists.find((l) => l.id === 'icv')!.scenarios.flatMap((s) => s.items).find((i) => i.id === 'icv.owner-pi')!.ladder[1]!.basis);
    expect(up.message.zh).toContain('再增加 12,345 ');
    expect(part.margins.find((x) => x.measure === 'persons' && x.direction === 'down')).toBeUndefined();
    const sensitive = part.margins.find((x) => x.measure === 'sensitivePersons' && x.direction === 'up')!;
    expect(sensitive).toMatchObject({ volume: 1, by: 1, pathway: 'standard-contract-or-certification' });
  });

  it('goes up to the assessment and down to the contract from inside the contract band', () => {
    const m = marginsOf(policy, ownerPi(400_000));
    const part = m.parts.find((p) => p.part === 'icv.owner-pi')!;
    expect(part.margins.filter((x) => x.measure === 'persons').map((x) => [x.direction, x.volume, x.by, x.pathway])).toEqual([
      ['up', 1_000_000, 600_000, 'security-assessment'],
      ['down', 99_999, 300_001, 'exempt'],
    ]);
  });

  it('where no list decides, counts the other parts towards the national thresholds', () => {
    // Not a preview: the icv list is a consultation draft, so the national rules decide and the
    // other personal information (10,000 persons) counts with the item towards 10万.
    const m = marginsOf(policy, ownerPi(87_655, { personalInfo: { persons: 10_000 } }, false));
    const up = m.parts.find((p) => p.part === 'icv.owner-pi')!.margins.find((x) => x.measure === 'persons' && x.direction === 'up')!;
    expect(up).toMatchObject({ volume: 90_000, by: 2_345, pathway: 'standard-contract-or-certification', source: policy.bundle.policy.baseline.id });
    const pi = m.parts.find((p) => p.part === PERSONAL_INFO_PART)!.margins.find((x) => x.measure === 'persons' && x.direction === 'up')!;
    expect(pi).toMatchObject({ volume: 12_345, by: 2_345 });
  });

  it('names no margin for an item the lists do not have, and none for a transfer that is not an export', () => {
    const unknown = marginsOf(policy, { asOf: '2027-06-01', processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, items: [{ id: 'icv.nope', persons: 5 }] } });
    expect(unknown.pathway).toBe('indeterminate');
    expect(unknown.parts.map((p) => p.part)).not.toContain('icv.nope');
    expect(marginsOf(policy, { asOf: '2027-06-01', processor: { zone: 'nansha', ciio: false }, transfer: { isExport: false } }).parts).toEqual([]);
  });

  it('every margin holds at threshold − 1, threshold and + 1, and is the nearest (generated requests)', () => {
    const zones = policy.bundle.policy.zones.map((z) => z.id);
    const kinds = policy.bundle.policy.annex.sensitiveKinds.map((k) => k.code);
    const rng = mulberry(7);
    fc.assert(
      fc.property(requests(itemIdsOf(policy), zones, kinds), (request) => {
        checkMargins(policy, request, marginsOf(policy, request), rng);
      }),
      { seed: 16, numRuns: 250 },
    );
  }, 120_000);
});

describe('margins on a generated policy', () => {
  let policy: Policy;
  beforeAll(async () => {
    const root = await tempDir('qingdan-margins-');
    await writeFile(join(root, 'package.json'), `${JSON.stringify({ name: 'margins-generated', version: '0.0.0', private: true })}\n`);
    for (const source of generatePolicy(400, 11, { itemsPerList: 40 })) {
      await mkdir(dirname(join(root, source.path)), { recursive: true });
      await writeFile(join(root, source.path), source.text);
    }
    const result = await build({ paths: [join(root, 'policy')], outDir: join(root, 'dist'), root });
    if (!result.files) throw new Error(result.diagnostics.map((d) => d.code).join(' '));
    policy = await Policy.load(join(root, 'dist'));
  }, 120_000);

  it('every margin holds at threshold − 1, threshold and + 1, and is the nearest (generated ladders, kinds, ciio rungs)', () => {
    const zones = policy.bundle.policy.zones.map((z) => z.id);
    const kinds = policy.bundle.policy.annex.sensitiveKinds.map((k) => k.code);
    const rng = mulberry(9);
    let margins = 0;
    fc.assert(
      fc.property(requests(itemIdsOf(policy), zones, kinds), (request) => {
        const m = marginsOf(policy, request);
        margins += m.parts.reduce((n, p) => n + p.margins.length, 0);
        checkMargins(policy, request, m, rng);
        for (const part of m.parts) for (const k of part.kinds) expect(policy.evaluate({ ...request, transfer: { ...request.transfer, personalInfo: { ...request.transfer.personalInfo, sensitiveKinds: [...(request.transfer.personalInfo?.sensitiveKinds ?? []), k.kind] } } }).pathway).toBe(k.pathway);
      }),
      { seed: 61, numRuns: 250 },
    );
    expect(margins).toBeGreaterThan(100); // the runs did check margins, not only their absence
  }, 120_000);
});
