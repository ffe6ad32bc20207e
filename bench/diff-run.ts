/**
 * One process's diff, for bench/diff.ts: `node <bundle> <repo> <base> <head> [runs]` diffs the
 * two revisions `runs` times (default 2) in this fresh process and prints, as one JSON line,
 * each run's wall and CPU time (the first run is cold: nothing compiled by V8 yet, as in
 * `qingdan diff`) and the number of changes found.
 */
import { diffRevisions } from '../compiler/diff/run.js';
import { cpuMs } from './cpu-time.js';

const [repo, base, head, runsArg] = process.argv.slice(2);
if (!repo || !base || !head) throw new Error('usage: diff-run <repo> <base> <head> [runs]');
const runs: { wallMs: number; cpuMs: number; changes: number }[] = [];
for (let r = 0; r < Number(runsArg ?? 2); r++) {
  const c0 = cpuMs();
  const t0 = performance.now();
  const result = await diffRevisions(repo, base, head);
  const wallMs = performance.now() - t0;
  const cpu = cpuMs() - c0;
  if (!result.diff) throw new Error(`a revision does not compile: ${result.diagnostics.map((d) => JSON.stringify(d.args)).join('; ')}`);
  runs.push({ wallMs, cpuMs: cpu, changes: result.diff.changes.length });
}
process.stdout.write(`${JSON.stringify(runs)}\n`);
