import { readFileSync } from 'node:fs';
import { Policy } from '../runtime/policy.js';
import { requestsOf } from '../runtime/shared-batch.js';
import { serializeCompactDecisions } from '../server/serialize.js';
const policy = await Policy.load(readFileSync('/tmp/serve3/bundle.tar.gz'));
const N = 1000;
const arr = JSON.parse(readFileSync('/tmp/serve3/batch.json', 'utf8'));
const body = Buffer.from(JSON.stringify(arr));
const sharedBody = Buffer.from(JSON.stringify({ shared: { asOf: '2027-03-01', processor: { zone: 'nansha', ciio: false } }, transfers: arr.map((r: any) => r.transfer) }));
const t: Record<string, number> = {};
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const ITER = Number(process.argv[2] ?? 300);
let a = 0;
const lap = (k: string) => { const b = cpu(); t[k] = (t[k] ?? 0) + b - a; a = b; };
for (let it = 0; it < ITER; it++) {
  a = cpu();
  const reqs = JSON.parse(body.toString('utf8')) as unknown[]; lap('A parse');
  for (const r of reqs) if (!policy.conforms(r)) throw new Error('bad'); lap('A conforms');
  const ds = reqs.map((r) => policy.decideTrusted(r as never)); lap('A decide');
  const out = serializeCompactDecisions(ds, { version: policy.version, digest: policy.digest }); lap('A compact');
  const sb = JSON.parse(sharedBody.toString('utf8')); lap('S parse');
  if (!policy.conformsSharedBatch(sb)) throw new Error('bad'); lap('S conforms');
  const rs = requestsOf(sb); lap('S requestsOf');
  const ds2 = rs.map((r) => policy.decideTrusted(r)); lap('S decide');
  const out2 = serializeCompactDecisions(ds2, { version: policy.version, digest: policy.digest }); lap('S compact');
  if (out.length < 10 || out2.length < 10) throw new Error();
}
for (const [k, v] of Object.entries(t)) console.log(k.padEnd(14), (v / ITER / N).toFixed(3), 'µs/decision');
console.log('bytes/decision: array', body.length / N, 'shared', sharedBody.length / N);
