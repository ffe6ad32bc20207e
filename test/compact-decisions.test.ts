/**
 * The compact and indexed views of decisions (runtime/compact.ts): lossless, each distinct part (and, indexed, each distinct decision) once, valid
 * against its published schema — and the server's writer gives the same JSON.
 */
import { describe, expect, it } from 'vitest';
import { compactDecisions, expandDecisions, indexedDecisions } from '../runtime/compact.js';
import type { EvaluationResponse, Reason } from '../runtime/request.js';
import { validateCompactDecisions, validateIndexedDecisions } from '../runtime/validators.js';
import { serializeCompactDecisions, serializeIndexedDecisions } from '../server/serialize.js';

const policy = { version: '0.2.0', digest: 'a'.repeat(64) };
const reason = (code: string): Reason => ({ code, outcome: 'exempt', message: { zh: `理由${code}`, en: `reason ${code}` }, citations: ['measures.art13'] });
const obligation = { code: 'pipl-art39', message: { zh: '告知', en: 'inform' }, citations: ['pipl.art39'] };
const decision = (reasons: readonly Reason[], extra: Partial<EvaluationResponse> = {}): EvaluationResponse => ({
  version: 1,
  pathway: 'exempt',
  preview: false,
  asOf: '2027-03-01',
  basis: { kind: 'baseline', id: 'national' },
  reasons,
  obligations: [obligation],
  advisories: [],
  policy,
  ...extra,
});

describe('compactDecisions', () => {
  const a = reason('a');
  const decisions = [
    decision([a]),
    decision([reason('a'), reason('b')], { pathway: 'indeterminate', basis: { kind: 'none' }, advisories: [obligation] }),
    decision([a], { preview: true, basis: { kind: 'list', lists: ['icv'] } }),
  ];

  it('writes each distinct part once, equal parts built apart included, and expands to the decisions', () => {
    const view = compactDecisions(decisions, policy);
    expect(view.reasons.map((r) => r.code)).toEqual(['a', 'b']);
    expect(view.obligations).toEqual([obligation]);
    expect(view.decisions.map((d) => [d.reasons, d.obligations, d.advisories])).toEqual([
      [[0], [0], []],
      [[0, 1], [0], [0]],
      [[0], [0], []],
    ]);
    expect(validateCompactDecisions(view)).toBe(true);
    expect(expandDecisions(view)).toEqual(decisions);
  });

  it('is what the server writes, byte for byte', () => {
    const view = compactDecisions(decisions, policy);
    expect(serializeCompactDecisions(decisions, policy).toString()).toBe(JSON.stringify(view));
    expect(serializeCompactDecisions([], policy).toString()).toBe(JSON.stringify(compactDecisions([], policy)));
  });

  it('refuses decisions of another policy, and an index outside its table', () => {
    const other = decision([a], { policy: { version: '0.1.0', digest: 'b'.repeat(64) } });
    expect(() => compactDecisions([other], policy)).toThrow(RangeError);
    expect(() => serializeCompactDecisions([other], policy)).toThrow(RangeError);
    const view = compactDecisions(decisions, policy);
    expect(() => expandDecisions({ ...view, decisions: [{ ...view.decisions[0]!, reasons: [7] }] })).toThrow(RangeError);
  });

  it('is refused by its schema without its tables or with an index that is not one', () => {
    const view = compactDecisions(decisions, policy);
    expect(validateCompactDecisions({ ...view, reasons: undefined })).toBe(false);
    expect(validateCompactDecisions({ ...view, decisions: [{ ...view.decisions[0]!, reasons: [-1] }] })).toBe(false);
    expect(validateCompactDecisions({ ...view, decisions: [{ ...view.decisions[0]!, reasons: [] }] })).toBe(false);
  });
});

describe('indexedDecisions', () => {
  const a = reason('a');
  // The first and third are equal decisions built apart; the second differs only in its date.
  const decisions = [decision([a]), decision([reason('a')], { asOf: '2027-03-02' }), decision([reason('a')]), decision([a], { pathway: 'indeterminate', basis: { kind: 'none' } })];

  it('writes each distinct decision once and an index per request, and expands to the decisions', () => {
    const view = indexedDecisions(decisions, policy);
    expect(view.distinct).toEqual(compactDecisions([decisions[0]!, decisions[1]!, decisions[3]!], policy).decisions);
    expect(view.decisions).toEqual([0, 1, 0, 2]);
    expect(validateIndexedDecisions(view)).toBe(true);
    expect(expandDecisions(view)).toEqual(decisions);
  });

  it('is what the server writes, byte for byte', () => {
    expect(serializeIndexedDecisions(decisions, policy).toString()).toBe(JSON.stringify(indexedDecisions(decisions, policy)));
    expect(serializeIndexedDecisions([], policy).toString()).toBe(JSON.stringify(indexedDecisions([], policy)));
  });

  it('refuses decisions of another policy, an index outside its table, and, by its schema, an index that is not one', () => {
    const other = decision([a], { policy: { version: '0.1.0', digest: 'b'.repeat(64) } });
    expect(() => indexedDecisions([other], policy)).toThrow(RangeError);
    expect(() => serializeIndexedDecisions([other], policy)).toThrow(RangeError);
    const view = indexedDecisions(decisions, policy);
    expect(() => expandDecisions({ ...view, decisions: [3] })).toThrow(RangeError);
    expect(validateIndexedDecisions({ ...view, decisions: [-1] })).toBe(false);
    expect(validateIndexedDecisions({ ...view, distinct: undefined })).toBe(false);
  });
});
