/**
 * The compact, indexed and dense views of decisions (runtime/compact.ts): lossless, each distinct part (and, indexed, each distinct decision) once, valid
 * against its published schema — and the server's writer gives the same JSON.
 */
import { describe, expect, it } from 'vitest';
import { compactDecisions, denseDecisions, expandDecisions, indexedDecisions } from '../runtime/compact.js';
import type { EvaluationResponse, Reason } from '../runtime/request.js';
import { validateCompactDecisions, validateDenseDecisions, validateIndexedDecisions } from '../runtime/validators.js';
import { serializeCompactDecisions, serializeDenseDecisions, serializeIndexedDecisions } from '../server/serialize.js';

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

describe('denseDecisions', () => {
  const a = reason('a');
  const advisory = { code: 'advise', message: { zh: '建议', en: 'advice' }, citations: ['measures.art15'] };
  // Equal parts built apart (a reason, a basis, a list of obligations), two dates, both preview flags, advisories.
  const decisions = [
    decision([a]),
    decision([reason('a'), reason('b')], { pathway: 'indeterminate', basis: { kind: 'none' }, advisories: [advisory] }),
    decision([a], { preview: true, basis: { kind: 'list', lists: ['icv'] }, obligations: [{ ...obligation }] }),
    decision([reason('b')], { asOf: '2027-03-02', basis: { kind: 'baseline', id: 'national' }, obligations: [obligation, advisory], advisories: [advisory] }),
  ];

  it('writes each distinct context, pathway, basis, part and list once, a row of positions per decision, and expands to the decisions', () => {
    const view = denseDecisions(decisions, policy);
    expect(view.contexts).toEqual([
      { asOf: '2027-03-01', preview: false },
      { asOf: '2027-03-01', preview: true },
      { asOf: '2027-03-02', preview: false },
    ]);
    expect(view.pathways).toEqual(['exempt', 'indeterminate']);
    expect(view.bases).toEqual([{ kind: 'baseline', id: 'national' }, { kind: 'none' }, { kind: 'list', lists: ['icv'] }]);
    expect(view.reasons.map((r) => r.code)).toEqual(['a', 'b']);
    expect(view.obligations).toEqual([obligation, advisory]);
    expect(view.lists).toEqual([[0], [], [1], [0, 1]]);
    expect(view.decisions).toEqual([
      [0, 0, 0, [0], 0, 1],
      [0, 1, 1, [0, 1], 0, 2],
      [1, 0, 2, [0], 0, 1],
      [2, 0, 0, [1], 3, 2],
    ]);
    expect(validateDenseDecisions(view)).toBe(true);
    expect(expandDecisions(view)).toEqual(decisions);
  });

  it('is what the server writes, byte for byte', () => {
    expect(serializeDenseDecisions(decisions, policy).toString()).toBe(JSON.stringify(denseDecisions(decisions, policy)));
    expect(serializeDenseDecisions([], policy).toString()).toBe(JSON.stringify(denseDecisions([], policy)));
    // Positions of several digits, written as bytes.
    const many = Array.from({ length: 1234 }, (_, i) => decision([reason(`r${i}`)], { asOf: `2027-${String(1 + (i % 12)).padStart(2, '0')}-01` }));
    expect(serializeDenseDecisions(many, policy).toString()).toBe(JSON.stringify(denseDecisions(many, policy)));
    // Rows longer than the writer set aside (many reasons each): its buffer grows.
    const reasons = Array.from({ length: 40 }, (_, i) => reason(`long${i}`));
    const long = Array.from({ length: 50 }, (_, i) => decision(reasons.slice(i % 7)));
    expect(serializeDenseDecisions(long, policy).toString()).toBe(JSON.stringify(denseDecisions(long, policy)));
  });

  it('refuses decisions of another policy, and a position outside its table', () => {
    const other = decision([a], { policy: { version: '0.1.0', digest: 'b'.repeat(64) } });
    expect(() => denseDecisions([other], policy)).toThrow(RangeError);
    expect(() => serializeDenseDecisions([other], policy)).toThrow(RangeError);
    const view = denseDecisions(decisions, policy);
    for (const at of [0, 1, 2, 4, 5]) {
      const row = [...view.decisions[0]!] as unknown[];
      row[at] = 9;
      expect(() => expandDecisions({ ...view, decisions: [row as never] }), `position ${at}`).toThrow(RangeError);
    }
    expect(() => expandDecisions({ ...view, decisions: [[0, 0, 0, [7], 0, 1]] })).toThrow(RangeError);
    expect(() => expandDecisions({ ...view, lists: [[5]] })).toThrow(RangeError);
  });

  it('is refused by its schema with a row of another shape, a position that is not one, or without its tables', () => {
    const view = denseDecisions(decisions, policy);
    expect(validateDenseDecisions({ ...view, decisions: [[0, 0, 0, [0], 0]] })).toBe(false);
    expect(validateDenseDecisions({ ...view, decisions: [[0, 0, 0, [0], 0, 1, 2]] })).toBe(false);
    expect(validateDenseDecisions({ ...view, decisions: [[0, -1, 0, [0], 0, 1]] })).toBe(false);
    expect(validateDenseDecisions({ ...view, decisions: [[0, 0, 0, [], 0, 1]] })).toBe(false);
    expect(validateDenseDecisions({ ...view, decisions: [[0, 0, 0, 0, 0, 1]] })).toBe(false);
    expect(validateDenseDecisions({ ...view, pathways: ['maybe'] })).toBe(false);
    expect(validateDenseDecisions({ ...view, lists: undefined })).toBe(false);
    expect(validateDenseDecisions({ ...view, contexts: [{ asOf: '2027-03-01' }] })).toBe(false);
  });
});
