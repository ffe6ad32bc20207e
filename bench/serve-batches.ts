/**
 * What the serve benches send: single requests of a few shapes (a listed item, the national
 * baseline, a large volume with sensitive persons, an exemption), and batches drawn from the
 * decision bench's request mix over the served policy (bench/request-mix.ts: varied items,
 * volumes, zones and dates, seeded), in each format `POST /v1/decide` takes, with the view it is
 * answered in. Batches are varied on purpose: the indexed view writes each distinct decision
 * once, so a batch of a few repeated requests would flatter it.
 */
import { readTarGz } from '../runtime/ustar.js';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { requestMix } from './request-mix.js';

const SEED = 20261202;

/** Requests rotate through these shapes. */
export const REQUESTS = [
  { asOf: '2027-03-01', preview: true, processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, items: [{ id: 'cross-border-ecommerce.payment-transactions', persons: 150000 }] } },
  { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 120000 } } },
  { asOf: '2027-03-01', processor: { zone: 'qianhai-shekou', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 2000000, sensitivePersons: 20000 } } },
  { asOf: '2027-03-01', processor: { zone: 'hengqin', ciio: false }, transfer: { isExport: true, exemptions: ['art5.1'], personalInfo: { persons: 5000 } } },
];
/** One processor on one date: the context of the shared batches. */
const SHARED = { asOf: '2027-06-01', preview: true, processor: { zone: 'nansha', ciio: false } };

/** The policy a `qingdan bundle` archive carries. */
export function artifactOf(archive: Uint8Array): PolicyArtifact {
  return JSON.parse(Buffer.from(readTarGz(archive).get('policy.json')!).toString('utf8')) as PolicyArtifact;
}

/** `n` requests of the mix over `artifact`. */
export function arrayBatch(artifact: PolicyArtifact, n: number): unknown[] {
  return requestMix(artifact, n, SEED);
}

/** The same transfers as one processor's batch on one date (shared context), as a bank sends them. */
export function sharedBatch(artifact: PolicyArtifact, n: number): unknown {
  return { shared: SHARED, transfers: requestMix(artifact, n, SEED).map((r) => r.transfer) };
}

/** A batch format measured: its body (JSON), the view it is answered in, and how its PASS line names it. */
export interface BatchFormat {
  readonly name: string;
  readonly label: string;
  readonly view: 'compact' | 'indexed' | 'dense';
  readonly body: string;
}

/** Batches of `n` decisions over `artifact` in every format: array or shared context, compact, indexed or dense view. */
export function batchFormats(artifact: PolicyArtifact, n: number): BatchFormat[] {
  const array = JSON.stringify(arrayBatch(artifact, n));
  const shared = JSON.stringify(sharedBatch(artifact, n));
  return [
    { name: 'array, compact', label: 'array of requests, compact view', view: 'compact', body: array },
    { name: 'shared, compact', label: 'shared-context batch, compact view', view: 'compact', body: shared },
    { name: 'array, indexed', label: 'array of requests, indexed view', view: 'indexed', body: array },
    { name: 'shared, indexed', label: 'shared-context batch, indexed view', view: 'indexed', body: shared },
    { name: 'array, dense', label: 'array of requests, dense view', view: 'dense', body: array },
    { name: 'shared, dense', label: 'shared-context batch, dense view', view: 'dense', body: shared },
  ];
}
