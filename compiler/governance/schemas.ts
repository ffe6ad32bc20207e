/** JSON Schemas (draft 2020-12) of every governance file; ajv validates each file against one. */
import { PROPOSAL_KINDS, SIGNED_STAGES, STAGES } from './stages.js';

const date = { type: 'string', format: 'date' } as const;
const slug = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' } as const;
const text = { type: 'string', minLength: 1 } as const;
const personId = slug;
const roleList = { type: 'array', items: slug, minItems: 1, uniqueItems: true } as const;
const stageRequirements = {
  type: 'object',
  propertyNames: { enum: [...SIGNED_STAGES] },
  additionalProperties: roleList,
} as const;

/** The external document (its number and date) that records a stage completed outside this workflow. */
const externalDocument = { type: 'object', additionalProperties: false, required: ['number', 'date'], properties: { number: text, date } } as const;

export const PROPOSAL_ID = '^[0-9]{4}-[0-9]{4}-[a-z0-9][a-z0-9-]*$';

export const rosterSchema = {
  $id: 'https://qingdan.example/schema/governance/roster.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['since', 'reviewWindowDays', 'roles', 'people', 'signoffs'],
  properties: {
    note: text,
    since: date,
    reviewWindowDays: { type: 'integer', minimum: 1 },
    roles: {
      type: 'object',
      propertyNames: slug,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'group', 'article'],
        properties: {
          name: text,
          group: { enum: ['provincial-authority', 'regional-body', 'coordination', 'committee', 'expert', 'drafter', 'registrar'] },
          article: { type: 'string', pattern: '^measures\\.art[0-9]+$' },
        },
      },
    },
    people: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'email', 'roles'],
        properties: {
          id: personId,
          name: text,
          // Not an ssh pattern either: the allowed-signers file reads it as one (`*`, `?`, `!`).
          email: { type: 'string', format: 'email', pattern: '^[^*?!]+$' },
          key: { type: 'string', pattern: '^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|sk-ssh-ed25519@openssh.com) [A-Za-z0-9+/=]+( .*)?$' },
          forge: { type: 'string', pattern: '^@[A-Za-z0-9-]+$' },
          placeholder: { type: 'boolean' },
          roles: roleList,
        },
      },
    },
    chair: slug,
    signoffs: {
      type: 'object',
      additionalProperties: false,
      required: ['default'],
      properties: {
        default: stageRequirements,
        ordered: { type: 'array', items: { enum: [...SIGNED_STAGES] }, uniqueItems: true },
        sectors: { type: 'object', propertyNames: { pattern: '^S[0-9]+$' }, additionalProperties: stageRequirements },
        kinds: { type: 'object', propertyNames: { enum: [...PROPOSAL_KINDS] }, additionalProperties: stageRequirements },
      },
    },
  },
} as const;

export const proposalSchema = {
  $id: 'https://qingdan.example/schema/governance/proposal.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'lists', 'authors', 'stage', 'history'],
  // A list proposal names its sector and at least one list; baseline and governance proposals name none.
  if: { properties: { kind: { enum: ['baseline', 'governance'] } }, required: ['kind'] },
  then: { properties: { lists: { type: 'array', maxItems: 0 }, sector: false } },
  else: { required: ['sector'], properties: { sector: { type: 'string' }, lists: { type: 'array', minItems: 1 } } },
  properties: {
    id: { type: 'string', pattern: PROPOSAL_ID },
    kind: { enum: [...PROPOSAL_KINDS] },
    title: text,
    sector: { type: 'string', pattern: '^S[0-9]+$' },
    lists: { type: 'array', items: slug, uniqueItems: true },
    authors: { type: 'array', items: personId, minItems: 1, uniqueItems: true },
    stage: { enum: [...STAGES] },
    history: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['stage', 'date'],
        properties: {
          stage: { enum: [...STAGES] },
          date,
          external: { type: 'boolean' },
          // The external document that records a stage completed outside this workflow.
          document: externalDocument,
          note: text,
        },
        if: { properties: { external: { const: true } }, required: ['external'] },
        then: { properties: { document: externalDocument }, required: ['document'] },
      },
    },
    replaces: { type: 'string', pattern: PROPOSAL_ID },
    supersededBy: { type: 'string', pattern: PROPOSAL_ID },
    filing: {
      type: 'object',
      additionalProperties: false,
      required: ['receipt', 'date'],
      properties: { receipt: text, date, authorities: { type: 'array', items: text } },
    },
    note: text,
  },
} as const;

/** 需求调研: the business scenarios, categories, volumes and fields surveyed. */
export const surveySchema = {
  $id: 'https://qingdan.example/schema/governance/survey.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['conducted', 'scenarios'],
  properties: {
    conducted: { type: 'object', additionalProperties: false, required: ['from', 'until'], properties: { from: date, until: date, participants: { type: 'array', items: text } } },
    scenarios: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['scenario', 'categories'],
        properties: {
          scenario: text, // 业务场景
          list: slug,
          categories: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['category', 'volume', 'fields'],
              properties: {
                category: text, // 类别
                volume: text, // 量级
                fields: { type: 'array', items: text, minItems: 1 }, // 字段
                note: text,
              },
            },
          },
        },
      },
    },
    note: text,
  },
} as const;

/** 重要数据识别. */
export const importantDataSchema = {
  $id: 'https://qingdan.example/schema/governance/important-data.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['method', 'items'],
  properties: {
    method: text,
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'important', 'reason'],
        properties: { item: { type: 'string', pattern: '^[a-z0-9-]+\\.[a-z0-9-]+$' }, important: { type: 'boolean' }, reason: text, basis: text },
      },
    },
    note: text,
  },
} as const;

/** 业务场景分析. */
export const scenarioAnalysisSchema = {
  $id: 'https://qingdan.example/schema/governance/scenario-analysis.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['scenarios'],
  properties: {
    scenarios: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['scenario', 'necessity', 'risks', 'pathway'],
        properties: { scenario: text, list: slug, necessity: text, recipients: { type: 'array', items: text }, risks: { type: 'array', items: text }, pathway: text },
      },
    },
    note: text,
  },
} as const;

export const commentSchema = {
  $id: 'https://qingdan.example/schema/governance/comment.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['author', 'date', 'target', 'text'],
  properties: {
    author: text,
    person: personId,
    date,
    target: { type: 'string', pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)*$' },
    text,
    disposition: {
      type: 'object',
      additionalProperties: false,
      required: ['decision', 'date'],
      properties: { decision: { enum: ['accepted', 'partly', 'rejected'] }, reason: text, date, by: personId },
      if: { properties: { decision: { enum: ['partly', 'rejected'] } } },
      then: { properties: { reason: text }, required: ['reason'] },
    },
  },
} as const;

export const concernSchema = {
  $id: 'https://qingdan.example/schema/governance/concern.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['raisedBy', 'date', 'target', 'text'],
  properties: {
    raisedBy: personId,
    date,
    target: { type: 'string', pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)*$' },
    text,
    resolution: { type: 'object', additionalProperties: false, required: ['by', 'date', 'note'], properties: { by: personId, date, note: text, asChair: { const: true } } },
  },
} as const;

export const signoffSchema = {
  $id: 'https://qingdan.example/schema/governance/signoff.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['proposal', 'stage', 'role', 'person', 'date', 'digest'],
  properties: {
    proposal: { type: 'string', pattern: PROPOSAL_ID },
    stage: { enum: [...SIGNED_STAGES] },
    role: slug,
    person: personId,
    date,
    // sha256 of what the stage covers (compiler/governance/digest.ts), as it stood when signed.
    digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    note: text,
  },
} as const;
