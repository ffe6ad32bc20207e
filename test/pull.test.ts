/**
 * Bundles pulled across real processes: `qingdan serve` and a downstream client each in its own
 * process, then Debian's nginx as a plain static server. A bad bundle published anywhere is
 * refused with its code while the client keeps deciding with the last good one; a server that
 * dies does not stop decisions; a client restarted while the server is down decides from its
 * cache.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Policy } from '../runtime/policy.js';
import { makeFixtures, refusedBundles, type Fixtures } from './bundle-fixtures.js';
import { freePort, publish, startClient, startNginx, startServe, type Child } from './processes.js';
import { tempDir } from './support.js';

let fx: Fixtures;
let dir: string;
let keyFile: string;
let baseVersion: string;
const children: Child[] = [];
const track = (c: Child) => (children.push(c), c);

beforeAll(async () => {
  fx = await makeFixtures();
  dir = await tempDir('qingdan-pull-');
  keyFile = join(dir, 'public.pem');
  await writeFile(keyFile, fx.keys.publicKey);
  baseVersion = (await Policy.load(fx.base)).version;
});
afterAll(async () => {
  await Promise.all(children.map((c) => c.stop('SIGKILL')));
});

type Line = Record<string, unknown> & { version?: string; source?: string; lastError?: string | null; decided?: { version?: string; error?: string } };
const holds = (version: string) => (l: Line) => l.version === version && l.decided?.version === version;

describe('qingdan serve and a client, each in its own process', () => {
  it('pulls, follows a newer bundle, ignores a refused one, survives the server, and restarts from its cache', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const bundlePath = join(dir, 'served.tar.gz');
    await publish(bundlePath, fx.base);
    const serve = track(startServe(bundlePath, keyFile, port));
    await serve.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening'), 'serve to listen');

    const cacheDir = join(dir, 'cache');
    const url = `http://127.0.0.1:${port}/v1/bundle`;
    const client = track(startClient(url, keyFile, cacheDir));
    await client.waitFor(holds(baseVersion), `the client to hold ${baseVersion}`);

    // Marked before publishing: serve may log its reload before the wait for it begins.
    let mark = serve.lines.length;
    await publish(bundlePath, fx.newer);
    await serve.waitFor((l) => l.event === 'reloaded' && l.version === '9.0.0', 'serve to reload 9.0.0', undefined, mark);
    await client.waitFor(holds('9.0.0'), 'the client to take 9.0.0');

    mark = serve.lines.length;
    await publish(bundlePath, fx.tampered);
    await serve.waitFor((l) => l.event === 'reload-refused' && l.code === 'digest-mismatch', 'serve to refuse the tampered bundle', undefined, mark);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('qingdan_bundle_reload_failures_total{code="digest-mismatch"} 1');
    await client.waitFor(holds('9.0.0'), 'the client to keep 9.0.0');

    await serve.stop('SIGKILL');
    const afterKill = await client.waitFor((l) => l.lastError === 'network', 'the client to notice the server is gone');
    expect(afterKill).toMatchObject({ version: '9.0.0', decided: { version: '9.0.0', pathway: expect.any(String) } });
    await client.stop();

    const restarted = track(startClient(url, keyFile, cacheDir));
    const fromCache = await restarted.waitFor((l) => l.lastError === 'network', 'the restarted client to try the server');
    expect(fromCache).toMatchObject({ version: '9.0.0', source: 'cache', decided: { version: '9.0.0' } });
    await restarted.stop();
  });
});

describe('a client pulling from Debian’s nginx, as from a CDN or object store', () => {
  it('refuses every bad bundle published there with its code and keeps deciding with the last good one', { timeout: 240_000 }, async () => {
    const www = join(dir, 'www');
    await mkdir(www, { recursive: true });
    const bundlePath = join(www, 'bundle.tar.gz');
    await publish(bundlePath, fx.base);
    const port = await freePort();
    const nginx = track(await startNginx(www, port));
    const client = track(startClient(`http://127.0.0.1:${port}/bundle.tar.gz`, keyFile, join(dir, 'nginx-cache')));
    await client.waitFor(holds(baseVersion), `the client to hold ${baseVersion}`);

    for (const [bundle, code] of refusedBundles(fx)) {
      await publish(bundlePath, bundle);
      const refused = await client.waitFor((l) => l.lastError === code, `the client to refuse with ${code}`);
      expect(refused).toMatchObject({ version: baseVersion, decided: { version: baseVersion } });
    }

    await publish(bundlePath, fx.newer);
    await client.waitFor(holds('9.0.0'), 'the client to take 9.0.0 from nginx');
    await publish(bundlePath, fx.equivocating);
    const equivocation = await client.waitFor((l) => l.lastError === 'equivocation', 'the client to refuse the equivocating bundle');
    expect(equivocation).toMatchObject({ version: '9.0.0', decided: { version: '9.0.0' } });

    await nginx.stop('SIGKILL');
    await client.waitFor((l) => l.lastError === 'network' && (l as Line).decided?.version === '9.0.0', 'the client to keep deciding without nginx');
  });
});
