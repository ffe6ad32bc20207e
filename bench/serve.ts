/**
 * `qingdan serve` throughput benchmark: `npx tsx bench/serve.ts`.
 *
 *   --duration S     seconds per measured run (default 10; a 2 s warm-up precedes each)
 *   --batch N        requests per batch in the batch run (default 1000)
 *
 *   --workers N      also measure `serve --workers N` (default: the number of cores; 1: only one process)
 *   --view V         measure only the batch formats answered in view V (compact, indexed or dense; default: all)
 *   --rounds R       measure the batch formats R times in turn (default 1) and judge each by its median
 *                    round: on a machine others load, one format's run can fall on a busy moment
 *
 * Starts `qingdan serve` as its own process on a free 127.0.0.1 port with a freshly signed
 * bundle of the real policy, then drives it with autocannon (in this process) over loopback —
 * once with one server process and once with N workers (node:cluster), each line naming which:
 *   single  POST /v1/decide, one request per call, 50 connections
 *   batch   POST /v1/decide, N decisions per call, 8 connections, in each batch format:
 *             array   an array of N whole requests
 *             shared  one processor's N transfers on one date: { shared, transfers } (shared context)
 *           each answered in the compact view (a decision per request), the indexed view (each
 *           distinct decision once, an index per request) and the dense view (every repeated part
 *           once, a row of positions per request)
 *   full    the array batches in the full view (every reason's texts in every decision), for comparison
 * Single requests rotate through a few shapes (a listed item, the national baseline, an
 * exemption); batches are drawn from the decision bench's seeded request mix (bench/serve-batches.ts).
 * Targets (issue 10.7): single ≥ 10,000 requests/s with p99 < 10 ms; batch ≥ 500,000
 * decisions/s (a consumer of batches wants the decisions, not a megabyte of the same texts again
 * and again), printed for each batch format and view, the PASS line naming it. Server and load
 * generator share this machine's cores, so the load average is printed beside the figures, and
 * the CPU each side spent per decision. Printed as PASS/FAIL; the process exits 0 regardless.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { bundle } from '../compiler/bundle/bundle.js';
import { generateKeyPair } from '../compiler/bundle/keys.js';
import { freePort } from '../test/free-port.js';
import { arrayBatch, artifactOf, batchFormats, REQUESTS } from './serve-batches.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, batch: { type: 'string', default: '1000' }, workers: { type: 'string', default: String(cpus().length) }, view: { type: 'string' }, rounds: { type: 'string', default: '1' } } });
const rounds = Number(values.rounds);
const duration = Number(values.duration);
const batchSize = Number(values.batch);
const workerCounts = [...new Set([1, Number(values.workers)])];


async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('qingdan serve did not become ready');
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** CPU time (µs) used so far by process `pid` and its live children (the workers of `serve --workers`). */
function treeCpuMicros(pid: number): number {
  const children = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, parent]) => parent === pid)
    .map(([child]) => child!);
  let ticks = 0;
  for (const p of [pid, ...children]) {
    // Fields after the command name (which may hold spaces): state is 3rd, utime 14th and stime 15th.
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks / CLOCK_TICKS) * 1e6;
}

/** This process's CPU time (µs): autocannon's, the load generator's. */
function ownCpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Runs `options` and also reports the CPU each side spent per call: the figure that holds when
 * the machine is loaded by others (wall-clock rates then fall with the CPU share we get).
 */
async function measured(options: autocannon.Options, serverPid: number): Promise<{ result: autocannon.Result; serverMicros: number; loadMicros: number }> {
  const server0 = treeCpuMicros(serverPid);
  const load0 = ownCpuMicros();
  const result = await run(options);
  const calls = Math.max(1, result.requests.total);
  return { result, serverMicros: (treeCpuMicros(serverPid) - server0) / calls, loadMicros: (ownCpuMicros() - load0) / calls };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const num = (n: number) => Math.round(n).toLocaleString('en-US');

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const dir = await mkdtemp(join(tmpdir(), 'qingdan-bench-serve-'));
const keys = generateKeyPair();
const built = await bundle({ paths: ['policy'], root: ROOT, signingKey: createPrivateKey(keys.privateKey) });
if (!built.archive) throw new Error('the real policy does not bundle');
await writeFile(join(dir, 'bundle.tar.gz'), built.archive);
await writeFile(join(dir, 'public.pem'), keys.publicKey);
const headers = { 'content-type': 'application/json' };
const single = REQUESTS.map((r) => ({ method: 'POST' as const, path: '/v1/decide', headers, body: JSON.stringify(r) }));
const artifact = artifactOf(built.archive);
const batchBody = JSON.stringify(arrayBatch(artifact, batchSize));
const fullBatch = [{ method: 'POST' as const, path: '/v1/decide', headers, body: batchBody }];
const FORMATS = batchFormats(artifact, batchSize)
  .filter((f) => values.view === undefined || f.view === values.view)
  .map((f) => ({ ...f, calls: [{ method: 'POST' as const, path: `/v1/decide?view=${f.view}`, headers, body: f.body }] }));

/** Starts `qingdan serve --workers <workers>`, measures it, stops it; prints its lines and PASS/FAIL. */
async function measure(workers: number): Promise<void> {
  const port = await freePort();
  const server = spawn(process.execPath, [join(ROOT, 'bin/qingdan.js'), 'serve', join(dir, 'bundle.tar.gz'), '--key', join(dir, 'public.pem'), '--port', String(port), '--watch-interval', '0', '--max-batch', String(Math.max(batchSize, 10000)), '--body-limit', String(16 * 1024 * 1024), '--workers', String(workers)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    await waitReady(`${base}/readyz`);
    // Give every worker time to listen: until then the others take all connections.
    if (workers > 1) await new Promise((resolve) => setTimeout(resolve, 3000));
    const who = workers === 1 ? '1 process' : `${workers} workers`;
    console.log(`serve with ${who} — load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} before`);
    await run({ url: base, connections: 50, duration: 2, requests: single });
    const s = await run({ url: base, connections: 50, duration, requests: single });
    const singleOk = s.non2xx === 0 && s.errors === 0;
    console.log(`  single: ${num(s.requests.average)} requests/s (mean), latency p50 ${s.latency.p50} ms, p99 ${s.latency.p99} ms, ${s.non2xx} non-2xx, ${s.errors} errors, 50 connections, ${duration} s`);
    const perFormat = new Map(FORMATS.map((format) => [format, [] as { ok: boolean; perSecond: number; serverMicros: number }[]]));
    for (let round = 1; round <= rounds; round++) {
      for (const format of FORMATS) {
        await run({ url: base, connections: 8, duration: 2, requests: format.calls });
        const { result: b, serverMicros, loadMicros } = await measured({ url: base, connections: 8, duration, requests: format.calls }, server.pid!);
        const perDecision = (serverMicros + loadMicros) / batchSize;
        perFormat.get(format)!.push({ ok: b.non2xx === 0 && b.errors === 0, perSecond: b.requests.average * batchSize, serverMicros: serverMicros / batchSize });
        console.log(`  batch, ${format.name}${rounds > 1 ? ` (round ${round})` : ''}:  ${num(b.requests.average * batchSize)} decisions/s (${num(b.requests.average)} batches/s of ${batchSize}, ${num(format.body.length / batchSize)} bytes asked and ${num(b.throughput.average / Math.max(1, b.requests.average) / batchSize)} answered per decision), latency p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms, ${b.non2xx} non-2xx, 8 connections, ${duration} s`);
        console.log(`    CPU per decision: server ${(serverMicros / batchSize).toFixed(2)} µs, load generator ${(loadMicros / batchSize).toFixed(2)} µs — ${num((cpus().length * 1e6) / perDecision)} decisions/s if both had all ${cpus().length} cores to themselves`);
      }
    }
    const batches = [...perFormat].map(([format, runs]) => ({ format, ok: runs.every((r) => r.ok), perSecond: median(runs.map((r) => r.perSecond)), serverMicros: median(runs.map((r) => r.serverMicros)) }));
    if (rounds > 1) for (const b of batches) console.log(`  median of ${rounds} rounds, ${b.format.name}: ${num(b.perSecond)} decisions/s, server CPU ${b.serverMicros.toFixed(2)} µs per decision`);
    const f = await run({ url: base, connections: 8, duration, requests: fullBatch });
    console.log(`  full:   ${num(f.requests.average * batchSize)} decisions/s (${num(f.requests.average)} batches/s of ${batchSize}, array of requests, full view, ${num(f.throughput.average / Math.max(1, f.requests.average))} bytes per answer), latency p50 ${f.latency.p50} ms, p99 ${f.latency.p99} ms, ${f.non2xx} non-2xx`);
    console.log(`  load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`${singleOk && s.requests.average >= 10_000 && s.latency.p99 < 10 ? 'PASS' : 'FAIL'} single decisions ≥ 10,000 requests/s with p99 < 10 ms at 50 connections (${who})`);
    for (const b of batches) console.log(`${b.ok && b.perSecond >= 500_000 ? 'PASS' : 'FAIL'} batches ≥ 500,000 decisions/s (${b.format.label}, ${who}): ${num(b.perSecond)}${rounds > 1 ? ` (median of ${rounds} rounds)` : ''}`);
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

console.log(`qingdan serve bench — ${cpus().length} cores, node ${process.version}; the load generator shares the cores`);
try {
  for (const workers of workerCounts) await measure(workers);
} finally {
  await rm(dir, { recursive: true, force: true });
}
