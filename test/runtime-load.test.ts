/** The runtime's loading: verification of the bundle, refusal of anything else, and its isolation. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { compilePolicy } from '../runtime/compile.js';
import { decide } from '../runtime/evaluate.js';
import { InvalidRequestError, Policy, PolicyLoadError } from '../runtime/index.js';
import type { EvaluationRequest } from '../runtime/request.js';
import { buildRealPolicy, ROOT, tempDir } from './support.js';
import { BREAKINGS, scenarioRequests } from './broken-requests.js';

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

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A copy of the bundle whose policy.json is `edit`ed and whose manifest digests are recomputed,
 * as someone who can write the bundle would do: only the runtime's own checks stand in the way.
 */
async function resealedBundle(edit: (policy: Json) => void, extra: Record<string, string> = {}): Promise<string> {
  const dir = await copyBundle();
  const policy = JSON.parse(await readFile(join(dir, 'policy.json'), 'utf8')) as Record<string, unknown>;
  edit(policy);
  const files: Record<string, string> = { 'policy.json': JSON.stringify(policy), ...extra };
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, name), text);
    manifest.artifacts[name] = { sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** The first rung of the first item of the cross-border e-commerce list's payment transactions. */
function paymentItem(policy: Json): Json {
  const list = (policy.lists as Json[]).find((l) => l.id === 'cross-border-ecommerce')!;
  return (list.scenarios as Json[]).flatMap((s) => s.items as Json[]).find((i) => i.id === 'cross-border-ecommerce.payment-transactions')!;
}

/** 1.5 million persons of payment transactions in a zone the list covers (a security assessment). */
const PAYMENTS: EvaluationRequest = {
  asOf: '2027-01-15',
  preview: true,
  processor: { zone: 'nansha', ciio: false },
  transfer: { isExport: true, sector: 'S35', items: [{ id: 'cross-border-ecommerce.payment-transactions', persons: 1_500_000 }] },
};

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

  it('decides 1.5 million persons of payment transactions as a security assessment (the bundle the tampering tests start from)', async () => {
    expect((await Policy.load(outDir)).evaluate(PAYMENTS).pathway).toBe('security-assessment');
  });

  it('refuses a rung pathway the schema does not know, even with the digests recomputed', async () => {
    // Spelt with an underscore, the rung had no rank and was skipped: 1.5 million persons came out exempt.
    const dir = await resealedBundle((p) => {
      for (const rung of paymentItem(p).ladder) if (rung.pathway === 'security-assessment') rung.pathway = 'security_assessment';
    });
    const e = await loadError(dir);
    expect(e.code).toBe('schema-invalid');
    expect(e.problems.map((p) => p.pointer)).toContainEqual(expect.stringMatching(/^\/lists\/\d+\/scenarios\/\d+\/items\/\d+\/ladder\/\d+\/pathway$/));
  });

  it('refuses a policy.json without lists with a coded error, not an internal TypeError', async () => {
    const dir = await resealedBundle((p) => {
      delete p.lists;
    });
    const e = await loadError(dir);
    expect(e.code).toBe('schema-invalid');
    expect(e.problems.map((p) => p.pointer)).toContain('/lists');
  });

  it('refuses unknown values anywhere the runtime decides from: statuses, zones of conditions, exemption scopes', async () => {
    const edits: ((p: Json) => void)[] = [
      (p) => (p.lists[0].status = 'in_force'),
      (p) => (p.baseline.exemptions[0].scope = 'everything'),
      (p) => (p.baseline.below.pathway = 'exempted'),
      (p) => (paymentItem(p).ladder[0].when = { measure: 'people', min: 1 }),
      (p) => (paymentItem(p).important = 'yes'),
      (p) => (p.lists[0].effective.from = '2027-02-30'),
    ];
    for (const edit of edits) expect((await loadError(await resealedBundle(edit))).code, edit.toString()).toBe('schema-invalid');
  });

  it('refuses two list items with one id', async () => {
    const dir = await resealedBundle((p) => {
      const list = p.lists.find((l: Json) => l.id === 'cross-border-ecommerce');
      list.scenarios[0].items.push({ ...list.scenarios[0].items[0] });
    });
    expect((await loadError(dir)).code).toBe('duplicate-id');
  });

  it('never imports code from a bundle: a module listed with a valid digest is not run', async () => {
    const marker = `qingdanRan${process.pid}`;
    const dir = await resealedBundle(() => {}, { 'validators.mjs': `globalThis.${marker} = true; export const validateRequest = () => true;` });
    const policy = await Policy.load(dir);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(policy.problems({ asOf: 'soon' }).length).toBeGreaterThan(0);
  });

  for (const name of ['policy.json', 'manifest.json']) {
    it(`refuses a FIFO in place of ${name} instead of waiting for a writer`, async () => {
      const dir = await copyBundle();
      await rm(join(dir, name));
      execFileSync('mkfifo', [join(dir, name)]);
      expect((await loadError(dir)).code).toBe('not-a-file');
    });

    it(`refuses a folder in place of ${name}`, async () => {
      const dir = await copyBundle();
      await rm(join(dir, name));
      await mkdir(join(dir, name));
      expect((await loadError(dir)).code).toBe('not-a-file');
    });
  }

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
    for (const name of ['manifest.json', 'policy.json']) files.set(name, await readFile(join(outDir, name)));
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

  it('has precompiled validators that are self-contained (no imports, no require)', async () => {
    const code = await readFile(join(ROOT, 'runtime/validators.generated.ts'), 'utf8');
    for (const name of ['validatePolicy', 'validateManifest', 'validateRequest', 'validateResponse']) expect(code).toMatch(new RegExp(`export const ${name}\\b`));
    expect(code).not.toMatch(/\brequire\(|^\s*import[\s(]|\bimport\(/m);
  });

  it('imports no code at run time (no dynamic import anywhere in the runtime)', async () => {
    for (const f of (await readdir(join(ROOT, 'runtime'))).filter((x) => x.endsWith('.ts'))) {
      expect(await readFile(join(ROOT, 'runtime', f), 'utf8'), f).not.toMatch(/\bimport\(/);
    }
  });

  it('is handed a bundle of data only: the build emits no JavaScript', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.artifacts).filter((f) => /\.(m?js|cjs|ts|wasm|node)$/.test(f))).toEqual([]);
  });
});

describe('deciding fails closed on what it does not know', () => {
  it('ranks an unknown outcome as indeterminate, should one reach the decision code unchecked', async () => {
    const artifact = JSON.parse(await readFile(join(outDir, 'policy.json'), 'utf8')) as PolicyArtifact;
    for (const rung of paymentItem(artifact as unknown as Json).ladder) if (rung.pathway === 'security-assessment') rung.pathway = 'security_assessment';
    expect(decide(compilePolicy(artifact, '0'.repeat(64)), PAYMENTS).pathway).toBe('indeterminate');
  });
});

describe('export control reaches an item of a category that holds its subcategories', () => {
  it('gives the export-control duty to an item of category C12 (it holds S38), as to one of S38 (C12 lost it)', async () => {
    const artifact = JSON.parse(await readFile(join(outDir, 'policy.json'), 'utf8')) as PolicyArtifact;
    const duty = (category: string) => {
      paymentItem(artifact as unknown as Json).category = category;
      return decide(compilePolicy(artifact, '0'.repeat(64)), PAYMENTS).obligations.some((o) => o.code === 'export-control');
    };
    expect([duty('S38'), duty('C12'), duty('C13'), duty('C01')]).toEqual([true, true, true, false]);
  });
});

describe('request validation against the policy', () => {
  it("refuses zones, exemptions and kinds of sensitive information the policy does not define", async () => {
    const policy = await Policy.load(outDir);
    const request = { asOf: '2027-01-15', processor: { zone: 'marz', ciio: false }, transfer: { isExport: true, exemptions: ['art3', 'art99'], personalInfo: { sensitivePersons: 1, sensitiveKinds: ['medical', 'horoscope'] } } };
    expect(policy.problems(request).map((p) => p.pointer).sort()).toEqual(['/processor/zone', '/transfer/exemptions/1', '/transfer/personalInfo/sensitiveKinds/1']);
  });

  it('conforms exactly when it finds no problem, for every scenario request and each of them broken in one way', async () => {
    const policy = await Policy.load(outDir);
    let conforming = 0;
    let broken = 0;
    for (const { name, request } of await scenarioRequests()) {
      const ok = policy.problems(request).length === 0;
      expect(policy.conforms(request), name).toBe(ok);
      if (ok) conforming++;
      for (const [i, breakIt] of BREAKINGS.entries()) {
        const copy = structuredClone(request);
        breakIt(copy);
        expect(policy.problems(copy).length, `${name} broken by edit ${i}`).toBeGreaterThan(0);
        expect(policy.conforms(copy), `${name} broken by edit ${i}`).toBe(false);
        broken++;
      }
    }
    expect(conforming).toBeGreaterThan(50);
    expect(broken).toBeGreaterThan(500);
  });

  it('says a malformed name once', async () => {
    const policy = await Policy.load(outDir);
    const request = { asOf: '2027-01-15', processor: { zone: 'no zone!', ciio: false }, transfer: { isExport: false } };
    expect(policy.problems(request).map((p) => p.pointer)).toEqual(['/processor/zone']);
  });
});
