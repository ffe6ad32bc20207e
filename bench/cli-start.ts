/**
 * Cold start of the installed command: `qingdan check` of the real policy, each run a new
 * process (`node bin/qingdan.js check`, as `npx qingdan check` ends up running), beside
 * `node -e 0`, the floor no Node program starts under. Target (issue 10): check's median < 0.5 s.
 * Runs alternate between the commands so that a change in the machine's load hits both alike.
 *
 *   npx tsx bench/cli-start.ts [--runs 15]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { build, ROOT, staleInput } from '../scripts/build.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 15) || 15;
const TARGET_SECONDS = 0.5;

const COMMANDS = {
  'node -e 0': ['-e', '0'],
  'qingdan --help': [join(ROOT, 'bin/qingdan.js'), '--help'],
  'qingdan check': [join(ROOT, 'bin/qingdan.js'), 'check'],
} as const;
type Name = keyof typeof COMMANDS;

/** Wall seconds of one run of `node args` in the project root; throws unless it exits 0. */
function time(name: Name): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, COMMANDS[name], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
  return seconds;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

// A rebuild on the first run would be timed as start-up.
if (staleInput()) await build();
const names = Object.keys(COMMANDS) as Name[];
for (const name of names) time(name); // warm the file system cache: a cold process, not a cold disk
const times = new Map<Name, number[]>(names.map((n) => [n, []]));
const loadBefore = load();
for (let i = 0; i < runs; i++) for (const name of names) times.get(name)!.push(time(name));

console.log(`cold start, ${runs} runs each, load average ${loadBefore} before and ${load()} after`);
for (const name of names) {
  const xs = sorted(times.get(name)!);
  console.log(`${name.padEnd(16)} min ${xs[0]!.toFixed(3)} s  median ${median(xs).toFixed(3)} s  max ${xs.at(-1)!.toFixed(3)} s`);
}
const check = median(times.get('qingdan check')!);
const floor = median(times.get('node -e 0')!);
console.log(`qingdan check above the floor: ${(check - floor).toFixed(3)} s (median)`);
console.log(`${check < TARGET_SECONDS ? 'PASS' : 'FAIL'}: qingdan check median ${check.toFixed(3)} s (target < ${TARGET_SECONDS} s)`);
