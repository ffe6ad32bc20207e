/**
 * JSON Schema (draft 2020-12) of an evaluation request, contract v1. Zones, sectors (the annex's
 * subcategories) and exemption codes are enumerated from the compiled policy, so the schema says
 * exactly what this policy knows: a sector the annex does not define is refused, not decided.
 * It avoids keywords whose standalone code would import ajv's runtime (`format`, `minLength`,
 * `uniqueItems`), so the precompiled validator is a self-contained module.
 */
import type { PolicyArtifact } from '../../../runtime/artifact.js';

const volume = { type: 'integer', minimum: 0, maximum: 10_000_000_000 } as const;

export function requestSchema(policy: PolicyArtifact) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://qingdan.example/schema/request.schema.json',
    title: 'qingdan evaluation request (v1)',
    type: 'object',
    additionalProperties: false,
    required: ['asOf', 'processor', 'transfer'],
    properties: {
      asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'planned transfer date (YYYY-MM-DD)' },
      preview: { type: 'boolean', description: 'let draft, consultation and approved lists decide too' },
      processor: {
        type: 'object',
        additionalProperties: false,
        required: ['zone', 'ciio'],
        properties: {
          zone: { enum: [...policy.zones.map((z) => z.id), 'outside'] },
          ciio: { type: 'boolean', description: 'critical information infrastructure operator' },
        },
      },
      transfer: {
        type: 'object',
        additionalProperties: false,
        required: ['isExport'],
        properties: {
          isExport: { type: 'boolean' },
          importantData: { type: 'boolean' },
          sector: { enum: policy.annex.categories.flatMap((c) => c.subcategories.map((s) => s.code)), description: 'an annex subcategory code (S16)' },
          items: {
            type: 'array',
            maxItems: 10_000,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id'],
              properties: {
                id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z][A-Za-z0-9_-]*$' },
                persons: volume,
                sensitivePersons: volume,
              },
            },
          },
          personalInfo: {
            type: 'object',
            additionalProperties: false,
            properties: {
              persons: volume,
              sensitivePersons: volume,
              sensitiveKinds: { type: 'array', maxItems: 100, items: { enum: policy.annex.sensitiveKinds.map((k) => k.code) } },
            },
          },
          exemptions: { type: 'array', maxItems: 20, items: { enum: policy.baseline.exemptions.map((e) => e.code) } },
        },
      },
    },
  } as const;
}
