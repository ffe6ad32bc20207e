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
    bundle: {
      description: 'Set by `qingdan bundle`: the bundle version (a prerelease `<next>-dev.<digest>` between releases), the content digest (sha256 of policy.json) and provenance.',
      type: 'object',
      additionalProperties: false,
      required: ['version', 'digest', 'provenance'],
      properties: {
        version: { type: 'string', pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$' },
        digest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        provenance: {
          type: 'object',
          additionalProperties: false,
          required: ['lists'],
          properties: {
            lists: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'status', 'proposal', 'signoffs'],
                properties: {
                  id: { type: 'string' },
                  status: { enum: ['draft', 'consultation', 'approved', 'in-force', 'repealed'] },
                  proposal: { type: ['string', 'null'] },
                  signoffs: {
                    type: 'array',
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['stage', 'role', 'person', 'commit'],
                      properties: { stage: { type: 'string' }, role: { type: 'string' }, person: { type: 'string' }, commit: { type: ['string', 'null'], pattern: '^[0-9a-f]{40}$' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
