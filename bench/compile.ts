/**
 * Compiler throughput benchmark: `npm run bench` (or `npx tsx bench/compile.ts`).
 *
 *   --sizes 1000,10000,100000   declarations (list items) per generated policy
 *   --runs N                    timed runs per size (default 1; the median is reported)
 *   --seed N                    generator seed (default 1)
 *   --items-per-file N          generated items per .qd file (default 1000)
 *   --no-warmup                 skip the untimed warm-up run of the sizes below 100k
 *
 * Phases, timed separately with process.hrtime.bigint():
 *   parse  every file through parseSource (lex, parse and build the AST)
 *   check  collectSymbols + check (every specified rule)
 *   emit   lowerPolicy + emitRuntimeArtifacts (policy.json, schemas) +
 *          validateArtifact against the policy schema
 * and, outside the compile total, the gazettes `qingdan build` also writes (emitGazette:
 * Markdown and HTML for every document and list), reported as their own column with their own
 * peak RSS; `--no-gazette` skips them. The targets are the issue's: they apply to the compile.
 *
 * Memory: RSS and heapUsed are sampled at each phase boundary and by a 10 ms setInterval.
 * Compilation is synchronous, so a main-thread timer only fires between phases; a second
 * 10 ms sampler runs in a worker thread (RSS is process-wide) to catch the peak *inside* a
 * phase. Peak RSS is the maximum of all samples. With `--expose-gc` (tsx passes it on:
 * `npx tsx --expose-gc bench/compile.ts`, or `NODE_OPTIONS=--expose-gc npm run bench`) garbage
 * is collected before every run, so a size's peak does not include the previous size's garbage;
 * without it the figures are still valid, only slightly pessimistic. V8 heap flags change the
 * results noticeably (a larger young generation: the parse allocates many short-lived syntax
 * nodes), so the bench runs under the flags `qingdan build` runs with (bench/cli-heap.ts), unless
 * NODE_OPTIONS sets a size already; the summary names the flags.
 * The machine's load average is printed too: on a shared machine, compare min and median, and
 * the CPU time the process spent in the same timed regions (process.cpuUsage: every thread of
 * the process, the garbage collector's helpers included), which other processes' load inflates
 * far less than wall time.
 *
 * Targets are printed as PASS/FAIL lines; the process exits 0 regardless.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { check } from '../compiler/check/check.js';
import { emitRuntimeArtifacts } from '../compiler/build.js';
import { emitGazette } from '../compiler/emit/gazette/emit.js';
import type { Diagnostic } from '../compiler/diagnostics.js';
import { lowerPolicy } from '../compiler/emit/lower.js';
import { policySchema } from '../compiler/emit/schemas/policy.schema.js';
import { validateArtifact } from '../compiler/emit/validate.js';
import { parseSource } from '../compiler/parse.js';
import type { Source } from '../compiler/source.js';
import { collectSymbols } from '../compiler/symbols.js';
import { runUnderCliHeap, v8Flags } from './cli-heap.js';
import { cpuMs } from './cpu-time.js';
import { countItems, generatePolicy, sourceBytes } from './generate-policy.js';

runUnderCliHeap('build');

const MiB = 1024 * 1024;
const TARGET_100K_MS = 7_000;
const TARGET_RSS_MIB = 1024;
const TARGET_RATIO = 12;
/** Compile time at most this many times JSON.parse of the artifact it emits (issue 14 point 9). */
const TARGET_JSON_RATIO = 10;

// ---- options -----------------------------------------------------------------------------------

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'items-per-file': { type: 'string', default: '1000' },
    'no-warmup': { type: 'boolean', default: false },
    'no-gazette': { type: 'boolean', default: false },
  },
  strict: true,
});
const sizes = opts.sizes
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean)
  .map((s) => (s.endsWith('k') ? Number(s.slice(0, -1)) * 1000 : Number(s)));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes: expected positive integers, got '${opts.sizes}'`);
const runs = opts.runs === undefined ? 1 : Math.max(1, Number(opts.runs));
const seed = Number(opts.seed);
const itemsPerFile = Number(opts['items-per-file']);
const gc = (globalThis as { gc?: () => void }).gc;

// ---- memory sampling ---------------------------------------------------------------------------

/** Peak RSS seen by the worker sampler since the last reset, in bytes (slot 0). */
const shared = new BigInt64Array(new SharedArrayBuffer(8));
const worker = new Worker(
  `const { workerData } = require('node:worker_threads');
   const peak = workerData;
   const sample = () => {
     const rss = BigInt(process.memoryUsage.rss());
     let cur = Atomics.load(peak, 0);
     while (rss > cur) {
       const prev = Atomics.compareExchange(peak, 0, cur, rss);
       if (prev === cur) break;
       cur = prev;
     }
   };
   sample();
   setInterval(sample, 10);`,
  { eval: true, workerData: shared },
);
worker.unref();

class MemoryPeak {
  rss = 0;
  heapUsed = 0;
  private readonly timer: NodeJS.Timeout;
  constructor() {
    Atomics.store(shared, 0, 0n);
    this.sample();
    this.timer = setInterval(() => this.sample(), 10);
  }
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heapUsed) this.heapUsed = m.heapUsed;
  }
  stop(): { rss: number; heapUsed: number } {
    clearInterval(this.timer);
    this.sample();
    return { rss: Math.max(this.rss, Number(Atomics.load(shared, 0))), heapUsed: this.heapUsed };
  }
}

/** Lets the main-thread sampler tick at a phase boundary (outside the timed region). */
const boundary = () => new Promise<void>((r) => setTimeout(r, 0));

// ---- one compile -------------------------------------------------------------------------------

interface RunResult {
  parseNs: bigint;
  checkNs: bigint;
  emitNs: bigint;
  totalNs: bigint;
  /** CPU time of the process over the same regions as `totalNs`, and over JSON.parse. */
  totalCpuMs: number;
  jsonParseCpuMs: number;
  /** JSON.parse of the emitted policy.json, timed in the same run (outside the total). */
  jsonParseNs: bigint;
  gazetteNs: bigint | undefined;
  rss: number;
  heapUsed: number;
  gazetteRss: number | undefined;
  items: number;
  outputBytes: number;
  diagnostics: Diagnostic[];
}

async function compileOnce(sources: readonly Source[]): Promise<RunResult> {
  gc?.();
  const mem = new MemoryPeak();
  const diagnostics: Diagnostic[] = [];

  const c0 = cpuMs();
  const t0 = process.hrtime.bigint();
  const parsed = sources.map(parseSource);
  const t1 = process.hrtime.bigint();
  const c1 = cpuMs();
  mem.sample();
  await boundary();

  const c2 = cpuMs();
  const t2 = process.hrtime.bigint();
  const files = parsed.map((p) => p.file);
  const symbols = collectSymbols(files);
  const checked = check(files, symbols);
  const t3 = process.hrtime.bigint();
  const c3 = cpuMs();
  mem.sample();
  await boundary();
  for (const p of parsed) diagnostics.push(...p.diagnostics);
  diagnostics.push(...checked);

  const c4 = cpuMs();
  const t4 = process.hrtime.bigint();
  const lowered = lowerPolicy(files, symbols, '0.0.0-bench');
  let outputBytes = 0;
  let items = 0;
  let policyJson = '';
  if (lowered.artifact) {
    const out = emitRuntimeArtifacts(lowered.artifact);
    diagnostics.push(...validateArtifact('policy.json', policySchema, lowered.artifact));
    for (const text of out.values()) outputBytes += text.length;
    items = countItems(lowered.artifact);
    policyJson = out.get('policy.json') ?? '';
  }
  const t5 = process.hrtime.bigint();
  const c5 = cpuMs();
  mem.sample();
  diagnostics.push(...lowered.diagnostics);
  // The compile's peak ends here: the yardstick below builds a second artifact in memory
  // (~150 MiB at 100k declarations), which is the reader's memory, not the compiler's.
  const peak = mem.stop();
  // The yardstick: how long reading the compiled policy back takes, on this machine, now.
  const c6j = cpuMs();
  const t6j = process.hrtime.bigint();
  if (policyJson) JSON.parse(policyJson);
  const jsonParseNs = process.hrtime.bigint() - t6j;
  const jsonParseCpuMs = cpuMs() - c6j;

  let gazetteNs: bigint | undefined;
  let gazetteRss: number | undefined;
  if (!opts['no-gazette'] && lowered.artifact) {
    await boundary();
    const gazetteMem = new MemoryPeak();
    const t6 = process.hrtime.bigint();
    emitGazette(lowered.artifact, { digest: 'bench', commit: null, dirty: false });
    gazetteNs = process.hrtime.bigint() - t6;
    gazetteRss = gazetteMem.stop().rss;
  }
  return {
    gazetteNs,
    gazetteRss,
    parseNs: t1 - t0,
    checkNs: t3 - t2,
    emitNs: t5 - t4,
    totalNs: t1 - t0 + (t3 - t2) + (t5 - t4),
    totalCpuMs: c1 - c0 + (c3 - c2) + (c5 - c4),
    jsonParseCpuMs,
    jsonParseNs,
    rss: peak.rss,
    heapUsed: peak.heapUsed,
    items,
    outputBytes,
    diagnostics,
  };
}

/** The median; of an even count, the mean of the middle two (not the lower, which flatters). */
function median(xs: bigint[]): bigint {
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2n;
}

// ---- main --------------------------------------------------------------------------------------

interface Row {
  n: number;
  files: number;
  bytes: number;
  parseMs: number;
  checkMs: number;
  emitMs: number;
  totalMs: number;
  minTotalMs: number;
  jsonParseMs: number;
  /** Compile time / JSON.parse time, per run. */
  ratios: number[];
  /** Compile CPU time per run, and compile CPU / JSON.parse CPU. */
  cpuMs: number[];
  cpuRatios: number[];
  rssMiB: number;
  heapMiB: number;
  diagnostics: number;
  items: number;
  outputMiB: number;
  gazetteMs: number | undefined;
  gazetteRssMiB: number | undefined;
}

const ms = (ns: bigint) => Number(ns) / 1e6;
const log = (s: string) => process.stderr.write(`${s}\n`);

const rows: Row[] = [];
log(`qingdan compile benchmark — node ${process.version}, seed ${seed}, ${itemsPerFile} items/file, runs ${runs}${gc ? ', gc exposed' : ''}${process.env.NODE_OPTIONS ? `, NODE_OPTIONS=${process.env.NODE_OPTIONS}` : ''}`);
for (const n of sizes) {
  const sources = generatePolicy(n, seed, { itemsPerFile });
  const bytes = sourceBytes(sources);
  const warm = !opts['no-warmup'] && n < 100_000;
  if (warm) {
    log(`  ${n}: warm-up…`);
    await compileOnce(sources);
  }
  const results: RunResult[] = [];
  for (let r = 0; r < runs; r++) {
    log(`  ${n}: run ${r + 1}/${runs}…`);
    const res = await compileOnce(sources);
    results.push(res);
    const gazette = res.gazetteNs === undefined ? '' : `; gazettes ${ms(res.gazetteNs).toFixed(0)} ms, peak RSS ${(res.gazetteRss! / MiB).toFixed(0)} MiB`;
    log(`    CPU ${res.totalCpuMs.toFixed(0)} ms; parse ${ms(res.parseNs).toFixed(0)} ms, check ${ms(res.checkNs).toFixed(0)} ms, emit ${ms(res.emitNs).toFixed(0)} ms, JSON.parse of policy.json ${ms(res.jsonParseNs).toFixed(0)} ms, peak RSS ${(res.rss / MiB).toFixed(0)} MiB${gazette}`);
  }
  const last = results.at(-1)!;
  for (const d of last.diagnostics.slice(0, 5)) log(`    diagnostic: ${JSON.stringify(d).slice(0, 300)}`);
  rows.push({
    n,
    files: sources.length,
    bytes,
    parseMs: ms(median(results.map((x) => x.parseNs))),
    checkMs: ms(median(results.map((x) => x.checkNs))),
    emitMs: ms(median(results.map((x) => x.emitNs))),
    totalMs: ms(median(results.map((x) => x.totalNs))),
    minTotalMs: ms(results.map((x) => x.totalNs).reduce((a, b) => (a < b ? a : b))),
    jsonParseMs: ms(median(results.map((x) => x.jsonParseNs))),
    ratios: results.map((x) => Number(x.totalNs) / Number(x.jsonParseNs)),
    cpuMs: results.map((x) => x.totalCpuMs),
    cpuRatios: results.map((x) => x.totalCpuMs / x.jsonParseCpuMs),
    rssMiB: Math.max(...results.map((x) => x.rss)) / MiB,
    heapMiB: Math.max(...results.map((x) => x.heapUsed)) / MiB,
    diagnostics: last.diagnostics.length,
    items: last.items,
    outputMiB: last.outputBytes / MiB,
    gazetteMs: last.gazetteNs === undefined ? undefined : ms(median(results.map((x) => x.gazetteNs!))),
    gazetteRssMiB: last.gazetteRss === undefined ? undefined : Math.max(...results.map((x) => x.gazetteRss!)) / MiB,
  });
}

// ---- report ------------------------------------------------------------------------------------

const num = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const header = ['declarations', 'files', 'source MB', 'parse ms', 'parse MB/s', 'check ms', 'check decl/s', 'emit ms', 'emit decl/s', 'total ms', 'total decl/s', 'peak RSS MiB', 'peak heap MiB', 'diags', 'items out', 'gazette ms', 'gazette RSS MiB'];
const table = rows.map((r) => {
  const mb = r.bytes / 1e6;
  return [
    num(r.n),
    num(r.files),
    num(mb, 2),
    num(r.parseMs, 1),
    num(mb / (r.parseMs / 1000), 2),
    num(r.checkMs, 1),
    num(r.n / (r.checkMs / 1000)),
    num(r.emitMs, 1),
    num(r.n / (r.emitMs / 1000)),
    num(r.totalMs, 1),
    num(r.n / (r.totalMs / 1000)),
    num(r.rssMiB, 0),
    num(r.heapMiB, 0),
    num(r.diagnostics),
    num(r.items),
    r.gazetteMs === undefined ? '–' : num(r.gazetteMs, 1),
    r.gazetteRssMiB === undefined ? '–' : num(r.gazetteRssMiB, 0),
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log();
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
console.log();

const byN = new Map(rows.map((r) => [r.n, r]));
const r10k = byN.get(10_000);
const r100k = byN.get(100_000);
const maxRssKiB = process.resourceUsage().maxRSS;
console.log(`process max RSS (getrusage, whole run): ${num(maxRssKiB / 1024)} MiB`);
for (const r of rows) if (r.diagnostics > 0 || r.items !== r.n) console.log(`WARNING: ${r.n}: ${r.diagnostics} diagnostics, ${r.items} items in the artifact (expected 0 and ${r.n})`);
if (r10k && r100k) console.log(`100k/10k total-time ratio: ${(r100k.totalMs / r10k.totalMs).toFixed(2)} (linear would be 10)`);
else console.log('100k/10k total-time ratio: n/a (needs sizes 10000 and 100000)');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const median1 = (xs: number[]) => Number(median(xs.map((x) => BigInt(Math.round(x * 1000))))) / 1000;
const [load1, load5] = loadavg();
console.log(`load average while running: ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min) on ${availableParallelism()} CPUs; V8 flags: ${v8Flags()}`);
for (const r of rows) console.log(`${num(r.n)}: compile min ${num(r.minTotalMs, 0)} ms, median ${num(r.totalMs, 0)} ms; JSON.parse of policy.json ${num(r.jsonParseMs, 1)} ms; compile/JSON.parse per run ${r.ratios.map((x) => x.toFixed(1)).join(', ')} (median ${median1(r.ratios).toFixed(1)})`);
for (const r of rows) console.log(`${num(r.n)}: compile CPU per run ${r.cpuMs.map((x) => num(x)).join(', ')} ms; compile CPU/JSON.parse CPU ${r.cpuRatios.map((x) => x.toFixed(1)).join(', ')}`);
if (r100k) {
  console.log(`${verdict(r100k.totalMs < TARGET_100K_MS)}  100k declarations compile in under 7 s: ${num(r100k.totalMs / 1000, 2)} s (median; min ${num(r100k.minTotalMs / 1000, 2)} s)`);
  console.log(`${verdict(median1(r100k.ratios) <= TARGET_JSON_RATIO)}  100k compile <= ${TARGET_JSON_RATIO}x JSON.parse of its artifact in the same run: ${median1(r100k.ratios).toFixed(1)}x (median)`);
  console.log(`${verdict(r100k.rssMiB < TARGET_RSS_MIB)}  peak RSS under 1 GiB at 100k: ${num(r100k.rssMiB)} MiB`);
} else {
  console.log('n/a   100k declarations compile in under 7 s (size 100000 not run)');
  console.log(`n/a   100k compile <= ${TARGET_JSON_RATIO}x JSON.parse of its artifact (size 100000 not run)`);
  console.log('n/a   peak RSS under 1 GiB at 100k (size 100000 not run)');
}
if (r10k && r100k) console.log(`${verdict(r100k.totalMs / r10k.totalMs <= TARGET_RATIO)}  100k/10k ratio <= ${TARGET_RATIO}: ${(r100k.totalMs / r10k.totalMs).toFixed(2)}`);
else console.log(`n/a   100k/10k ratio <= ${TARGET_RATIO}`);

await worker.terminate();
