/**
 * The contract's validators — of `policy.json`, `manifest.json`, requests and responses —
 * precompiled from the published JSON Schemas into `validators.generated.ts` (ajv standalone
 * code, no imports). They are part of the runtime, never read from a bundle: a bundle is data.
 */
import * as generated from './validators.generated.js';

/** One way a value breaks its schema, as ajv reports it. */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A precompiled validator: returns true, or false and sets `errors`. */
export interface CompiledValidator {
  (data: unknown): boolean;
  readonly errors?: readonly SchemaError[] | null;
}

export const validatePolicy = generated.validatePolicy as unknown as CompiledValidator;
export const validateManifest = generated.validateManifest as unknown as CompiledValidator;
export const validateRequest = generated.validateRequest as unknown as CompiledValidator;
export const validateSharedBatch = generated.validateSharedBatch as unknown as CompiledValidator;
export const validateResponse = generated.validateResponse as unknown as CompiledValidator;
export const validateCompactDecisions = generated.validateCompactDecisions as unknown as CompiledValidator;
export const validateIndexedDecisions = generated.validateIndexedDecisions as unknown as CompiledValidator;
export const validateReport = generated.validateReport as unknown as CompiledValidator;

/** A JSON pointer and a message per error: the offending key for unknown or missing properties. */
export function describeErrors(errors: readonly SchemaError[] | null | undefined): { pointer: string; message: string }[] {
  return (errors ?? []).map((e) => ({
    pointer: e.keyword === 'required' || e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.missingProperty ?? e.params.additionalProperty)}` : e.instancePath,
    message: e.keyword === 'enum' ? `${e.message}: ${(e.params.allowedValues as unknown[]).join(', ')}` : (e.message ?? e.keyword),
  }));
}
