/**
 * Consistency-sampling benchmark: `npx tsx bench/report-compare.ts [--lines N] [--keep]`.
 *
 * Writes an export log of N lines (default 10,000,000; about 0.7 GB) to a temporary file under
 * os.tmpdir() — streamed, so writing it is bounded too — then compares a report of the real
 * policy with it through `compareReport` (the runtime's streaming counter, as `qingdan report
 * compare` runs it: one reused 1 MiB buffer), and prints lines per second (wall and per process-CPU-second: the machine may
 * be shared) and the peak RSS. The mix: 60 % lines with a person key (2 million distinct persons
 * over 8 items, each recurring), 35 % lines with counts, 4 % under an exemption, 1 % in the
 * previous year. The file is removed afterwards unless --keep.
 *
 * Target: ≥ 1,000,000 lines/s, printed as PASS/FAIL (by CPU time); the process exits 0 regardless.
 * Beside it, an A/B figure robust to load: the same log only cut into lines and JSON.parse'd
 * (what a plain reader would do at the least), in the same process.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from '../compiler/build.js';
import { compareReport, fileChunks, Policy, reportOf } from '../runtime/index.js';
import type { EvaluationRequest } from '../runtime/request.js';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '10000000' }, keep: { type: 'boolean', default: false } } });
const LINES = Number(values.lines);
const TARGET = 1_000_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ITEMS = ['icv.owner-pi', 'icv.supplier-contacts', 'icv.charging-users', 'icv.custom-orders', 'icv.user-research', 'icv.ota-records', 'icv.vehicle-diagnostics', 'icv.driving-trajectory'];

const dir = await mkdtemp(join(tmpdir(), 'qingdan-bench-compare-'));
const log = join(dir, 'exports.jsonl');
try {
  const out = join(dir, 'dist');
  const built = await build({ paths: ['policy'], outDir: out, root: ROOT });
  if (!built.files) throw new Error('the real policy does not build');
  const policy = await Policy.load(out);
  const request: EvaluationRequest = { asOf: '2027-06-01', preview: true, processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, sector: 'S16', items: ITEMS.map((id) => ({ id, persons: 300_000 })) } };
  const report = reportOf(request, policy.evaluate(request), { filed: '2027-06-02', processor: { name: '基准测试数据处理者' }, scenarios: [{ title: '售后服务' }], recipients: [{ name: 'Bench GmbH', region: '德国', purpose: '基准测试' }] });

  // Write the log in 64 KiB pieces, waiting for the stream to drain: bounded memory.
  const started = performance.now();
  const w = createWriteStream(log);
  let seed = 1;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  let piece = '';
  for (let n = 0; n < LINES; n++) {
    const r = next() % 100;
    const item = ITEMS[next() % ITEMS.length];
    const day = `2027-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    if (r < 60) piece += `{"date":"${day}","item":"${item}","personKey":"p${next() % 2_000_000}"${r < 6 ? ',"sensitive":true' : ''}}\n`;
    else if (r < 95) piece += `{"date":"${day}","item":"${item}","persons":${next() % 50}}\n`;
    else if (r < 99) piece += `{"date":"${day}","item":"${item}","persons":${next() % 50},"exemption":"art5.1"}\n`;
    else piece += `{"date":"2026-12-31","item":"${item}","persons":1}\n`;
    if (piece.length > 65_536) {
      if (!w.write(piece)) await once(w, 'drain');
      piece = '';
    }
  }
  w.end(piece);
  await once(w, 'finish');
  const bytes = (await stat(log)).size;
  console.log(`wrote ${LINES.toLocaleString('en')} lines (${(bytes / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s to ${log}`);

  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const handle = await open(log, 'r');
  const result = await compareReport(policy, report, fileChunks(handle)).finally(() => handle.close());
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  const cpu = (c.user + c.system) / 1e6;
  const peak = process.resourceUsage().maxRSS * 1024;
  const persons = result.count.parts.reduce((n, p) => n + p.persons + p.sensitivePersons, 0);
  console.log(`lines ${result.count.lines.toLocaleString('en')} · other year ${result.count.otherYear.toLocaleString('en')} · bad ${result.count.invalid} · persons counted ${persons.toLocaleString('en')} · differences ${result.differences.length}`);
  console.log(`compare: ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU (load average ${loadavg()[0]!.toFixed(1)})`);
  console.log(`lines/s: ${Math.round(result.count.lines / wall).toLocaleString('en')} wall, ${Math.round(result.count.lines / cpu).toLocaleString('en')} per CPU-second`);
  console.log(`RSS: ${(rssBefore / 2 ** 20).toFixed(0)} MiB before, peak ${(peak / 2 ** 20).toFixed(0)} MiB (the person-key table and one 1 MiB read buffer; the log is ${(bytes / 2 ** 20).toFixed(0)} MiB)`);
  // A/B in this process, robust to the machine's load: the same lines only cut and JSON.parse'd.
  const sample = Math.min(LINES, 2_000_000);
  const b0 = process.cpuUsage();
  let parsed = 0;
  let carry = '';
  for await (const chunk of createReadStream(log, { highWaterMark: 1 << 20, encoding: 'utf8' })) {
    const lines = (carry + (chunk as string)).split('\n');
    carry = lines.pop()!;
    for (const line of lines) {
      if (parsed++ >= sample) break;
      JSON.parse(line);
    }
    if (parsed >= sample) break;
  }
  const bc = process.cpuUsage(b0);
  const baseline = sample / ((bc.user + bc.system) / 1e6);
  console.log(`baseline (split + JSON.parse only, first ${sample.toLocaleString('en')} lines): ${Math.round(baseline).toLocaleString('en')} lines per CPU-second; the counter runs at ${(result.count.lines / cpu / baseline).toFixed(2)}× that`);
  console.log(`${result.count.lines / cpu >= TARGET ? 'PASS' : 'FAIL'} ≥ ${TARGET.toLocaleString('en')} lines/s (per CPU-second)`);
} finally {
  if (values.keep) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
