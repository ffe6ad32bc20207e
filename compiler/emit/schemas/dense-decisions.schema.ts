/**
 * JSON Schema (draft 2020-12) of the dense view of decisions, contract v1: what
 * `POST /v1/decide?view=dense` answers, for systems that decide in bulk. Everything a batch's
 * decisions repeat is written once, in a table: the date and preview flag (`contexts`: a batch
 * with shared context has one), the pathways, the bases, the reasons, the obligations and
 * advisories (`obligations`), and each distinct list of obligations or advisories (`lists`, the
 * runtime gives a handful of them). A decision is then a row of six numbers and one list:
 * `[context, pathway, basis, [reasons…], obligations, advisories]`, each a position in its table.
 * Replacing every position by the entry it points to gives back the full responses (runtime
 * `expandDecisions`).
 */
import { basis, obligation, outcome, policyRef, reason } from './response.schema.js';

/** A position in one of the answer's tables. */
const position = { type: 'integer', minimum: 0 } as const;

/** Positions in the answer's `reasons` or `obligations` table. */
const positions = { type: 'array', items: position } as const;

/** One decision: `[context, pathway, basis, reasons, obligations, advisories]`. */
export const denseDecision = {
  type: 'array',
  minItems: 6,
  maxItems: 6,
  prefixItems: [
    { ...position, description: 'position in `contexts`: the date and preview flag' },
    { ...position, description: 'position in `pathways`' },
    { ...position, description: 'position in `bases`' },
    { ...positions, minItems: 1, description: 'positions in `reasons`, in the order the full view gives them' },
    { ...position, description: 'position in `lists`: the obligations, as positions in `obligations`' },
    { ...position, description: 'position in `lists`: the advisories, as positions in `obligations`' },
  ],
} as const;

export const denseDecisionsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/dense-decisions.schema.json',
  title: 'qingdan decisions, dense view (v1)',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'view', 'policy', 'contexts', 'pathways', 'bases', 'reasons', 'obligations', 'lists', 'decisions'],
  properties: {
    version: { const: 1 },
    view: { const: 'dense' },
    policy: policyRef,
    /** Each distinct date and preview flag the decisions were made for, once. */
    contexts: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['asOf', 'preview'], properties: { asOf: { type: 'string' }, preview: { type: 'boolean' } } },
    },
    /** Each distinct pathway of the answer, once. */
    pathways: { type: 'array', items: outcome },
    /** Each distinct basis of the answer, once. */
    bases: { type: 'array', items: basis },
    /** Each distinct reason of the answer, once. */
    reasons: { type: 'array', items: reason },
    /** Each distinct obligation or advisory of the answer, once. */
    obligations: { type: 'array', items: obligation },
    /** Each distinct list of obligations or advisories, once: positions in `obligations`. */
    lists: { type: 'array', items: positions },
    /** One per request, in the order of the requests. */
    decisions: { type: 'array', items: denseDecision },
  },
} as const;
