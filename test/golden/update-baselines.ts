/**
 * Regenerates the `.errors.txt` baselines of the golden corpus from the compiler's current
 * output: `npx tsx test/golden/update-baselines.ts [case …]` (a case by name, file or number,
 * `14`, `14-unknown-keyword-list`; no case: every case). Review the diff before committing
 * it; the `// expect:` lines are written by hand and are not touched.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCases, positions, renderBaseline, ROOT, runCase } from './harness.js';

const all = await loadCases();
const wanted = process.argv.slice(2).map((a) => a.replace(/^.*[\\/]/, '').replace(/\.(qd|errors\.txt)$/, ''));
const matches = (name: string, arg: string) => name === arg || name.startsWith(`${arg}-`);
for (const arg of wanted) {
  if (!all.some((c) => matches(c.name, arg))) {
    process.stderr.write(`no golden case ${arg}\n`);
    process.exitCode = 2;
  }
}
const cases = all.filter((c) => wanted.length === 0 || wanted.some((arg) => matches(c.name, arg)));
for (const c of cases) {
  const run = await runCase(c);
  await writeFile(join(ROOT, c.baselinePath), renderBaseline(run));
  const actual = positions(run.own);
  const same = actual.length === c.expected.length && actual.every((a, i) => a === c.expected[i]);
  const note = same ? '' : c.knownBug ? '  (known bug: output differs from the expectations)' : '  (MISMATCH with the // expect: lines)';
  process.stdout.write(`${c.baselinePath}: ${run.own.length} diagnostic(s)${note}\n`);
}
