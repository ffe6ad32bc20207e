/**
 * Semantic diff time between two git revisions of the 10,000-item generated policy: read both
 * with git, compile both in memory, compare. The head revision tightens the thresholds of one
 * generated file (every volume halved) and rewords another's titles. Each revision is read with
 * one `git cat-file --batch`; head files whose text is unchanged reuse the base's parse,
 * file-local checks and lowered lists (compiler/diff/compile-pair.ts). Prints
 * min and median of a few runs and the load average against the target (< 1 s), under the young
 * generation `qingdan diff` runs with (bench/cli-heap.ts); asserts nothing.
 *
 *   npx tsx bench/diff.ts [--items 10000] [--runs 3]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { diffPolicies } from '../compiler/diff/diff.js';
import { diffRevisions } from '../compiler/diff/run.js';
import type { Source } from '../compiler/source.js';
import { runUnderCliHeap, semiSpace } from './cli-heap.js';
import { generatePolicy } from './generate-policy.js';

runUnderCliHeap();

const items = Number(process.argv[process.argv.indexOf('--items') + 1] || 10_000) || 10_000;

async function writeSources(root: string, sources: readonly Source[]): Promise<void> {
  for (const s of sources) {
    await mkdir(dirname(join(root, s.path)), { recursive: true });
    await writeFile(join(root, s.path), s.text);
  }
}

function halveVolumes(line: string): string {
  return line.replace(/\b(\d[\d_]*(?:\.\d+)?)(万|亿)?/g, (_, n: string, unit: string | undefined) => {
    const value = Number(n.replaceAll('_', '')) * (unit === '亿' ? 100_000_000 : unit === '万' ? 10_000 : 1);
    return String(value <= 1 ? value : Math.floor(value / 2));
  });
}

const base = generatePolicy(items, 1);
const head = base.map((s, i) => {
  // Halve every threshold in one file (rounding down, 1 stays 1): ladders stay contiguous.
  if (s.path.endsWith('gen-0002.qd')) return { ...s, text: s.text.replace(/^\s*(?:assessment|contract|exempt|or|and)\b.*$/gm, halveVolumes) };
  if (s.path.endsWith('gen-0003.qd') || (i === base.length - 1 && base.length < 7)) return { ...s, text: s.text.replace(/（生成样例/g, '（修订样例') };
  return s;
});

const repo = await mkdtemp(join(tmpdir(), 'qingdan-bench-diff-'));
const git = simpleGit(repo);
await git.init();
await git.addConfig('user.name', 'bench').addConfig('user.email', 'bench@example.org');
await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'bench', version: '1.0.0' }));
await writeSources(repo, base);
await git.add('.').commit('base');
const baseRev = (await git.revparse(['HEAD'])).trim();
await writeSources(repo, head);
await git.add('.').commit('head');
const headRev = (await git.revparse(['HEAD'])).trim();

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;
const totals: number[] = [];
/** CPU time of this process per run (git's own processes not included). */
const cpuTotals: number[] = [];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let result: Awaited<ReturnType<typeof diffRevisions>> | undefined;
const rss0 = process.memoryUsage().rss;
for (let r = 0; r < runs; r++) {
  const c0 = cpuMs();
  const t0 = performance.now();
  result = await diffRevisions(repo, baseRev, headRev);
  totals.push(performance.now() - t0);
  cpuTotals.push(cpuMs() - c0);
  if (!result.diff) throw new Error(`a revision does not compile: ${result.diagnostics.map((d) => JSON.stringify(d.args)).join('; ')}`);
}
const t1 = performance.now();
diffPolicies(result!.base!, result!.head!);
const compare = performance.now() - t1;
const s = result!.diff!.summary;
const sorted = [...totals].sort((a, b) => a - b);
const mid = sorted.length >> 1;
const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
const [load1, load5] = loadavg();
console.log(`items per revision      ${items}`);
console.log(`changes                 ${result!.diff!.changes.length} (${s.tightening} tightening, ${s.loosening} loosening, ${s.editorial} editorial; bump ${result!.diff!.bump})`);
console.log(`git read + 2 compiles + compare   min ${sorted[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms over ${runs} runs (${totals.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`CPU of this process per run        ${cpuTotals.map((t) => t.toFixed(0)).join(', ')} ms (git's processes not included; the first run is cold)`);
console.log(`compare alone                     ${compare.toFixed(0)} ms`);
console.log(`rss growth                        ${((process.memoryUsage().rss - rss0) / 2 ** 20).toFixed(0)} MiB`);
console.log(`load average                      ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min) on ${availableParallelism()} CPUs`);
console.log(`young generation                  ${semiSpace()}`);
console.log(`${median < 1000 ? 'PASS' : 'FAIL'}  diff of two revisions of the ${items}-item policy < 1 s (median)`);
// Each run's repository holds two revisions of the generated policy (~30 MB): not left in /tmp.
await rm(repo, { recursive: true, force: true });
