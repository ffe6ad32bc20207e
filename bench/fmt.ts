/**
 * Formatter benchmark: `npx tsx bench/fmt.ts [--size 100000] [--seed 1]`.
 *
 * Formats the generated policy (bench/generate-policy.ts: the real documents, annex, baseline
 * and zones plus N generated list items in files of 1000) the way `qingdan fmt --check` does —
 * parse, refuse-unprintable check, print with comments — in memory, and reports the total and
 * its parts, under the V8 flags `qingdan fmt` runs with (bench/cli-heap.ts). Target
 * (issue 12, point 8): the whole policy in under 5 s. Exits 0 regardless.
 */
import { parseArgs } from 'node:util';
import { formatSource, unprintable } from '../compiler/format.js';
import { parseSource } from '../compiler/parse.js';
import { printFile } from '../compiler/printer.js';
import { runUnderCliHeap, v8Flags } from './cli-heap.js';
import { generatePolicy, sourceBytes } from './generate-policy.js';

runUnderCliHeap('fmt');

const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
const size = Number(values.size);
const sources = generatePolicy(size, Number(values.seed));
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

// Warm-up on a slice, so the figure is the steady state a real run reaches after its first files.
for (const s of sources.slice(0, 5)) formatSource(s);

let changed = 0;
const total = process.hrtime.bigint();
for (const source of sources) {
  const result = formatSource(source);
  if (!result.ok) throw new Error(`${source.path} does not format: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  if (result.changed) changed++;
}
const totalMs = ms(total);

// The parts, measured again on their own.
let parseMs = 0;
let checkMs = 0;
let printMs = 0;
for (const source of sources) {
  let t = process.hrtime.bigint();
  const parsed = parseSource(source);
  parseMs += ms(t);
  t = process.hrtime.bigint();
  unprintable(parsed.file, parsed.diagnostics);
  checkMs += ms(t);
  t = process.hrtime.bigint();
  printFile(parsed.file, source.text);
  printMs += ms(t);
}

console.log(`fmt of ${size} generated declarations: ${sources.length} files, ${(sourceBytes(sources) / 1e6).toFixed(1)} MB, ${changed} not in canonical form`);
console.log(`  total ${(totalMs / 1000).toFixed(2)} s   (parse ${(parseMs / 1000).toFixed(2)} s, unprintable-check ${(checkMs / 1000).toFixed(2)} s, print ${(printMs / 1000).toFixed(2)} s)`);
console.log(`  V8 flags: ${v8Flags()}`);
console.log(`${totalMs < 5000 ? 'PASS' : 'FAIL'} fmt of ${size} declarations < 5 s (${(totalMs / 1000).toFixed(2)} s)`);
