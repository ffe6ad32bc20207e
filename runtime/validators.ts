/**
 * The contract's validators — of `policy.json`, `manifest.json`, requests and responses —
 * precompiled from the published JSON Schemas into `validators.generated.ts` (ajv standalone
 * code, no imports). They are part of the runtime, never read from a bundle: a bundle is data.
 */
import type { SchemaKeyword, SchemaProblem } from './request.js';
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
export const validateDenseDecisions = generated.validateDenseDecisions as unknown as CompiledValidator;
export const validateReport = generated.validateReport as unknown as CompiledValidator;

/** The closed set of keywords a SchemaProblem names (ajv's params kept as they are); any other is `invalid`. */
export const SCHEMA_KEYWORDS: ReadonlySet<string> = new Set<SchemaKeyword>(['required', 'additionalProperties', 'type', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'pattern', 'format', 'if', 'oneOf', 'anyOf', 'not']);

/**
 * A problem per error: a JSON pointer (the offending key itself for unknown or missing
 * properties), ajv's keyword and params, and ajv's English message.
 */
export function describeErrors(errors: readonly SchemaError[] | null | undefined): SchemaProblem[] {
  return (errors ?? []).map((e) => {
    const pointer = e.keyword === 'required' || e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.missingProperty ?? e.params.additionalProperty)}` : e.instancePath;
    const message = e.keyword === 'enum' ? `${e.message}: ${(e.params.allowedValues as unknown[]).join(', ')}` : (e.message ?? e.keyword);
    if (!SCHEMA_KEYWORDS.has(e.keyword)) return { pointer, keyword: 'invalid', params: { keyword: e.keyword }, message };
    return { pointer, keyword: e.keyword, params: ownParams(e.params), message } as SchemaProblem;
  });
}

/** ajv's params with arrays copied: `enum`'s allowedValues is the schema's own array, not to be handed out. */
function ownParams(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? [...(v as unknown[])] : v]));
}
