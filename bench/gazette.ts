/**
 * Gazette render time: Markdown generation plus markdown-it → HTML for every page, for the real
 * policy and for a generated policy of 10,000 list items. Prints figures; asserts nothing.
 *
 *   npx tsx bench/gazette.ts [--runs 5]
 */
import { compileSources, readSources } from '../compiler/compile.js';
import { emitGazette } from '../compiler/emit/gazette/emit.js';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { countItems, generatePolicy } from './generate-policy.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(name: string, artifact: PolicyArtifact): void {
  emitGazette(artifact, { digest: '0'.repeat(64), commit: null, dirty: false }); // warm-up
  const times: number[] = [];
  let bytes = 0;
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const files = emitGazette(artifact, { digest: '0'.repeat(64), commit: null, dirty: false });
    times.push(performance.now() - t0);
    bytes = [...files.values()].reduce((n, c) => n + Buffer.byteLength(c), 0);
    pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  }
  const ms = median(times);
  console.log(`${name.padEnd(22)} items ${String(countItems(artifact)).padStart(6)}  pages ${String(pages).padStart(4)}  output ${(bytes / 1e6).toFixed(2).padStart(6)} MB  render ${ms.toFixed(0).padStart(6)} ms (median of ${runs})  ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);
}

const real = compileSources((await readSources(['policy'])).sources, '0.0.0');
if (!real.artifact) throw new Error('the real policy does not compile');
measure('real policy', real.artifact);
const generated = compileSources(generatePolicy(10_000, 1), '0.0.0');
if (!generated.artifact) throw new Error('the generated policy does not compile');
measure('generated 10k items', generated.artifact);
