/**
 * What the language server answers, as plain data over the workspace (positions are source
 * offsets and spans; `server.ts` turns them into LSP ranges).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as A from '../ast.js';
import { KEYWORDS } from '../lexer.js';
import type { PolicySymbol } from '../symbols.js';
import { occurrenceAt, type Occurrence } from './occurrences.js';
import { ladderInWords, pathwayInWords } from './words.js';
import type { PolicyWorkspace } from './workspace.js';

/** A place in a file of the workspace (or a proposal file). */
export interface Place {
  readonly path: string;
  readonly offset: number;
  readonly length: number;
}

function symbolOf(workspace: PolicyWorkspace, o: Occurrence): PolicySymbol | undefined {
  return workspace.analysis().symbols.get(o.id);
}

/** Markdown describing the symbol under `offset`, and the occurrence it describes. */
export function hover(workspace: PolicyWorkspace, path: string, offset: number): { markdown: string; at: Occurrence } | undefined {
  const at = occurrenceAt(workspace.occurrences(path), offset);
  if (!at) return undefined;
  if (at.id.startsWith('proposal:')) return { markdown: `**提案 proposal** \`${at.id.slice(9)}\``, at };
  const symbol = symbolOf(workspace, at);
  if (!symbol) return undefined;
  const markdown = describe(symbol, workspace);
  return markdown ? { markdown, at } : undefined;
}

function describe(symbol: PolicySymbol, workspace: PolicyWorkspace): string | undefined {
  const title = `**${symbol.id}**`;
  switch (symbol.kind) {
    case 'article': {
      const article = symbol.node as A.ArticleDecl;
      const document = symbol.id.slice(0, symbol.id.lastIndexOf('.art'));
      const doc = workspace.analysis().symbols.get(document)?.node as A.DocumentDecl | undefined;
      return [`${title} ${doc ? `《${doc.title.value}》` : ''}第${article.number.raw}条${doc?.numbering ? '（条号推定）' : ''}`, ...article.paragraphs.map((p) => p.value)].join('\n\n');
    }
    case 'subcategory': {
      const sub = symbol.node as A.SubDecl;
      return [`${title} ${sub.name.value}`, ...(sub.description ? ['', sub.description.value] : [])].join('\n');
    }
    case 'category':
      return `${title} ${(symbol.node as A.CategoryDecl).name.value}`;
    case 'kind':
      return `${title} ${(symbol.node as A.KindDecl).name.value}`;
    case 'standard': {
      const s = symbol.node as A.StandardDecl;
      return `${title} ${s.code.value}《${s.title.value}》`;
    }
    case 'zone': {
      const z = symbol.node as A.ZoneDecl;
      return [`${title} ${z.name.value}`, ...(z.authority ? ['', `管理机构：${z.authority.value}`] : [])].join('\n');
    }
    case 'item': {
      const item = symbol.node as A.ItemDecl;
      const ladder = item.important ? [`重要数据：无论数量，${pathwayInWords('assessment')}`] : ladderInWords(item.rungs);
      return [`${title} ${item.title.value}${item.category ? `（${item.category.text}）` : ''}`, '', ...ladder.map((l) => `- ${l}`), ...(ladder.length ? ['- 低于以上量级：不适用本清单'] : [])].join('\n');
    }
    case 'list': {
      const list = symbol.node as A.ListDecl;
      return `${title} ${list.title.value}${list.status ? ` · ${list.status.text}` : ''}`;
    }
    case 'scenario':
      return `${title} ${(symbol.node as A.ScenarioDecl).title.value}`;
    case 'baseline': {
      const b = symbol.node as A.BaselineDecl;
      return [`${title} ${b.title.value}`, '', ...ladderInWords(b.ladder?.rungs ?? []).map((l) => `- ${l}`)].join('\n');
    }
    case 'document':
      return `${title} 《${(symbol.node as A.DocumentDecl).title.value}》`;
    case 'rule':
      return `${title} ${(symbol.node as A.RuleDecl).text.value}`;
    default:
      return title;
  }
}

/** Where the symbol under `offset` is declared (a proposal link: its proposal.yaml). */
export function definition(workspace: PolicyWorkspace, path: string, offset: number): Place | undefined {
  const at = occurrenceAt(workspace.occurrences(path), offset);
  if (!at) return undefined;
  if (at.id.startsWith('proposal:')) {
    const file = join('proposals', at.id.slice(9), 'proposal.yaml');
    return existsSync(join(workspace.root, file)) ? { path: file, offset: 0, length: 0 } : undefined;
  }
  const symbol = symbolOf(workspace, at);
  return symbol ? { path: symbol.span.file, offset: symbol.span.offset, length: symbol.span.length } : undefined;
}

/** Every occurrence, in every file, of the symbol under `offset`. */
export function references(workspace: PolicyWorkspace, path: string, offset: number, includeDeclaration: boolean): Place[] {
  const at = occurrenceAt(workspace.occurrences(path), offset);
  if (!at) return [];
  const out: Place[] = [];
  for (const p of workspace.paths()) {
    for (const o of workspace.occurrences(p)) {
      if (o.id === at.id && (includeDeclaration || o.role === 'reference')) out.push({ path: p, offset: o.offset, length: o.length });
    }
  }
  return out;
}

export interface Completion {
  readonly label: string;
  readonly kind: 'keyword' | 'subcategory' | 'zone' | 'article' | 'kind';
  readonly detail?: string;
}

/**
 * What may be written at the cursor, from the words before it on its line: subcategories after
 * `sector` or `category`, zones after `zones`, articles after `basis`, kinds inside `kinds any [`,
 * otherwise the keywords.
 */
export function completion(workspace: PolicyWorkspace, linePrefix: string): Completion[] {
  const { symbols } = workspace.analysis();
  const all = [...symbols.all()];
  const of = (kind: PolicySymbol['kind'], as: Completion['kind'], label: (s: PolicySymbol) => string, detail: (s: PolicySymbol) => string): Completion[] =>
    all.filter((s) => s.kind === kind).map((s) => ({ label: label(s), kind: as, detail: detail(s) }));
  const short = (s: PolicySymbol) => s.id.slice(s.id.lastIndexOf('.') + 1);
  if (/\b(sector|category)\s+\S*$/.test(linePrefix)) return of('subcategory', 'subcategory', short, (s) => (s.node as A.SubDecl).name.value);
  if (/\bzones\s+(\S+\s*,\s*)*\S*$/.test(linePrefix)) return of('zone', 'zone', (s) => s.id, (s) => (s.node as A.ZoneDecl).name.value);
  if (/\bkinds\s+any\s*\[[^\]]*$/.test(linePrefix)) return of('kind', 'kind', short, (s) => (s.node as A.KindDecl).name.value);
  if (/\bbasis\s+(\S+\s*,\s*)*\S*$/.test(linePrefix)) {
    return of('article', 'article', (s) => s.id, (s) => (s.node as A.ArticleDecl).paragraphs[0]?.value.slice(0, 40) ?? '');
  }
  return KEYWORDS.map((k) => ({ label: k, kind: 'keyword' as const }));
}

export interface OutlineEntry {
  readonly name: string;
  readonly detail: string;
  readonly kind: 'document' | 'chapter' | 'article' | 'annex' | 'category' | 'subcategory' | 'baseline' | 'list' | 'scenario' | 'item' | 'zone';
  readonly span: { offset: number; length: number };
  readonly selection: { offset: number; length: number };
  readonly children: readonly OutlineEntry[];
}

/** The outline of a file: declarations, and inside them chapters and articles, categories, scenarios and items. */
export function outline(workspace: PolicyWorkspace, path: string): OutlineEntry[] {
  workspace.analysis();
  const file = workspace.analysis().files.find((f) => f.path === path);
  if (!file) return [];
  const entry = (kind: OutlineEntry['kind'], name: string, detail: string, span: A.Name['span'], selection: A.Name['span'], children: OutlineEntry[] = []): OutlineEntry => ({ kind, name, detail, span, selection, children });
  return file.declarations.map((d) => {
    switch (d.kind) {
      case 'Document':
        return entry('document', d.id.text, d.title.value, d.span, d.id.span, d.chapters.map((c) => entry('chapter', `chapter ${c.number.raw}`, c.title.value, c.span, c.number.span, c.articles.map((a) => entry('article', `article ${a.number.raw}`, a.paragraphs[0]?.value.slice(0, 30) ?? '', a.span, a.number.span)))));
      case 'Annex':
        return entry('annex', d.id.text, d.title.value, d.span, d.id.span, d.categories.map((c) => entry('category', c.id.text, c.name.value, c.span, c.id.span, c.subs.map((s) => entry('subcategory', s.id.text, s.name.value, s.span, s.id.span)))));
      case 'Baseline':
        return entry('baseline', d.id.text, d.title.value, d.span, d.id.span);
      case 'Zone':
        return entry('zone', d.id.text, d.name.value, d.span, d.id.span);
      case 'List':
        return entry('list', d.id.text, d.title.value, d.span, d.id.span, d.scenarios.map((s) => entry('scenario', s.id.text, s.title.value, s.span, s.id.span, s.items.map((i) => entry('item', i.id.text, i.title.value, i.span, i.id.span)))));
    }
  });
}
