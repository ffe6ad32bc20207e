/**
 * Semantic diff time between two git revisions of the 10,000-item generated policy: read both
 * with git, compile both in memory, compare. The head revision tightens the thresholds of one
 * generated file (every volume halved) and rewords another's titles. Each revision is read with
 * one `git cat-file --batch`; head files whose text is unchanged reuse the base's parse,
 * file-local checks and lowered lists (compiler/diff/compile-pair.ts).
 *
 * `qingdan diff` runs once, in a fresh process: its first diff is the one a user waits for, and
 * most of it is V8 warming up. So each run here is its own node process (bench/diff-run.ts,
 * bundled as the CLI ships, bench/cold-bundle.ts, under the CLI's V8 flags,
 * bench/cli-heap.ts) that diffs twice: the first diff is "cold", the second "warm". The target
 * (< 1 s) applies to the median of the cold runs. Prints figures and PASS/FAIL; asserts nothing.
 *
 *   npx tsx bench/diff.ts [--items 10000] [--processes 5] [--base main | --against DIR]
 *
 * `--against DIR` also runs an earlier build of the same entry (a copy of
 * `.scratch/bench-lib/diff-run/`), alternating with the current one, process by process, so
 * both meet the same load: the CPU figures then compare old and new within one hour. `--base REV`
 * builds that earlier side from the compiler and runtime of a git revision instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { simpleGit } from 'simple-git';
import type { Source } from '../compiler/source.js';
import { cliFlags } from './cli-heap.js';
import { bundleBenchEntry, bundleBenchEntryAt } from './cold-bundle.js';
import { generatePolicy } from './generate-policy.js';

const { values: opts } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    processes: { type: 'string', default: '5' },
    against: { type: 'string' },
    base: { type: 'string' },
  },
  strict: true,
});
const items = Number(opts.items);
const processes = Math.max(1, Number(opts.processes));

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

interface Run {
  wallMs: number;
  cpuMs: number;
  changes: number;
}

/** One fresh process's runs (cold first) of the bundle at `entry`. */
function runProcess(entry: string): Run[] {
  const r = spawnSync(process.execPath, [...cliFlags('diff'), entry, repo, baseRev, headRev, '2'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${entry} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Run[];
}

const builds: { name: string; entry: string; runs: Run[][] }[] = [{ name: 'current', entry: await bundleBenchEntry('diff-run', 'bench/diff-run.ts'), runs: [] }];
if (opts.against) builds.push({ name: `against ${opts.against}`, entry: join(resolve(opts.against), 'diff-run.js'), runs: [] });
else if (opts.base) builds.push({ name: `base ${opts.base}`, entry: await bundleBenchEntryAt(opts.base, 'diff-run', 'bench/diff-run.ts'), runs: [] });
for (let p = 0; p < processes; p++) {
  // Alternating, and each build first in turn, so neither always meets the other's after-load.
  const order = p % 2 === 0 ? builds : [...builds].reverse();
  for (const b of order) b.runs.push(runProcess(b.entry));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(0)).join(', ');

const [load1, load5] = loadavg();
console.log(`items per revision      ${items}`);
console.log(`changes                 ${builds[0]!.runs[0]![0]!.changes}`);
for (const b of builds) {
  const cold = b.runs.map((r) => r[0]!);
  const warm = b.runs.map((r) => r[1]!);
  console.log(`${b.name}:`);
  console.log(`  cold (first diff of a fresh process)  wall median ${median(cold.map((r) => r.wallMs)).toFixed(0)} ms (${list(cold.map((r) => r.wallMs))}); CPU median ${median(cold.map((r) => r.cpuMs)).toFixed(0)} ms (${list(cold.map((r) => r.cpuMs))})`);
  console.log(`  warm (second diff, same process)      wall median ${median(warm.map((r) => r.wallMs)).toFixed(0)} ms (${list(warm.map((r) => r.wallMs))}); CPU median ${median(warm.map((r) => r.cpuMs)).toFixed(0)} ms`);
}
console.log(`load average            ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min) on ${availableParallelism()} CPUs; V8 flags ${cliFlags('diff').join(' ')}; CPU is this process's (git's not included)`);
const coldMedian = median(builds[0]!.runs.map((r) => r[0]!.wallMs));
console.log(`${coldMedian < 1000 ? 'PASS' : 'FAIL'}  cold diff of two revisions of the ${items}-item policy < 1 s: ${coldMedian.toFixed(0)} ms (median of ${processes} fresh processes)`);
// The repository holds two revisions of the generated policy (~30 MB): not left in /tmp.
await rm(repo, { recursive: true, force: true });
