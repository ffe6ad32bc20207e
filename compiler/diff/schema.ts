/** JSON Schema (draft 2020-12) of `qingdan diff --format json`. */
const pathway = { enum: ['security-assessment', 'standard-contract-or-certification', 'exempt'] } as const;

export const diffSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/diff.schema.json',
  title: 'qingdan semantic policy diff',
  type: 'object',
  additionalProperties: false,
  required: ['base', 'head', 'changes', 'summary', 'bump'],
  properties: {
    base: { $ref: '#/$defs/revision' },
    head: { $ref: '#/$defs/revision' },
    bump: { enum: ['major', 'minor', 'patch', 'none'] },
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['tightening', 'loosening', 'mixed', 'editorial', 'breaking'],
      properties: Object.fromEntries(['tightening', 'loosening', 'mixed', 'editorial', 'breaking'].map((k) => [k, { type: 'integer', minimum: 0 }])),
    },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'entity', 'kind', 'classification', 'breaking', 'summary', 'container'],
        properties: {
          id: { type: 'string' },
          entity: { enum: ['schema', 'document', 'article', 'annex', 'rule', 'category', 'subcategory', 'example', 'baseline', 'exemption', 'zone', 'list', 'scenario', 'item'] },
          kind: { enum: ['added', 'removed', 'changed'] },
          field: { type: 'string' },
          classification: { enum: ['tightening', 'loosening', 'mixed', 'editorial'] },
          breaking: { type: 'boolean' },
          summary: { type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } },
          old: true,
          new: true,
          container: { type: 'string' },
          witnesses: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['persons', 'sensitive', 'old', 'new'],
              properties: { persons: { type: 'integer', minimum: 0 }, sensitive: { type: 'integer', minimum: 0 }, old: pathway, new: pathway },
            },
          },
        },
      },
    },
  },
  $defs: {
    revision: {
      type: 'object',
      additionalProperties: false,
      required: ['revision', 'policyVersion'],
      properties: { revision: { type: 'string' }, policyVersion: { type: 'string' } },
    },
  },
} as const;
