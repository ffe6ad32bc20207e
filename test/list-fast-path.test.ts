/**
 * The parse's fast path for lists (compiler/list-fast-path.ts) against chevrotain's parse of the
 * same tokens: wherever the fast path gives a tree, chevrotain reads the tokens without a syntax
 * error and the AST and the builder's escape diagnostics are the same, spans included; anywhere
 * else it gives up. It must not give up on the lists of the policy and of the benchmark's
 * generator, or the speed it exists for is lost without a sign.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePolicy } from '../bench/generate-policy.js';
import { AstBuilder } from '../compiler/build-ast.js';
import { parseWellFormedLists } from '../compiler/list-fast-path.js';
import { qdParser } from '../compiler/parser.js';
import { scan } from '../compiler/scanner.js';
import type { Source } from '../compiler/source.js';
import { ROOT } from './support.js';

/** The AST with every span as offset:length, so positions are compared too. */
function located(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(located);
  if (value === null || typeof value !== 'object') return value;
  if ('offset' in value && 'endColumn' in value) {
    const s = value as unknown as { offset: number; length: number; file: string };
    return `${s.file}@${s.offset}:${s.length}`;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = located((value as Record<string, unknown>)[key]);
  return out;
}

/** Both parses of a source's tokens; `fast` is undefined where the fast path gave up. */
function bothParses(source: Source) {
  const tokens = scan(source.text, { maxTokens: Infinity, maxErrors: Infinity }).tokens;
  const fast = parseWellFormedLists(tokens, new AstBuilder(source));
  qdParser.errorBudget = Infinity;
  const slow = qdParser.parseFile(tokens, new AstBuilder(source));
  const escapes = (n: { escapes: { code: string; span?: { offset: number } }[] | undefined } | undefined) => n?.escapes?.map((d) => `${d.code}@${d.span?.offset}`);
  return {
    fast: fast && { ast: located(fast.value), escapes: escapes(fast) },
    slow: { ast: located(slow.value), escapes: escapes(slow), errors: qdParser.errors.length },
  };
}

const lists = ['ai-training', 'clinical-trials', 'cross-border-ecommerce', 'icv', 'shipping-logistics'].map((name) => {
  const path = `policy/lists/${name}.qd`;
  return { path, text: readFileSync(join(ROOT, path), 'utf8') };
});
const generated = generatePolicy(300, 7, { itemsPerFile: 150 }).filter((s) => s.path.includes('generated'));

describe('the fast path for lists', () => {
  it.each([...lists, ...generated].map((s) => [s.path, s] as const))('gives chevrotain’s tree for %s', (_path, source) => {
    const { fast, slow } = bothParses(source);
    expect(slow.errors).toBe(0);
    expect(fast).toBeDefined();
    expect(fast!.ast).toEqual(slow.ast);
    expect(fast!.escapes).toEqual(slow.escapes);
  });

  it('gives up on what is not a list', () => {
    for (const text of ['zone a "甲"', 'annex a "附件" { }', '']) expect(bothParses({ path: 'x.qd', text }).fast).toBeUndefined();
  });

  it('gives chevrotain’s tree after random edits, or gives up where chevrotain reports an error', () => {
    const pieces = ['', 'x', ' ', '\n', '{', '}', '(', ')', ',', '"', '"\\q"', '1', '-1', '1.5万', '..', '.', 'and', 'or', 'not ciio', 'ciio', 'kinds any [a, b]', 'persons < 5', 'sensitive in 1..2', 'basis measures.art9', '\nbasis a.b', 'important', 'note "注"', 'item z "z" { important }', 'contract when persons >= 1', 'scenario s "s" { }', 'fields "甲", "乙"', 'published 2026-01-01 unconfirmed "注"', 'adopts "采纳" basis a', 'effective 2026-01-01 until 2027-01-01', 'list l "l" { }', 'bogus'];
    const sources = [lists[3]!, generated[0]!];
    const edit = fc.tuple(fc.nat({ max: sources.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constant(0), fc.nat({ max: 12 })), fc.constantFrom(...pieces));
    let fastTrees = 0;
    fc.assert(
      fc.property(edit, ([which, where, remove, insert]) => {
        const source = sources[which]!;
        const at = Math.floor(where * source.text.length);
        const { fast, slow } = bothParses({ path: source.path, text: source.text.slice(0, at) + insert + source.text.slice(at + remove) });
        if (fast === undefined) return;
        fastTrees++;
        expect(slow.errors).toBe(0);
        expect(fast.ast).toEqual(slow.ast);
        expect(fast.escapes).toEqual(slow.escapes);
      }),
      { seed: 14, numRuns: 400 },
    );
    // Edits of whitespace or inside strings leave a list well formed: both sides are tested.
    expect(fastTrees).toBeGreaterThan(25);
  });
});
