/**
 * PolicyClient against `qingdan serve` in this process: conditional polling, fail-closed start,
 * a refused bundle kept out, a bad cache ignored, and back-off with jitter; and against a server
 * that cuts a download off, stalls, or fails while a callback throws.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyClient, PolicyUnavailableError } from '../runtime/client.js';
import { OptionError } from '../runtime/errors.js';
import { Policy } from '../runtime/policy.js';
import { createServer, type QingdanServer } from '../server/app.js';
import { makeFixtures, type Fixtures } from './bundle-fixtures.js';
import { tempDir } from './support.js';

let fx: Fixtures;
let server: QingdanServer;
let bundlePath: string;
let url: string;
const requestsSeen: { ifNoneMatch: string | undefined; status: number }[] = [];

beforeAll(async () => {
  fx = await makeFixtures();
  bundlePath = join(await tempDir(), 'bundle.tar.gz');
  await writeFile(bundlePath, fx.base);
  server = await createServer({ bundlePath, trustedKeys: [fx.keys.publicKey], watchIntervalMs: 0, logLevel: false });
  server.app.addHook('onResponse', async (request, reply) => {
    if (request.url === '/v1/bundle') requestsSeen.push({ ifNoneMatch: request.headers['if-none-match'], status: reply.statusCode });
  });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.app.server.address() as { port: number };
  url = `http://127.0.0.1:${port}/v1/bundle`;
});
afterAll(async () => server?.close());

const request = { asOf: '2026-12-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: false } };

describe('PolicyClient', () => {
  it('polls with If-None-Match and takes 304 as success without downloading again', async () => {
    const client = await PolicyClient.start({ url, trustedKeys: [fx.keys.publicKey], intervalMs: 3_600_000 });
    requestsSeen.length = 0;
    expect(await client.refresh()).toBe(true);
    expect(requestsSeen).toEqual([{ ifNoneMatch: `"${client.policy!.digest}"`, status: 304 }]);
    expect(client.state).toMatchObject({ source: 'server', lastError: null, consecutiveFailures: 0 });
    expect(client.evaluate(request).pathway).toBe('not-applicable');
    client.stop();
  });

  it('gets 304 after a restart from a cache that recorded no tag, since the content digest is the tag', async () => {
    const cacheDir = await tempDir();
    await writeFile(join(cacheDir, 'bundle.tar.gz'), fx.base);
    requestsSeen.length = 0;
    const client = await PolicyClient.start({ url, trustedKeys: [fx.keys.publicKey], cacheDir, intervalMs: 3_600_000 });
    expect(requestsSeen).toEqual([{ ifNoneMatch: `"${client.policy!.digest}"`, status: 304 }]);
    expect(client.state).toMatchObject({ source: 'cache', lastError: null });
    client.stop();
  });

  it('refuses to decide until it holds a verified bundle (fail closed), reporting why', async () => {
    const client = await PolicyClient.start({ url, trustedKeys: [fx.other.publicKey], intervalMs: 3_600_000 });
    expect(client.policy).toBeUndefined();
    expect(client.state.lastError?.code).toBe('signature-unknown-key');
    expect(() => client.evaluate(request)).toThrow(PolicyUnavailableError);
    client.stop();
  });

  it('ignores a cache that fails verification and takes the server’s bundle', async () => {
    const cacheDir = await tempDir();
    await writeFile(join(cacheDir, 'bundle.tar.gz'), fx.tampered);
    const client = await PolicyClient.start({ url, trustedKeys: [fx.keys.publicKey], cacheDir, intervalMs: 3_600_000 });
    expect(client.state).toMatchObject({ source: 'server', lastError: { code: 'digest-mismatch' } });
    client.stop();
  });

  it('refuses a cache file that is no regular file without waiting on it (a FIFO kept start from returning)', async () => {
    for (const kind of ['fifo', 'device']) {
      const cacheDir = await tempDir();
      const bundle = join(cacheDir, 'bundle.tar.gz');
      if (kind === 'fifo') execFileSync('mkfifo', [bundle]);
      else await symlink('/dev/zero', bundle);
      const client = await PolicyClient.start({ url, trustedKeys: [fx.keys.publicKey], cacheDir, intervalMs: 3_600_000 });
      expect([kind, client.state.source, client.state.lastError?.code]).toEqual([kind, 'server', 'not-a-file']);
      client.stop();
    }
  });

  it('decides with the server’s bundle when its cache folder cannot be made, reporting cache-write (no hang under /proc)', async () => {
    const client = await PolicyClient.start({ url, trustedKeys: [fx.keys.publicKey], cacheDir: '/proc/qingdan-test/cache', intervalMs: 3_600_000 });
    expect(client.state).toMatchObject({ source: 'server', lastError: { code: 'cache-write' } });
    expect(client.evaluate(request).pathway).toBe('not-applicable');
    client.stop();
  });

  it('answers an HTTP error with its status code and keeps the held bundle', async () => {
    const client = await PolicyClient.start({ url, trustedKeys: [fx.keys.publicKey], intervalMs: 3_600_000 });
    const held = client.policy;
    const broken = await PolicyClient.start({ url: url.replace('/v1/bundle', '/v1/nothing'), trustedKeys: [fx.keys.publicKey], intervalMs: 3_600_000 });
    expect(broken.state.lastError?.code).toBe('http-404');
    expect(client.policy).toBe(held);
    client.stop();
    broken.stop();
  });

  it('refuses options it cannot work with at start, polling nothing: no trusted key, a URL that is not http(s), a delay a timer cannot hold', async () => {
    const keys = [fx.keys.publicKey];
    const cases: [string, Record<string, unknown> | null][] = [
      // Before: a client without keys took an unsigned bundle from the network.
      ['trustedKeys', { url }],
      ['trustedKeys', { url, trustedKeys: [] }],
      ['trustedKeys', { url, trustedKeys: fx.keys.publicKey }],
      ['trustedKeys', { url, trustedKeys: ['not a key'] }],
      ['trustedKeys', { url, trustedKeys: [42] }],
      ['url', { url: 'not a url', trustedKeys: keys }],
      ['url', { url: 'file:///tmp/bundle.tar.gz', trustedKeys: keys }],
      ['url', { url: 'ftp://127.0.0.1/bundle.tar.gz', trustedKeys: keys }],
      ['url', { url: 42, trustedKeys: keys }],
      // Before: NaN, below 1 or beyond 2³¹−1 ms, a timer fires after 1 ms — a hundred polls a second.
      ['intervalMs', { url, trustedKeys: keys, intervalMs: Number.NaN }],
      ['intervalMs', { url, trustedKeys: keys, intervalMs: -1 }],
      ['intervalMs', { url, trustedKeys: keys, intervalMs: 0 }],
      ['intervalMs', { url, trustedKeys: keys, intervalMs: 2 ** 31 }],
      ['maxBackoffMs', { url, trustedKeys: keys, maxBackoffMs: Infinity }],
      ['timeoutMs', { url, trustedKeys: keys, timeoutMs: '500' }],
      ['maxBytes', { url, trustedKeys: keys, maxBytes: Number.NaN }],
      ['maxBytes', { url, trustedKeys: keys, maxBytes: 0 }],
      ['maxBytes', { url, trustedKeys: keys, maxBytes: 1.5 }],
      ['cacheDir', { url, trustedKeys: keys, cacheDir: 42 }],
      ['onUpdate', { url, trustedKeys: keys, onUpdate: 'log' }],
      ['options', null],
    ];
    requestsSeen.length = 0;
    for (const [option, options] of cases) {
      const refused = await PolicyClient.start(options as never).then(
        (client) => (client.stop(), undefined),
        (e: unknown) => e,
      );
      expect([option, options, refused instanceof OptionError && refused.option]).toEqual([option, options, option]);
    }
    expect(requestsSeen).toEqual([]);
    const fine = await PolicyClient.start({ url, trustedKeys: keys, intervalMs: 2 ** 31 - 1, maxBytes: 64 * 1024 * 1024 });
    expect(fine.state).toMatchObject({ source: 'server', lastError: null });
    fine.stop();
  });

  it('backs off exponentially with jitter while failing, within its cap', async () => {
    const client = await PolicyClient.start({ url: 'http://127.0.0.1:9/none', trustedKeys: [fx.keys.publicKey], intervalMs: 1000, maxBackoffMs: 8000, timeoutMs: 500 });
    expect(client.state.consecutiveFailures).toBe(1);
    expect(client.state.lastError?.code).toBe('network');
    const delays = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const d = client.nextDelay();
      expect(d).toBeGreaterThanOrEqual(500);
      expect(d).toBeLessThanOrEqual(2000);
      delays.add(Math.round(d));
    }
    expect(delays.size).toBeGreaterThan(10); // jittered, not in step with every other client
    for (let i = 0; i < 5; i++) await client.refresh();
    expect(client.state.consecutiveFailures).toBe(6);
    for (let i = 0; i < 50; i++) expect(client.nextDelay()).toBeLessThanOrEqual(8000);
    client.stop();
  });
});

/** A server on a loopback port that answers each GET with `answer(n)`, n counting from 1. */
async function hostileServer(answer: (n: number, res: ServerResponse, req: IncomingMessage) => void): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let n = 0;
  const server = createHttpServer((req, res) => answer(++n, res, req));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bundle.tar.gz`,
    requests: () => n,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The whole bundle, as a static server sends it. */
function sendBundle(res: ServerResponse, bytes: Buffer): void {
  res.writeHead(200, { 'content-length': bytes.length, etag: '"v1"' });
  res.end(bytes);
}

/** A 200 whose body stops after 100 bytes: the connection is cut. */
function cutOff(res: ServerResponse, req: IncomingMessage, bytes: Buffer): void {
  res.writeHead(200, { 'content-length': bytes.length });
  res.write(bytes.subarray(0, 100));
  setTimeout(() => req.socket.destroy(), 20);
}

const until = async (what: string, ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

describe('PolicyClient against a server that misbehaves', () => {
  it('reports a download cut off mid-body as network, at start and in a background poll, keeping the held bundle (it ended the process)', async () => {
    const first = await hostileServer((_, res, req) => cutOff(res, req, fx.base));
    const refused = await PolicyClient.start({ url: first.url, trustedKeys: [fx.keys.publicKey], intervalMs: 3_600_000 });
    expect([refused.policy, refused.state.lastError?.code]).toEqual([undefined, 'network']);
    refused.stop();
    await first.close();

    const later = await hostileServer((n, res, req) => (n === 1 ? sendBundle(res, fx.base) : cutOff(res, req, fx.newer)));
    const client = await PolicyClient.start({ url: later.url, trustedKeys: [fx.keys.publicKey], intervalMs: 30 });
    const held = client.policy;
    expect(held).toBeDefined();
    // An unhandled rejection from the background poll would fail this test run, as it ended the integrator's process.
    await until('two failed background polls', () => client.state.consecutiveFailures >= 2);
    expect(client.state.lastError?.code).toBe('network');
    expect(client.policy).toBe(held);
    client.stop();
    await later.close();
  });

  it('reports a body that stalls past the time limit as network', async () => {
    const stalled = await hostileServer((_, res) => {
      res.writeHead(200, { 'content-length': fx.base.length });
      res.write(fx.base.subarray(0, 100));
    });
    const client = await PolicyClient.start({ url: stalled.url, trustedKeys: [fx.keys.publicKey], intervalMs: 3_600_000, timeoutMs: 300 });
    expect([client.policy, client.state.lastError?.code]).toEqual([undefined, 'network']);
    client.stop();
    await stalled.close();
  });

  it('keeps polling when an onError callback throws in a background poll, recording it as internal', async () => {
    const failing = await hostileServer((n, res) => (n === 1 ? sendBundle(res, fx.base) : (res.writeHead(503), res.end())));
    const client = await PolicyClient.start({
      url: failing.url,
      trustedKeys: [fx.keys.publicKey],
      intervalMs: 30,
      maxBackoffMs: 60,
      onError: () => {
        throw new Error('the integrator’s callback failed');
      },
    });
    await until('three requests', () => failing.requests() >= 3);
    expect(client.state.lastError).toMatchObject({ code: 'internal', message: 'the integrator’s callback failed' });
    expect(client.policy?.digest).toBeDefined();
    client.stop();
    await failing.close();
  });

  it('sends no cached tag that is not an entity tag: a planted one made every poll fail before it left (it never reached the server)', async () => {
    const cacheDir = await tempDir();
    await writeFile(join(cacheDir, 'bundle.tar.gz'), fx.base);
    await writeFile(join(cacheDir, 'bundle.json'), JSON.stringify({ etag: '"x"\r\nX-Injected: 1' }));
    const seen: (string | undefined)[] = [];
    const server = await hostileServer((_, res, req) => {
      seen.push(req.headers['if-none-match']);
      sendBundle(res, fx.newer);
    });
    const client = await PolicyClient.start({ url: server.url, trustedKeys: [fx.keys.publicKey], cacheDir, intervalMs: 3_600_000 });
    expect(server.requests()).toBe(1);
    expect(seen[0]).not.toContain('x');
    expect(client.state).toMatchObject({ source: 'server', lastError: null, version: (await Policy.load(fx.newer)).version });
    client.stop();
    await server.close();
  });
});

describe('PolicyClient’s cache folder', () => {
  it('writes through no link planted at a temporary name, and replaces a link at the cache file itself (it overwrote the link’s target)', async () => {
    const cacheDir = await tempDir();
    const victims = await tempDir();
    for (const name of ['bundle.tar.gz', 'bundle.json']) {
      await writeFile(join(victims, name), 'precious');
      await symlink(join(victims, name), join(cacheDir, `${name}.tmp-${process.pid}`));
    }
    await writeFile(join(victims, 'target'), 'precious');
    await symlink(join(victims, 'target'), join(cacheDir, 'bundle.tar.gz'));
    const client = await PolicyClient.start({ url, trustedKeys: [fx.keys.publicKey], cacheDir, intervalMs: 3_600_000 });
    expect(client.state.source).toBe('server');
    client.stop();
    for (const name of ['bundle.tar.gz', 'bundle.json', 'target']) expect(readFileSync(join(victims, name), 'utf8')).toBe('precious');
    expect(lstatSync(join(cacheDir, 'bundle.tar.gz')).isFile()).toBe(true);
    expect(readdirSync(cacheDir).filter((f) => /\.tmp-\d+-/.test(f))).toEqual([]);
  });
});
