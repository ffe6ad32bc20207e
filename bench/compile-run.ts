/**
 * One process's compile, for bench/compile-ab.ts: `node <bundle> <sources.json>` reads the
 * generated policy's sources (a JSON array of `{ path, text }`), compiles them once as bench/compile.ts does (parse, check, lower, emit
 * policy.json and the schemas, validate) and prints, as one JSON line, the CPU time of each
 * phase and of JSON.parse of the policy.json it emitted.
 */
import { emitRuntimeArtifacts } from '../compiler/build.js';
import { check } from '../compiler/check/check.js';
import { lowerPolicy } from '../compiler/emit/lower.js';
import { policySchema } from '../compiler/emit/schemas/policy.schema.js';
import { validateArtifact } from '../compiler/emit/validate.js';
import { parseSource } from '../compiler/parse.js';
import { collectSymbols } from '../compiler/symbols.js';
import { readFileSync } from 'node:fs';
import type { Source } from '../compiler/source.js';

if (!process.argv[2]) throw new Error('usage: compile-run <sources.json>');
const sources = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Source[];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
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
process.stdout.write(`${JSON.stringify({ parse: c1 - c0, check: c2 - c1, emit: c3 - c2, total: c3 - c0, jsonParse: c4 - c3, bytes: policyJson.length })}\n`);
