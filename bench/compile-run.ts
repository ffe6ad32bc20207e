/**
 * One compile, timed by phase, for bench/compile-ab.ts. Run as a script, `node <bundle>
 * <sources.json>` reads the generated policy's sources (a JSON array of `{ path, text }`),
 * compiles them once as bench/compile.ts does (parse, check, lower, emit policy.json and the
 * schemas, validate) and prints, as one JSON line, the CPU time of each phase and of JSON.parse
 * of the policy.json it emitted. Imported, it gives `compilePhases` to a bench that compares
 * two builds in one process.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { emitRuntimeArtifacts } from '../compiler/build.js';
import { check } from '../compiler/check/check.js';
import { lowerPolicy } from '../compiler/emit/lower.js';
import { policySchema } from '../compiler/emit/schemas/policy.schema.js';
import { validateArtifact } from '../compiler/emit/validate.js';
import { parseSource } from '../compiler/parse.js';
import type { Source } from '../compiler/source.js';
import { collectSymbols } from '../compiler/symbols.js';
import { cpuMs } from './cpu-time.js';

/** CPU milliseconds of each phase of one compile of `sources`, and of JSON.parse of its policy.json. */
export interface Phases {
  readonly parse: number;
  readonly check: number;
  readonly emit: number;
  readonly total: number;
  readonly jsonParse: number;
  readonly bytes: number;
}

/** Compiles `sources` once; throws if they do not compile without a diagnostic. */
export function compilePhases(sources: readonly Source[]): Phases {
  const c0 = cpuMs();
  const parsed = sources.map(parseSource);
  const c1 = cpuMs();
  const files = parsed.map((p) => p.file);
  const symbols = collectSymbols(files);
  const diagnostics = [...parsed.flatMap((p) => p.diagnostics), ...check(files, symbols)];
  const c2 = cpuMs();
  const lowered = lowerPolicy(files, symbols, '0.0.0-bench');
  if (!lowered.artifact) throw new Error('the generated policy does not lower');
  const policyJson = emitRuntimeArtifacts(lowered.artifact).get('policy.json')!;
  diagnostics.push(...lowered.diagnostics, ...validateArtifact('policy.json', policySchema, lowered.artifact));
  const c3 = cpuMs();
  JSON.parse(policyJson);
  const c4 = cpuMs();
  if (diagnostics.length > 0) throw new Error(`the generated policy has ${diagnostics.length} diagnostics`);
  return { parse: c1 - c0, check: c2 - c1, emit: c3 - c2, total: c3 - c0, jsonParse: c4 - c3, bytes: policyJson.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv[2]) throw new Error('usage: compile-run <sources.json>');
  const sources = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Source[];
  process.stdout.write(`${JSON.stringify(compilePhases(sources))}\n`);
}
