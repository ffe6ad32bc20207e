/**
 * JSON Schema (draft 2020-12) of an evaluation request, contract v1. It belongs to the contract,
 * not to a policy: zones, exemption codes and kinds of sensitive information are checked for
 * their form here, and the runtime checks that the loaded policy knows them (`runtime/policy.ts`).
 * The runtime validates requests with this schema precompiled (`runtime/validators.generated.ts`).
 */
const volume = { type: 'integer', minimum: 0, maximum: 10_000_000_000 } as const;
const code = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,63}$' } as const;

export const requestSchema = {
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
        zone: { ...code, description: "a zone of the policy, or 'outside'" },
        ciio: { type: 'boolean', description: 'critical information infrastructure operator' },
        holdings: {
          type: 'object',
          additionalProperties: false,
          description: 'what the processor holds in all (annex rules 2 and 3: 掌握), de-duplicated natural persons',
          properties: {
            persons: volume,
            sensitivePersons: volume,
            sensitiveKinds: { type: 'array', maxItems: 100, items: { ...code, description: 'a kind of sensitive information of the annex' } },
          },
        },
      },
    },
    transfer: {
      type: 'object',
      additionalProperties: false,
      required: ['isExport'],
      properties: {
        isExport: { type: 'boolean' },
        importantData: { type: 'boolean' },
        sector: { type: 'string', pattern: '^S\\d{2}$' },
        items: {
          type: 'array',
          maxItems: 10_000,
          description: 'entries naming the same item are one item: their volumes are summed',
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
            sensitiveKinds: { type: 'array', maxItems: 100, items: { ...code, description: 'a kind of sensitive information of the annex' } },
          },
        },
        exemptions: { type: 'array', maxItems: 20, items: { ...code, description: 'a national exemption of the policy' } },
        exportControl: { type: 'boolean', description: 'the data concerns export control or technology export (measures Art. 24)' },
      },
    },
  },
} as const;
