/** JSON Schema (draft 2020-12) of `dist/manifest.json`. */
import { POLICY_SCHEMA_VERSION } from '../../../runtime/artifact.js';

export const manifestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/manifest.schema.json',
  title: 'qingdan build manifest',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'policyVersion', 'compiler', 'source', 'artifacts'],
  properties: {
    schemaVersion: { const: POLICY_SCHEMA_VERSION },
    policyVersion: { type: 'string' },
    compiler: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version'],
      properties: { name: { type: 'string' }, version: { type: 'string' } },
    },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['commit', 'dirty'],
      properties: { commit: { type: ['string', 'null'], pattern: '^[0-9a-f]{40}$' }, dirty: { type: 'boolean' } },
    },
    artifacts: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['sha256', 'bytes'],
        properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, bytes: { type: 'integer', minimum: 0 } },
      },
    },
  },
} as const;
