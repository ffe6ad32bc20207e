/**
 * Decision-runtime benchmark: `npx tsx bench/evaluate.ts`.
 *
 *   1. Builds the real policy (`policy/`) and a generated policy with 10,000 list items (the real
 *      measures, annex, national baseline and zones plus generated lists, from
 *      bench/generate-policy.ts) into temporary folders, and loads both with `Policy.load`.
 *   2. Precomputes a realistic request mix per policy (10,000 requests, seeded PRNG): mostly zone
 *      processors asking about 1–3 list items at varied volumes (preview), plus outside-zone
 *      national-threshold requests, exemptions, CIIOs, important data, non-exports and unknown
 *      items.
 *   3. Decisions per second on one core for `decideTrusted` and `evaluate` (with validation),
 *      each over ≥ 2 s after a warm-up; latency p50/p99. One decision takes well under a
 *      microsecond, below what a single hrtime reading resolves reliably, so latency is timed
 *      over batches of 100 consecutive calls and the percentiles are of the per-batch mean.
 *   4. Load-and-verify: `Policy.load(dir)` against `JSON.parse(readFileSync(policy.json))`,
 *      medians of ≥ 20 runs, with a breakdown of where the load time goes.
 *   5. The national baseline in json-rules-engine (bench/json-rules-engine-baseline.ts) against
 *      `decideTrusted` on a national-only mix: agreement on every request, and speed.
 *
 * Each throughput figure also gives decisions per process-CPU-second (robust to other processes
 * taking the core, but counting GC helper threads) and the GC pauses seen during the run.
 *
 * Options: --items N (size of the generated policy, default 10000); --no-generated;
 * --no-baseline (skip the json-rules-engine comparison); --generated-dir DIR (reuse a bundle
 * built earlier from the generated policy, e.g. kept with --keep: building 10k items takes
 * minutes); --keep (keep the temporary bundles and print their folders).
 *
 * Targets are printed as PASS/FAIL lines; the process exits 0 regardless.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PerformanceObserver, constants as perfConstants, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from '../compiler/build.js';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { compilePolicy } from '../runtime/compile.js';
import { Policy } from '../runtime/policy.js';
import { validateManifest, validatePolicy } from '../runtime/validators.js';
import type { EvaluationRequest, Outcome, RequestItem } from '../runtime/request.js';
import { countItems, generatePolicy, Rng } from './generate-policy.js';
import { baselinePathway, createBaselineEngine } from './json-rules-engine-baseline.js';

const { values: opts } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    'no-generated': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    /** A bundle built earlier from the generated policy (skips the slow build); kept afterwards. */
    'generated-dir': { type: 'string' },
    /** Keep the temporary bundles (their folders are printed). */
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GENERATED_ITEMS = Number(opts.items);
const MIX_SIZE = 10_000;
const MEASURE_MS = 2_000;
const WARMUP_MS = 500;
const BATCH = 100;
const LOAD_RUNS = 25;
const TARGET_DECISIONS_PER_S = 1_000_000;
const TARGET_P50_NS = 1_000;
const TARGET_LOAD_RATIO = 3;

const out = (s = '') => console.log(s);
const log = (s: string) => process.stderr.write(`${s}\n`);
const num = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
/** A full GC between phases, so one phase's garbage is not collected during the next one's timing. */
const gc: (() => void) | undefined =
  (globalThis as { gc?: () => void }).gc ??
  (() => {
    try {
      setFlagsFromString('--expose-gc');
      return runInNewContext('gc') as () => void;
    } catch {
      return undefined;
    }
  })();
const now = () => process.hrtime.bigint();

function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// ---- building the policies -------------------------------------------------------------------------

async function buildReal(): Promise<string> {
  const outDir = join(await mkdtemp(join(tmpdir(), 'qingdan-bench-real-')), 'dist');
  const result = await build({ paths: ['policy'], outDir, root: ROOT });
  if (!result.files) throw new Error(`the real policy does not build: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return outDir;
}

async function buildGenerated(items: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'qingdan-bench-gen-'));
  await writeFile(join(root, 'package.json'), `${JSON.stringify({ name: 'qingdan-bench-generated', version: '0.0.0-bench', private: true })}\n`);
  for (const source of generatePolicy(items, 1)) {
    const target = join(root, source.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, source.text);
  }
  const outDir = join(root, 'dist');
  const result = await build({ paths: [join(root, 'policy')], outDir, root });
  if (!result.files) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new Error(`the generated policy does not build (${errors.length} errors): ${errors.slice(0, 5).map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return outDir;
}

// ---- request mixes ------------------------------------------------------------------------------


/** A date between `from` and `to` (inclusive), YYYY-MM-DD. */
function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

/** Non-sensitive persons: log-uniform 10 … ~30M, with some values exactly on a threshold. */
function persons(rng: Rng): number {
  if (rng.chance(0.08)) return rng.pick([10_000, 99_999, 100_000, 200_000, 999_999, 1_000_000, 5_000_000]);
  return Math.floor(10 ** (1 + rng.float() * 6.5));
}

/** Sensitive persons: log-uniform 1 … ~200k, with some values exactly on a threshold. */
function sensitive(rng: Rng): number {
  if (rng.chance(0.1)) return rng.pick([1, 5_000, 9_999, 10_000, 50_000]);
  return Math.floor(10 ** (rng.float() * 5.3));
}

function personalInfo(rng: Rng, kinds: readonly string[]): NonNullable<EvaluationRequest['transfer']['personalInfo']> {
  const pi: { persons?: number; sensitivePersons?: number; sensitiveKinds?: string[] } = {};
  if (rng.chance(0.85)) pi.persons = persons(rng);
  if (rng.chance(0.3) || pi.persons === undefined) pi.sensitivePersons = sensitive(rng);
  if (pi.sensitivePersons !== undefined && rng.chance(0.4)) pi.sensitiveKinds = rng.sample(kinds, rng.int(1, 2));
  return pi;
}

interface ListRef {
  readonly id: string;
  readonly sector: string;
  readonly zones: readonly string[];
  readonly items: readonly string[];
}

interface Vocabulary {
  readonly lists: readonly ListRef[];
  readonly zones: readonly string[];
  readonly exemptions: readonly { code: string; scope: 'data' | 'personal-info' }[];
  readonly kinds: readonly string[];
  /** Sectors no list covers (a zone processor there falls under the national rules). */
  readonly unlistedSectors: readonly string[];
}

function vocabulary(artifact: PolicyArtifact): Vocabulary {
  const listed = new Set(artifact.lists.map((l) => l.sector));
  const allSectors = artifact.annex.categories.flatMap((c) => c.subcategories.map((s) => s.code));
  return {
    lists: artifact.lists.map((l) => ({ id: l.id, sector: l.sector, zones: l.zones, items: l.scenarios.flatMap((s) => s.items.map((i) => i.id)) })),
    zones: artifact.zones.map((z) => z.id),
    exemptions: artifact.baseline.exemptions.map((e) => ({ code: e.code, scope: e.scope })),
    kinds: artifact.annex.sensitiveKinds.map((k) => k.code),
    unlistedSectors: allSectors.filter((s) => !listed.has(s)),
  };
}

/** Every list in both policies is in force (with preview) from 2027-04-01 until 2028-07-01 (the trial's end). */
const ACTIVE_FROM = '2027-04-01';
const ACTIVE_TO = '2028-06-30';

function itemsOf(rng: Rng, list: ListRef): RequestItem[] {
  return rng.sample(list.items, Math.min(list.items.length, rng.int(1, 3))).map((id) => {
    const item: { id: string; persons?: number; sensitivePersons?: number } = { id };
    if (rng.chance(0.9)) item.persons = persons(rng);
    if (rng.chance(0.3)) item.sensitivePersons = sensitive(rng);
    return item;
  });
}

/** The mixed workload: weights per kind of request, in percent. */
const MIX = [
  ['zone processor, 1–3 list items', 60],
  ['outside zone, national thresholds', 10],
  ['national exemption claimed', 8],
  ['CIIO', 7],
  ['important data', 5],
  ['not an export', 5],
  ['unknown item', 5],
] as const;

function requestMix(artifact: PolicyArtifact, n: number, seed: number): EvaluationRequest[] {
  const v = vocabulary(artifact);
  const rng = new Rng(seed);
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  const requests: EvaluationRequest[] = [];
  const anyZone = () => (rng.chance(0.7) ? rng.pick(v.zones) : 'outside');
  const asOf = () => dateBetween(rng, ACTIVE_FROM, ACTIVE_TO);
  for (let k = 0; k < n; k++) {
    let r = rng.float() * total;
    let kind: (typeof MIX)[number][0] = MIX[0][0];
    for (const [name, w] of MIX) {
      if (r < w) {
        kind = name;
        break;
      }
      r -= w;
    }
    switch (kind) {
      case 'zone processor, 1–3 list items': {
        const list = rng.pick(v.lists);
        const transfer: Record<string, unknown> = { isExport: true, items: itemsOf(rng, list) };
        if (rng.chance(0.3)) transfer.sector = list.sector;
        if (rng.chance(0.15)) transfer.personalInfo = personalInfo(rng, v.kinds); // data of the sector not on the list
        requests.push({
          asOf: rng.chance(0.97) ? asOf() : dateBetween(rng, '2026-01-01', '2026-09-30'), // a few before any list is in force
          preview: rng.chance(0.97),
          processor: { zone: rng.chance(0.97) ? rng.pick(list.zones) : rng.pick(v.zones), ciio: false },
          transfer: transfer as EvaluationRequest['transfer'],
        });
        break;
      }
      case 'outside zone, national thresholds': {
        const transfer: Record<string, unknown> = { isExport: true };
        if (rng.chance(0.95)) transfer.personalInfo = personalInfo(rng, v.kinds);
        requests.push({ asOf: asOf(), processor: { zone: 'outside', ciio: false }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'national exemption claimed': {
        const transfer: Record<string, unknown> = { isExport: true };
        if (rng.chance(0.4)) {
          transfer.exemptions = [rng.pick(v.exemptions.filter((e) => e.scope === 'data')).code];
          if (rng.chance(0.2)) transfer.personalInfo = personalInfo(rng, v.kinds); // contradicts the claim
        } else {
          transfer.exemptions = rng.sample(
            v.exemptions.filter((e) => e.scope === 'personal-info').map((e) => e.code),
            rng.int(1, 2),
          );
          transfer.personalInfo = personalInfo(rng, v.kinds);
        }
        requests.push({ asOf: asOf(), preview: rng.chance(0.5), processor: { zone: anyZone(), ciio: rng.chance(0.1) }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'CIIO': {
        const zone = anyZone();
        const transfer: Record<string, unknown> = { isExport: true };
        if (zone !== 'outside' && rng.chance(0.4)) {
          const list = rng.pick(v.lists.filter((l) => l.zones.includes(zone)).length > 0 ? v.lists.filter((l) => l.zones.includes(zone)) : v.lists);
          transfer.items = itemsOf(rng, list);
        } else if (rng.chance(0.85)) transfer.personalInfo = personalInfo(rng, v.kinds);
        requests.push({ asOf: asOf(), preview: true, processor: { zone, ciio: true }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'important data': {
        const transfer: Record<string, unknown> = { isExport: true, importantData: true };
        if (rng.chance(0.5)) transfer.personalInfo = personalInfo(rng, v.kinds);
        if (rng.chance(0.2)) transfer.exemptions = [rng.pick(v.exemptions).code];
        requests.push({ asOf: asOf(), preview: true, processor: { zone: anyZone(), ciio: rng.chance(0.2) }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'not an export': {
        const transfer: Record<string, unknown> = { isExport: false };
        if (rng.chance(0.5)) transfer.personalInfo = personalInfo(rng, v.kinds);
        requests.push({ asOf: asOf(), processor: { zone: anyZone(), ciio: rng.chance(0.1) }, transfer: transfer as EvaluationRequest['transfer'] });
        break;
      }
      case 'unknown item': {
        const list = rng.pick(v.lists);
        const items = itemsOf(rng, list);
        items[0] = { id: rng.chance(0.5) ? `${list.id}.no-such-item-${k}` : `no-such-list.item-${k}`, persons: persons(rng) };
        requests.push({ asOf: asOf(), preview: true, processor: { zone: rng.pick(list.zones), ciio: false }, transfer: { isExport: true, items } });
        break;
      }
    }
  }
  return requests;
}

/** Requests only the national baseline decides: no items, no listed sector. */
function nationalMix(artifact: PolicyArtifact, n: number, seed: number): EvaluationRequest[] {
  const v = vocabulary(artifact);
  const rng = new Rng(seed);
  const requests: EvaluationRequest[] = [];
  const dataCodes = v.exemptions.filter((e) => e.scope === 'data').map((e) => e.code);
  const piCodes = v.exemptions.filter((e) => e.scope === 'personal-info').map((e) => e.code);
  for (let k = 0; k < n; k++) {
    const zone = rng.chance(0.7) ? 'outside' : rng.pick(v.zones);
    const transfer: Record<string, unknown> = { isExport: true };
    if (zone !== 'outside' && v.unlistedSectors.length > 0 && rng.chance(0.3)) transfer.sector = rng.pick(v.unlistedSectors);
    let ciio = false;
    const r = rng.float();
    if (r < 0.05) {
      transfer.isExport = false;
      if (rng.chance(0.5)) transfer.personalInfo = personalInfo(rng, v.kinds);
      if (rng.chance(0.2)) transfer.importantData = true;
    } else if (r < 0.13) {
      transfer.importantData = true;
      ciio = rng.chance(0.2);
      if (rng.chance(0.5)) transfer.personalInfo = personalInfo(rng, v.kinds);
      if (rng.chance(0.3)) transfer.exemptions = [rng.pick(v.exemptions).code];
    } else if (r < 0.28) {
      ciio = rng.chance(0.15);
      const e = rng.float();
      if (e < 0.35) transfer.exemptions = [rng.pick(dataCodes)]; // valid: no personal information
      else if (e < 0.65) {
        transfer.exemptions = rng.sample(piCodes, rng.int(1, 2)); // valid: personal information
        transfer.personalInfo = personalInfo(rng, v.kinds);
      } else if (e < 0.85) {
        transfer.exemptions = [rng.pick(dataCodes)]; // contradicted
        transfer.personalInfo = personalInfo(rng, v.kinds);
      } else {
        transfer.exemptions = [rng.pick(dataCodes), rng.pick(piCodes)]; // one contradicted, one valid
        transfer.personalInfo = personalInfo(rng, v.kinds);
      }
    } else if (r < 0.4) {
      ciio = true;
      if (rng.chance(0.75)) transfer.personalInfo = personalInfo(rng, v.kinds);
    } else if (r < 0.95) {
      transfer.personalInfo = personalInfo(rng, v.kinds);
    } else if (rng.chance(0.5)) {
      transfer.personalInfo = {}; // nothing regulated
    }
    requests.push({ asOf: dateBetween(rng, ACTIVE_FROM, ACTIVE_TO), processor: { zone, ciio }, transfer: transfer as EvaluationRequest['transfer'] });
  }
  return requests;
}

// ---- measurement -------------------------------------------------------------------------------

/** Keeps results observable so no call is optimised away. */
let sink = 0;

type Mode = 'decideTrusted' | 'evaluate';

// One loop per mode, so each call site stays monomorphic.
function passTrusted(policy: Policy, reqs: readonly EvaluationRequest[], from: number, count: number): number {
  let s = 0;
  const n = reqs.length;
  for (let k = 0, i = from; k < count; k++, i = i + 1 === n ? 0 : i + 1) s += policy.decideTrusted(reqs[i]!).reasons.length;
  return s;
}

function passEvaluate(policy: Policy, reqs: readonly EvaluationRequest[], from: number, count: number): number {
  let s = 0;
  const n = reqs.length;
  for (let k = 0, i = from; k < count; k++, i = i + 1 === n ? 0 : i + 1) s += policy.evaluate(reqs[i]!).reasons.length;
  return s;
}

const PASS: Record<Mode, typeof passTrusted> = { decideTrusted: passTrusted, evaluate: passEvaluate };

interface Figures {
  perSecond: number;
  /** Decisions per second of process CPU time (user + system, all threads: GC helpers included). */
  perCpuSecond: number;
  decisions: number;
  seconds: number;
  /** Garbage collection seen during the throughput run. */
  gc: GcSummary;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  batches: number;
}

// Garbage collections, as Node reports them (delivered asynchronously; read after a tick).
interface GcEntry {
  start: number;
  duration: number;
  minor: boolean;
}
const gcEntries: GcEntry[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    gcEntries.push({ start: e.startTime, duration: e.duration, minor: kind === perfConstants.NODE_PERFORMANCE_GC_MINOR });
  }
}).observe({ entryTypes: ['gc'] });

interface GcSummary {
  minorCount: number;
  minorMs: number;
  majorCount: number;
  majorMs: number;
  /** Share of the window's wall time spent in GC pauses. */
  share: number;
}

async function gcDuring(from: number, to: number): Promise<GcSummary> {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  const inWindow = gcEntries.filter((e) => e.start >= from && e.start < to);
  const minor = inWindow.filter((e) => e.minor);
  const major = inWindow.filter((e) => !e.minor);
  const sum = (xs: GcEntry[]) => xs.reduce((a, e) => a + e.duration, 0);
  return { minorCount: minor.length, minorMs: sum(minor), majorCount: major.length, majorMs: sum(major), share: (sum(minor) + sum(major)) / (to - from) };
}

async function measure(policy: Policy, reqs: readonly EvaluationRequest[], mode: Mode): Promise<Figures> {
  const pass = PASS[mode];
  const n = reqs.length;
  gc?.();
  // Warm-up.
  const w0 = now();
  while (Number(now() - w0) < WARMUP_MS * 1e6) sink += pass(policy, reqs, 0, n);

  // Throughput: whole passes over the mix, ≥ MEASURE_MS in total.
  let decisions = 0;
  let elapsed = 0n;
  const windowStart = performance.now();
  const cpu0 = process.cpuUsage();
  while (Number(elapsed) < MEASURE_MS * 1e6) {
    const t0 = now();
    sink += pass(policy, reqs, 0, n);
    elapsed += now() - t0;
    decisions += n;
  }
  const cpu = process.cpuUsage(cpu0);
  const windowEnd = performance.now();
  const seconds = Number(elapsed) / 1e9;

  // Latency: batches of BATCH consecutive calls over the mix, ≥ MEASURE_MS; ns per call per batch.
  const perBatch: number[] = [];
  let spent = 0n;
  let from = 0;
  while (Number(spent) < MEASURE_MS * 1e6) {
    const t0 = now();
    sink += pass(policy, reqs, from, BATCH);
    const dt = now() - t0;
    spent += dt;
    perBatch.push(Number(dt) / BATCH);
    from = (from + BATCH) % n;
  }
  const sorted = Float64Array.from(perBatch).sort();
  return {
    perSecond: decisions / seconds,
    perCpuSecond: decisions / ((cpu.user + cpu.system) / 1e6),
    decisions,
    seconds,
    gc: await gcDuring(windowStart, windowEnd),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    batches: sorted.length,
  };
}

/** The cost of one hrtime.bigint() reading, ns (median of many). */
function timerCost(): number {
  const xs: number[] = [];
  for (let k = 0; k < 2_000; k++) {
    const t0 = now();
    for (let i = 0; i < 100; i++) now();
    xs.push(Number(now() - t0) / 100);
  }
  return median(xs);
}

// ---- load-and-verify ---------------------------------------------------------------------------

interface LoadFigures {
  policyBytes: number;
  loadMs: number;
  firstLoadMs: number;
  parseMs: number;
  parts: Record<string, number>;
}

/** A full GC, then a pause so the GC's concurrent sweeper threads are done before timing starts. */
async function settle(): Promise<void> {
  gc?.();
  await new Promise((r) => setTimeout(r, 20));
}

async function measureLoad(dir: string, firstLoadMs: number): Promise<LoadFigures> {
  const policyPath = join(dir, 'policy.json');
  const policyBytes = readFileSync(policyPath).length;
  const loads: number[] = [];
  const parses: number[] = [];
  // Interleaved so drift (other processes, GC) hits both alike.
  for (let k = 0; k < LOAD_RUNS + 2; k++) {
    await settle();
    const t0 = now();
    const p = await Policy.load(dir);
    const t1 = now();
    if (p.digest.length === 0) sink++;
    await settle();
    const t2 = now();
    const a = JSON.parse(readFileSync(policyPath, 'utf8')) as PolicyArtifact;
    const t3 = now();
    sink += a.lists.length;
    if (k >= 2) {
      loads.push(Number(t1 - t0) / 1e6);
      parses.push(Number(t3 - t2) / 1e6);
    }
  }

  // Where the load time goes: the same steps as runtime/load.ts + Policy's constructor, timed apart.
  const parts: Record<string, number[]> = { 'readFileSync ×2': [], 'sha256 policy.json': [], 'JSON.parse policy.json (from Buffer)': [], 'validatePolicy (precompiled schema)': [], compilePolicy: [] };
  for (let k = 0; k < LOAD_RUNS; k++) {
    await settle();
    const t0 = now();
    const manifestBytes = readFileSync(join(dir, 'manifest.json'));
    const policyBuf = readFileSync(policyPath);
    const t1 = now();
    const d1 = createHash('sha256').update(policyBuf).digest('hex');
    const t2 = now();
    validateManifest(JSON.parse(Buffer.from(manifestBytes).toString('utf8')));
    const artifact = JSON.parse(Buffer.from(policyBuf).toString('utf8')) as PolicyArtifact;
    const t3 = now();
    if (!validatePolicy(artifact)) throw new Error('the policy does not conform to its schema');
    const t4 = now();
    const compiled = compilePolicy(artifact, d1);
    const t5 = now();
    sink += compiled.itemIndex.size;
    parts['readFileSync ×2']!.push(Number(t1 - t0) / 1e6);
    parts['sha256 policy.json']!.push(Number(t2 - t1) / 1e6);
    parts['JSON.parse policy.json (from Buffer)']!.push(Number(t3 - t2) / 1e6);
    parts['validatePolicy (precompiled schema)']!.push(Number(t4 - t3) / 1e6);
    parts.compilePolicy!.push(Number(t5 - t4) / 1e6);
  }
  return {
    policyBytes,
    loadMs: median(loads),
    firstLoadMs,
    parseMs: median(parses),
    parts: Object.fromEntries(Object.entries(parts).map(([k, xs]) => [k, median(xs)])),
  };
}

// ---- reporting helpers ---------------------------------------------------------------------------

function pathwayCounts(policy: Policy, reqs: readonly EvaluationRequest[]): string {
  const counts = new Map<Outcome, number>();
  for (const r of reqs) {
    const p = policy.decideTrusted(r).pathway;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const order: Outcome[] = ['not-applicable', 'exempt', 'standard-contract-or-certification', 'security-assessment', 'indeterminate'];
  return order.map((o) => `${o} ${num(((counts.get(o) ?? 0) / reqs.length) * 100, 1)}%`).join(', ');
}

function invalidCount(policy: Policy, reqs: readonly EvaluationRequest[]): number {
  let bad = 0;
  for (const r of reqs) if (policy.problems(r).length > 0) bad++;
  return bad;
}

const fmtNs = (ns: number) => (ns < 1_000 ? `${num(ns, 0)} ns` : `${num(ns / 1_000, 2)} µs`);

function printFigures(label: string, f: Figures): void {
  out(`  ${label.padEnd(14)} ${num(f.perSecond).padStart(11)} decisions/s   (${num(f.decisions)} decisions in ${num(f.seconds, 2)} s; ${num(f.perCpuSecond)} per process-CPU-second)`);
  out(`  ${''.padEnd(14)} GC during the run: ${f.gc.minorCount} scavenges ${num(f.gc.minorMs, 0)} ms, ${f.gc.majorCount} mark-compacts ${num(f.gc.majorMs, 0)} ms — ${num(f.gc.share * 100, 1)}% of wall time`);
  out(`  ${''.padEnd(14)} latency per call, mean of each batch of ${BATCH} (${num(f.batches)} batches): p50 ${fmtNs(f.p50)}, p90 ${fmtNs(f.p90)}, p99 ${fmtNs(f.p99)}, p99.9 ${fmtNs(f.p999)}`);
}

// ---- main --------------------------------------------------------------------------------------

const cpu = cpus()[0]?.model ?? 'unknown CPU';
out(`qingdan decision benchmark — node ${process.version}, ${cpu}, ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}${gc ? ', gc exposed' : ''}`);
out(`one core (single thread); warm-up ${WARMUP_MS} ms, then ≥ ${MEASURE_MS} ms for throughput and ≥ ${MEASURE_MS} ms for latency per figure`);
out(`hrtime.bigint() costs ~${num(timerCost(), 0)} ns per reading, hence latency is timed over batches of ${BATCH} calls (p50/p99 below are of the per-batch mean per call)`);
out();

log('building the real policy…');
let t = now();
const realDir = await buildReal();
const realBuildMs = Number(now() - t) / 1e6;
t = now();
const realPolicy = await Policy.load(realDir);
const realFirstLoadMs = Number(now() - t) / 1e6;

interface Subject {
  name: string;
  dir: string;
  policy: Policy;
  buildMs: number;
  firstLoadMs: number;
}
const policies: Subject[] = [{ name: 'real policy', dir: realDir, policy: realPolicy, buildMs: realBuildMs, firstLoadMs: realFirstLoadMs }];
if (!opts['no-generated']) {
  log(opts['generated-dir'] ? `using the generated bundle in ${opts['generated-dir']}` : `building the generated policy (${num(GENERATED_ITEMS)} items)…`);
  t = now();
  const genDir = opts['generated-dir'] ?? (await buildGenerated(GENERATED_ITEMS));
  const genBuildMs = opts['generated-dir'] ? NaN : Number(now() - t) / 1e6;
  gc?.();
  t = now();
  const genPolicy = await Policy.load(genDir);
  const genFirstLoadMs = Number(now() - t) / 1e6;
  policies.push({ name: `generated ${num(GENERATED_ITEMS / 1000)}k-item policy`, dir: genDir, policy: genPolicy, buildMs: genBuildMs, firstLoadMs: genFirstLoadMs });
}

const results = new Map<string, { trusted: Figures; evaluate: Figures; load: LoadFigures }>();
for (const [index, p] of policies.entries()) {
  const artifact = p.policy.bundle.policy;
  const reqs = requestMix(artifact, MIX_SIZE, 0x5eed + index);
  out(`== ${p.name}: ${artifact.lists.length} lists, ${num(countItems(artifact))} items, policy.json ${num(readFileSync(join(p.dir, 'policy.json')).length / 1024, 0)} KiB, ${Number.isNaN(p.buildMs) ? 'prebuilt' : `built in ${num(p.buildMs)} ms`}`);
  out(`  request mix: ${num(reqs.length)} requests — ${MIX.map(([k, w]) => `${k} ${w}%`).join(', ')}`);
  out(`  pathways in the mix: ${pathwayCounts(p.policy, reqs)}`);
  out(`  requests failing validation: ${invalidCount(p.policy, reqs)}`);
  log(`${p.name}: decideTrusted…`);
  const trusted = await measure(p.policy, reqs, 'decideTrusted');
  log(`${p.name}: evaluate…`);
  const evaluate = await measure(p.policy, reqs, 'evaluate');
  printFigures('decideTrusted', trusted);
  printFigures('evaluate', evaluate);
  out(`  validation overhead: ${fmtNs(1e9 / evaluate.perSecond - 1e9 / trusted.perSecond)} per call (mean)`);
  log(`${p.name}: load…`);
  const load = await measureLoad(p.dir, p.firstLoadMs);
  out(`  load-and-verify: Policy.load ${num(load.loadMs, 2)} ms (median of ${LOAD_RUNS}; first, cold load ${num(load.firstLoadMs, 2)} ms)`);
  out(`                   JSON.parse(readFileSync(policy.json)) ${num(load.parseMs, 2)} ms (median of ${LOAD_RUNS}) — ratio ${num(load.loadMs / load.parseMs, 2)}×`);
  out(`                   breakdown (medians, ms): ${Object.entries(load.parts).map(([k, v]) => `${k} ${num(v, 3)}`).join('; ')}`);
  out();
  results.set(p.name, { trusted, evaluate, load });
}

// ---- json-rules-engine comparison ----------------------------------------------------------------

if (!opts['no-baseline']) {
  const artifact = realPolicy.bundle.policy;
  const reqs = nationalMix(artifact, MIX_SIZE, 0xba5e);
  const engine = createBaselineEngine();
  out(`== national baseline: json-rules-engine vs qingdan decideTrusted (real policy), ${num(reqs.length)} national-only requests`);
  out(`  pathways in the mix: ${pathwayCounts(realPolicy, reqs)}`);
  out(`  requests failing validation: ${invalidCount(realPolicy, reqs)}`);
  log('json-rules-engine: agreement check…');
  let disagreements = 0;
  const examples: string[] = [];
  for (const r of reqs) {
    const jre = await baselinePathway(engine, r);
    const qd = realPolicy.decideTrusted(r).pathway;
    if (jre !== qd) {
      disagreements++;
      if (examples.length < 5) examples.push(`    json-rules-engine ${jre}, qingdan ${qd}: ${JSON.stringify(r)}`);
    }
  }
  out(`  disagreements on the pathway: ${disagreements} of ${num(reqs.length)}`);
  for (const e of examples) out(e);

  log('json-rules-engine: throughput…');
  gc?.();
  const w0 = now();
  for (let i = 0; Number(now() - w0) < WARMUP_MS * 1e6; i = (i + 1) % reqs.length) sink += (await baselinePathway(engine, reqs[i]!)).length;
  let jreDecisions = 0;
  let jreElapsed = 0n;
  while (Number(jreElapsed) < MEASURE_MS * 1e6) {
    const t0 = now();
    for (const r of reqs) sink += (await baselinePathway(engine, r)).length;
    jreElapsed += now() - t0;
    jreDecisions += reqs.length;
  }
  const jrePerSecond = jreDecisions / (Number(jreElapsed) / 1e9);
  log('qingdan on the national mix…');
  const qd = await measure(realPolicy, reqs, 'decideTrusted');
  out(`  json-rules-engine ${num(jrePerSecond).padStart(11)} decisions/s   (${num(jreDecisions)} decisions in ${num(Number(jreElapsed) / 1e9, 2)} s, each run awaited)`);
  out(`  qingdan           ${num(qd.perSecond).padStart(11)} decisions/s   (${num(qd.decisions)} decisions in ${num(qd.seconds, 2)} s; p50 ${fmtNs(qd.p50)}, p99 ${fmtNs(qd.p99)} per call, batch means)`);
  out(`  qingdan / json-rules-engine: ${num(qd.perSecond / jrePerSecond, 1)}× (qingdan also builds the full response: reasons, citations, obligations, advisories)`);
  out();
}

// ---- targets -------------------------------------------------------------------------------------

const real = results.get(policies[0]!.name)!;
out('== targets');
out(`${verdict(real.trusted.perSecond >= TARGET_DECISIONS_PER_S)}  ≥ ${num(TARGET_DECISIONS_PER_S)} decisions/s in-process (decideTrusted, real policy): ${num(real.trusted.perSecond)}`);
out(`${verdict(real.trusted.p50 < TARGET_P50_NS)}  p50 < 1 µs in-process (decideTrusted, real policy, batch means of ${BATCH}): ${fmtNs(real.trusted.p50)}`);
for (const p of policies) {
  const r = results.get(p.name)!;
  out(`${verdict(r.load.loadMs < TARGET_LOAD_RATIO * r.load.parseMs)}  load < ${TARGET_LOAD_RATIO}× JSON.parse (${p.name}): ${num(r.load.loadMs / r.load.parseMs, 2)}×`);
}
for (const p of policies) {
  const r = results.get(p.name)!;
  out(`info  ${p.name}: decideTrusted ${num(r.trusted.perSecond)} decisions/s, p50 ${fmtNs(r.trusted.p50)}; evaluate (validated) ${num(r.evaluate.perSecond)} decisions/s, p50 ${fmtNs(r.evaluate.p50)}`);
}

out(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (figures are wall-clock on a ${cpus().length}-core machine shared with other processes)`);
for (const p of policies) {
  if (opts.keep) log(`kept ${p.dir}`);
  else if (p.dir !== opts['generated-dir']) await rm(dirname(p.dir), { recursive: true, force: true });
}
if (sink === -1) out('');
