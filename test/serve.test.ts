/**
 * `qingdan serve`'s HTTP contract, in process (fastify's inject): the bundle with its ETag,
 * the policy on a date, decisions one by one and in batches, every problem of a bad request,
 * body limits, health, readiness, metrics, the decision log, and reloads that keep the last
 * good bundle when the new one is refused.
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { mkdir, readFile, rename, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compactDecisions, denseDecisions, expandDecisions, type CompactDecisions, type DenseDecisions } from '../runtime/compact.js';
import { requestMix } from '../bench/request-mix.js';
import { problemString, requestProblemText } from '../compiler/problem-messages.js';
import { PolicyLoadError } from '../runtime/errors.js';
import { Policy } from '../runtime/policy.js';
import type { RequestProblem } from '../runtime/request.js';
import { validateCompactDecisions, validateDenseDecisions } from '../runtime/validators.js';
import { createServer, type QingdanServer } from '../server/app.js';
import { serializeDecision } from '../server/serialize.js';
import { makeFixtures, refusedBundles, variant, type Fixtures } from './bundle-fixtures.js';
import { runIn } from './governance/fixture.js';
import { diagnosticLine, ROOT, tempDir } from './support.js';

let fx: Fixtures;
let server: QingdanServer;
let bundlePath: string;
let logPath: string;
let request: unknown;

beforeAll(async () => {
  fx = await makeFixtures();
  const dir = await tempDir();
  bundlePath = join(dir, 'bundle.tar.gz');
  logPath = join(dir, 'decisions.jsonl');
  await writeFile(bundlePath, fx.base);
  request = JSON.parse(await readFile(join(ROOT, 'examples/requests/ecommerce-payments-preview.json'), 'utf8'));
  server = await createServer({ bundlePath, trustedKeys: [fx.keys.publicKey], watchIntervalMs: 0, logLevel: false, bodyLimit: 64 * 1024, maxBatch: 100, decisionLogPath: logPath });
});
afterAll(async () => server?.close());

const inject = (options: InjectOptions) => server.app.inject(options);

describe('GET /v1/bundle', () => {
  it('serves the archive with the content digest as ETag, its sha256 as Repr-Digest, and 304 for If-None-Match', async () => {
    const policy = await Policy.load(fx.base);
    const first = await inject({ method: 'GET', url: '/v1/bundle' });
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(fx.base)).toBe(true);
    expect(first.headers['content-type']).toBe('application/gzip');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers.etag).toBe(`W/"${policy.digest}"`);
    expect(first.headers['x-qingdan-digest']).toBe(policy.digest);
    expect(first.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(fx.base).digest('base64')}:`);
    const again = await inject({ method: 'GET', url: '/v1/bundle', headers: { 'if-none-match': first.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('answers 304 to the bare content digest, in a list or as *, and 200 to any other tag', async () => {
    const policy = await Policy.load(fx.base);
    const status = async (ifNoneMatch: string) => (await inject({ method: 'GET', url: '/v1/bundle', headers: { 'if-none-match': ifNoneMatch } })).statusCode;
    expect(await status(`"${policy.digest}"`)).toBe(304);
    expect(await status(`"5f1c-6789abcd", W/"${policy.digest}"`)).toBe(304);
    expect(await status('*')).toBe(304);
    expect(await status(`"${createHash('sha256').update(fx.base).digest('hex')}"`)).toBe(200);
    expect(await status(`"${policy.digest.slice(1)}"`)).toBe(200);
  });
});

describe('GET /v1/policy', () => {
  it('reads a list’s state as decisions do: in force by its own period, it has no effect after the measures’ trial (before: inForce true)', async () => {
    // icv in force from its own first day with no last day: only the trial ends it.
    const open = variant(fx.base, '9.0.0', (text) => {
      const policy = JSON.parse(text) as { lists: { id: string; status: string; effective: { from: string; until?: string } }[] };
      const icv = policy.lists.find((l) => l.id === 'icv')!;
      icv.status = 'in-force';
      delete icv.effective.until;
      return JSON.stringify(policy);
    }, createPrivateKey(fx.keys.privateKey));
    const path = join(await tempDir(), 'bundle.tar.gz');
    await writeFile(path, open);
    const policy = await Policy.load(open);
    const { from } = policy.bundle.policy.lists.find((l) => l.id === 'icv')!.effective;
    const trialUntil = policy.bundle.policy.trial!.until;
    const other = await createServer({ bundlePath: path, trustedKeys: [fx.keys.publicKey], watchIntervalMs: 0, logLevel: false });
    try {
      const icvOn = async (date: string) => ((await other.app.inject({ method: 'GET', url: `/v1/policy?asOf=${date}` })).json().lists as { id: string; state: string; inForce: boolean }[]).find((l) => l.id === 'icv');
      expect(await icvOn(from)).toMatchObject({ state: 'in-force', inForce: true });
      expect(await icvOn(trialUntil)).toMatchObject({ state: 'trial-ended', inForce: false });
      // And a decision on that day agrees: the national rules decide, naming the list.
      const decided = policy.decideTrusted({ asOf: trialUntil, processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, items: [{ id: policy.bundle.policy.lists.find((l) => l.id === 'icv')!.scenarios[0]!.items[0]!.id, persons: 10 }] } });
      expect(decided.advisories.map((a) => [a.code, a.source])).toContainEqual(['pending-list', 'icv']);
    } finally {
      await other.close();
    }
  });

  it('names version and digest, and which lists are in force on the date', async () => {
    const policy = await Policy.load(fx.base);
    const r = (await inject({ method: 'GET', url: '/v1/policy?asOf=2027-06-01' })).json();
    expect(r).toMatchObject({ version: policy.version, digest: policy.digest, asOf: '2027-06-01' });
    for (const list of r.lists) expect([list.id, list.state, list.inForce]).toEqual([list.id, policy.listState(list.id, '2027-06-01'), list.state === 'in-force']);
    expect((await inject({ method: 'GET', url: '/v1/policy?asOf=tomorrow' })).statusCode).toBe(400);
    // The shape of a date is not enough: there is no 30 February.
    expect((await inject({ method: 'GET', url: '/v1/policy?asOf=2027-02-30' })).json()).toMatchObject({ error: 'invalid-request', problems: [{ pointer: '/asOf', keyword: 'format' }] });
  });
});

describe('POST /v1/decide', () => {
  it('decides one request as the runtime does', async () => {
    const r = await inject({ method: 'POST', url: '/v1/decide', payload: request as object });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual((await Policy.load(fx.base)).evaluate(request));
  });

  it('decides a batch, in order, writing every shape of basis as the runtime gives it', async () => {
    const baseline = { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 120000 } } };
    const domestic = { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: false } };
    const r = await inject({ method: 'POST', url: '/v1/decide', payload: [request, baseline, domestic] });
    const policy = await Policy.load(fx.base);
    const expected = [policy.evaluate(request), policy.evaluate(baseline), policy.evaluate(domestic)];
    expect(expected.map((d) => d.basis.kind)).toEqual(['list', 'baseline', 'none']);
    expect(r.json()).toEqual({ decisions: expected });
    expect((await inject({ method: 'POST', url: '/v1/decide', payload: baseline })).json()).toEqual(expected[1]);
  });

  it('answers ?view=compact with each distinct reason and obligation once, conforming to its schema and expanding to the full answer', async () => {
    const baseline = { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 120000 } } };
    const domestic = { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: false } };
    const batch = [request, baseline, domestic, baseline, request, baseline];
    const policy = await Policy.load(fx.base);
    const full = batch.map((r) => policy.evaluate(r));
    const r = await inject({ method: 'POST', url: '/v1/decide?view=compact', payload: batch });
    expect(r.statusCode).toBe(200);
    const compact = r.json() as CompactDecisions;
    expect(validateCompactDecisions(compact)).toBe(true);
    expect(compact).toEqual(compactDecisions(full, { version: policy.version, digest: policy.digest }));
    expect(expandDecisions(compact)).toEqual(full);
    const distinct = (parts: readonly object[]) => new Set(parts.map((p) => JSON.stringify(p))).size;
    expect(compact.reasons.length).toBe(distinct(full.flatMap((d) => d.reasons)));
    expect(compact.obligations.length).toBe(distinct(full.flatMap((d) => [...d.obligations, ...d.advisories])));
    expect(compact.decisions[3]).toEqual(compact.decisions[1]);
    expect(r.rawPayload.length * 2).toBeLessThan((await inject({ method: 'POST', url: '/v1/decide', payload: batch })).rawPayload.length);
    const one = await inject({ method: 'POST', url: '/v1/decide?view=compact', payload: domestic });
    expect(expandDecisions(one.json())).toEqual([full[2]]);
    expect((await inject({ method: 'POST', url: '/v1/decide?view=full', payload: domestic })).json()).toEqual(full[2]);
  });

  it('answers ?view=dense with repeated decisions as the same row: byte for byte the runtime’s denseDecisions, conforming to its schema, expanding to the full answer', async () => {
    const baseline = { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 120000 } } };
    const bigger = { ...baseline, transfer: { isExport: true, personalInfo: { persons: 130000 } } };
    const domestic = { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: false } };
    const batch = [request, baseline, domestic, bigger, request, baseline];
    const policy = await Policy.load(fx.base);
    const full = batch.map((r) => policy.evaluate(r));
    const r = await inject({ method: 'POST', url: '/v1/decide?view=dense', payload: batch });
    expect(r.statusCode).toBe(200);
    const dense = r.json() as DenseDecisions;
    expect(validateDenseDecisions(dense)).toBe(true);
    expect(r.payload).toBe(JSON.stringify(denseDecisions(full, { version: policy.version, digest: policy.digest })));
    expect(expandDecisions(dense)).toEqual(full);
    // Another volume under the same threshold is the same decision, written as the same row.
    expect(dense.decisions).toEqual([0, 1, 2, 1, 0, 1].map((i) => dense.decisions[i]));
    expect(new Set(dense.decisions.map((row) => JSON.stringify(row))).size).toBe(3);
  });

  it('answers a compact batch of every scenario request that expands, byte for byte, to the answers of the requests sent one by one', async () => {
    const { readdir } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const dir = join(ROOT, 'test/scenarios/cases');
    const policy = await Policy.load(fx.base);
    const batch: unknown[] = [];
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yaml'))) {
      const { request: r } = parse(await readFile(join(dir, name), 'utf8')) as { request?: unknown };
      if (r && policy.conforms(r)) batch.push(r);
    }
    expect(batch.length).toBeGreaterThan(50);
    const r = await inject({ method: 'POST', url: '/v1/decide?view=compact', payload: batch.slice(0, 100) });
    expect(r.statusCode).toBe(200);
    const compact = r.json() as CompactDecisions;
    expect(r.payload).toBe(JSON.stringify(compact));
    const expanded = expandDecisions(compact);
    const d = await inject({ method: 'POST', url: '/v1/decide?view=dense', payload: batch.slice(0, 100) });
    expect(d.statusCode).toBe(200);
    const dense = d.json() as DenseDecisions;
    expect(d.payload).toBe(JSON.stringify(dense));
    expect(validateDenseDecisions(dense)).toBe(true);
    const expandedDense = expandDecisions(dense);
    expect(expandedDense).toHaveLength(Math.min(100, batch.length));
    for (const [i, one] of batch.slice(0, 100).entries()) {
      const single = await inject({ method: 'POST', url: '/v1/decide', payload: one as object });
      expect(JSON.stringify(expanded[i]), `request ${i}`).toBe(single.payload);
      expect(JSON.stringify(expandedDense[i]), `request ${i}, dense`).toBe(single.payload);
    }
  });

  it('answers ?view=dense for a varied batch (the bench mix) byte for byte as the runtime’s denseDecisions, conforming to its schema, expanding to each request’s own answer, as an array and with shared context', async () => {
    const policy = await Policy.load(fx.base);
    const ref = { version: policy.version, digest: policy.digest };
    const array = requestMix(policy.bundle.policy, 100, 20261202);
    const full = array.map((r) => policy.evaluate(r));
    expect(new Set(full.map((f) => f.pathway)).size).toBeGreaterThan(2);
    const r = await inject({ method: 'POST', url: '/v1/decide?view=dense', payload: array });
    expect(r.statusCode).toBe(200);
    expect(r.payload).toBe(JSON.stringify(denseDecisions(full, ref)));
    expect(validateDenseDecisions(r.json())).toBe(true);
    expect(JSON.stringify(expandDecisions(r.json()))).toBe(JSON.stringify(full));
    // One processor's transfers on one date: one context, as a bank sends them.
    const shared = { asOf: '2027-06-01', preview: true, processor: { zone: 'nansha', ciio: false } };
    const requests = array.map((q) => ({ ...shared, transfer: q.transfer }));
    const sharedFull = requests.map((q) => policy.evaluate(q));
    const s = await inject({ method: 'POST', url: '/v1/decide?view=dense', payload: { shared, transfers: array.map((q) => q.transfer) } });
    expect(s.statusCode).toBe(200);
    const dense = s.json() as DenseDecisions;
    expect(dense.contexts).toEqual([{ asOf: '2027-06-01', preview: true }]);
    expect(s.payload).toBe(JSON.stringify(denseDecisions(sharedFull, ref)));
    expect(JSON.stringify(expandDecisions(dense))).toBe(JSON.stringify(sharedFull));
    // One request alone is answered in the view too, as a batch of one.
    const one = await inject({ method: 'POST', url: '/v1/decide?view=dense', payload: array[7] as object });
    expect(one.payload).toBe(JSON.stringify(denseDecisions([full[7]!], ref)));
    expect(expandDecisions(one.json())).toEqual([full[7]]);
    // The rows are what is left per decision once the tables are written: a few bytes each.
    const rows = JSON.stringify(dense.decisions).length / dense.decisions.length;
    expect(rows).toBeLessThan(30);
    // The tables are the compact view's too; each decision is over 100 bytes shorter than there.
    const compact = await inject({ method: 'POST', url: '/v1/decide?view=compact', payload: { shared, transfers: array.map((q) => q.transfer) } });
    expect(compact.rawPayload.length - s.rawPayload.length).toBeGreaterThan(100 * array.length);
  });

  it('answers 400 to a view it does not know', async () => {
    const r = await inject({ method: 'POST', url: '/v1/decide?view=brief', payload: request as object });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'invalid-request', problems: [{ pointer: '' }] });
  });

  it('answers 400 with every problem of every request, located by index', async () => {
    const r = await inject({ method: 'POST', url: '/v1/decide', payload: [request, { asOf: '2027-02-30', processor: { zone: 'nansha' } }] });
    expect(r.statusCode).toBe(400);
    const pointers = r.json().problems.map((p: { pointer: string }) => p.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/1/asOf', '/1/processor/ciio', '/1/transfer']));
    expect(pointers.some((p: string) => p.startsWith('/0'))).toBe(false);
    const single = await inject({ method: 'POST', url: '/v1/decide', payload: { asOf: 'soon' } });
    expect(single.statusCode).toBe(400);
    expect(single.json().problems.map((p: { pointer: string }) => p.pointer)).toEqual(expect.arrayContaining(['/asOf', '/processor', '/transfer']));
  });

  it("says each problem of a 400 in the client's language (Accept-Language), beside the contract's keyword, params and English message", async () => {
    const bad = { asOf: '2027-02-30', processor: { zone: 'marz', ciio: false }, transfer: { isExport: true } };
    const answer = async (headers: Record<string, string>) => {
      const r = await inject({ method: 'POST', url: '/v1/decide', headers, payload: bad });
      expect(r.statusCode).toBe(400);
      expect(r.headers.vary).toContain('Accept-Language');
      return { lang: r.headers['content-language'], problems: r.json().problems as (RequestProblem & { says: { id: string; args: object; text: string } })[] };
    };
    const zh = await answer({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    const en = await answer({ 'accept-language': 'fr, en;q=0.5' });
    const none = await answer({});
    expect([zh.lang, en.lang, none.lang]).toEqual(['zh', 'en', 'en']);
    expect(zh.problems.map((p) => [p.pointer, p.keyword, p.says.id])).toEqual([
      ['/asOf', 'calendar-date', 'calendar-date'],
      ['/processor/zone', 'unknown-name', 'unknown-name'],
    ]);
    // The same problems, ids and arguments in both languages; only the sentence differs.
    expect(en.problems.map(({ says: { text: _, ...rest }, ...p }) => ({ ...p, says: rest }))).toEqual(zh.problems.map(({ says: { text: _, ...rest }, ...p }) => ({ ...p, says: rest })));
    for (const p of zh.problems) expect(p.says.text).toMatch(/[\u4e00-\u9fff]/);
    for (const p of en.problems) expect(p.says.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(none.problems).toEqual(en.problems);
  });

  it('refuses a __proto__ or constructor key as a property the contract does not define, located among the other problems, and decides nothing', async () => {
    const text = JSON.stringify(request);
    const poisoned = `[${text},{"__proto__":{"isAdmin":true},${text.slice(1)},${text.slice(0, -1)},"processor":{"constructor":{"prototype":{}},"zone":"nansha","ciio":false}}]`;
    const r = await inject({ method: 'POST', url: '/v1/decide', headers: { 'content-type': 'application/json' }, payload: poisoned });
    expect(r.statusCode).toBe(400);
    const problems = r.json().problems as { pointer: string }[];
    expect(problems.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/1/__proto__', '/2/processor/constructor']));
    expect(problems.some((p) => p.pointer.startsWith('/0'))).toBe(false);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('answers 413 to a body over the limit and to a batch over the most it takes', async () => {
    const big = await inject({ method: 'POST', url: '/v1/decide', payload: Array.from({ length: 1000 }, () => request) });
    expect([big.statusCode, big.json().error]).toEqual([413, 'body-too-large']);
    const many = await inject({ method: 'POST', url: '/v1/decide', payload: Array.from({ length: 101 }, () => ({})) });
    expect([many.statusCode, many.json().error]).toEqual([413, 'batch-too-large']);
  });

  it('answers a body that is not JSON, and a path it does not serve, in its own { error, message } shape', async () => {
    const broken = await inject({ method: 'POST', url: '/v1/decide', headers: { 'content-type': 'application/json' }, payload: '{"asOf": "2027' });
    expect([broken.statusCode, Object.keys(broken.json()), broken.json().error]).toEqual([400, ['error', 'message'], 'invalid-json']);
    const nowhere = await inject({ method: 'GET', url: '/v2/decide' });
    expect([nowhere.statusCode, Object.keys(nowhere.json()), nowhere.json().error]).toEqual([404, ['error', 'message'], 'not-found']);
  });

  it('answers 415 to a body that is not sent as JSON (text/plain was parsed, then refused as "must be a mapping")', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const r = await inject({ method: 'POST', url: '/v1/decide', headers: { 'content-type': type }, payload: JSON.stringify(request) });
      expect([type, r.statusCode, r.json().error]).toEqual([type, 415, 'unsupported-media-type']);
    }
  });

  it('answers 405 with Allow to a method a path does not take (it said the path was not there)', async () => {
    const put = await inject({ method: 'PUT', url: '/v1/decide?view=dense', payload: request as object });
    expect([put.statusCode, put.headers.allow, put.json().error]).toEqual([405, 'POST', 'method-not-allowed']);
    const post = await inject({ method: 'POST', url: '/v1/bundle', payload: {} });
    expect([post.statusCode, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('logs each decision as a JSON line with the request digest, pathway and bundle version', async () => {
    await inject({ method: 'POST', url: '/v1/decide', payload: request as object });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = (await readFile(logPath, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const last = lines.at(-1);
    const policy = await Policy.load(fx.base);
    expect(last).toMatchObject({ pathway: policy.evaluate(request).pathway, bundleVersion: policy.version, requestDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Date.parse(last.time)).not.toBeNaN();
  });

  it('logs a line per transfer of a shared batch, with the digest of the request it stands for whatever the order of its keys', async () => {
    const shared = { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false } };
    const transfers = [{ isExport: true, personalInfo: { persons: 120000 } }, { isExport: false }];
    expect((await inject({ method: 'POST', url: '/v1/decide', payload: { shared, transfers } })).statusCode).toBe(200);
    // The first transfer again, alone, with every object's keys in another order.
    const alone = { transfer: { personalInfo: { persons: 120000 }, isExport: true }, processor: { ciio: false, zone: 'outside' }, asOf: '2027-03-01' };
    expect((await inject({ method: 'POST', url: '/v1/decide', payload: alone })).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = (await readFile(logPath, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    // RFC 8785 by hand for these requests: keys sorted at every level, no spaces.
    const first = '{"asOf":"2027-03-01","processor":{"ciio":false,"zone":"outside"},"transfer":{"isExport":true,"personalInfo":{"persons":120000}}}';
    const second = '{"asOf":"2027-03-01","processor":{"ciio":false,"zone":"outside"},"transfer":{"isExport":false}}';
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(lines.slice(-3).map((l) => [l.requestDigest, l.pathway])).toEqual([
      [sha(first), 'standard-contract-or-certification'],
      [sha(second), 'not-applicable'],
      [sha(first), 'standard-contract-or-certification'],
    ]);
  });

  it('does not start with a decision log it cannot open: the file system’s error, before listening', async () => {
    await expect(createServer({ bundlePath, trustedKeys: [fx.keys.publicKey], watchIntervalMs: 0, logLevel: false, decisionLogPath: '/proc/qingdan-test/decisions.jsonl' })).rejects.toMatchObject({ code: 'ENOENT', syscall: 'open' });
  });

  it('refuses to decide unrecorded once the decision log cannot be written (503, not ready), and says so in its log', async () => {
    const logLines: string[] = [];
    const logStream = { write: (line: string) => void logLines.push(line) };
    // /dev/full opens, and every write to it fails with ENOSPC: a full disk.
    const full = await createServer({ bundlePath, trustedKeys: [fx.keys.publicKey], watchIntervalMs: 0, logStream, decisionLogPath: '/dev/full' });
    try {
      expect((await full.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      expect((await full.app.inject({ method: 'POST', url: '/v1/decide', payload: request as object })).statusCode).toBe(200);
      await vi.waitFor(() => expect(logLines.map((l) => JSON.parse(l)).find((l) => l.event === 'decision-log-failed')).toMatchObject({ code: 'ENOSPC', path: '/dev/full' }));
      const refused = await full.app.inject({ method: 'POST', url: '/v1/decide', payload: request as object });
      expect([refused.statusCode, refused.json().error]).toEqual([503, 'decision-log-failed']);
      const ready = await full.app.inject({ method: 'GET', url: '/readyz' });
      expect([ready.statusCode, ready.json().status]).toEqual([503, 'not-ready']);
    } finally {
      await full.close();
    }
  });
});

describe('the decision log across log rotation (reopened on SIGHUP)', () => {
  /** A server logging decisions to `path`, its own log lines kept; closed by the caller. */
  async function loggingServer(path: string): Promise<{ server: QingdanServer; events: () => Record<string, unknown>[] }> {
    const lines: string[] = [];
    const server = await createServer({ bundlePath, trustedKeys: [fx.keys.publicKey], watchIntervalMs: 0, logStream: { write: (line: string) => void lines.push(line) }, decisionLogPath: path });
    return { server, events: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event !== undefined) };
  }
  const decide = (server: QingdanServer) => server.app.inject({ method: 'POST', url: '/v1/decide', payload: request as object });
  const lineCount = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter(Boolean).length;

  it('writes to a new file at the path once reopened, the lines before staying in the moved one (before: on into the moved file)', async () => {
    const path = join(await tempDir(), 'decisions.jsonl');
    const { server, events } = await loggingServer(path);
    try {
      for (let i = 0; i < 2; i++) expect((await decide(server)).statusCode).toBe(200);
      await rename(path, `${path}.1`); // logrotate's move
      await server.reopenDecisionLog();
      for (let i = 0; i < 3; i++) expect((await decide(server)).statusCode).toBe(200);
    } finally {
      await server.close(); // the lines written, in both files
    }
    expect([await lineCount(`${path}.1`), await lineCount(path)]).toEqual([2, 3]);
    expect(events().map((e) => e.event)).toContain('decision-log-reopened');
  });

  it('keeps the file it had when the path cannot be opened again, and says so', async () => {
    const folder = join(await tempDir(), 'logs');
    await mkdir(folder);
    const path = join(folder, 'decisions.jsonl');
    const moved = join(await tempDir(), 'decisions.jsonl.1');
    const { server, events } = await loggingServer(path);
    try {
      expect((await decide(server)).statusCode).toBe(200);
      await rename(path, moved);
      await rmdir(folder);
      await server.reopenDecisionLog();
      expect(events().find((e) => e.event === 'decision-log-reopen-failed')).toMatchObject({ code: 'ENOENT', path });
      expect((await decide(server)).statusCode).toBe(200);
    } finally {
      await server.close();
    }
    expect(await lineCount(moved)).toBe(2);
  });

  it('decides again once reopened on a file it can write, after a full disk had stopped it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'decisions.jsonl');
    await symlink('/dev/full', path); // every write fails with ENOSPC
    const { server } = await loggingServer(path);
    try {
      expect((await decide(server)).statusCode).toBe(200);
      await vi.waitFor(async () => expect((await decide(server)).statusCode).toBe(503));
      await unlink(path); // space freed, the log moved aside
      await server.reopenDecisionLog();
      expect((await decide(server)).statusCode).toBe(200);
      expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await server.close();
    }
    expect(await lineCount(path)).toBe(1);
  });
});

describe('POST /v1/decide with a batch of shared context', () => {
  /** The scenario requests that conform, grouped into shared batches by their date, preview flag and processor. */
  async function sharedBatches(): Promise<{ batch: { shared: object; transfers: object[] }; requests: object[] }[]> {
    const { readdir } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const dir = join(ROOT, 'test/scenarios/cases');
    const policy = await Policy.load(fx.base);
    const groups = new Map<string, { batch: { shared: object; transfers: object[] }; requests: object[] }>();
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yaml'))) {
      const { request: r } = parse(await readFile(join(dir, name), 'utf8')) as { request?: { transfer: object } };
      if (!r || !policy.conforms(r)) continue;
      const { transfer, ...shared } = r;
      const key = JSON.stringify(shared);
      const group = groups.get(key) ?? { batch: { shared, transfers: [] as object[] }, requests: [] as object[] };
      group.batch.transfers.push(transfer);
      group.requests.push(r);
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  it('answers each transfer, byte for byte, as the request { ...shared, transfer } sent alone, in the full, compact and dense views', async () => {
    const groups = await sharedBatches();
    expect(groups.reduce((n, g) => n + g.requests.length, 0)).toBeGreaterThan(50);
    expect(groups.some((g) => g.requests.length > 1)).toBe(true);
    for (const { batch, requests } of groups) {
      const full = await inject({ method: 'POST', url: '/v1/decide', payload: batch });
      expect(full.statusCode).toBe(200);
      const decisions = full.json().decisions as unknown[];
      expect(decisions).toHaveLength(requests.length);
      const compact = expandDecisions((await inject({ method: 'POST', url: '/v1/decide?view=compact', payload: batch })).json());
      const dense = expandDecisions((await inject({ method: 'POST', url: '/v1/decide?view=dense', payload: batch })).json());
      for (const [i, one] of requests.entries()) {
        const single = (await inject({ method: 'POST', url: '/v1/decide', payload: one })).payload;
        expect(JSON.stringify(decisions[i]), `transfer ${i} of ${JSON.stringify(batch.shared)}`).toBe(single);
        expect(JSON.stringify(compact[i])).toBe(single);
        expect(JSON.stringify(dense[i])).toBe(single);
      }
    }
  });

  it('answers 400 with every problem located in the batch: the shared part once, each transfer at its index', async () => {
    const transfer = { isExport: true, personalInfo: { persons: 120000 } };
    const r = await inject({ method: 'POST', url: '/v1/decide', payload: { shared: { asOf: '2027-02-30', processor: { zone: 'marz', ciio: false } }, transfers: [transfer, transfer, { ...transfer, exemptions: ['art99'] }, { persons: 1 }] } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('invalid-request');
    const pointers = (r.json().problems as { pointer: string }[]).map((p) => p.pointer);
    expect(pointers.sort()).toEqual(['/shared/asOf', '/shared/processor/zone', '/transfers/2/exemptions/0', '/transfers/3/isExport', '/transfers/3/persons'].sort());
    const missing = await inject({ method: 'POST', url: '/v1/decide', payload: { shared: { asOf: '2027-03-01', processor: { zone: 'nansha', ciio: false } } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().problems.map((p: { pointer: string }) => p.pointer)).toEqual(['/transfers']);
  });

  it('answers 413 to more transfers than a batch takes and to a body over the limit', async () => {
    const shared = { asOf: '2027-03-01', processor: { zone: 'nansha', ciio: false } };
    const many = await inject({ method: 'POST', url: '/v1/decide', payload: { shared, transfers: Array.from({ length: 101 }, () => ({ isExport: false })) } });
    expect(many.statusCode).toBe(413);
    expect(many.json().error).toBe('batch-too-large');
    // 100 transfers is within --max-batch; padded past the 64 KiB body limit, the body is refused unread.
    const payload = `${JSON.stringify({ shared, transfers: Array.from({ length: 100 }, () => ({ isExport: false })) })}${' '.repeat(64 * 1024)}`;
    const big = await inject({ method: 'POST', url: '/v1/decide', headers: { 'content-type': 'application/json' }, payload });
    expect(big.statusCode).toBe(413);
  });
});

describe('health, readiness and metrics', () => {
  it('is healthy and ready, and counts decisions by pathway with the bundle served', async () => {
    expect((await inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    const policy = await Policy.load(fx.base);
    const pathway = policy.evaluate(request).pathway;
    const before = await counter(`qingdan_decisions_total{pathway="${pathway}"}`);
    await inject({ method: 'POST', url: '/v1/decide', payload: [request, request, request] });
    expect(await counter(`qingdan_decisions_total{pathway="${pathway}"}`)).toBe(before + 3);
    const text = (await inject({ method: 'GET', url: '/metrics' })).payload;
    expect(text).toContain(`qingdan_bundle_info{version="${policy.version}",digest="${policy.digest}"} 1`);
    expect(text).toMatch(/qingdan_decide_duration_seconds_bucket\{le="0.01",kind="batch"\} [1-9]/);
  });
});

async function counter(series: string): Promise<number> {
  const text = (await inject({ method: 'GET', url: '/metrics' })).payload;
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('reloading', () => {
  it('keeps the last good bundle when the new file is refused, and takes a newer good one', async () => {
    const served = async () => (await inject({ method: 'GET', url: '/readyz' })).json().version;
    const baseVersion = await served();
    for (const [bad, code] of refusedBundles(fx)) {
      await writeFile(bundlePath, bad);
      const result = await server.reload('test');
      expect(result).toMatchObject({ ok: false, code });
      expect(await served()).toBe(baseVersion);
      expect(await counter(`qingdan_bundle_reload_failures_total{code="${code}"}`)).toBe(1);
    }
    await writeFile(bundlePath, fx.newer);
    expect(await server.reload('test')).toMatchObject({ ok: true, changed: true });
    expect(await served()).toBe('9.0.0');
    await writeFile(bundlePath, fx.equivocating);
    expect(await server.reload('test')).toMatchObject({ ok: false, code: 'equivocation' });
    expect(await served()).toBe('9.0.0');
    const bundleNow = await inject({ method: 'GET', url: '/v1/bundle' });
    expect(bundleNow.rawPayload.equals(fx.newer)).toBe(true);
  });
});

describe('qingdan serve on the command line', () => {
  it('will not serve without a trusted key unless told to (exit 2), nor a refused bundle (exit 1, with its code)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bundle.tar.gz'), fx.tampered);
    await writeFile(join(dir, 'public.pem'), fx.keys.publicKey);
    expect((await runIn(dir, ['serve', 'bundle.tar.gz'])).code).toBe(2);
    const refused = await runIn(dir, ['serve', 'bundle.tar.gz', '--key', 'public.pem', '--port', '0']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')[0]).toBe(diagnosticLine('cli-policy-refused', { path: 'bundle.tar.gz', reason: 'digest-mismatch' }));
  });
});

describe('a signed bundle whose policy breaks its schema', () => {
  it('is refused by verify and serve with each problem located, in the reader’s language, control characters escaped', async () => {
    const dir = await tempDir();
    const bogus = (policy: string) => {
      const artifact = JSON.parse(policy) as { lists: { status: string }[] };
      artifact.lists[0]!.status = 'bogus';
      // A key that would clear the terminal, were it printed as it is.
      return JSON.stringify({ ...artifact, '\u001b[2Jx': 1 });
    };
    await writeFile(join(dir, 'bundle.tar.gz'), variant(fx.base, '9.3.0', bogus, createPrivateKey(fx.keys.privateKey)));
    await writeFile(join(dir, 'public.pem'), fx.keys.publicKey);
    const error = await Policy.load(await readFile(join(dir, 'bundle.tar.gz')), { trustedKeys: [fx.keys.publicKey] }).then(
      () => undefined,
      (e: unknown) => e as PolicyLoadError,
    );
    expect(error?.code).toBe('schema-invalid');
    const said = `/lists/0/status：${problemString(requestProblemText(error!.problems.find((p) => p.pointer === '/lists/0/status')!), 'zh')}`;
    for (const args of [['verify', 'bundle.tar.gz', '--key', 'public.pem'], ['serve', 'bundle.tar.gz', '--key', 'public.pem', '--port', '0']]) {
      const refused = await runIn(dir, ['--lang', 'zh', ...args]);
      expect(refused.code, args[0]).toBe(1);
      expect(refused.stderr.split('\n')[0]).toBe(diagnosticLine('cli-policy-refused', { path: 'bundle.tar.gz', reason: 'schema-invalid' }, 'zh'));
      expect(refused.stderr, args[0]).toContain(said);
      expect(refused.stderr, args[0]).not.toContain('\u001b[2J');
      expect(refused.stderr, args[0]).toContain('\\u001b[2Jx');
    }
  });
});

describe('decision serialization', () => {
  it('writes exactly what JSON.stringify writes, for every reason, basis and obligation shape the scenarios give', async () => {
    const policy = await Policy.load(fx.base);
    const { readdir } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const dir = join(ROOT, 'test/scenarios/cases');
    let compared = 0;
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yaml'))) {
      const scenario = parse(await readFile(join(dir, name), 'utf8')) as { request?: unknown };
      if (!scenario.request || policy.problems(scenario.request).length > 0) continue;
      const decision = policy.evaluate(scenario.request);
      expect(serializeDecision(decision).toString()).toBe(JSON.stringify(decision));
      expect(serializeDecision(decision).toString()).toBe(JSON.stringify(decision)); // again, from the cache
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('qingdan serve refuses what it cannot serve on, before serving', () => {
  it('a --port, --workers, --body-limit, --max-batch or --watch-interval that is not a number of its kind (QD4060)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'public.pem'), fx.keys.publicKey);
    const serveWith = (...options: string[]) => runIn(dir, ['serve', bundlePath, '--key', 'public.pem', ...options]);
    for (const value of ['99999', 'abc', '-1', '1.5']) {
      const r = await serveWith('--port', value);
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-not-port', { value: `'${value}'` })]);
    }
    for (const [option, value] of [['--workers', '0'], ['--body-limit', 'lots'], ['--body-limit', '1e3'], ['--max-batch', '0x10']]) {
      const r = await serveWith('--port', '0', option!, value!);
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-not-positive-integer', { option: option!, value: `'${value}'` })]);
    }
    const r = await serveWith('--port', '0', '--watch-interval', '-5');
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-not-whole-number', { option: '--watch-interval', value: "'-5'" })]);
    // Before: a thousand processes started, and a watch interval no timer holds was an internal error.
    const most = 4 * availableParallelism();
    for (const [option, value, limit] of [['--workers', String(most + 1), most], ['--watch-interval', '9999999999999', 2 ** 31 - 1]] as const) {
      const r = await serveWith('--port', '0', option, value);
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-number-too-large', { option, value: `'${value}'`, limit })]);
    }
  });

  it('a host that does not resolve (QD4017; it was an internal error), with one process and with workers', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'public.pem'), fx.keys.publicKey);
    for (const workers of ['1', '2']) {
      const r = await runIn(dir, ['serve', bundlePath, '--key', 'public.pem', '--host', 'no-such-host.invalid', '--port', '0', '--workers', workers]);
      // ENOTFOUND where a resolver answers, EAI_AGAIN where none can be reached.
      const said = (['ENOTFOUND', 'EAI_AGAIN'] as const).map((reason) => diagnosticLine('cannot-listen', { address: 'no-such-host.invalid:0', reason }));
      expect([workers, r.code, said.includes(r.stderr.split('\n')[0]!)]).toEqual([workers, 2, true]);
    }
  });

  it('an address another program listens on (QD4017), with one process and with workers, which are then never started', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'public.pem'), fx.keys.publicKey);
    const taken = createNetServer();
    await new Promise<void>((listening) => taken.listen({ host: '127.0.0.1', port: 0 }, listening));
    const { port } = taken.address() as AddressInfo;
    try {
      for (const workers of ['1', '2']) {
        const r = await runIn(dir, ['serve', bundlePath, '--key', 'public.pem', '--port', String(port), '--workers', workers]);
        expect([workers, r.code, r.stderr.split('\n')[0]]).toEqual([workers, 2, diagnosticLine('cannot-listen', { address: `127.0.0.1:${port}`, reason: 'EADDRINUSE' })]);
      }
    } finally {
      taken.close();
    }
  });
});
