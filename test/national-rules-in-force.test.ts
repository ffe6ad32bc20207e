/**
 * The national rules' first day (`effective` in the baseline): the runtime decides nothing
 * before it, a policy without it decides every date as before, and the diff classifies a move of
 * the day by what it leaves undecided.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diffPolicies } from '../compiler/diff/diff.js';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { compilePolicy } from '../runtime/compile.js';
import { decide } from '../runtime/evaluate.js';
import type { EvaluationRequest } from '../runtime/request.js';
import { buildRealPolicy } from './support.js';

let artifact: PolicyArtifact;
beforeAll(async () => {
  ({ artifact } = await buildRealPolicy());
});

/** The real policy with the baseline's first day set to `from`, or without one. */
function withFirstDay(from: string | undefined): PolicyArtifact {
  const { effective, ...baseline } = artifact.baseline;
  return { ...artifact, baseline: from === undefined ? baseline : { ...baseline, effective: { from, basis: effective!.basis } } };
}

const outside = (asOf: string, persons: number): EvaluationRequest => ({ asOf, processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons } } });

describe('the national rules’ first day', () => {
  it('is 2024-03-22 in the real policy, resting on national Art. 14', () => {
    expect(artifact.baseline.effective).toEqual({ from: '2024-03-22', basis: ['national.art14'] });
  });

  it('leaves every export before it indeterminate, important data and exemptions included; from it the thresholds decide', () => {
    const policy = compilePolicy(artifact, 'test');
    for (const request of [
      outside('2024-03-21', 150_000),
      outside('2023-01-01', 5_000_000),
      { ...outside('2024-03-21', 0), transfer: { isExport: true, importantData: true } },
      { ...outside('2024-03-21', 5_000), transfer: { isExport: true, exemptions: ['art5.1'], personalInfo: { persons: 5_000 } } },
      { asOf: '2024-03-21', processor: { zone: 'nansha', ciio: true }, transfer: { isExport: true, personalInfo: { persons: 10 } } },
    ] as EvaluationRequest[]) {
      const answer = decide(policy, request);
      expect([request, answer.pathway, answer.reasons.map((r) => r.code)]).toEqual([request, 'indeterminate', ['before-national-rules']]);
    }
    expect(decide(policy, outside('2024-03-22', 150_000)).pathway).toBe('standard-contract-or-certification');
    expect(decide(policy, outside('2024-03-22', 50_000)).pathway).toBe('exempt');
  });

  it('is not needed: a baseline without one decides every date, as before', () => {
    const policy = compilePolicy(withFirstDay(undefined), 'test');
    expect(decide(policy, outside('2023-01-01', 150_000)).pathway).toBe('standard-contract-or-certification');
  });

  it('moved later or first given is tightening in the diff (more dates undecided); moved earlier or dropped, loosening', () => {
    const classify = (before: string | undefined, after: string | undefined) => diffPolicies(withFirstDay(before), withFirstDay(after)).changes.map((c) => [c.field, c.classification]);
    expect(classify(undefined, '2024-03-22')).toEqual([['effective', 'tightening']]);
    expect(classify('2024-03-22', '2024-04-01')).toEqual([['effective', 'tightening']]);
    expect(classify('2024-04-01', '2024-03-22')).toEqual([['effective', 'loosening']]);
    expect(classify('2024-03-22', undefined)).toEqual([['effective', 'loosening']]);
    expect(classify('2024-03-22', '2024-03-22')).toEqual([]);
  });
});
