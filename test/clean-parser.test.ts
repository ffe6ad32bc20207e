/**
 * The hand-written parser of clean declarations (compiler/clean-parser.ts) must give exactly
 * what the chevrotain parser gives, or give up: wherever it accepts a token sequence, chevrotain
 * parses it without a syntax error into the same AST (spans included) and the same escape
 * problems. Checked over the repository's policy, generated programs of every construct, and
 * token mutants of both, which the clean parser must mostly refuse and chevrotain then parses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AstBuilder } from '../compiler/build-ast.js';
import { parseClean } from '../compiler/clean-parser.js';
import { parseSource } from '../compiler/parse.js';
import { qdParser } from '../compiler/parser.js';
import { scan } from '../compiler/scanner.js';
import type { Source } from '../compiler/source.js';
import { qdFile } from './arbitrary-qd.js';

function policySources(dir = 'policy'): Source[] {
  const out: Source[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...policySources(path));
    else if (e.name.endsWith('.qd')) out.push({ path, text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') });
  }
  return out;
}

/** Both parsers over the source's tokens as one piece: the clean parse (undefined if refused) and chevrotain's. */
function bothParses(source: Source) {
  const tokens = scan(source.text, { maxTokens: 1_000_000, maxErrors: 10 }).tokens;
  const clean = parseClean(tokens, new AstBuilder(source));
  qdParser.errorBudget = Infinity;
  const reference = qdParser.parseFile(tokens, new AstBuilder(source));
  return {
    clean: clean && JSON.stringify({ value: clean.value, escapes: clean.escapes }),
    reference: JSON.stringify({ value: reference.value, escapes: reference.escapes }),
    syntaxErrors: qdParser.errors.length,
  };
}

/** `text` with its `n`-th token (of the scanner's) deleted, doubled or replaced by the token `by` places further on. */
function mutate(text: string, n: number, how: number, by: number): string {
  const tokens = scan(text, { maxTokens: 1_000_000, maxErrors: 10 }).tokens;
  const t = tokens[n % tokens.length]!;
  const other = tokens[(n + by) % tokens.length]!;
  const end = t.startOffset + t.image.length;
  if (how === 0) return text.slice(0, t.startOffset) + text.slice(end);
  if (how === 1) return `${text.slice(0, t.startOffset)}${t.image} ${text.slice(t.startOffset)}`;
  if (how === 2) return `${text.slice(0, t.startOffset)}${other.image}${text.slice(end)}`;
  return `${text.slice(0, t.startOffset)}\n${text.slice(t.startOffset)}`;
}

describe('clean parser', () => {
  const policy = policySources();

  it('parses every file of the policy, into what chevrotain builds', () => {
    expect(policy.length).toBeGreaterThan(5);
    for (const source of policy) {
      const { clean, reference, syntaxErrors } = bothParses(source);
      expect(syntaxErrors, source.path).toBe(0);
      expect(clean, source.path).toBe(reference);
    }
  });

  it('agrees with chevrotain on generated programs of every construct', () => {
    let accepted = 0;
    fc.assert(
      fc.property(qdFile, (text) => {
        const { clean, reference, syntaxErrors } = bothParses({ path: 'generated.qd', text });
        if (clean === undefined) return;
        accepted++;
        expect(syntaxErrors).toBe(0);
        expect(clean).toBe(reference);
      }),
      { seed: 20261202, numRuns: 600 },
    );
    // The generator writes valid programs (a name may be a reserved word): nearly all are clean.
    expect(accepted).toBeGreaterThan(500);
  });

  it('refuses what chevrotain would report or recover, and agrees on what it accepts', () => {
    const bases = [...policy.filter((s) => s.text.length < 60_000), ...fc.sample(qdFile, { seed: 7, numRuns: 40 }).map((text, i) => ({ path: `g${i}.qd`, text }))];
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.nat(), fc.nat(3), fc.integer({ min: 1, max: 40 }), (b, n, how, by) => {
        const text = mutate(bases[b]!.text, n, how, by);
        const { clean, reference, syntaxErrors } = bothParses({ path: 'mutant.qd', text });
        if (clean === undefined) {
          refused++;
          return;
        }
        accepted++;
        expect(syntaxErrors).toBe(0);
        expect(clean).toBe(reference);
      }),
      { seed: 20261203, numRuns: 1500 },
    );
    // Both outcomes occur, so both halves of the property were exercised.
    expect(refused).toBeGreaterThan(300);
    expect(accepted).toBeGreaterThan(100);
  });

  it('leaves a declaration with an unknown clause to chevrotain, whose diagnostics parseSource reports', () => {
    const text = 'zone z "Z"\nlist l "L" {\n  secter S16\n}\n';
    const tokens = scan(text, { maxTokens: 1000, maxErrors: 10 }).tokens;
    expect(parseClean(tokens, new AstBuilder({ path: 'u.qd', text }))).toBeUndefined();
    const { file, diagnostics } = parseSource({ path: 'u.qd', text });
    expect(diagnostics).toEqual([]);
    expect(file.declarations.map((d) => d.kind)).toEqual(['Zone', 'List']);
    expect(JSON.stringify(file)).toContain('"word":"secter"');
  });

  it('keeps a rung basis on the next line for the item, as the grammar says', () => {
    const text = 'list l "L" {\n  scenario s "S" {\n    item i "I" {\n      assessment when persons >= 1 basis a.b\n      contract when persons < 1\n      basis c.d\n    }\n  }\n}\n';
    const { clean, reference, syntaxErrors } = bothParses({ path: 'r.qd', text });
    expect(syntaxErrors).toBe(0);
    expect(clean).toBe(reference);
    const item = JSON.parse(clean!).value.declarations[0].scenarios[0].items[0];
    expect(item.rungs.map((r: { basis: { text: string }[] }) => r.basis.map((b) => b.text))).toEqual([['a.b'], []]);
    expect(item.basis.map((b: { text: string }) => b.text)).toEqual(['c.d']);
  });
});
