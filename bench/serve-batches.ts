/**
 * What the serve benches send: a few request shapes (a listed item, the national baseline, a
 * large volume with sensitive persons, an exemption), and a batch of them in each format
 * `POST /v1/decide` takes, with the view it is answered in.
 */
/** Requests rotate through these shapes. */
export const REQUESTS = [
  { asOf: '2027-03-01', preview: true, processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, items: [{ id: 'cross-border-ecommerce.payment-transactions', persons: 150000 }] } },
  { asOf: '2027-03-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 120000 } } },
  { asOf: '2027-03-01', processor: { zone: 'qianhai-shekou', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 2000000, sensitivePersons: 20000 } } },
  { asOf: '2027-03-01', processor: { zone: 'hengqin', ciio: false }, transfer: { isExport: true, exemptions: ['art5.1'], personalInfo: { persons: 5000 } } },
];
/** One processor on one date: the context of the shared batches. */
const SHARED = { asOf: '2027-03-01', preview: true, processor: { zone: 'nansha', ciio: false } };

/** `n` requests, the shapes in turn. */
export function arrayBatch(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => REQUESTS[i % REQUESTS.length]);
}

/** The same transfers as one processor's batch on one date (shared context), as a bank sends them. */
export function sharedBatch(n: number): unknown {
  return { shared: SHARED, transfers: Array.from({ length: n }, (_, i) => REQUESTS[i % REQUESTS.length]!.transfer) };
}

/** A batch format measured: its body (JSON), the view it is answered in, and how its PASS line names it. */
export interface BatchFormat {
  readonly name: string;
  readonly label: string;
  readonly view: 'compact' | 'indexed';
  readonly body: string;
}

/** Batches of `n` decisions in every format: array or shared context, compact or indexed view. */
export function batchFormats(n: number): BatchFormat[] {
  const array = JSON.stringify(arrayBatch(n));
  const shared = JSON.stringify(sharedBatch(n));
  return [
    { name: 'array, compact', label: 'array of requests, compact view', view: 'compact', body: array },
    { name: 'shared, compact', label: 'shared-context batch, compact view', view: 'compact', body: shared },
    { name: 'array, indexed', label: 'array of requests, indexed view', view: 'indexed', body: array },
    { name: 'shared, indexed', label: 'shared-context batch, indexed view', view: 'indexed', body: shared },
  ];
}
