/**
 * Semantic diff time between two git revisions of the 10,000-item generated policy: read both
 * with git, compile both in memory, compare. The head revision tightens the thresholds of one
 * generated file (every volume halved) and rewords another's titles. Prints
 * figures against the target (< 2 s); asserts nothing.
 *
 *   npx tsx bench/diff.ts [--items 10000]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { simpleGit } from 'simple-git';
import { diffPolicies } from '../compiler/diff/diff.js';
import { diffRevisions } from '../compiler/diff/run.js';
import type { Source } from '../compiler/source.js';
import { generatePolicy } from './generate-policy.js';

const items = Number(process.argv[process.argv.indexOf('--items') + 1] || 10_000) || 10_000;

async function writeSources(root: string, sources: readonly Source[]): Promise<void> {
  for (const s of sources) {
    await mkdir(dirname(join(root, s.path)), { recursive: true });
    await writeFile(join(root, s.path), s.text);
  }
}

function halveVolumes(line: string): string {
  return line.replace(/\b(\d[\d_]*(?:\.\d+)?)(万|亿)?/g, (_, n: string, unit: string | undefined) => {
    const value = Number(n.replaceAll('_', '')) * (unit === '亿' ? 100_000_000 : unit === '万' ? 10_000 : 1);
    return String(value <= 1 ? value : Math.floor(value / 2));
  });
}

const base = generatePolicy(items, 1);
const head = base.map((s, i) => {
  // Halve every threshold in one file (rounding down, 1 stays 1): ladders stay contiguous.
  if (s.path.endsWith('gen-0002.qd')) return { ...s, text: s.text.replace(/^\s*(?:assessment|contract|exempt|or|and)\b.*$/gm, halveVolumes) };
  if (s.path.endsWith('gen-0003.qd') || (i === base.length - 1 && base.length < 7)) return { ...s, text: s.text.replace(/（生成样例/g, '（修订样例') };
  return s;
});

const repo = await mkdtemp(join(tmpdir(), 'qingdan-bench-diff-'));
const git = simpleGit(repo);
await git.init();
await git.addConfig('user.name', 'bench').addConfig('user.email', 'bench@example.org');
await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'bench', version: '1.0.0' }));
await writeSources(repo, base);
await git.add('.').commit('base');
const baseRev = (await git.revparse(['HEAD'])).trim();
await writeSources(repo, head);
await git.add('.').commit('head');
const headRev = (await git.revparse(['HEAD'])).trim();

const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const result = await diffRevisions(repo, baseRev, headRev);
const total = performance.now() - t0;
if (!result.diff) throw new Error(`a revision does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
const t1 = performance.now();
diffPolicies(result.base!, result.head!);
const compare = performance.now() - t1;
const s = result.diff.summary;
console.log(`items per revision      ${items}`);
console.log(`changes                 ${result.diff.changes.length} (${s.tightening} tightening, ${s.loosening} loosening, ${s.editorial} editorial; bump ${result.diff.bump})`);
console.log(`git read + 2 compiles + compare   ${total.toFixed(0)} ms`);
console.log(`compare alone                     ${compare.toFixed(0)} ms`);
console.log(`rss growth                        ${((process.memoryUsage().rss - rss0) / 2 ** 20).toFixed(0)} MiB`);
console.log(`target: diff of two revisions of the 10k-item policy < 2 s: ${total < 2000 ? 'PASS' : 'FAIL'}`);
