/** JSON Schema (draft 2020-12) of `dist/policy.json`; mirrors `runtime/artifact.ts`. */
import { POLICY_SCHEMA_VERSION } from '../../../runtime/artifact.js';

const id = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*$' } as const;
const ids = { type: 'array', items: { $ref: '#/$defs/id' } } as const;
const text = { type: 'string', minLength: 1 } as const;
const texts = { type: 'array', items: { type: 'string' } } as const;
const date = { type: 'string', format: 'date' } as const;
/** A publication date; `confirmed` false: a placeholder to be confirmed. */
const published = {
  type: 'object',
  additionalProperties: false,
  required: ['date', 'confirmed'],
  properties: { date, confirmed: { type: 'boolean' }, note: text },
} as const;
const count = { type: 'integer', minimum: 0 } as const;
/** Holds for an object with the key (strict ajv wants a required key declared among the properties). */
const has = (key: string) => ({ required: [key], properties: { [key]: true } });

export const policySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/policy.schema.json',
  title: 'qingdan compiled policy',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'policyVersion', 'documents', 'annex', 'baseline', 'zones', 'lists'],
  properties: {
    schemaVersion: { const: POLICY_SCHEMA_VERSION },
    policyVersion: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$' },
    documents: { type: 'array', items: { $ref: '#/$defs/document' } },
    annex: { $ref: '#/$defs/annex' },
    baseline: { $ref: '#/$defs/baseline' },
    zones: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'basis'],
        properties: { id: { $ref: '#/$defs/id' }, name: text, authority: text, basis: ids },
      },
    },
    lists: { type: 'array', items: { $ref: '#/$defs/list' } },
    trial: {
      type: 'object',
      additionalProperties: false,
      required: ['document', 'from', 'until', 'confirmed', 'basis'],
      properties: { document: id, from: date, until: date, confirmed: { type: 'boolean' }, basis: ids },
    },
  },
  $defs: {
    id,
    pathway: { enum: ['security-assessment', 'standard-contract-or-certification', 'exempt'] },
    /**
     * A condition is an object with exactly one of the keys `any`, `all`, `measure`, `kindsAny`,
     * `ciio`. Each kind forbids the others' keys (additionalProperties), so the kinds exclude one
     * another and "the kind its key names" is the same set of values as a `oneOf` of the five.
     * Written as a chain of if/then on the key because a validator then checks the one kind the
     * key names: a `oneOf` tries all five and builds an error for each kind a valid condition is
     * not, which was most of the runtime's load time (bench/evaluate.ts).
     */
    condition: {
      type: 'object',
      if: has('any'),
      then: { additionalProperties: false, properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } } },
      else: {
        if: has('all'),
        then: { additionalProperties: false, properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } } },
        else: {
          if: has('measure'),
          then: { additionalProperties: false, properties: { measure: { enum: ['persons', 'sensitive'] }, min: count, max: count } },
          else: {
            if: has('kindsAny'),
            then: { additionalProperties: false, properties: { kindsAny: { type: 'array', minItems: 1, items: { type: 'string' } } } },
            else: { additionalProperties: false, required: ['ciio'], properties: { ciio: { type: 'boolean' } } },
          },
        },
      },
    },
    rung: {
      type: 'object',
      additionalProperties: false,
      required: ['pathway', 'when', 'basis'],
      properties: { pathway: { $ref: '#/$defs/pathway' }, when: { $ref: '#/$defs/condition' }, basis: ids },
    },
    provision: {
      type: 'object',
      additionalProperties: false,
      required: ['pathway', 'basis'],
      properties: { pathway: { $ref: '#/$defs/pathway' }, basis: ids },
    },
    document: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'numbering', 'paraphrase', 'chapters'],
      properties: {
        id,
        title: text,
        numbering: { enum: ['official', 'inferred'] },
        numberingNote: text,
        source: text,
        paraphrase: { type: 'boolean' },
        published,
        trial: {
          type: 'object',
          additionalProperties: false,
          required: ['years', 'basis'],
          properties: { years: { type: 'integer', minimum: 1 }, basis: ids },
        },
        chapters: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['number', 'title', 'articles'],
            properties: {
              number: { type: 'integer', minimum: 1 },
              title: text,
              articles: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['id', 'number', 'paragraphs', 'sic'],
                  properties: {
                    id,
                    number: { type: 'integer', minimum: 1 },
                    paragraphs: texts,
                    sic: {
                      type: 'array',
                      items: { type: 'object', additionalProperties: false, required: ['text', 'correction'], properties: { text, correction: text } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    annex: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'basis', 'generalRules', 'sensitiveKinds', 'standards', 'categories'],
      properties: {
        id,
        title: text,
        basis: ids,
        generalRules: {
          type: 'object',
          additionalProperties: false,
          required: ['title', 'rules'],
          properties: {
            title: { type: 'string' },
            rules: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'number', 'text'],
                properties: { id, number: { type: 'integer', minimum: 1 }, text, when: { $ref: '#/$defs/condition' } },
              },
            },
          },
        },
        sensitiveKinds: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['id', 'code', 'name'], properties: { id, code: text, name: text } },
        },
        standards: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['id', 'code', 'title'], properties: { id, code: { type: 'string' }, title: text } },
        },
        categories: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'code', 'name', 'subcategories', 'examples'],
            properties: {
              id,
              code: text,
              name: text,
              subcategories: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['id', 'code', 'name', 'refers'],
                  properties: { id, code: text, name: text, description: text, refers: ids },
                },
              },
              examples: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['id', 'covers', 'text'],
                  properties: { id, covers: { type: 'array', minItems: 1, items: text }, text },
                },
              },
            },
          },
        },
        sic: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['text', 'correction'], properties: { text, correction: text } },
        },
      },
    },
    baseline: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'counting', 'exemptions', 'ladder', 'below'],
      properties: {
        id,
        title: text,
        counting: { const: 'calendar-year' },
        exemptions: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['code', 'scope', 'description', 'basis'],
            properties: { code: text, scope: { enum: ['data', 'personal-info'] }, description: text, basis: ids },
          },
        },
        important: { $ref: '#/$defs/provision' },
        ciio: { $ref: '#/$defs/provision' },
        ladder: { type: 'array', items: { $ref: '#/$defs/rung' } },
        below: { $ref: '#/$defs/provision' },
        validity: {
          type: 'object',
          additionalProperties: false,
          required: ['pathway', 'years', 'basis'],
          properties: { pathway: { $ref: '#/$defs/pathway' }, years: { type: 'integer', minimum: 1 }, basis: ids },
        },
        effective: {
          description: 'The first day the national rules are in force. On an earlier date the policy does not model the law: an export is indeterminate.',
          type: 'object',
          additionalProperties: false,
          required: ['from', 'basis'],
          properties: { from: date, basis: ids },
        },
      },
    },
    list: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'sector', 'zones', 'status', 'effective', 'basis', 'notes', 'scenarios'],
      properties: {
        id,
        title: text,
        sector: text,
        zones: ids,
        status: { enum: ['draft', 'consultation', 'approved', 'in-force', 'repealed'] },
        effective: {
          type: 'object',
          additionalProperties: false,
          required: ['from'],
          properties: { from: date, until: date },
        },
        basis: ids,
        adopts: { type: 'object', additionalProperties: false, required: ['title', 'basis'], properties: { title: text, basis: ids } },
        proposal: text,
        issuer: text,
        docnumber: text,
        published,
        notes: texts,
        scenarios: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title', 'notes', 'items'],
            properties: {
              id,
              title: text,
              notes: texts,
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['id', 'title', 'category', 'fields', 'important', 'ladder', 'basis', 'notes'],
                  properties: {
                    id,
                    title: text,
                    category: text,
                    fields: texts,
                    description: text,
                    important: { type: 'boolean' },
                    ladder: { type: 'array', items: { $ref: '#/$defs/rung' } },
                    basis: ids,
                    notes: texts,
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
