import { readFileSync } from 'node:fs';
import { Policy } from './runtime/policy.js';
import { loadBundle } from './runtime/load.js';
import { compilePolicy } from './runtime/compile.js';
const dir = process.argv[2]!; const N = Number(process.argv[3] ?? 20);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let k = 0; k < 5; k++) {
  let c0 = cpu(); for (let i = 0; i < N; i++) await Policy.load(dir); const load = (cpu() - c0) / N;
  c0 = cpu(); for (let i = 0; i < N; i++) await loadBundle(dir); const lb = (cpu() - c0) / N;
  c0 = cpu(); for (let i = 0; i < N; i++) JSON.parse(readFileSync(dir + '/policy.json', 'utf8')); const parse = (cpu() - c0) / N;
  const a = JSON.parse(readFileSync(dir + '/policy.json', 'utf8'));
  c0 = cpu(); for (let i = 0; i < N; i++) compilePolicy(a, 'x'); const comp = (cpu() - c0) / N;
  console.log(`cpu ms: Policy.load ${load.toFixed(2)} loadBundle ${lb.toFixed(2)} parse ${parse.toFixed(2)} compile ${comp.toFixed(2)}`);
}
