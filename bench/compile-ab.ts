/**
 * Compile CPU, old build against new, in one hour: `npx tsx bench/compile-ab.ts --against DIR`
 * runs bench/compile-run.ts bundled from the current sources (bench/cold-bundle.ts) and the
 * build kept in DIR (a copy of `.scratch/bench-lib/compile-run/` made before a change), each
 * round one fresh process of each, alternating which goes first, and prints each phase's
 * median CPU time and the new/old ratio. CPU time, not wall time: other processes' load on a
 * shared machine inflates it far less. `--base REV` builds the old side from the compiler and
 * runtime of a git revision instead. Without either it reports the current build only.
 * Each process runs under the V8 flags `qingdan build` uses (bench/cli-heap.ts).
 *
 * `--in-process` loads both builds into one process instead and alternates them there, with a
 * full garbage collection before each compile: the processes then share one machine state, and
 * the figures of a loaded hour vary far less (both builds are warm after the first round).
 *
 *   npx tsx bench/compile-ab.ts [--size 100000] [--rounds 3] [--base main | --against DIR] [--in-process]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cliFlags } from './cli-heap.js';
import { bundleBenchEntry, bundleBenchEntryAt } from './cold-bundle.js';
import { generatePolicy } from './generate-policy.js';

const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    against: { type: 'string' },
    base: { type: 'string' },
    'in-process': { type: 'boolean', default: false },
  },
  strict: true,
});

type Phase = 'parse' | 'check' | 'emit' | 'total' | 'jsonParse';
type Phases = Record<Phase, number>;
const PHASES = ['parse', 'check', 'emit', 'total', 'jsonParse'] as const;

// Generated here, once: the processes measured only read it.
const folder = await mkdtemp(join(tmpdir(), 'qingdan-compile-ab-'));
const sourcesFile = join(folder, 'sources.json');
await writeFile(sourcesFile, JSON.stringify(generatePolicy(Number(opts.size), 1)));
const builds = [{ name: 'new', entry: await bundleBenchEntry('compile-run', 'bench/compile-run.ts'), runs: [] as Phases[] }];
if (opts.against) builds.push({ name: 'old', entry: join(resolve(opts.against), 'compile-run.js'), runs: [] });
else if (opts.base) builds.push({ name: 'old', entry: await bundleBenchEntryAt(opts.base, 'compile-run', 'bench/compile-run.ts'), runs: [] });
/** Both builds in one process, alternating, each compile after a full collection: every round's results. */
function runInProcess(): Phases[][] {
  const script = `
    import { readFileSync } from 'node:fs';
    const builds = await Promise.all(${JSON.stringify(builds.map((b) => pathToFileURL(b.entry).href))}.map((url) => import(url)));
    const sources = JSON.parse(readFileSync(${JSON.stringify(sourcesFile)}, 'utf8'));
    const rounds = [];
    for (let r = 0; r < ${Number(opts.rounds)}; r++) {
      const order = r % 2 === 0 ? builds.map((b, i) => i) : builds.map((b, i) => i).reverse();
      const round = [];
      for (const i of order) {
        globalThis.gc();
        round[i] = builds[i].compilePhases(sources);
      }
      rounds.push(round);
    }
    process.stdout.write(JSON.stringify(rounds));`;
  const run = spawnSync(process.execPath, [...cliFlags('build'), '--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`the in-process comparison failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Phases[][];
}

if (opts['in-process']) {
  for (const [r, round] of runInProcess().entries()) {
    for (const [i, b] of builds.entries()) {
      b.runs.push(round[i]!);
      process.stderr.write(`  round ${r + 1} ${b.name}: ${JSON.stringify(round[i])}\n`);
    }
  }
} else {
  for (let r = 0; r < Number(opts.rounds); r++) {
    for (const b of r % 2 === 0 ? builds : [...builds].reverse()) {
      const run = spawnSync(process.execPath, [...cliFlags('build'), b.entry, sourcesFile], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${b.entry} failed (${run.status}): ${run.stderr}`);
      b.runs.push(JSON.parse(run.stdout) as Phases);
      process.stderr.write(`  round ${r + 1} ${b.name}: ${run.stdout}`);
    }
  }
}
await rm(folder, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const medians = builds.map((b) => Object.fromEntries(PHASES.map((p) => [p, median(b.runs.map((x) => x[p]))])) as Record<Phase, number>);
// On a loaded machine the least a phase took is the surest sign of its own cost; the median is printed beside it.
const minima = builds.map((b) => Object.fromEntries(PHASES.map((p) => [p, Math.min(...b.runs.map((x) => x[p]))])) as Record<Phase, number>);
const two = builds.length > 1;
console.log(`${opts.size} declarations, ${opts.rounds} rounds, CPU ms:`);
console.log(`${'phase'.padEnd(10)} ${builds.map((b) => `${b.name} min`.padStart(9)).join(' ')} ${builds.map((b) => `${b.name} med`.padStart(9)).join(' ')}${two ? '  new/old min  new/old median' : ''}`);
for (const p of PHASES) {
  const cells = [...minima, ...medians].map((m) => m[p].toFixed(0).padStart(9)).join(' ');
  console.log(`${p.padEnd(10)} ${cells}${two ? `  ${(minima[0]![p] / minima[1]![p]).toFixed(3).padStart(11)}  ${(medians[0]![p] / medians[1]![p]).toFixed(3).padStart(14)}` : ''}`);
}
for (const [i, b] of builds.entries()) console.log(`${b.name}: compile CPU / JSON.parse CPU ${(medians[i]!.total / medians[i]!.jsonParse).toFixed(1)} (medians)`);
const [load1, load5] = loadavg();
console.log(`load average ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min) on ${availableParallelism()} CPUs`);
