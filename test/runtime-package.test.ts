/**
 * @qingdan/runtime as an integrator gets it: packed with `npm pack`, installed from the tarball
 * into a project outside the repository, imported from a plain .mjs file, deciding from a
 * signed bundle with a trusted key — read from a file, and pulled with PolicyClient from a real
 * `qingdan serve` process. No TypeScript, no tsx, no registry. Packed and installed once for
 * the file: both tests use the same installed package.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../compiler/bundle/bundle.js';
import { generateKeyPair } from '../compiler/bundle/keys.js';
import { Policy } from '../runtime/policy.js';
import { freePort, startServe, type Child } from './processes.js';
import { ROOT, tempDir } from './support.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

const DECIDE = `import { readFileSync } from 'node:fs';
import { Policy, PolicyLoadError } from '@qingdan/runtime';

const trustedKeys = [readFileSync('public.pem', 'utf8')];
const policy = await Policy.load('bundle.tar.gz', { trustedKeys });
const decision = policy.evaluate(JSON.parse(readFileSync('request.json', 'utf8')));
let refused = null;
try {
  await Policy.load('unsigned.tar.gz', { trustedKeys });
} catch (e) {
  refused = e instanceof PolicyLoadError ? e.code : String(e);
}
process.stdout.write(JSON.stringify({ decision, refused }));
`;

// A downstream service: pull from the URL, verify with the trusted key, decide; keep a cache.
const PULL = `import { readFileSync } from 'node:fs';
import { PolicyClient, compactDecisions } from '@qingdan/runtime';

const [url, cacheDir] = process.argv.slice(2);
const client = await PolicyClient.start({ url, trustedKeys: [readFileSync('public.pem', 'utf8')], cacheDir, intervalMs: 3_600_000 });
const request = JSON.parse(readFileSync('request.json', 'utf8'));
const decision = client.evaluate(request);
const revalidated = await client.refresh();
client.stop();
const { version, digest, source, lastError } = client.state;
process.stdout.write(JSON.stringify({ decision, version, digest, source, lastError, revalidated, compact: compactDecisions([decision], decision.policy) }));
`;

describe('@qingdan/runtime from its tarball', () => {
  let project: string;
  let files: string[];
  let keys: ReturnType<typeof generateKeyPair>;
  let signed: Awaited<ReturnType<typeof bundle>>;
  let request: string;
  let serve: Child | undefined;

  beforeAll(async () => {
    const packs = await tempDir('qingdan-pack-');
    // --ignore-scripts: global setup has built runtime/dist/ from the current sources
    // (test/runtime-dist.ts); the package's prepack would rebuild it — a whole tsc run — and
    // delete it meanwhile under the other test files.
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--workspace', '@qingdan/runtime', '--pack-destination', packs, '--json'], ROOT)) as { filename: string; files: { path: string }[] }[];
    files = packed[0]!.files.map((f) => f.path);
    project = await tempDir('qingdan-integrator-');
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'integrator', private: true, type: 'module' }));
    // --offline: a zero-dependency tarball needs no registry.
    npm(['install', '--offline', join(packs, packed[0]!.filename)], project);

    keys = generateKeyPair();
    signed = await bundle({ paths: ['policy'], root: ROOT, signingKey: createPrivateKey(keys.privateKey) });
    const unsigned = await bundle({ paths: ['policy'], root: ROOT });
    request = await readFile(join(ROOT, 'examples/requests/ecommerce-payments-preview.json'), 'utf8');
    await writeFile(join(project, 'bundle.tar.gz'), signed.archive!);
    await writeFile(join(project, 'unsigned.tar.gz'), unsigned.archive!);
    await writeFile(join(project, 'public.pem'), keys.publicKey);
    await writeFile(join(project, 'request.json'), request);
    await writeFile(join(project, 'decide.mjs'), DECIDE);
    await writeFile(join(project, 'pull.mjs'), PULL);
  }, 300_000);
  afterAll(async () => serve?.stop());

  it('installs into a project outside the repository and decides from a plain .mjs file', async () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('README.md');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    // Packed without its scripts here: packing from a clean checkout builds dist/ first.
    const runtimePackage = JSON.parse(await readFile(join(ROOT, 'runtime/package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(runtimePackage.scripts.prepack).toBe('npm run build');
    expect(project.startsWith(ROOT)).toBe(false);
    const installed = JSON.parse(await readFile(join(project, 'node_modules/@qingdan/runtime/package.json'), 'utf8'));
    expect(installed.dependencies ?? {}).toEqual({});

    const out = JSON.parse(execFileSync(process.execPath, ['decide.mjs'], { cwd: project, encoding: 'utf8' }));
    const expected = (await Policy.load(signed.archive!)).evaluate(JSON.parse(request));
    expect(out.decision).toEqual(expected);
    expect(out.decision.policy.version).toBe(signed.manifest!.bundle!.version);
    expect(out.refused).toBe('signature-missing');
  });

  it('pulls the signed bundle from a real qingdan serve with PolicyClient, verifies it and decides', { timeout: 120_000 }, async () => {
    const served = join(project, 'served');
    await mkdir(served);
    const bundlePath = join(served, 'bundle.tar.gz');
    await writeFile(bundlePath, signed.archive!);
    const port = await freePort();
    serve = startServe(bundlePath, join(project, 'public.pem'), port);
    await serve.waitFor((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening'), 'serve to listen');

    const cacheDir = join(project, 'cache');
    const out = JSON.parse(execFileSync(process.execPath, ['pull.mjs', `http://127.0.0.1:${port}/v1/bundle`, cacheDir], { cwd: project, encoding: 'utf8' }));
    const policy = await Policy.load(signed.archive!);
    expect(out).toMatchObject({ version: signed.manifest!.bundle!.version, digest: policy.digest, source: 'server', lastError: null, revalidated: true });
    expect(out.decision).toEqual(policy.evaluate(JSON.parse(request)));
    expect(out.compact.decisions[0].pathway).toBe(out.decision.pathway);
    // What it verified is what it kept for an offline restart, byte for byte.
    expect((await readFile(join(cacheDir, 'bundle.tar.gz'))).equals(signed.archive!)).toBe(true);
  });
});
