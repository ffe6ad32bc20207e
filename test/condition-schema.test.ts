/**
 * The policy schema writes a condition as a chain of if/then on its key (fast to validate); it
 * must accept exactly the values a `oneOf` of the five kinds of condition accepts.
 */
import { describe, expect, it } from 'vitest';
import { policySchema } from '../compiler/emit/schemas/policy.schema.js';
import { createAjv } from '../compiler/emit/validate.js';
import { validatePolicy } from '../runtime/validators.js';
import { Rng } from '../bench/generate-policy.js';
import { buildRealPolicy } from './support.js';

const count = { type: 'integer', minimum: 0 } as const;
/** The five kinds as a `oneOf`: the reference meaning of a condition. */
const oneOfSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://qingdan.example/test/condition-one-of.json',
  $ref: '#/$defs/condition',
  $defs: {
    condition: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['any'], properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } } },
        { type: 'object', additionalProperties: false, required: ['all'], properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } } },
        { type: 'object', additionalProperties: false, required: ['measure'], properties: { measure: { enum: ['persons', 'sensitive'] }, min: count, max: count } },
        { type: 'object', additionalProperties: false, required: ['kindsAny'], properties: { kindsAny: { type: 'array', minItems: 1, items: { type: 'string' } } } },
        { type: 'object', additionalProperties: false, required: ['ciio'], properties: { ciio: { type: 'boolean' } } },
      ],
    },
  },
};

const KEYS = ['any', 'all', 'measure', 'kindsAny', 'ciio', 'min', 'max', 'other'];

/** A random value shaped like a condition, valid or broken in the ways a condition can be. */
function arbitraryCondition(rng: Rng, depth: number): unknown {
  const r = rng.float();
  if (r < 0.05) return rng.pick([null, 'any', 3, true, [], [{ ciio: true }]]);
  if (r < 0.2) {
    // Any mix of keys, with values of any kind.
    const o: Record<string, unknown> = {};
    for (const key of rng.sample(KEYS, rng.int(0, 3))) o[key] = arbitraryValue(rng, depth);
    return o;
  }
  const kind = rng.pick(['any', 'all', 'measure', 'kindsAny', 'ciio']);
  const o: Record<string, unknown> = {};
  if (kind === 'any' || kind === 'all') o[kind] = depth > 2 ? [] : Array.from({ length: rng.int(0, 3) }, () => arbitraryCondition(rng, depth + 1));
  else if (kind === 'measure') {
    o.measure = rng.pick(['persons', 'sensitive', 'sensitive', 'persons', 'other']);
    if (rng.chance(0.6)) o.min = rng.pick([0, 1, 100_000, -1, 1.5, '1']);
    if (rng.chance(0.4)) o.max = rng.pick([1, 1_000_000, -3]);
  } else if (kind === 'kindsAny') o.kindsAny = rng.pick([[], ['medical'], ['medical', 'bank-account'], [3]]);
  else o.ciio = rng.pick([true, false, 'yes']);
  if (rng.chance(0.1)) o[rng.pick(KEYS)] = arbitraryValue(rng, depth);
  return o;
}

function arbitraryValue(rng: Rng, depth: number): unknown {
  return rng.chance(0.5) ? arbitraryCondition(rng, depth + 1) : rng.pick([[], ['x'], 1, 'persons', true, null, {}]);
}

describe('the schema of a condition', () => {
  const ajv = createAjv();
  ajv.addSchema(policySchema);
  const byKey = ajv.compile({ $ref: `${policySchema.$id}#/$defs/condition` });
  const byOneOf = createAjv().compile(oneOfSchema);

  it('accepts exactly what a oneOf of the five kinds accepts (5,000 generated values)', () => {
    const rng = new Rng(0xc0d1);
    let valid = 0;
    for (let k = 0; k < 5_000; k++) {
      const c = arbitraryCondition(rng, 0);
      const expected = byOneOf(c);
      expect(byKey(c), JSON.stringify(c)).toBe(expected);
      if (expected) valid++;
    }
    // Both verdicts occur often enough for the comparison to mean something.
    expect(valid).toBeGreaterThan(1_000);
    expect(valid).toBeLessThan(4_000);
  });

  it('is what the runtime checks on load: a condition with two kinds’ keys, or none, is refused', async () => {
    const { artifact } = await buildRealPolicy();
    expect(validatePolicy(artifact)).toBe(true);
    for (const broken of [{ any: [{ ciio: true }], ciio: true }, {}, { measure: 'persons', kindsAny: ['medical'] }, { all: [] }, { ciio: 'yes' }]) {
      const copy = structuredClone(artifact);
      (copy.baseline.ladder[0] as { when: unknown }).when = broken;
      expect(validatePolicy(copy), JSON.stringify(broken)).toBe(false);
    }
  });
});
