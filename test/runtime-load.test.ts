/** The runtime's loading: verification of the bundle, refusal of anything else, and its isolation. */
import { readdir, readFile, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidRequestError, Policy, PolicyLoadError } from '../runtime/index.js';
import { buildRealPolicy, ROOT, tempDir } from './support.js';

let outDir: string;
beforeAll(async () => {
  ({ outDir } = await buildRealPolicy());
});

async function copyBundle(): Promise<string> {
  const dir = join(await tempDir(), 'dist');
  await cp(outDir, dir, { recursive: true });
  return dir;
}

async function loadError(dir: string): Promise<PolicyLoadError> {
  try {
    await Policy.load(dir);
  } catch (e) {
    if (e instanceof PolicyLoadError) return e;
    throw e;
  }
  throw new Error('the bundle loaded');
}

describe('Policy.load', () => {
  it('loads a built bundle and names its version and the digest of policy.json', async () => {
    const policy = await Policy.load(outDir);
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    expect(policy.digest).toBe(manifest.artifacts['policy.json'].sha256);
    expect(policy.version).toBe(manifest.policyVersion);
  });

  it('refuses a policy.json altered after the build', async () => {
    const dir = await copyBundle();
    const text = await readFile(join(dir, 'policy.json'), 'utf8');
    const altered = text.replace(/"min":\s*1000000/, '"min":1000001');
    expect(altered).not.toBe(text);
    await writeFile(join(dir, 'policy.json'), altered);
    const e = await loadError(dir);
    expect(e.code).toBe('digest-mismatch');
    expect(e.message).toContain('policy.json');
  });

  it('refuses altered validators', async () => {
    const dir = await copyBundle();
    await writeFile(join(dir, 'validators.mjs'), 'export const validateRequest = () => true; export const validateResponse = () => true;');
    expect((await loadError(dir)).code).toBe('digest-mismatch');
  });

  it('refuses a schema version it does not know', async () => {
    const dir = await copyBundle();
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, schemaVersion: 2 }));
    const e = await loadError(dir);
    expect(e.code).toBe('unsupported-schema');
    expect(e.message).toMatch(/schema version 2/);
  });

  it('says clearly when there is no bundle', async () => {
    const e = await loadError(join(await tempDir(), 'nothing-here'));
    expect(e.code).toBe('missing');
    expect(e.message).toMatch(/qingdan build/);
  });

  it('opens a bundle handed over as bytes, as a bundle fetched over HTTP would be', async () => {
    const files = new Map<string, Uint8Array>();
    for (const name of ['manifest.json', 'policy.json', 'validators.mjs']) files.set(name, await readFile(join(outDir, name)));
    const policy = await Policy.open(files);
    expect(policy.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('request validation', () => {
  it('lists every problem with its JSON pointer', async () => {
    const policy = await Policy.load(outDir);
    const bad = { asOf: '2027-02-30', processor: { zone: 'mars', ciio: 'no' }, transfer: { isExport: true, items: [{ id: 'icv.owner-pi', persons: -1 }], extra: 1 } };
    let error: unknown;
    try {
      policy.evaluate(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    const pointers = (error as InvalidRequestError).problems.map((p) => p.pointer).sort();
    expect(pointers).toEqual(['/asOf', '/processor/ciio', '/processor/zone', '/transfer/extra', '/transfer/items/0/persons']);
  });

  it('accepts only days of the calendar as asOf (leap years included)', async () => {
    const policy = await Policy.load(outDir);
    const request = (asOf: string) => ({ asOf, processor: { zone: 'outside', ciio: false }, transfer: { isExport: false } });
    const rejected = (asOf: string) => policy.problems(request(asOf)).map((p) => p.pointer);
    for (const day of ['2027-01-31', '2028-02-29', '2000-02-29', '2027-12-31', '2027-04-30']) expect(rejected(day), day).toEqual([]);
    for (const day of ['2027-02-29', '2100-02-29', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00', '2027-01-32']) expect(rejected(day), day).toEqual(['/asOf']);
  });
});

describe('the runtime stays lean', () => {
  it('imports nothing from the compiler, chevrotain or ajv', async () => {
    const files = (await readdir(join(ROOT, 'runtime'))).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = await readFile(join(ROOT, 'runtime', f), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const i of imports) expect(i, `${f} imports ${i}`).toMatch(/^(\.\/|node:)/);
    }
  });

  it('ships validators that are self-contained (no imports, no require)', async () => {
    const code = await readFile(join(outDir, 'validators.mjs'), 'utf8');
    expect(code).toMatch(/export const validateRequest/);
    expect(code).not.toMatch(/\brequire\(|^\s*import\s/m);
  });
});
