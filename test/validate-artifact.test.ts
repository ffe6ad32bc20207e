/**
 * The artifacts a build validates (policy.json, manifest.json) are checked with the runtime's
 * precompiled validators (compiler/emit/validate.ts): they must find exactly what ajv compiling
 * the same schema finds, located the same way.
 */
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../compiler/emit/schemas/manifest.schema.js';
import { policySchema } from '../compiler/emit/schemas/policy.schema.js';
import { createAjv, validateArtifact } from '../compiler/emit/validate.js';
import { buildRealPolicy } from './support.js';

/** What ajv, compiling `schema` now, reports for `value`, as the diagnostics' arguments. */
function freshlyCompiled(schema: object, value: unknown): Array<{ pointer: string; keyword: string }> {
  const validate = createAjv().compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => ({ pointer: e.instancePath || '/', keyword: e.keyword }));
}

const args = (value: unknown, schema: object, artifact: string) =>
  validateArtifact(artifact, schema, value).map((d) => {
    expect(d.id).toBe('artifact-invalid');
    const a = d.args as { artifact: string; pointer: string; keyword: string };
    expect(a.artifact).toBe(artifact);
    return { pointer: a.pointer, keyword: a.keyword };
  });

describe('validateArtifact', () => {
  it('finds a built policy and its manifest valid, and each break of them where ajv compiling the schema finds it', async () => {
    const { artifact, result } = await buildRealPolicy();
    expect(args(artifact, policySchema, 'policy.json')).toEqual([]);
    const manifest = JSON.parse(result.files!.get('manifest.json')!) as Record<string, unknown>;
    expect(args(manifest, manifestSchema, 'manifest.json')).toEqual([]);

    // A rung's pathway misspelt, a list without its sector, an unknown top-level field.
    const broken = structuredClone(artifact) as unknown as { lists: Array<Record<string, unknown> & { scenarios: Array<{ items: Array<{ ladder: Array<{ pathway: string }> }> }> }>; extra?: unknown };
    const item = broken.lists[0]!.scenarios[0]!.items.find((i) => i.ladder.length > 0)!;
    item.ladder[0]!.pathway = 'security_assessment';
    delete broken.lists[0]!.sector;
    broken.extra = true;
    const found = args(broken, policySchema, 'policy.json');
    expect(found.map((f) => f.keyword)).toEqual(expect.arrayContaining(['enum', 'required', 'additionalProperties']));
    expect(found).toEqual(freshlyCompiled(policySchema, broken));

    const badManifest = { ...manifest, files: 'none' };
    expect(args(badManifest, manifestSchema, 'manifest.json').length).toBeGreaterThan(0);
    expect(args(badManifest, manifestSchema, 'manifest.json')).toEqual(freshlyCompiled(manifestSchema, badManifest));
  });
});
