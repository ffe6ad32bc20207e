/**
 * The language server, driven over JSON-RPC by a real client (vscode-jsonrpc) against one
 * spawned `qingdan lsp` on the repository's own policy/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { spawnLanguageServer, type LanguageServerSession } from './language-server-session.js';
import { ROOT, tempDir } from './support.js';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface LspDiagnostic {
  code: string;
  message: string;
  range: Range;
  data?: { id: string; fix?: unknown };
}
interface PublishedDiagnostics {
  uri: string;
  diagnostics: LspDiagnostic[];
}
interface CodeAction {
  title: string;
  kind: string;
  edit: { changes: Record<string, Array<{ range: Range; newText: string }>> };
}

/** `text` with one LSP text edit applied. */
function applyEdit(text: string, edit: { range: Range; newText: string }): string {
  const offset = (p: Position) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

const uri = (path: string) => pathToFileURL(join(ROOT, path)).href;
const ICV = 'policy/lists/icv.qd';
const icvText = readFileSync(join(ROOT, ICV), 'utf8');

/** The position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

let session: LanguageServerSession;
let connection: MessageConnection;
const published = new Map<string, PublishedDiagnostics[]>();
const waiters: Array<() => void> = [];

/** The next diagnostics published for `u` after `action` runs. */
async function nextDiagnostics(u: string, action: () => Promise<void> | void): Promise<PublishedDiagnostics> {
  const before = published.get(u)?.length ?? 0;
  await action();
  for (;;) {
    const list = published.get(u) ?? [];
    if (list.length > before) return list.at(-1)!;
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}

let version = 1;
function change(path: string, text: string): Promise<void> {
  return connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version: ++version }, contentChanges: [{ text }] });
}

beforeAll(async () => {
  session = spawnLanguageServer(ROOT);
  connection = session.connection;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
    waiters.splice(0).forEach((w) => w());
  });
  const init = await session.initialize(ROOT);
  expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, referencesProvider: true, documentSymbolProvider: true, documentFormattingProvider: true, codeActionProvider: { codeActionKinds: ['quickfix'] } });
  // Opening publishes the file's diagnostics (none): wait for them, so each edit below gets its own.
  const opened = await nextDiagnostics(uri(ICV), () => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(ICV), languageId: 'qd', version, text: icvText } }));
  expect(opened.diagnostics).toEqual([]);
}, 120_000);

afterAll(() => session.close());

describe('qingdan lsp', () => {
  it('publishes diagnostics as the document is edited, Chinese first, and clears them when it is fixed', async () => {
    const broken = await nextDiagnostics(uri(ICV), () => change(ICV, icvText.replace('  sector S16', '  secter S16')));
    expect(broken.diagnostics.map((d) => d.code)).toContain('QD2001');
    const unknown = broken.diagnostics.find((d) => d.code === 'QD2001')!;
    expect(unknown.range.start).toEqual(positionOf(icvText, '  sector S16', 2));
    expect(unknown.message.split('\n')[0]).toMatch(/[\u4e00-\u9fff]/);
    const fixed = await nextDiagnostics(uri(ICV), () => change(ICV, icvText));
    expect(fixed.diagnostics).toEqual([]);
  });

  it('reports an error that spans files: an edited list naming an unknown zone', async () => {
    const d = await nextDiagnostics(uri(ICV), () => change(ICV, icvText.replace('zones nansha', 'zones nanshaa')));
    expect(d.diagnostics.map((x) => x.code)).toEqual(['QD2004']);
    await nextDiagnostics(uri(ICV), () => change(ICV, icvText));
  });

  it('hovers an article reference with the article text, a subcategory with its name and description, an item with its ladder in words', async () => {
    const hoverAt = (position: Position) => connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri(ICV) }, position });
    const article = await hoverAt(positionOf(icvText, 'measures.art10', 10));
    expect(article?.contents.value).toContain('measures.art10');
    expect(article?.contents.value).toContain('负面清单');
    const sector = await hoverAt(positionOf(icvText, '  sector S16', 10));
    expect(sector?.contents.value).toContain('智能网联汽车');
    const item = await hoverAt(positionOf(icvText, 'item owner-pi', 6));
    expect(item?.contents.value).toContain('个人信息（不含敏感个人信息）100万人以上，或敏感个人信息1万人以上：申报数据出境安全评估');
  });

  it('goes to the definition of an article, a subcategory, a zone and a proposal', async () => {
    const definitionAt = (position: Position) => connection.sendRequest<{ uri: string; range: Range } | null>('textDocument/definition', { textDocument: { uri: uri(ICV) }, position });
    const measures = readFileSync(join(ROOT, 'policy/measures.qd'), 'utf8');
    expect(await definitionAt(positionOf(icvText, 'measures.art10', 12))).toEqual({ uri: uri('policy/measures.qd'), range: { start: positionOf(measures, 'article 10', 8), end: positionOf(measures, 'article 10', 10) } });
    const annex = readFileSync(join(ROOT, 'policy/annex.qd'), 'utf8');
    expect((await definitionAt(positionOf(icvText, '  sector S16', 9)))?.range.start).toEqual(positionOf(annex, 'sub S16', 4));
    expect((await definitionAt(positionOf(icvText, '  zones nansha', 10)))?.uri).toBe(uri('policy/zones.qd'));
    expect((await definitionAt(positionOf(icvText, 'proposal "', 12)))?.uri).toBe(uri('proposals/2026-0001-icv/proposal.yaml'));
  });

  it('finds every reference to a zone across the policy', async () => {
    const refs = await connection.sendRequest<Array<{ uri: string }>>('textDocument/references', { textDocument: { uri: uri(ICV) }, position: positionOf(icvText, 'hetao-shenzhen', 1), context: { includeDeclaration: true } });
    const files = [...new Set(refs.map((r) => r.uri))].sort();
    expect(files).toContain(uri('policy/zones.qd'));
    expect(files).toContain(uri(ICV));
    expect(refs.filter((r) => r.uri === uri('policy/zones.qd'))).toHaveLength(1);
  });

  it('finds the baseline’s entry into force among the references to the article it rests on', async () => {
    const national = readFileSync(join(ROOT, 'policy/national.qd'), 'utf8');
    const refs = await connection.sendRequest<Array<{ uri: string; range: Range }>>('textDocument/references', { textDocument: { uri: uri('policy/national.qd') }, position: positionOf(national, 'article 14', 8), context: { includeDeclaration: false } });
    expect(refs.map((r) => [r.uri, r.range.start])).toContainEqual([uri('policy/national.qd'), positionOf(national, 'basis national.art14', 6)]);
  });

  it('completes subcategories with their names after sector, zones after zones, and keywords elsewhere', async () => {
    const complete = async (text: string, position: Position) => {
      await change(ICV, text);
      return connection.sendRequest<Array<{ label: string; detail?: string }>>('textDocument/completion', { textDocument: { uri: uri(ICV) }, position });
    };
    const subs = await complete(icvText, positionOf(icvText, '  sector S16', 9));
    expect(subs.find((c) => c.label === 'S16')?.detail).toBe('智能网联汽车');
    const zones = await complete(icvText, positionOf(icvText, '  zones nansha', 8));
    expect(zones.map((c) => c.label).sort()).toEqual(['hengqin', 'hetao-shenzhen', 'nansha', 'qianhai-shekou']);
    const keywords = await complete(icvText, positionOf(icvText, '  sector', 2));
    expect(keywords.map((c) => c.label)).toContain('scenario');
  });

  it('outlines a list as its scenarios and their items', async () => {
    const symbols = await connection.sendRequest<Array<{ name: string; children: Array<{ name: string; children: Array<{ name: string }> }> }>>('textDocument/documentSymbol', { textDocument: { uri: uri(ICV) } });
    expect(symbols.map((s) => s.name)).toEqual(['icv']);
    expect(symbols[0]!.children.length).toBeGreaterThan(1);
    expect(symbols[0]!.children.flatMap((s) => s.children.map((i) => i.name))).toContain('owner-pi');
  });

  for (const [mistake, from, to, code, id] of [
    ['a misspelt keyword', '  sector S16', '  secter S16', 'QD2001', 'unknown-keyword'],
    ['a Chinese date', 'effective 2027-01-01', 'effective 2027年1月1日', 'QD1001', 'chinese-date'],
    ['a comparison sign', 'persons >= 100万', 'persons ≥ 100万', 'QD1001', 'comparison-sign'],
    ['a misspelt zone with one close zone', 'zones nansha,', 'zones nansah,', 'QD2004', 'unknown-zone'],
    ['a misspelt sector with one close subcategory', '  sector S16', '  sector S16x', 'QD2003', 'unresolved-reference'],
    ['a misspelt status', 'status consultation', 'status consultaton', 'QD2005', 'unknown-status'],
  ] as const) {
    it(`offers the fix of ${mistake} as a quick fix, whose edit leaves the file clean`, async () => {
      const broken = icvText.replace(from, to);
      const published = await nextDiagnostics(uri(ICV), () => change(ICV, broken));
      // One mistake, one diagnostic: nothing else about the clause it broke.
      expect(published.diagnostics.map((d) => [d.code, d.data?.id])).toEqual([[code, id]]);
      const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uri(ICV) },
        range: published.diagnostics[0]!.range,
        context: { diagnostics: published.diagnostics, only: ['quickfix'] },
      });
      expect(actions).toHaveLength(1);
      expect(actions[0]!.kind).toBe('quickfix');
      const edits = actions[0]!.edit.changes[uri(ICV)]!;
      expect(edits).toHaveLength(1);
      const repaired = applyEdit(broken, edits[0]!);
      expect(repaired).toBe(icvText);
      const clean = await nextDiagnostics(uri(ICV), () => change(ICV, repaired));
      expect(clean.diagnostics).toEqual([]);
    });
  }

  it('offers no quick fix for a reference with several close candidates: the hint lists them, the choice is the drafter\'s', async () => {
    const broken = icvText.replace('basis measures.art10', 'basis measures.art10x');
    const published = await nextDiagnostics(uri(ICV), () => change(ICV, broken));
    expect(published.diagnostics.map((d) => [d.code, d.data?.id])).toEqual([['QD2003', 'unresolved-reference']]);
    expect(published.diagnostics[0]!.data?.fix).toBeUndefined();
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(ICV) },
      range: published.diagnostics[0]!.range,
      context: { diagnostics: published.diagnostics, only: ['quickfix'] },
    });
    expect(actions).toEqual([]);
    await nextDiagnostics(uri(ICV), () => change(ICV, icvText));
  });

  it('formats a document into canonical form', async () => {
    const messy = icvText.replace('  sector S16', '     sector     S16');
    await change(ICV, messy);
    const edits = await connection.sendRequest<Array<{ newText: string }>>('textDocument/formatting', { textDocument: { uri: uri(ICV) }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits.map((e) => e.newText)).toEqual([icvText]);
    await change(ICV, icvText);
  });

  it('reports the ids a scratch copy from outside the policy repeats in the copy, and forgets the copy once it is closed', async () => {
    // Closing it left every id of the real list reported as a duplicate until a restart.
    const copy = pathToFileURL(join(await tempDir(), 'icv-copy.qd')).href;
    const opened = await nextDiagnostics(copy, () => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: copy, languageId: 'qd', version: 1, text: icvText } }));
    expect(new Set(opened.diagnostics.map((d) => d.code))).toEqual(new Set(['QD2002']));
    expect(published.get(uri(ICV))!.at(-1)!.diagnostics).toEqual([]);
    const closed = await nextDiagnostics(copy, () => connection.sendNotification('textDocument/didClose', { textDocument: { uri: copy } }));
    expect(closed.diagnostics).toEqual([]);
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(ICV) }, position: positionOf(icvText, 'sector S16', 8, 1) });
    expect(hover).not.toBeNull();
  });

  it('reads a policy file from disk again when it is closed unsaved', async () => {
    const broken = await nextDiagnostics(uri(ICV), () => change(ICV, icvText.replace('  sector S16', '  secter S16')));
    expect(broken.diagnostics.map((d) => d.code)).toContain('QD2001');
    const closed = await nextDiagnostics(uri(ICV), () => connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(ICV) } }));
    expect(closed.diagnostics).toEqual([]);
    await nextDiagnostics(uri(ICV), () => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(ICV), languageId: 'qd', version: ++version, text: icvText } }));
  });

  it('checks a document never saved (untitled:) with the policy and answers for it (every request on one failed)', async () => {
    const untitled = 'untitled:Untitled-1';
    const text = icvText.replace('list icv ', 'list icv-next ').replaceAll('  item ', '  item next-');
    const opened = await nextDiagnostics(untitled, () => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'qd', version: 1, text } }));
    expect(opened.diagnostics.filter((d) => d.code === 'QD2003')).toEqual([]);
    const place = await connection.sendRequest<{ uri: string } | null>('textDocument/definition', { textDocument: { uri: untitled }, position: positionOf(text, 'sector S16', 8, 1) });
    expect(place?.uri).toBe(uri('policy/annex.qd'));
    const symbols = await connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: untitled } });
    expect(symbols.map((s) => s.name)).toEqual(['icv-next']);
    const closed = await nextDiagnostics(untitled, () => connection.sendNotification('textDocument/didClose', { textDocument: { uri: untitled } }));
    expect(closed.diagnostics).toEqual([]);
  });

  it('answers a malformed request with InvalidParams (-32602), not an internal error, and goes on serving', async () => {
    const codeOf = (method: string, params: object) =>
      connection.sendRequest(method, params).then(
        () => 'answered',
        (e: { code: number }) => e.code,
      );
    const doc = { uri: uri(ICV) };
    expect(await codeOf('textDocument/hover', { textDocument: doc, position: null })).toBe(-32602);
    expect(await codeOf('textDocument/definition', { textDocument: doc, position: { line: '3', character: 0 } })).toBe(-32602);
    expect(await codeOf('textDocument/references', { textDocument: doc, position: { line: -1, character: 0 } })).toBe(-32602);
    expect(await codeOf('textDocument/completion', { position: { line: 0, character: 0 } })).toBe(-32602);
    expect(await codeOf('textDocument/documentSymbol', { textDocument: { uri: 42 } })).toBe(-32602);
    expect(await codeOf('textDocument/formatting', { textDocument: null })).toBe(-32602);
    expect(await codeOf('textDocument/codeAction', { textDocument: doc, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })).toBe(-32602);
    // references without a context is still a question the server can answer (declarations left out)
    expect(await codeOf('textDocument/references', { textDocument: doc, position: positionOf(icvText, 'hetao-shenzhen', 1) })).toBe('answered');
    const symbols = await connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: doc });
    expect(symbols.map((s) => s.name)).toEqual(['icv']);
  });
});
