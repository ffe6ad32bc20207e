/**
 * The runtime against an earlier revision of itself, in one process: `npx tsx bench/runtime-ab.ts
 * [--base REV] [--no-time] [BUNDLE_DIR…]` (AB_ROUNDS=N rounds of timing, default 30).
 *
 *   1. Takes `runtime/` of REV (default HEAD) from git objects and bundles it, and the working
 *      tree's `runtime/`, each into one ES module (esbuild); both load the same policy bundles
 *      (default: the real policy, built into a temporary folder).
 *   2. Compares the full JSON of every response — `decideTrusted`, and `evaluate` with its
 *      problems — over each policy's request mixes (bench/request-mix.ts, two seeds and the
 *      national mix), plus the same requests on dates around the lists' and the trial's dates,
 *      previewed and not. A speed change must not change one field of one response.
 *   3. Times decisions in process CPU time, A and B alternating in rounds, so the load other
 *      processes put on the machine hits both alike (wall-clock figures on a shared machine say
 *      more about the scheduler than about the code). Orders alternate too: whichever runs first
 *      in a process tends to come out a few percent faster.
 *
 * Exits 1 when some response differs. Speed is printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build as esbuild } from 'esbuild';
import { build } from '../compiler/build.js';
import type { EvaluationRequest, EvaluationResponse } from '../runtime/request.js';
import { nationalMix, requestMix } from './request-mix.js';

const { values: opts, positionals } = parseArgs({
  options: { base: { type: 'string', default: 'HEAD' }, 'no-time': { type: 'boolean', default: false } },
  allowPositionals: true,
  strict: true,
});

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MIX_SIZE = 10_000;
const ROUNDS = Number(process.env.AB_ROUNDS ?? 30);
/** Rounds timed but not counted: both runtimes are still being optimised by V8. */
const WARMUP_ROUNDS = 4;
if (!opts['no-time'] && (!Number.isInteger(ROUNDS) || ROUNDS <= WARMUP_ROUNDS)) {
  console.error(`AB_ROUNDS must be a whole number above the ${WARMUP_ROUNDS} warm-up rounds (got ${process.env.AB_ROUNDS})`);
  process.exit(2);
}
const PASSES_PER_ROUND = 3;
/** Dates where list states change in the real and generated policies, and around them. */
const DATES = ['2026-01-01', '2026-10-01', '2027-01-01', '2027-03-31', '2027-04-01', '2028-06-30', '2028-07-01', '2029-01-01'];

interface Runtime {
  Policy: { load(dir: string): Promise<Policy> };
}
interface Policy {
  readonly bundle: { readonly policy: Parameters<typeof requestMix>[0] };
  decideTrusted(r: EvaluationRequest): EvaluationResponse;
  evaluate(r: unknown): EvaluationResponse;
}

/** `runtime/index.ts` under `root`, bundled into one module at `outfile`. */
async function bundleRuntime(root: string, outfile: string): Promise<Runtime> {
  await esbuild({ entryPoints: [join(root, 'runtime', 'index.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return (await import(pathToFileURL(outfile).href)) as Runtime;
}

/** `runtime/` as it is at `rev`, read from git objects into `dir`. */
function checkoutRuntime(rev: string, dir: string): void {
  const archive = spawnSync('git', ['archive', '--format=tar', rev, 'runtime'], { cwd: ROOT, maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive ${rev}: ${archive.stderr.toString().trim()}`);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr.toString().trim()}`);
}

/** The response, or the problems of a request `evaluate` refuses, as one string. */
function outcome(run: () => EvaluationResponse): string {
  try {
    return JSON.stringify(run());
  } catch (e) {
    return `refused ${JSON.stringify((e as { problems?: unknown }).problems ?? String(e))}`;
  }
}

/** The requests compared: the mixes, and a share of them again on other dates, previewed or not. */
function requestsOf(policy: Policy): EvaluationRequest[] {
  const artifact = policy.bundle.policy;
  const requests = [...requestMix(artifact, MIX_SIZE, 0x5eed), ...requestMix(artifact, MIX_SIZE, 0xab), ...nationalMix(artifact, MIX_SIZE / 2, 0xba5e)];
  for (let k = 0; k < MIX_SIZE / 2; k++) {
    const r = structuredClone(requests[k]!) as { asOf: string; preview?: boolean };
    r.asOf = DATES[k % DATES.length]!;
    if (k % 2 === 1) delete r.preview;
    else r.preview = true;
    requests.push(r as EvaluationRequest);
  }
  return requests;
}

let sink = 0;

/** CPU nanoseconds of this process so far (user + system). */
function cpuNs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1_000;
}

function pass(policy: Policy, mix: readonly EvaluationRequest[]): void {
  for (let i = 0; i < mix.length; i++) sink += policy.decideTrusted(mix[i]!).reasons.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

interface Timing {
  /** Median CPU ns per decision. */
  a: number;
  b: number;
  /** A's time over B's in each round's pair, sorted: its median and quartiles say how sure the speed-up is. */
  ratios: number[];
}

/**
 * CPU ns per decision of A and B over the bench's request mix, alternating (first rounds are
 * warm-up). Each round times A and B back to back, so the ratio within a round sees the same
 * load; the median of those ratios varies less than the ratio of the two medians when other
 * processes come and go.
 */
function time(a: Policy, b: Policy): Timing {
  const mix = requestMix(a.bundle.policy, MIX_SIZE, 0x5eed);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order: [Policy, number[]][] = round % 2 === 0 ? [[a, ta], [b, tb]] : [[b, tb], [a, ta]];
    for (const [policy, times] of order) {
      const c = cpuNs();
      for (let k = 0; k < PASSES_PER_ROUND; k++) pass(policy, mix);
      times.push((cpuNs() - c) / (PASSES_PER_ROUND * mix.length));
    }
  }
  const ratios = ta.map((x, k) => x / tb[k]!).slice(WARMUP_ROUNDS);
  return { a: median(ta.slice(WARMUP_ROUNDS)), b: median(tb.slice(WARMUP_ROUNDS)), ratios: ratios.sort((x, y) => x - y) };
}

const work = await mkdtemp(join(tmpdir(), 'qingdan-runtime-ab-'));
let differing = 0;
try {
  checkoutRuntime(opts.base, work);
  const A = await bundleRuntime(work, join(work, 'a.mjs'));
  const B = await bundleRuntime(ROOT, join(work, 'b.mjs'));
  let dirs = positionals;
  if (dirs.length === 0) {
    const outDir = join(work, 'real', 'dist');
    const result = await build({ paths: ['policy'], outDir, root: ROOT });
    if (!result.files) throw new Error('the real policy does not build');
    dirs = [outDir];
  }
  console.log(`A: runtime/ at ${opts.base}; B: the working tree's runtime/`);
  for (const dir of dirs) {
    const a = await A.Policy.load(dir);
    const b = await B.Policy.load(dir);
    const requests = requestsOf(a);
    let here = 0;
    for (const r of requests) {
      const sameDecision = outcome(() => a.decideTrusted(r)) === outcome(() => b.decideTrusted(r));
      const sameEvaluation = outcome(() => a.evaluate(r)) === outcome(() => b.evaluate(r));
      if (sameDecision && sameEvaluation) continue;
      if (here++ < 3) console.log(`  differs: ${JSON.stringify(r)}\n    A ${outcome(() => a.decideTrusted(r))}\n    B ${outcome(() => b.decideTrusted(r))}`);
    }
    differing += here;
    console.log(`${dir}: ${requests.length.toLocaleString('en-US')} requests, ${here} differing responses`);
    if (opts['no-time']) continue;
    const t = time(a, b);
    const q = (f: number) => t.ratios[Math.floor(f * (t.ratios.length - 1))]!.toFixed(2);
    console.log(`  CPU per decision: A ${t.a.toFixed(0)} ns, B ${t.b.toFixed(0)} ns — B is ${(t.a / t.b).toFixed(2)}× A's speed; per round ${q(0.5)}× (quartiles ${q(0.25)}–${q(0.75)})`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
if (sink === -1) console.log('');
process.exitCode = differing > 0 ? 1 : 0;
