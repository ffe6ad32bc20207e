/**
 * A bounded fuzz of the runtime's front door: whatever JSON a caller sends, `evaluate` answers
 * with a response that conforms to the response schema or throws InvalidRequestError with
 * located problems — never another error; `conforms` is true exactly when `problems` is empty;
 * and a shared batch conforms exactly when every request it stands for does. Inputs are random
 * JSON values and conforming scenario requests with random edits (a key dropped, a value replaced
 * by random JSON, a key added, a value moved elsewhere), so most inputs are near the contract,
 * where a check is easiest to get wrong. Fixed seed and run counts: CI sees the same inputs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidRequestError, Policy } from '../runtime/index.js';
import { requestOf } from '../runtime/shared-batch.js';
import { scenarioRequests, type LooseRequest } from './broken-requests.js';
import { buildRealPolicy } from './support.js';

let policy: Policy;
let requests: LooseRequest[];
beforeAll(async () => {
  const { outDir } = await buildRealPolicy();
  policy = await Policy.load(outDir);
  requests = (await scenarioRequests()).map((s) => s.request).filter((r) => policy.conforms(r));
});

type Json = unknown;
type Path = readonly (string | number)[];

/** Every path to a value inside `value` (the root excluded). */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...pathsOf((value as Record<string | number, Json>)[k], [...prefix, k])]);
}

function parentOf(root: Json, path: Path): Record<string | number, Json> {
  let at = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, Json>;
  return at;
}

type Edit = { kind: 'drop' | 'replace' | 'add' | 'move'; at: number; to: number; key: string; value: Json };

/** `request` (a deep copy) with the edits applied, each at a path picked by its `at`. */
function edited(request: LooseRequest, edits: readonly Edit[]): Json {
  const copy = structuredClone(request) as Json;
  for (const e of edits) {
    const paths = pathsOf(copy);
    if (paths.length === 0) break;
    const path = paths[e.at % paths.length]!;
    const parent = parentOf(copy, path);
    const key = path.at(-1)!;
    if (e.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (e.kind === 'replace') parent[key] = e.value;
    else if (e.kind === 'add') {
      if (Array.isArray(parent)) parent.push(e.value);
      else parent[e.key] = e.value;
    } else {
      const target = paths[e.to % paths.length]!;
      parentOf(copy, target)[target.at(-1)!] = structuredClone(parent[key]);
    }
  }
  return copy;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('drop', 'replace', 'add', 'move'),
  at: fc.nat(),
  to: fc.nat(),
  key: fc.constantFrom('id', 'persons', 'sensitivePersons', 'zone', 'asOf', 'items', 'transfer', '__proto__', 'constructor', 'extra'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(-1, 0, 1.5, 1e10, 1e11, 2 ** 53, '2027-02-29', '2027-01-01', 'outside', 'S16', 'S99', 'icv.owner-pi', '', [], {}, null),
  ),
});

/** What `evaluate` did with `input`: the problems' pointers, or the response. */
function outcomeOf(input: Json): { problems: string[] } | { pathway: string } {
  try {
    const response = policy.evaluate(input);
    if (!policy.isValidResponse(response)) throw new Error(`a response breaks the response schema: ${JSON.stringify(response)}`);
    return { pathway: response.pathway };
  } catch (e) {
    if (!(e instanceof InvalidRequestError)) throw e;
    if (e.problems.length === 0) throw new Error('refused without a problem');
    for (const p of e.problems) if (typeof p.pointer !== 'string' || !(p.pointer === '' || p.pointer.startsWith('/'))) throw new Error(`problem not located: ${JSON.stringify(p)}`);
    return { problems: e.problems.map((p) => p.pointer) };
  }
}

/** The checks every input must pass; returns nothing, throws on the first broken one. */
function checkInput(input: Json): void {
  const outcome = outcomeOf(input);
  const problems = policy.problems(input);
  expect(policy.conforms(input)).toBe(problems.length === 0);
  expect('pathway' in outcome).toBe(problems.length === 0);
}

const seed = 20_261_202;

describe('fuzzing the runtime with requests', () => {
  it('answers random JSON with a refusal that locates its problems, never another error', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => checkInput(input)), { seed, numRuns: 500 });
  });

  it('answers edited scenario requests with a conforming response or located problems, and conforms agrees', () => {
    let decided = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const input = edited(requests[which % requests.length]!, edits);
        checkInput(input);
        if (policy.conforms(input)) decided++;
        else refused++;
      }),
      { seed, numRuns: 3000 },
    );
    // Both sides of the contract were reached, or the edits were too gentle or too rough to test it.
    expect(decided).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('finds a shared batch conforming exactly when every request it stands for conforms', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.array(edit, { maxLength: 2 })), { minLength: 1, maxLength: 4 }), (which, parts) => {
        const { transfer: _, ...shared } = structuredClone(requests[which % requests.length]!);
        const transfers = parts.map(([t, edits]) => {
          const base = requests[t % requests.length]!;
          return (edited({ transfer: base.transfer } as LooseRequest, edits) as { transfer?: Json }).transfer ?? null;
        });
        const batch = { shared, transfers };
        const each = transfers.every((transfer) => policy.conforms(requestOf(shared as never, transfer as never)));
        expect(policy.conformsSharedBatch(batch)).toBe(each);
        expect(policy.sharedBatchProblems(batch).length === 0).toBe(each);
      }),
      { seed, numRuns: 1500 },
    );
  });
});
