/**
 * Programmatic edits of policy text through the syntax tree: parse, change the AST, print.
 * The proposal commands and the language server's quick fixes use these instead of editing
 * `.qd` text with regular expressions; the result is always in canonical layout, comments
 * kept, and a file that does not parse cleanly is never edited.
 */
import type * as A from './ast.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { formatSource, unprintable } from './format.js';
import { parseSource } from './parse.js';
import { printFile } from './printer.js';
import type { Source, Span } from './source.js';

/**
 * Why an edit could not be made: the file does not parse cleanly (its `diagnostics`), or what
 * it names is absent. `reason` is a catalogued diagnostic (QD4015), so the caller prints it in
 * its reader's language; the message is its id.
 */
export class EditError extends Error {
  constructor(
    readonly reason: Diagnostic,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(reason.id);
    this.name = 'EditError';
  }
}

/**
 * The span of a node that was not read from the source. Negative, so the printer attaches no
 * comment to it (comments stay with the constructs that were in the file).
 */
const NO_SPAN: Span = { file: '', line: 0, column: 0, endLine: 0, endColumn: 0, offset: -1, length: 0 };

function parsed(source: Source): A.PolicyFile {
  const result = formatSource(source);
  if (!result.ok) throw new EditError(diagnostic('edit-file-has-errors', undefined, { path: source.path }), result.diagnostics);
  return result.file;
}

function listOf(file: A.PolicyFile, listId: string): A.ListDecl {
  const list = file.declarations.find((d): d is A.ListDecl => d.kind === 'List' && d.id.text === listId);
  if (!list) throw new EditError(diagnostic('edit-no-list', undefined, { path: file.path, list: `'${listId}'` }));
  return list;
}

/** `source` with list `listId` replaced by `change(list)`, printed. */
function editList(source: Source, listId: string, change: (list: A.ListDecl) => A.ListDecl): string {
  const file = parsed(source);
  const list = listOf(file, listId);
  const declarations = file.declarations.map((d) => (d === list ? change(list) : d));
  return printFile({ ...file, declarations }, source.text);
}

/** Sets the `status` of list `listId` (adding the clause when absent). */
export function setListStatus(source: Source, listId: string, status: string): string {
  return editList(source, listId, (list) => ({ ...list, status: { text: status, span: list.status?.span ?? NO_SPAN } }));
}

/** Sets the `proposal` link of list `listId`, or removes it when `proposalId` is undefined. */
export function setListProposal(source: Source, listId: string, proposalId: string | undefined): string {
  return editList(source, listId, (list) => {
    const { proposal, ...rest } = list;
    return proposalId === undefined ? rest : { ...rest, proposal: { value: proposalId, span: proposal?.span ?? NO_SPAN } };
  });
}

/** The item declared by `itemText` (`item id "title" { … }`), detached from any source position. */
export function parseItem(itemText: string): A.ItemDecl {
  // Titles of the wrapper are never read; each is a text, as every string must be (QD1006).
  const wrapped = `list edit "_" {\nscenario edit "_" {\n${itemText}\n}\n}\n`;
  const result = parseSource({ path: '<item>', text: wrapped });
  const problems = unprintable(result.file, result.diagnostics);
  const items = (result.file.declarations[0] as A.ListDecl | undefined)?.scenarios[0]?.items ?? [];
  if (problems.length || items.length !== 1) throw new EditError(diagnostic('edit-not-one-item', undefined), problems);
  return detach(items[0]!);
}

/** A copy of an AST node with every span replaced by NO_SPAN. */
function detach<T>(node: T): T {
  if (Array.isArray(node)) return node.map(detach) as T;
  if (node === null || typeof node !== 'object') return node;
  if (isSpan(node)) return NO_SPAN as T;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = detach(value);
  return out as T;
}

function isSpan(value: object): value is Span {
  return 'offset' in value && 'length' in value && 'line' in value;
}

function mapItems(list: A.ListDecl, change: (scenario: A.ScenarioDecl) => A.ScenarioDecl): A.ListDecl {
  return { ...list, scenarios: list.scenarios.map(change) };
}

function findItem(list: A.ListDecl, itemId: string): A.ItemDecl {
  for (const s of list.scenarios) for (const i of s.items) if (i.id.text === itemId) return i;
  throw new EditError(diagnostic('edit-no-item', undefined, { list: `'${list.id.text}'`, item: `'${itemId}'` }));
}

/** Adds the item written as `itemText` at the end of scenario `scenarioId` of list `listId`. */
export function addItem(source: Source, listId: string, scenarioId: string, itemText: string): string {
  const item = parseItem(itemText);
  return editList(source, listId, (list) => {
    if (!list.scenarios.some((s) => s.id.text === scenarioId)) throw new EditError(diagnostic('edit-no-scenario', undefined, { list: `'${listId}'`, scenario: `'${scenarioId}'` }));
    if (list.scenarios.some((s) => s.items.some((i) => i.id.text === item.id.text))) throw new EditError(diagnostic('edit-item-exists', undefined, { list: `'${listId}'`, item: `'${item.id.text}'` }));
    return mapItems(list, (s) => (s.id.text === scenarioId ? { ...s, items: [...s.items, item] } : s));
  });
}

/**
 * Removes item `itemId` from list `listId`, with the comments inside it; a comment on the lines
 * before it stays, before whatever now follows.
 */
export function removeItem(source: Source, listId: string, itemId: string): string {
  const file = parsed(source);
  const list = listOf(file, listId);
  const item = findItem(list, itemId);
  const edited = mapItems(list, (s) => ({ ...s, items: s.items.filter((i) => i !== item) }));
  const declarations = file.declarations.map((d) => (d === list ? edited : d));
  return printFile({ ...file, declarations }, withoutCommentsOf(source.text, item.span));
}

/** Replaces item `itemId` of list `listId` by the item written as `itemText` (which may rename it). */
export function replaceItem(source: Source, listId: string, itemId: string, itemText: string): string {
  const replacement = parseItem(itemText);
  return editList(source, listId, (list) => {
    const old = findItem(list, itemId);
    // Keeps the old item's place, so the comments written before it stay before it.
    const placed = { ...replacement, span: old.span };
    return mapItems(list, (s) => ({ ...s, items: s.items.map((i) => (i === old ? placed : i)) }));
  });
}

/**
 * The text with the comments inside `span` blanked out (same length, so offsets hold), for a
 * removed construct: its comments would otherwise land on the next construct.
 */
function withoutCommentsOf(text: string, span: Span): string {
  const inside = text.slice(span.offset, span.offset + span.length).replace(/[^\n]/g, ' ');
  return text.slice(0, span.offset) + inside + text.slice(span.offset + span.length);
}
