/**
 * JSON Schema (draft 2020-12) of the compact view of decisions, contract v1: what
 * `POST /v1/decide?view=compact` answers. It says everything the full view says, once: each
 * distinct reason and each distinct obligation or advisory of the answer is written one time, in
 * `reasons` and `obligations`, and a decision lists the indexes of its own. Replacing every index
 * by the entry it points to gives back the full responses (runtime `expandDecisions`).
 */
import { basis, obligation, outcome, policyRef, reason } from './response.schema.js';

/** Positions in the answer's `reasons` or `obligations` table. */
const indexes = { type: 'array', items: { type: 'integer', minimum: 0 } } as const;

/** One decision with the indexes of its reasons, obligations and advisories in place of them. */
export const compactDecision = {
  type: 'object',
  additionalProperties: false,
  required: ['pathway', 'preview', 'asOf', 'basis', 'reasons', 'obligations', 'advisories'],
  properties: {
    pathway: outcome,
    preview: { type: 'boolean' },
    asOf: { type: 'string' },
    basis,
    reasons: { ...indexes, minItems: 1 },
    obligations: indexes,
    advisories: indexes,
  },
} as const;

export const compactDecisionsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/compact-decisions.schema.json',
  title: 'qingdan decisions, compact view (v1)',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'view', 'policy', 'reasons', 'obligations', 'decisions'],
  properties: {
    version: { const: 1 },
    view: { const: 'compact' },
    policy: policyRef,
    /** Each distinct reason of the answer, once. */
    reasons: { type: 'array', items: reason },
    /** Each distinct obligation or advisory of the answer, once. */
    obligations: { type: 'array', items: obligation },
    /** One per request, in the order of the requests. */
    decisions: { type: 'array', items: compactDecision },
  },
} as const;
