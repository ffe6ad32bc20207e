/** `check` is the final verdict: whatever it passes, `build` builds (issue 12, point 6). */
import { describe, expect, it } from 'vitest';
import { checkSources, compileSources, readSources } from '../compiler/compile.js';
import { hasErrors } from '../compiler/diagnostics.js';
import { loadCases } from './golden/harness.js';
import { ROOT } from './support.js';

const ONLY_A_DOCUMENT = { path: 'doc.qd', text: 'document d "办法" {\n  chapter 1 "总则" {\n    article 1 {\n      "条文。"\n    }\n  }\n}\n' };

describe('check is the final verdict', () => {
  it('reports a policy without an annex or a baseline (QD2012, no position), once nothing else is wrong', () => {
    const d = checkSources([ONLY_A_DOCUMENT]).diagnostics;
    expect(d.map((x) => [x.code, x.span])).toEqual([
      ['QD2012', undefined],
      ['QD2012', undefined],
    ]);
  });

  it('builds every golden case and the real policy that it checks clean, and checks clean every one that builds', async () => {
    const cases = await loadCases();
    const inputs = [['policy'], ...cases.map((c) => (c.withPolicy ? ['policy', c.path] : [c.path]))];
    let clean = 0;
    for (const paths of inputs) {
      const { sources } = await readSources(paths, ROOT);
      const checked = !hasErrors(checkSources(sources).diagnostics);
      const built = !!compileSources(sources, '0.0.0').artifact;
      expect([paths.join(' '), built]).toEqual([paths.join(' '), checked]);
      if (checked) clean++;
    }
    expect(clean).toBeGreaterThanOrEqual(2);
  });
});
