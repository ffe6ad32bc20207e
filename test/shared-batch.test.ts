/**
 * Batches with shared context (runtime/shared-batch.ts): a batch `{ shared, transfers }` is
 * checked as the requests `{ ...shared, transfer }` would be — it conforms exactly when each of
 * them does, and each problem is the same problem pointed into the batch: `/shared/…` once for
 * the shared part, `/transfers/<i>/…` for a transfer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Policy } from '../runtime/policy.js';
import { requestsOf, type SharedBatch } from '../runtime/shared-batch.js';
import type { RequestProblem } from '../runtime/request.js';
import { makeFixtures } from './bundle-fixtures.js';
import { BREAKINGS, scenarioRequests, type LooseRequest } from './broken-requests.js';

let policy: Policy;
let requests: { name: string; request: LooseRequest }[];

beforeAll(async () => {
  policy = await Policy.load((await makeFixtures()).base);
  requests = await scenarioRequests();
});

/** `request` as a shared batch of one transfer. */
function batchOf(request: LooseRequest): unknown {
  const { transfer, ...shared } = request;
  return { shared, transfers: [transfer] };
}

/** Where `problem` of a request is said in the shared batch of it alone. */
function inBatch(problem: RequestProblem): RequestProblem {
  const transfer = /^\/transfer(\/|$)/.exec(problem.pointer);
  return { ...problem, pointer: transfer ? `/transfers/0${problem.pointer.slice('/transfer'.length)}` : `/shared${problem.pointer}` };
}

const sorted = (problems: readonly RequestProblem[]) => [...problems].sort((a, b) => (a.pointer + a.message).localeCompare(b.pointer + b.message));


describe('a shared batch of one transfer', () => {
  it('conforms exactly when its request does, with the same problems pointed into the batch, for every scenario request and each broken in one way', () => {
    let broken = 0;
    for (const { name, request } of requests) {
      const variants = [request, ...BREAKINGS.map((breakIt) => {
        const copy = structuredClone(request);
        breakIt(copy);
        return copy;
      })];
      for (const [i, variant] of variants.entries()) {
        const batch = batchOf(variant);
        const expected = policy.problems(variant).map(inBatch);
        expect(policy.conformsSharedBatch(batch), `${name} variant ${i}`).toBe(policy.conforms(variant));
        expect(sorted(policy.sharedBatchProblems(batch)), `${name} variant ${i}`).toEqual(sorted(expected));
        if (i > 0) broken++;
      }
    }
    expect(requests.length).toBeGreaterThan(50);
    expect(broken).toBeGreaterThan(500);
  });
});

describe('a shared batch of many transfers', () => {
  it('stands for the requests { ...shared, transfer }, in order', () => {
    const shared = { asOf: '2027-03-01', preview: true, processor: { zone: 'nansha', ciio: false } };
    const transfers = [{ isExport: true, personalInfo: { persons: 120000 } }, { isExport: false }];
    expect(requestsOf({ shared, transfers } as SharedBatch)).toEqual(transfers.map((transfer) => ({ ...shared, transfer })));
  });

  it('says a problem of the shared part once, and each transfer’s at its index', () => {
    const batch = {
      shared: { asOf: '2027-02-30', processor: { zone: 'marz', ciio: false }, transfer: {} },
      transfers: [{ isExport: true }, { isExport: true, exemptions: ['art3', 'art99'] }, { exportControl: true }, 7],
      extra: true,
    };
    expect(policy.conformsSharedBatch(batch)).toBe(false);
    const pointers = policy.sharedBatchProblems(batch).map((p) => p.pointer);
    expect(pointers.sort()).toEqual(['/extra', '/shared/asOf', '/shared/processor/zone', '/shared/transfer', '/transfers/1/exemptions/1', '/transfers/2/isExport', '/transfers/3'].sort());
  });

  it('points at the missing or malformed parts of the batch itself', () => {
    const pointers = (batch: unknown) => policy.sharedBatchProblems(batch).map((p) => p.pointer);
    expect(pointers({ shared: { asOf: '2027-03-01', processor: { zone: 'nansha', ciio: false } } })).toEqual(['/transfers']);
    expect(pointers({ transfers: [] })).toEqual(['/shared']);
    expect(pointers({ shared: 1, transfers: {} }).sort()).toEqual(['/shared', '/transfers']);
    expect(policy.conformsSharedBatch({ shared: { asOf: '2027-03-01', processor: { zone: 'nansha', ciio: false } }, transfers: [] })).toBe(true);
  });
});
