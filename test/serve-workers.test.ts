/**
 * `qingdan serve --workers 2` as real processes: two workers share the port, /metrics counts
 * the decisions of both whichever answers, SIGHUP to the primary reloads every worker and has it
 * reopen the decision log log rotation moved, a dead
 * worker is replaced — on the last good bundle when the file has gone bad meanwhile — and a
 * refused bundle stops the primary before any worker starts.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMS } from '../compiler/diagnostic-codes.js';
import { Policy } from '../runtime/policy.js';
import { makeFixtures, type Fixtures } from './bundle-fixtures.js';
import { freePort, spawnChild, type Child } from './processes.js';
import { ROOT, tempDir } from './support.js';

let fx: Fixtures;
let dir: string;
let serve: Child | undefined;
let base: string;

const request = { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 120000 } } };

/** A fresh connection per call, so the cluster hands calls to both workers. */
const get = (path: string) => fetch(`${base}${path}`, { headers: { connection: 'close' } });

function workerPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(serve!.process.pid)], { encoding: 'utf8' });
  return out.trim().split(/\s+/).filter(Boolean).map(Number);
}

async function counter(series: string): Promise<number> {
  const text = await (await get('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

async function until<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 300; i++) {
    last = await probe().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  fx = await makeFixtures();
  dir = await tempDir();
  await writeFile(join(dir, 'bundle.tar.gz'), fx.base);
  await writeFile(join(dir, 'public.pem'), fx.keys.publicKey);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  serve = spawnChild(process.execPath, [join(ROOT, 'bin/qingdan.js'), 'serve', join(dir, 'bundle.tar.gz'), '--key', join(dir, 'public.pem'), '--port', String(port), '--watch-interval', '0', '--workers', '2', '--decision-log', join(dir, 'decisions.jsonl')]);
  const listening = (l: Record<string, unknown>) => typeof l.msg === 'string' && l.msg.startsWith('Server listening');
  await serve.waitFor(() => serve!.lines.filter(listening).length === 2, 'two workers listening');
}, 120_000);
afterAll(async () => serve?.stop());

describe('serve --workers 2', () => {
  it('runs two worker processes on one port, and /metrics counts the decisions of both', async () => {
    expect(workerPids()).toHaveLength(2);
    const pathway = 'standard-contract-or-certification';
    const before = await counter(`qingdan_decisions_total{pathway="${pathway}"}`);
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${base}/v1/decide`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify(request) });
      expect(r.status).toBe(200);
      expect((await r.json()).pathway).toBe(pathway);
    }
    // Each worker counts only its own; summed, whichever worker is asked, they are all twelve.
    for (let i = 0; i < 4; i++) expect(await counter(`qingdan_decisions_total{pathway="${pathway}"}`)).toBe(before + 12);
    const text = await (await get('/metrics')).text();
    expect(text.match(/^qingdan_bundle_info\{.*\} (\d+)$/m)?.[1]).toBe('1');
  });

  it('reloads every worker on SIGHUP to the primary, each reopening the decision log rotation moved', async () => {
    const expected = (await Policy.load(fx.newer)).version;
    await writeFile(join(dir, 'bundle.tar.gz'), fx.newer);
    const log = join(dir, 'decisions.jsonl');
    await rename(log, `${log}.1`);
    const reloaded = serve!.waitFor(() => serve!.lines.filter((l) => l.event === 'reloaded').length === 2 && serve!.lines.filter((l) => l.event === 'decision-log-reopened').length === 2, 'both workers reloaded and reopened their log', 30_000);
    serve!.process.kill('SIGHUP');
    await reloaded;
    for (let i = 0; i < 6; i++) expect((await (await get('/readyz')).json()).version).toBe(expected);
    for (let i = 0; i < 4; i++) {
      const r = await fetch(`${base}/v1/decide`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify(request) });
      expect(r.status).toBe(200);
    }
    const lines = async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { bundleVersion: string });
    const logged = await until('the decisions in the new log', lines, (l) => l.length === 4);
    expect(logged.map((l) => l.bundleVersion)).toEqual(Array(4).fill(expected));
  });

  it('replaces a worker that dies', async () => {
    const [victim] = workerPids();
    process.kill(victim!, 'SIGKILL');
    await until('a new worker', async () => workerPids(), (pids) => pids.length === 2 && !pids.includes(victim!));
    await until('the new worker listening', async () => serve!.lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening')).length, (n) => n === 3);
    expect(serve!.lines.some((l) => l.event === 'worker-exited' && l.signal === 'SIGKILL')).toBe(true);
    expect((await get('/healthz')).status).toBe(200);
  });

  // A rolled-back file too: the new worker took it as a fresh start, and the cluster answered with two versions.
  it.each([
    ['tampered', 'digest-mismatch'],
    ['older', 'rollback'],
  ] as const)('starts a worker that replaces a dead one on the last good bundle while the file on disk is %s (%s), and it stays up', async (name, code) => {
    const expected = (await Policy.load(fx.newer)).version; // what SIGHUP made every worker serve, above
    await writeFile(join(dir, 'bundle.tar.gz'), fx[name]);
    const exitsBefore = serve!.lines.filter((l) => l.event === 'worker-exited').length;
    const listeningBefore = serve!.lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening')).length;
    const [victim] = workerPids();
    const kept = serve!.waitFor((l) => l.event === 'started-on-last-good', 'a worker started on the last good bundle', 30_000);
    process.kill(victim!, 'SIGKILL');
    expect(await kept).toMatchObject({ code, version: expected });
    await until('the new worker listening', async () => serve!.lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening')).length, (n) => n === listeningBefore + 1);
    // Restarts come a second apart: a worker that could not start would have exited again by now.
    await new Promise((r) => setTimeout(r, 2500));
    expect(serve!.lines.filter((l) => l.event === 'worker-exited').length).toBe(exitsBefore + 1);
    expect(workerPids()).toHaveLength(2);
    for (let i = 0; i < 6; i++) expect((await (await get('/readyz')).json()).version).toBe(expected);
    expect(await counter(`qingdan_bundle_reload_failures_total{code="${code}"}`)).toBeGreaterThanOrEqual(1);
  });
});

describe('serve --workers with a refused bundle', () => {
  it('exits 1 with the refusal code before starting any worker', async () => {
    const other = await tempDir();
    await writeFile(join(other, 'bundle.tar.gz'), fx.tampered);
    await writeFile(join(other, 'public.pem'), fx.keys.publicKey);
    const child = spawnChild(process.execPath, [join(ROOT, 'bin/qingdan.js'), 'serve', join(other, 'bundle.tar.gz'), '--key', join(other, 'public.pem'), '--port', '0', '--workers', '2']);
    const code = await new Promise<number | null>((resolve) => child.process.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    // The refusal as a coded diagnostic, its reason in whichever language the child's locale chose.
    const { en, zh } = TERMS.bundleRefusal['digest-mismatch'];
    expect(child.output()).toMatch(/\[QD4084\]/);
    expect(child.output().includes(en) || child.output().includes(zh)).toBe(true);
    expect(child.lines.some((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening'))).toBe(false);
  });
});
