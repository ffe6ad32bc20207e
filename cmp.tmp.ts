// Compares the runtime at the merge before the layout change with the working tree, alternating, min-of-batches.
import { readFileSync } from 'node:fs';
import { compilePolicy } from './runtime/compile.js';
import { decide } from './runtime/evaluate.js';
import * as old from '/tmp/rt/old/runtime/evaluate.js';
import { requestMix } from './bench/request-mix.js';
const dir = process.argv[2]!;
const a = JSON.parse(readFileSync(dir + '/policy.json', 'utf8'));
const reqs = requestMix(a, 10_000, 0x5eed);
const cNew = compilePolicy(a, 'x'); const cOld = old.compilePolicy(JSON.parse(readFileSync(dir + '/policy.json', 'utf8')), 'x');
let sink = 0;
function run(f: (r: any) => any, p: any, from: number, n: number) { for (let i = 0; i < n; i++) sink += f(p, reqs[(from + i) % reqs.length]).reasons.length; }
const B = 1000;
const best = { new: Infinity, old: Infinity }; const meds: Record<string, number[]> = { new: [], old: [] };
for (let round = 0; round < 40; round++) {
  for (const [name, f, p] of [['new', decide, cNew], ['old', old.decide, cOld]] as const) {
    const times: number[] = [];
    for (let k = 0; k < 100; k++) { const t0 = process.hrtime.bigint(); run(f as any, p, k * B, B); times.push(Number(process.hrtime.bigint() - t0) / B); }
    times.sort((x, y) => x - y);
    best[name] = Math.min(best[name], times[0]!); meds[name].push(times[50]!);
  }
}
const med = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1]!;
console.log(`ns/decision — new: min ${best.new.toFixed(0)}, median ${med(meds.new).toFixed(0)} | old: min ${best.old.toFixed(0)}, median ${med(meds.old).toFixed(0)}  (${sink > 0 ? 'ok' : ''})`);
