/**
 * A batch with shared context (contract v1, `schema/shared-batch.schema.json`): many transfers
 * of one processor on one date, with the date, preview flag and processor said once. It means
 * the requests `{ ...shared, transfer }`, one per transfer, in order — a bank's batch is one
 * processor on one date, and repeating that context in every request is most of what a server
 * has to read.
 */
import type { EvaluationRequest } from './request.js';

/** What every request of a shared batch has in common. */
export type SharedContext = Pick<EvaluationRequest, 'asOf' | 'preview' | 'processor'>;

export interface SharedBatch {
  readonly shared: SharedContext;
  readonly transfers: readonly EvaluationRequest['transfer'][];
}

/** True when `body` is meant as a shared batch (it names `shared` or `transfers`), not as one request. */
export function isSharedBatch(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && ('transfers' in body || 'shared' in body);
}

/**
 * The request a shared batch's transfer stands for: `{ ...shared, transfer }`, written out
 * field by field — a literal of fixed shape is several times cheaper to make than a spread,
 * and the decisions read it faster.
 */
export function requestOf(shared: SharedContext, transfer: EvaluationRequest['transfer']): EvaluationRequest {
  const { asOf, preview, processor } = shared;
  return preview === undefined ? { asOf, processor, transfer } : { asOf, preview, processor, transfer };
}

/** The requests a shared batch stands for, in order. */
export function requestsOf(batch: SharedBatch): EvaluationRequest[] {
  return batch.transfers.map((transfer) => requestOf(batch.shared, transfer));
}
