/**
 * Validates emitted artifacts against their published schemas with ajv before anything is
 * written, so a compiler bug cannot ship an artifact that consumers would reject.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { FormatsPlugin } from 'ajv-formats';
import { diagnostic, type Diagnostic } from '../diagnostics.js';

// ajv-formats is CommonJS whose typings declare a default export that ESM does not see.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;

/** A fresh ajv instance configured as every qingdan schema expects (2020-12, formats, strict). */
export function createAjv(options: { code?: { source?: boolean; esm?: boolean } } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...options });
  addFormats(ajv);
  return ajv;
}

/** Compiled validators by schema object: compiling one takes longer than validating most policies. */
const compiled = new WeakMap<object, ReturnType<Ajv2020['compile']>>();

/** Diagnostics for every way `value` breaks `schema` (none when it conforms). */
export function validateArtifact(artifact: string, schema: object, value: unknown): Diagnostic[] {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = createAjv().compile(schema)));
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) =>
    diagnostic('artifact-invalid', undefined, { artifact, pointer: e.instancePath || '/', keyword: e.keyword }),
  );
}
