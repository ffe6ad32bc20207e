/** Builds: determinism, self-validation against the published schemas, digests, atomicity. */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile, cp } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import { BUILD_MARKER } from '../runtime/artifact.js';
import { createAjv } from '../compiler/emit/validate.js';
import { Policy } from '../runtime/index.js';
import { buildRealPolicy, ROOT, tempDir } from './support.js';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  }
  return out.sort();
}

describe('qingdan build', () => {
  it('is deterministic: two builds of the same sources are byte-identical', async () => {
    const a = await buildRealPolicy();
    const b = await buildRealPolicy();
    const files = await listFiles(a.outDir);
    expect(files).toEqual(await listFiles(b.outDir));
    expect(files).toEqual(expect.arrayContaining(['policy.json', 'manifest.json', 'schema/policy.schema.json', 'schema/manifest.schema.json']));
    for (const f of files) {
      expect(await readFile(join(b.outDir, f)), f).toEqual(await readFile(join(a.outDir, f)));
    }
  });

  it('writes artifacts that validate against the JSON Schemas it publishes', async () => {
    const { outDir } = await buildRealPolicy();
    const ajv: Ajv2020 = createAjv();
    for (const name of ['policy', 'manifest']) {
      const schema = JSON.parse(await readFile(join(outDir, `schema/${name}.schema.json`), 'utf8'));
      const value = JSON.parse(await readFile(join(outDir, `${name}.json`), 'utf8'));
      const validate = ajv.compile(schema);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('records the sha256 and size of every other artifact in the manifest', async () => {
    const { outDir } = await buildRealPolicy();
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    const files = (await listFiles(outDir)).filter((f) => f !== 'manifest.json' && f !== BUILD_MARKER);
    expect(Object.keys(manifest.artifacts)).toEqual(files);
    for (const f of files) {
      const bytes = await readFile(join(outDir, f));
      expect(manifest.artifacts[f]).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    }
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.policyVersion).toBe(pkg.version);
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.source.commit === null || /^[0-9a-f]{40}$/.test(manifest.source.commit)).toBe(true);
  });

  it('leaves the output folder untouched when the policy has errors', async () => {
    const work = await tempDir();
    await cp(join(ROOT, 'policy'), join(work, 'policy'), { recursive: true });
    await writeFile(join(work, 'package.json'), JSON.stringify({ version: '1.2.3' }));
    const outDir = join(work, 'dist');
    const good = await build({ paths: ['policy'], outDir, root: work });
    expect(good.files).toBeDefined();
    const before = await readFile(join(outDir, 'policy.json'));

    await writeFile(join(work, 'policy/zones.qd'), 'zone nansha "南沙" basis measures.art500\n');
    const bad = await build({ paths: ['policy'], outDir, root: work });
    expect(bad.files).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.code)).toContain('QD2003');
    expect(await readFile(join(outDir, 'policy.json'))).toEqual(before);
    expect((await readdir(work)).filter((e) => !e.startsWith('.dist.build-')).sort()).toEqual(['dist', 'package.json', 'policy']);
  });

  it('refuses a policy without an annex or a baseline', async () => {
    const work = await tempDir();
    await mkdir(join(work, 'policy'));
    await cp(join(ROOT, 'policy/measures.qd'), join(work, 'policy/measures.qd'));
    await writeFile(join(work, 'package.json'), JSON.stringify({ version: '0.0.1' }));
    const r = await build({ paths: ['policy'], outDir: join(work, 'dist'), root: work });
    expect(r.files).toBeUndefined();
    // The checker says so (QD2012, as `qingdan check` would), before any lowering is tried.
    expect(r.diagnostics.map((d) => d.id)).toEqual(['one-per-policy', 'one-per-policy']);
  });

  it('publishes a request schema that refuses a sector the annex does not define', async () => {
    const { outDir, artifact } = await buildRealPolicy();
    const policy = await Policy.load(outDir);
    const codes = artifact.annex.categories.flatMap((c) => c.subcategories.map((s) => s.code));
    expect(codes.at(-1)).toBe('S40');
    const request = (sector: string) => ({ asOf: '2027-06-01', processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, sector } });
    expect(policy.problems(request('S40'))).toEqual([]);
    for (const sector of ['S99', 'S41', 'S00']) {
      const problems = policy.problems(request(sector));
      expect(problems.map((p) => p.pointer)).toEqual(['/transfer/sector']);
      expect(problems[0]!.message).toContain('S16'); // the allowed codes are listed
    }
  });
});
