/**
 * Validates emitted artifacts against their published schemas with ajv before anything is
 * written, so a compiler bug cannot ship an artifact that consumers would reject.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { FormatsPlugin } from 'ajv-formats';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { validateManifest, validatePolicy, type CompiledValidator } from '../../runtime/validators.js';
import { manifestSchema } from './schemas/manifest.schema.js';
import { policySchema } from './schemas/policy.schema.js';

// ajv-formats is CommonJS whose typings declare a default export that ESM does not see.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;

/** A fresh ajv instance configured as every qingdan schema expects (2020-12, formats, strict). */
export function createAjv(options: { code?: { source?: boolean; esm?: boolean } } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...options });
  addFormats(ajv);
  return ajv;
}

/**
 * Compiled validators by schema object: compiling one takes longer than validating most
 * policies. Those of policy.json and manifest.json, which every build validates, are the
 * runtime's, precompiled from these same schemas with this same ajv configuration
 * (validators.ts; test/runtime-validators.test.ts keeps them in step): compiling the policy
 * schema took 0.3-0.5 s of each `qingdan build`.
 */
const compiled = new WeakMap<object, CompiledValidator>([
  [policySchema, validatePolicy],
  [manifestSchema, validateManifest],
]);

/** Diagnostics for every way `value` breaks `schema` (none when it conforms). */
export function validateArtifact(artifact: string, schema: object, value: unknown): Diagnostic[] {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = createAjv().compile(schema) as unknown as CompiledValidator));
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) =>
    diagnostic('artifact-invalid', undefined, { artifact, pointer: e.instancePath || '/', keyword: e.keyword }),
  );
}
