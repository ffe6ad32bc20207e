/**
 * The policy's symbol table: every declaration by its stable id, so references resolve the
 * same way in the checker, the emitters and (later) a language server.
 *
 * Ids: `measures.art13`, `annex.rule2`, `annex.C01`, `annex.S16`, `annex.example.S01-S02`,
 * `annex.bank-account` (a sensitive kind), `annex.yd-t-4981-2024` (a standard), `national`
 * (a baseline shares its document's id space), `icv` (a list), `icv.rd` (a scenario),
 * `icv.owner-pi` (an item), `nansha` (a zone). Categories, subcategories, kinds and standards
 * may also be named without their annex prefix (`S16`).
 */
import type * as A from './ast.js';
import type { Span } from './source.js';

export type SymbolKind =
  | 'document'
  | 'chapter'
  | 'article'
  | 'annex'
  | 'rule'
  | 'category'
  | 'subcategory'
  | 'example'
  | 'kind'
  | 'standard'
  | 'baseline'
  | 'list'
  | 'scenario'
  | 'item'
  | 'zone';

export interface PolicySymbol {
  readonly id: string;
  readonly kind: SymbolKind;
  readonly span: Span;
  readonly node: unknown;
}

export interface Collision {
  readonly id: string;
  readonly kind: SymbolKind;
  readonly span: Span;
  readonly first: Span;
}

export class SymbolTable {
  private readonly byId = new Map<string, PolicySymbol>();
  /** Short names (`S16`) of annex symbols, when unambiguous. */
  private readonly short = new Map<string, PolicySymbol>();
  readonly collisions: Collision[] = [];

  add(id: string, kind: SymbolKind, span: Span, node: unknown, shortName?: string): void {
    const existing = this.byId.get(id);
    if (existing) {
      this.collisions.push({ id, kind, span, first: existing.span });
      return;
    }
    const symbol = { id, kind, span, node };
    this.byId.set(id, symbol);
    if (shortName !== undefined && !this.short.has(shortName)) this.short.set(shortName, symbol);
  }

  get(id: string): PolicySymbol | undefined {
    return this.byId.get(id) ?? this.short.get(id);
  }

  /** Every id of the given kinds, for did-you-mean hints. */
  idsOf(kinds: readonly SymbolKind[]): string[] {
    const out: string[] = [];
    for (const s of this.byId.values()) if (kinds.includes(s.kind)) out.push(s.id);
    for (const [name, s] of this.short) if (kinds.includes(s.kind)) out.push(name);
    return out;
  }

  all(): IterableIterator<PolicySymbol> {
    return this.byId.values();
  }
}

export function articleId(documentId: string, number: number): string {
  return `${documentId}.art${number}`;
}

export function exampleId(annexId: string, from: string, to: string): string {
  return `${annexId}.example.${from}-${to}`;
}

/** Collects the symbols of all files; later declarations with a taken id become collisions. */
export function collectSymbols(files: readonly A.PolicyFile[]): SymbolTable {
  const table = new SymbolTable();
  for (const file of files) {
    for (const decl of file.declarations) {
      switch (decl.kind) {
        case 'Document':
          table.add(decl.id.text, 'document', decl.id.span, decl);
          for (const chapter of decl.chapters) {
            table.add(`${decl.id.text}.ch${chapter.number.value}`, 'chapter', chapter.number.span, chapter);
            for (const article of chapter.articles) {
              table.add(articleId(decl.id.text, article.number.value), 'article', article.number.span, article);
            }
          }
          break;
        case 'Annex': {
          const a = decl.id.text;
          table.add(a, 'annex', decl.id.span, decl);
          for (const g of decl.general) for (const r of g.rules) table.add(`${a}.rule${r.number.value}`, 'rule', r.number.span, r);
          for (const k of decl.kinds) table.add(`${a}.${k.id.text}`, 'kind', k.id.span, k, k.id.text);
          for (const s of decl.standards) table.add(`${a}.${s.id.text}`, 'standard', s.id.span, s, s.id.text);
          for (const c of decl.categories) {
            table.add(`${a}.${c.id.text}`, 'category', c.id.span, c, c.id.text);
            for (const s of c.subs) table.add(`${a}.${s.id.text}`, 'subcategory', s.id.span, s, s.id.text);
            for (const e of c.examples) table.add(exampleId(a, e.from.text, e.to.text), 'example', e.from.span, e);
          }
          break;
        }
        case 'Baseline':
          // A baseline sits beside the document it implements (`national`), so it gets its own namespace.
          table.add(`baseline:${decl.id.text}`, 'baseline', decl.id.span, decl);
          break;
        case 'List':
          table.add(decl.id.text, 'list', decl.id.span, decl);
          for (const s of decl.scenarios) {
            table.add(`${decl.id.text}.${s.id.text}`, 'scenario', s.id.span, s);
            for (const i of s.items) table.add(`${decl.id.text}.${i.id.text}`, 'item', i.id.span, i);
          }
          break;
        case 'Zone':
          table.add(decl.id.text, 'zone', decl.id.span, decl);
          break;
      }
    }
  }
  return table;
}
