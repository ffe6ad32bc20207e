/**
 * Compiling a diff's two revisions (compiler/diff/compile-pair.ts): the head reuses the base's
 * parses, file-local checker verdicts and lowered lists for unchanged files, and must still give
 * exactly what compiling it on its own gives — the same artifact when it compiles, the same
 * diagnostics when it does not. Also the two things the reuse rests on: file-local rules really
 * are file-local, and a kept lowered list is reused only while its references resolve alike.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NegativeList } from '../runtime/artifact.js';
import type { ListDecl } from '../compiler/ast.js';
import { check } from '../compiler/check/check.js';
import { OnePerPolicyRule } from '../compiler/check/rules/OnePerPolicyRule.js';
import { crossFileRules, fileLocalRules, specifiedRules } from '../compiler/check/specified-rules.js';
import { compileSources } from '../compiler/compile.js';
import type { Diagnostic } from '../compiler/diagnostics.js';
import { compilePair } from '../compiler/diff/compile-pair.js';
import { LoweredLists } from '../compiler/emit/lowered-lists.js';
import { parseSource } from '../compiler/parse.js';
import type { Source } from '../compiler/source.js';
import { collectSymbols } from '../compiler/symbols.js';
import { generatePolicy } from '../bench/generate-policy.js';
import { loadCases, ROOT } from './golden/harness.js';

/** The generated policy (real documents, annex, baseline, zones, and 4 files of lists) at a revision. */
function policyAt(revision: string): Source[] {
  return generatePolicy(400, 7, { itemsPerFile: 100, itemsPerList: 50 }).map((s) => ({ path: `${revision}:${s.path}`, text: s.text }));
}

/** `sources` with the file whose path ends with `file` edited; throws when the edit changes nothing. */
function edited(sources: readonly Source[], file: string, from: string | RegExp, to: string): Source[] {
  let hit = 0;
  const out = sources.map((s) => {
    if (!s.path.endsWith(file)) return s;
    const text = s.text.replace(from, to);
    if (text !== s.text) hit++;
    return { ...s, text };
  });
  if (hit !== 1) throw new Error(`edit of ${file} changed ${hit} files`);
  return out;
}

/** Diagnostics as a comparable value: code, place, arguments, related places. */
const shown = (list: readonly Diagnostic[]) => list.map((d) => ({ id: d.id, severity: d.severity, span: d.span, args: d.args, related: d.related?.map((r) => r.span) }));

const base = policyAt('base');
const head = policyAt('head');

/** Compiles `next` beside the base and on its own; both must agree. */
function pairAgrees(next: Source[]) {
  const pair = compilePair({ sources: base, version: '1.0.0' }, { sources: next, version: '1.1.0' });
  const alone = compileSources(next, '1.1.0');
  expect(pair.base.artifact, 'the base compiles').toBeDefined();
  expect(JSON.stringify(pair.head.artifact)).toBe(JSON.stringify(alone.artifact));
  const errors = (list: readonly Diagnostic[]) => list.filter((d) => d.severity === 'error');
  expect(shown(errors(pair.head.diagnostics))).toEqual(shown(errors(alone.diagnostics)));
  return { pair, alone };
}

describe('compilePair', () => {
  it('gives the head the artifact it has on its own, sharing the lists of unchanged files', () => {
    const next = edited(head, 'gen-0002.qd', /（生成样例/g, '（修订样例');
    const { pair } = pairAgrees(next);
    expect(pair.head.artifact).toBeDefined();
    const baseLists = new Map(pair.base.artifact!.lists.map((l) => [l.id, l]));
    const shared = pair.head.artifact!.lists.filter((l) => baseLists.get(l.id) === l);
    // gen-0002.qd holds 2 of the 8 lists; every other list is the base's own object.
    expect(shared.length).toBe(pair.head.artifact!.lists.length - 2);
  });

  it('agrees after edits to the files every list rests on (annex, measures, zones)', () => {
    pairAgrees(edited(head, 'annex.qd', /sub S03 "([^"]*)"/, 'sub S03 "$1（修订）"'));
    pairAgrees(edited(head, 'measures.qd', '本办法', '本措施'));
    pairAgrees(edited(head, 'zones.qd', /^zone hengqin "([^"]*)"/m, 'zone hengqin "$1（修订）"'));
  });

  it('reports an error that a change causes in files it did not touch, located in the head', () => {
    // Every generated list names the zone and cites measures.art10.
    for (const next of [edited(head, 'zones.qd', /^zone nansha .*\n/m, ''), edited(head, 'measures.qd', 'article 10 {', 'article 99 {')]) {
      const { pair } = pairAgrees(next);
      expect(pair.head.artifact).toBeUndefined();
      const files = new Set(pair.head.diagnostics.flatMap((d) => (d.span ? [d.span.file] : [])));
      expect([...files].some((f) => f.endsWith('gen-0001.qd'))).toBe(true);
      expect([...files].every((f) => f.startsWith('head:'))).toBe(true);
    }
  });

  it('reports errors in a changed file exactly as compiling the head alone does', () => {
    const backwards = edited(head, 'gen-0003.qd', /persons in ([\d.]+万)\.\.(\d+)/, 'persons in $2..$1');
    expect(pairAgrees(backwards).alone.diagnostics.some((d) => d.id === 'empty-range')).toBe(true);
    const syntax = edited(head, 'gen-0004.qd', /\n {2}sector /, '\n  sector = ');
    expect(pairAgrees(syntax).alone.diagnostics.some((d) => d.code.startsWith('QD1'))).toBe(true);
    const taken = /^list (\S+)/m.exec(head.find((s) => s.path.endsWith('gen-0001.qd'))!.text)![1]!;
    const twice = edited(head, 'gen-0004.qd', /^list \S+/m, `list ${taken}`);
    expect(pairAgrees(twice).alone.diagnostics.some((d) => d.id === 'duplicate-id')).toBe(true);
  });

  it('compiles the head in full when the base does not compile', () => {
    const broken = edited(base, 'gen-0001.qd', /category S\d+/, 'category S99');
    const pair = compilePair({ sources: broken, version: '1.0.0' }, { sources: head, version: '1.1.0' });
    expect(pair.base.artifact).toBeUndefined();
    expect(JSON.stringify(pair.head.artifact)).toBe(JSON.stringify(compileSources(head, '1.1.0').artifact));
  });
});

describe('file-local rules', () => {
  it('split the specified rules in two, in their order', () => {
    expect([...fileLocalRules, ...crossFileRules].sort((a, b) => specifiedRules.indexOf(a) - specifiedRules.indexOf(b))).toEqual(specifiedRules);
    expect(fileLocalRules.filter((r) => crossFileRules.includes(r))).toEqual([]);
    expect(fileLocalRules.length).toBeGreaterThan(0);
  });

  /** Each file's diagnostics from `rules` checked with all files, and with the file alone (its own symbols only). */
  async function together(rules: Parameters<typeof check>[2], sources: readonly Source[]) {
    const files = sources.map((s) => parseSource(s).file);
    const symbols = collectSymbols(files);
    const all = check(files, symbols, rules);
    return files.map((f) => ({
      path: f.path,
      together: shown(all.filter((d) => d.span?.file === f.path)),
      alone: shown(check([f], collectSymbols([f]), rules)),
    }));
  }

  it('report for a file checked alone what they report for it among all files', async () => {
    const cases = await loadCases();
    const real = await Promise.all(['measures.qd', 'annex.qd', 'national.qd', 'zones.qd'].map(async (name) => ({ path: `policy/${name}`, text: await readFile(join(ROOT, 'policy', name), 'utf8') })));
    const corpus = await Promise.all(cases.map(async (c) => ({ path: c.path, text: await readFile(join(ROOT, c.path), 'utf8') })));
    let reported = 0;
    for (const [i, c] of corpus.entries()) {
      // Each case among the real files and the next case, so that other files' nodes are around.
      for (const f of await together(fileLocalRules, [...real, c, corpus[(i + 1) % corpus.length]!])) {
        expect(f.alone, f.path).toEqual(f.together);
        reported += f.alone.length;
      }
    }
    expect(reported, 'the corpus exercises the rules').toBeGreaterThan(50);
  });

  it('would catch a cross-file rule taken for a file-local one', async () => {
    const annex = await readFile(join(ROOT, 'policy/annex.qd'), 'utf8');
    const files = await together([OnePerPolicyRule], [{ path: 'a.qd', text: annex }, { path: 'b.qd', text: annex }]);
    expect(files.some((f) => JSON.stringify(f.alone) !== JSON.stringify(f.together))).toBe(true);
  });
});

describe('LoweredLists', () => {
  const decl = {} as ListDecl;
  const lowerWith = (texts: readonly string[]) => (resolve: (text: string) => string): NegativeList => ({ basis: texts.map(resolve) }) as unknown as NegativeList;

  it('reuses a list while every reference it resolved resolves alike, and lowers it again otherwise', () => {
    const kept = new LoweredLists();
    const ids: Record<string, string> = { art10: 'measures.art10', S13: 'annex.S13' };
    const first = kept.lower(decl, (t) => ids[t] ?? t, lowerWith(['art10', 'S13']));
    expect(kept.lower(decl, (t) => ids[t] ?? t, lowerWith(['art10', 'S13']))).toBe(first);
    const moved = kept.lower(decl, (t) => (t === 'S13' ? 'annex2.S13' : (ids[t] ?? t)), lowerWith(['art10', 'S13']));
    expect(moved).not.toBe(first);
    expect(moved).toEqual({ basis: ['measures.art10', 'annex2.S13'] });
    // A list is kept per declaration: another one is lowered afresh.
    expect(kept.lower({} as ListDecl, (t) => ids[t] ?? t, lowerWith(['art10']))).toEqual({ basis: ['measures.art10'] });
  });
});
