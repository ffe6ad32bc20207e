/** JSON Schema (draft 2020-12) of an evaluation response, contract v1. */
const message = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
} as const;
const citations = { type: 'array', items: { type: 'string' } } as const;
/** A link to the entry of docs/reading-of-the-law.md that explains an inference. */
const reading = { type: 'string', pattern: '^docs/reading-of-the-law\\.md#[a-z0-9-]+$' } as const;
export const outcome = { enum: ['security-assessment', 'standard-contract-or-certification', 'exempt', 'not-applicable', 'indeterminate'] } as const;
export const obligation = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'message', 'citations'],
  properties: { code: { type: 'string' }, message, citations, source: { type: 'string' }, reading },
} as const;

/** What decided: a list, the national baseline, or nothing. */
export const basis = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind', 'lists'], properties: { kind: { const: 'list' }, lists: { type: 'array', items: { type: 'string' } } } },
    { type: 'object', additionalProperties: false, required: ['kind', 'id'], properties: { kind: { const: 'baseline' }, id: { type: 'string' } } },
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'none' } } },
  ],
} as const;
export const reason = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'outcome', 'message', 'citations'],
  properties: { code: { type: 'string' }, outcome, message, citations, source: { type: 'string' }, inferred: { type: 'boolean' }, reading },
} as const;
/** The exact policy that decided. */
export const policyRef = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'digest'],
  properties: { version: { type: 'string' }, digest: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
} as const;

export const responseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/response.schema.json',
  title: 'qingdan evaluation response (v1)',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'pathway', 'preview', 'asOf', 'basis', 'reasons', 'obligations', 'advisories', 'policy'],
  properties: {
    version: { const: 1 },
    pathway: outcome,
    preview: { type: 'boolean' },
    asOf: { type: 'string' },
    basis,
    reasons: { type: 'array', minItems: 1, items: reason },
    obligations: { type: 'array', items: obligation },
    advisories: { type: 'array', items: obligation },
    policy: policyRef,
  },
} as const;
