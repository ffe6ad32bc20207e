/**
 * JSON Schema (draft 2020-12) of the indexed view of decisions, contract v1: what
 * `POST /v1/decide?view=indexed` answers. It is the compact view (`compact-decisions.schema.ts`)
 * with each distinct decision also written once, in `distinct`, and `decisions` holding, for each
 * request in order, the index of its decision there. A batch's answers repeat: a decision names
 * no volume, only the pathway and the reasons that gave it, so one processor's thousand
 * transfers on one date have a handful of distinct decisions. Replacing every index by the entry
 * it points to gives back the full responses (runtime `expandDecisions`).
 */
import { compactDecision, compactDecisionsSchema } from './compact-decisions.schema.js';

const { version, policy, reasons, obligations } = compactDecisionsSchema.properties;

export const indexedDecisionsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/indexed-decisions.schema.json',
  title: 'qingdan decisions, indexed view (v1)',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'view', 'policy', 'reasons', 'obligations', 'distinct', 'decisions'],
  properties: {
    version,
    view: { const: 'indexed' },
    policy,
    reasons,
    obligations,
    /** Each distinct decision of the answer, once, as in the compact view. */
    distinct: { type: 'array', items: compactDecision },
    /** One per request, in the order of the requests: the position of its decision in `distinct`. */
    decisions: { type: 'array', items: { type: 'integer', minimum: 0 } },
  },
} as const;
