/**
 * The golden corpus (test/golden/, format described in test/golden/harness.ts): for every bad
 * `.qd` input, the compiler reports exactly the diagnostics its `// expect:` lines list (codes
 * and positions, not wording), and prints exactly its `.errors.txt` baseline. Regenerate the
 * baselines with `npx tsx test/golden/update-baselines.ts` and review the diff.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources, readSources } from '../compiler/compile.js';
import { CODES } from '../compiler/diagnostic-codes.js';
import { loadCases, positions, renderBaseline, ROOT, runCase, type CaseRun, type GoldenCase } from './golden/harness.js';

const cases = await loadCases();

/**
 * Codes no `.qd` file can trigger (besides QD4xxx and QD5xxx, which come from reading,
 * building and governance, not from a file's contents).
 */
const UNREACHABLE_FROM_A_FILE: Record<string, string> = {
  // 'expected-at-least-one' maps chevrotain's EarlyExitException, which only AT_LEAST_ONE /
  // AT_LEAST_ONE_SEP raise; compiler/parser.ts uses neither (every repetition is MANY).
  QD1012: 'the grammar has no AT_LEAST_ONE repetition',
};

const runs = new Map<string, Promise<CaseRun>>();
function run(c: GoldenCase): Promise<CaseRun> {
  let r = runs.get(c.name);
  if (!r) {
    r = runCase(c);
    runs.set(c.name, r);
  }
  return r;
}

describe('golden diagnostics', () => {
  it('has a corpus of at least 36 cases, each with a baseline', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(36);
    for (const c of cases) {
      await expect(readFile(join(ROOT, c.baselinePath), 'utf8'), c.baselinePath).resolves.toBeTypeOf('string');
    }
  });

  it('checks the real policy cleanly, so a with-policy case prints only its own diagnostics', async () => {
    const read = await readSources(['policy'], ROOT);
    expect(read.diagnostics).toEqual([]);
    expect(positions(checkSources(read.sources).diagnostics)).toEqual([]);
  });

  it('covers every code a .qd file can trigger', () => {
    const covered = new Set(cases.filter((c) => !c.knownBug).flatMap((c) => c.expected.map((e) => e.split(' ')[0]!)));
    const fromFiles = Object.values(CODES)
      .map((k) => k.code)
      .filter((code) => !/^QD[45]/.test(code));
    const missing = fromFiles.filter((code) => !covered.has(code) && !(code in UNREACHABLE_FROM_A_FILE));
    expect(missing, 'codes without a golden case').toEqual([]);
    const reachedAfterAll = Object.keys(UNREACHABLE_FROM_A_FILE).filter((code) => covered.has(code));
    expect(reachedAfterAll, 'codes listed as unreachable that a case does trigger').toEqual([]);
    for (const code of covered) expect(fromFiles, `unknown code ${code} in an expectation`).toContain(code);
  });

  for (const c of cases) {
    describe(c.name, () => {
      const title = `reports ${c.expected.length ? c.expected.join(', ') : 'nothing'}`;
      // A known bug: the expectations state the correct behaviour, which the compiler does not
      // produce yet. When this starts passing, remove the `// known-bug:` line.
      const check = c.knownBug ? it.fails : it;
      check(c.knownBug ? `${title} (known bug: ${c.knownBug})` : title, async () => {
        expect(c.expected.length, 'a case lists at least one expected diagnostic').toBeGreaterThan(0);
        expect(positions((await run(c)).own)).toEqual(c.expected);
      });

      it('prints its .errors.txt baseline', async () => {
        const baseline = await readFile(join(ROOT, c.baselinePath), 'utf8');
        expect(renderBaseline(await run(c))).toBe(baseline);
      });
    });
  }
});
