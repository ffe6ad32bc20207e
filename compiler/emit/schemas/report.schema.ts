/**
 * JSON Schema (draft 2020-12) of the export report, v1 (数据出境情况报告): what a processor that
 * exports under a negative list reports to its zone's regional body — the business scenarios, the
 * data catalogue, the volumes and the overseas recipients (measures Art. 15), with the pathway it
 * decided and the bundle it decided with, so that the body can re-decide the report against the
 * current bundle and sample it against actual exports (一致性抽验, measures Art. 19).
 *
 * The transfer fields mirror the evaluation request (`request.schema.json`): a report is re-decided
 * as the request it describes (`runtime/report.ts`). Volumes are year-to-date, de-duplicated
 * natural persons (measures Art. 27). The runtime validates reports with this schema precompiled.
 */
const volume = { type: 'integer', minimum: 0, maximum: 10_000_000_000 } as const;
const code = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,63}$' } as const;
const date = { type: 'string', format: 'date' } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const itemId = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z][A-Za-z0-9_-]*$', description: 'a list item id, <list>.<item>' } as const;
const outcome = { enum: ['security-assessment', 'standard-contract-or-certification', 'exempt', 'not-applicable', 'indeterminate'] } as const;

export const reportSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/report.schema.json',
  title: 'qingdan export report (measures Art. 15), v1',
  description:
    '数据出境情况报告（《中国（广东）自由贸易试验区数据出境负面清单管理办法（试行）》第十五条）：数据出境业务场景、出境数据目录、出境数据规模、境外接收方，以及据以判定的清单版本。Cites measures.art15 (content), measures.art12 (self-identification), measures.art27 (counting), measures.art19 (consistency sampling).',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'filed', 'asOf', 'processor', 'scenarios', 'catalogue', 'recipients', 'decision'],
  properties: {
    version: { const: 1 },
    filed: { ...date, description: 'the day the report was made' },
    asOf: { ...date, description: 'the transfer date the pathway was decided for; volumes count from 1 January of its year (measures Art. 27)' },
    preview: { type: 'boolean', description: 'decided with lists not yet in force (not a basis for an export; measures Art. 9)' },
    processor: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'zone', 'ciio'],
      properties: {
        name: { ...text(200), description: '数据处理者名称' },
        creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$', description: '统一社会信用代码' },
        zone: { ...code, description: "a zone of the policy (measures Art. 6), or 'outside'" },
        ciio: { type: 'boolean', description: 'critical information infrastructure operator' },
      },
    },
    scenarios: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      description: '数据出境业务场景 (measures Art. 15)',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title'],
        properties: {
          title: text(200),
          scenario: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z][A-Za-z0-9_-]*$', description: "a list's scenario, <list>.<scenario>, when it is one" },
          description: text(2000),
        },
      },
    },
    sector: { type: 'string', pattern: '^S\\d{2}$', description: 'the annex subcategory of the data (S16)' },
    catalogue: {
      type: 'array',
      maxItems: 10_000,
      description: '出境数据目录与规模: list items with their year-to-date volumes (measures Arts 15, 27)',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'persons', 'sensitivePersons'],
        properties: {
          item: itemId,
          title: text(200),
          persons: { ...volume, description: 'de-duplicated natural persons whose personal information (other than sensitive) is exported' },
          sensitivePersons: { ...volume, description: 'de-duplicated natural persons whose sensitive personal information is exported' },
        },
      },
    },
    personalInfo: {
      type: 'object',
      additionalProperties: false,
      description: 'personal information exported outside the listed items, year to date',
      properties: {
        persons: volume,
        sensitivePersons: volume,
        sensitiveKinds: { type: 'array', maxItems: 100, items: code },
      },
    },
    importantData: { type: 'boolean', description: 'data notified or published as important data' },
    exemptions: { type: 'array', maxItems: 20, items: { ...code, description: 'a national exemption claimed (national Arts 3, 4, 5(1)–(3))' } },
    exportControl: { type: 'boolean', description: 'the data concerns export control or technology export (measures Art. 24)' },
    recipients: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      description: '境外接收方 (measures Art. 15)',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'region', 'purpose'],
        properties: {
          name: text(200),
          region: { ...text(100), description: 'country or region (国家或地区)' },
          regionCode: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, when it has one' },
          purpose: { ...text(500), description: '出境目的' },
          items: { type: 'array', maxItems: 10_000, items: itemId, description: 'the catalogue items this recipient receives (all when absent)' },
        },
      },
    },
    decision: {
      type: 'object',
      additionalProperties: false,
      required: ['pathway', 'items', 'policy'],
      properties: {
        pathway: outcome,
        items: {
          type: 'array',
          maxItems: 10_000,
          description: 'the pathway of each catalogue item',
          items: { type: 'object', additionalProperties: false, required: ['item', 'pathway'], properties: { item: itemId, pathway: outcome } },
        },
        policy: {
          type: 'object',
          additionalProperties: false,
          required: ['version', 'digest'],
          description: 'the bundle decided with: its version and the sha256 of its policy.json',
          properties: { version: { type: 'string', minLength: 1, maxLength: 100 }, digest: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
        },
      },
    },
  },
} as const;
