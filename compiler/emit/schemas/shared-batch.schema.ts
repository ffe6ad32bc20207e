/**
 * JSON Schema (draft 2020-12) of a batch with shared context, contract v1: what a bank's system
 * sends when one processor plans many transfers on one date. `shared` holds what every request
 * of the batch would repeat (`asOf`, `preview`, `processor`), `transfers` the transfers; the batch
 * means exactly the requests `{ ...shared, transfer }`, one per transfer, in order, and
 * `POST /v1/decide` answers it as it answers that array of requests. The parts are the request
 * schema's own (`request.schema.ts`), so the two cannot drift apart.
 */
import { requestSchema } from './request.schema.js';

const { asOf, preview, processor, transfer } = requestSchema.properties;

export const sharedBatchSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/schema/shared-batch.schema.json',
  title: 'qingdan batch of transfers with shared context (v1)',
  type: 'object',
  additionalProperties: false,
  required: ['shared', 'transfers'],
  properties: {
    shared: {
      type: 'object',
      additionalProperties: false,
      required: ['asOf', 'processor'],
      description: 'what every request of the batch shares: the date, the preview flag and the processor',
      properties: { asOf, preview, processor },
    },
    transfers: { type: 'array', items: transfer, description: 'one request { ...shared, transfer } per entry, in order' },
  },
} as const;
