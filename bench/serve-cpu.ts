/**
 * What a batch costs `qingdan serve` in CPU, per decision, in each batch format:
 * `npx tsx bench/serve-cpu.ts [--batch N] [--rounds R]`.
 *
 * The server's own code path — fastify reading and parsing the body, checking, deciding, writing
 * the answer — driven in this one process with fastify's inject (no socket, no load generator),
 * the formats taking turns round after round, and timed with process.cpuUsage. CPU time, and
 * the formats measured in alternation, keep the comparison fair on a machine others load;
 * bench/serve.ts measures the same formats over real HTTP. inject simulates the request and
 * collects the answer at a cost of its own, so the figures are for comparing the formats, not
 * for reading beside serve.ts's. Prints µs of CPU per decision and the decisions one core could
 * make at that cost; exits 0 regardless.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundle } from '../compiler/bundle/bundle.js';
import { generateKeyPair } from '../compiler/bundle/keys.js';
import { createServer } from '../server/app.js';
import { artifactOf, batchFormats } from './serve-batches.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { batch: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '10' } } });
const batchSize = Number(values.batch);
const rounds = Number(values.rounds);
/** Calls per format in a round: enough CPU time (tens of ms) that a round is not noise. */
const CALLS = 20;

const dir = await mkdtemp(join(tmpdir(), 'qingdan-bench-serve-cpu-'));
try {
  const keys = generateKeyPair();
  const built = await bundle({ paths: ['policy'], root: ROOT, signingKey: createPrivateKey(keys.privateKey) });
  if (!built.archive) throw new Error('the real policy does not bundle');
  await writeFile(join(dir, 'bundle.tar.gz'), built.archive);
  const server = await createServer({ bundlePath: join(dir, 'bundle.tar.gz'), trustedKeys: [keys.publicKey], watchIntervalMs: 0, logLevel: false, maxBatch: batchSize, bodyLimit: 64 * 1024 * 1024 });
  const formats = batchFormats(artifactOf(built.archive), batchSize);
  const spent = new Map(formats.map((f) => [f.name, 0]));
  for (let round = -1; round < rounds; round++) {
    for (const format of formats) {
      const before = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) {
        const r = await server.app.inject({ method: 'POST', url: `/v1/decide?view=${format.view}`, headers: { 'content-type': 'application/json' }, payload: format.body });
        if (r.statusCode !== 200) throw new Error(`${format.name}: ${r.statusCode} ${r.payload.slice(0, 200)}`);
      }
      const { user, system } = process.cpuUsage(before);
      if (round >= 0) spent.set(format.name, spent.get(format.name)! + user + system); // round -1 warms up
    }
  }
  await server.close();
  console.log(`qingdan serve CPU per decision, in one process (fastify inject), ${batchSize} decisions per call, ${rounds} rounds of ${CALLS} calls per format`);
  for (const format of formats) {
    const micros = spent.get(format.name)! / (rounds * CALLS * batchSize);
    console.log(`  ${format.label.padEnd(36)} ${micros.toFixed(2)} µs per decision — ${Math.round(1e6 / micros).toLocaleString('en-US')} decisions/s on one core (${Math.round(format.body.length / batchSize)} bytes asked per decision)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
