/**
 * The golden corpus of bad `.qd` inputs, shared by test/golden-diagnostics.test.ts and
 * test/golden/update-baselines.ts.
 *
 * Each case is `test/golden/<NN-name>.qd`. Its leading `//` lines are the header:
 *   - free text saying what the case tests;
 *   - `// with-policy`: the case is checked together with the real `policy/` folder, so that
 *     references such as `measures.art10`, `S16` or zone `nansha` resolve;
 *   - `// known-bug: …`: the compiler is known to get this case wrong; the `expect` lines state
 *     the correct behaviour and the test is expected to fail until the bug is fixed;
 *   - `// expect: QD2001 12:3`: one line per diagnostic located in the case's file (code,
 *     line:column of its start), all of them, in the order the compiler sorts them.
 * Beside it, `<NN-name>.errors.txt` is the human-readable output of
 * `NO_COLOR=1 qingdan check [policy] test/golden/<NN-name>.qd` (its stderr), regenerated with
 * `npx tsx test/golden/update-baselines.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSources, readSources } from '../../compiler/compile.js';
import { hasErrors, messageOf, type Diagnostic } from '../../compiler/diagnostics.js';
import { formatDiagnostics } from '../../compiler/print-diagnostics.js';
import type { Source } from '../../compiler/source.js';

/** The repository root; every path below is relative to it, as the CLI shows paths run from there. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GOLDEN_DIR = join('test', 'golden');

export interface GoldenCase {
  /** File name without `.qd`: `14-unknown-keyword-list`. */
  readonly name: string;
  /** `test/golden/14-unknown-keyword-list.qd`, as `readSources` reports it. */
  readonly path: string;
  readonly baselinePath: string;
  readonly text: string;
  readonly withPolicy: boolean;
  readonly knownBug?: string;
  /** `CODE line:column`, in order. */
  readonly expected: readonly string[];
}

const EXPECT = /^\/\/ expect: (QD\d{4}) (\d+):(\d+)\s*$/;

/** The leading comment lines of a case. */
export function headerLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    out.push(line.replace(/\r$/, ''));
  }
  return out;
}

export function parseCase(name: string, text: string): GoldenCase {
  const header = headerLines(text);
  const expected: string[] = [];
  for (const line of header) {
    if (!line.startsWith('// expect:')) continue;
    const m = EXPECT.exec(line);
    if (!m) throw new Error(`${name}: malformed expectation ${JSON.stringify(line)}`);
    expected.push(`${m[1]} ${m[2]}:${m[3]}`);
  }
  const stray = text.split('\n').slice(header.length).find((l) => /^\s*\/\/\s*expect:/.test(l));
  if (stray) throw new Error(`${name}: an expectation outside the header is ignored: ${JSON.stringify(stray)}`);
  const knownBug = header.find((l) => l.startsWith('// known-bug:'))?.slice('// known-bug:'.length).trim();
  return {
    name,
    path: join(GOLDEN_DIR, `${name}.qd`),
    baselinePath: join(GOLDEN_DIR, `${name}.errors.txt`),
    text,
    withPolicy: header.some((l) => /^\/\/ with-policy\s*$/.test(l)),
    ...(knownBug ? { knownBug } : {}),
    expected,
  };
}

/** Every case of the corpus, sorted by name. */
export async function loadCases(): Promise<GoldenCase[]> {
  const names = (await readdir(join(ROOT, GOLDEN_DIR))).filter((f) => f.endsWith('.qd')).sort();
  return Promise.all(names.map(async (f) => parseCase(f.slice(0, -3), await readFile(join(ROOT, GOLDEN_DIR, f), 'utf8'))));
}

export interface CaseRun {
  readonly sources: readonly Source[];
  /** Everything the compiler reports for the run (the real policy's files included). */
  readonly all: readonly Diagnostic[];
  /** Only the diagnostics located in the case's own file. */
  readonly own: readonly Diagnostic[];
}

/** Checks a case in-process, the way `qingdan check [policy] <case>` does. */
export async function runCase(c: GoldenCase): Promise<CaseRun> {
  const read = await readSources(c.withPolicy ? ['policy', c.path] : [c.path], ROOT);
  if (read.diagnostics.length) throw new Error(`${c.name}: ${read.diagnostics.map((d) => messageOf(d, 'en')).join('; ')}`);
  const all = checkSources(read.sources).diagnostics;
  return { sources: read.sources, all, own: all.filter((d) => d.span?.file === c.path) };
}

/** `CODE line:column` of each diagnostic. */
export function positions(list: readonly Diagnostic[]): string[] {
  return list.map((d) => `${d.code} ${d.span?.line ?? '?'}:${d.span?.column ?? '?'}`);
}

/**
 * What `NO_COLOR=1 qingdan check` prints on stderr for the case (cli/commands/check.ts): the
 * formatted diagnostics and a newline, then, when there is no error, the "no errors" line.
 * Only the case's own diagnostics are printed; with the real policy clean (asserted by the
 * test) that is the whole list.
 */
export function renderBaseline(run: CaseRun): string {
  const texts = new Map(run.sources.map((s) => [s.path, s.text]));
  let out = run.own.length > 0 ? `${formatDiagnostics(run.own, { color: false, lang: 'en', texts })}\n` : '';
  if (!hasErrors(run.own)) out += `checked ${run.sources.length} files: no errors\n`;
  return out;
}
