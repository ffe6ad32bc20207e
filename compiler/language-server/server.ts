/**
 * The `.qd` language server over stdio (`qingdan lsp`): diagnostics as you type, hover, go to
 * definition, find references, completion, document symbols and formatting. The protocol is
 * `vscode-languageserver`'s; the answers come from `features.ts` over a `PolicyWorkspace`.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Location,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../diagnostics.js';
import { formatSource } from '../format.js';
import { completion, definition, hover, outline, references, type OutlineEntry } from './features.js';
import { PolicyWorkspace } from './workspace.js';

const COMPLETION_KINDS = {
  keyword: CompletionItemKind.Keyword,
  subcategory: CompletionItemKind.EnumMember,
  zone: CompletionItemKind.Value,
  article: CompletionItemKind.Reference,
  kind: CompletionItemKind.EnumMember,
} as const;

const SYMBOL_KINDS: Record<OutlineEntry['kind'], SymbolKind> = {
  document: SymbolKind.File,
  chapter: SymbolKind.Namespace,
  article: SymbolKind.String,
  annex: SymbolKind.Module,
  category: SymbolKind.Enum,
  subcategory: SymbolKind.EnumMember,
  baseline: SymbolKind.Module,
  list: SymbolKind.Module,
  scenario: SymbolKind.Namespace,
  item: SymbolKind.Field,
  zone: SymbolKind.Constant,
};

/** Starts the server on stdin/stdout; resolves when the client ends the session. */
export function startLanguageServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  let workspace: PolicyWorkspace | undefined;
  /** What was last published per file, so only changes are sent. */
  const published = new Map<string, string>();
  const texts = new Map<string, TextDocument>();

  const pathOf = (uri: string) => relative(workspace!.root, fileURLToPath(uri));
  const uriOf = (path: string) => pathToFileURL(resolve(workspace!.root, path)).href;
  /** A text document for positions in any workspace file (open or not). */
  const textOf = (path: string): TextDocument => {
    const open = documents.get(uriOf(path));
    if (open) return open;
    const text = workspace!.source(path)?.text ?? '';
    let doc = texts.get(path);
    if (!doc || doc.getText() !== text) {
      doc = TextDocument.create(uriOf(path), 'qd', 0, text);
      texts.set(path, doc);
    }
    return doc;
  };
  const rangeOf = (path: string, offset: number, length: number): Range => {
    const doc = textOf(path);
    return { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
  };

  const toLsp = (d: Diagnostic): LspDiagnostic => ({
    range: rangeOf(d.span!.file, d.span!.offset, d.span!.length),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'qingdan',
    // Chinese first: the drafters read Chinese; the English follows for everyone else.
    message: [d.messageZh, d.message, ...(d.hint ? [`提示 hint: ${d.hint}`] : [])].join('\n'),
    ...(d.related.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: uriOf(r.span.file), range: rangeOf(r.span.file, r.span.offset, r.span.length) }, message: r.message })) } : {}),
  });

  /** Publishes what changed, and always the edited file's (the editor waits for its answer). */
  const publish = (edited?: string) => {
    for (const [path, list] of workspace!.diagnosticsByFile()) {
      const diagnostics = list.map(toLsp);
      const key = JSON.stringify(diagnostics);
      if (path !== edited && (published.get(path) === key || (key === '[]' && !published.has(path)))) continue;
      published.set(path, key);
      void connection.sendDiagnostics({ uri: uriOf(path), diagnostics });
    }
  };

  connection.onInitialize(async (params) => {
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    workspace = new PolicyWorkspace(rootUri ? fileURLToPath(rootUri) : process.cwd());
    await workspace.load();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: [' ', ',', '[', '.'] },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'qingdan' },
    };
  });
  connection.onInitialized(() => publish());

  documents.onDidChangeContent((change) => {
    const path = pathOf(change.document.uri);
    workspace!.setText(path, change.document.getText());
    publish(path);
  });

  connection.onHover(({ textDocument, position }) => {
    const path = pathOf(textDocument.uri);
    const found = hover(workspace!, path, textOf(path).offsetAt(position));
    return found ? { contents: { kind: 'markdown', value: found.markdown }, range: rangeOf(path, found.at.offset, found.at.length) } : null;
  });

  connection.onDefinition(({ textDocument, position }): Location | null => {
    const path = pathOf(textDocument.uri);
    const place = definition(workspace!, path, textOf(path).offsetAt(position));
    return place ? { uri: uriOf(place.path), range: rangeOf(place.path, place.offset, place.length) } : null;
  });

  connection.onReferences(({ textDocument, position, context }): Location[] => {
    const path = pathOf(textDocument.uri);
    return references(workspace!, path, textOf(path).offsetAt(position), context.includeDeclaration).map((p) => ({ uri: uriOf(p.path), range: rangeOf(p.path, p.offset, p.length) }));
  });

  connection.onCompletion(({ textDocument, position }) => {
    const doc = textOf(pathOf(textDocument.uri));
    const prefix = doc.getText({ start: { line: position.line, character: 0 }, end: position });
    return completion(workspace!, prefix).map((c) => ({ label: c.label, kind: COMPLETION_KINDS[c.kind], ...(c.detail ? { detail: c.detail } : {}) }));
  });

  connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] => {
    const path = pathOf(textDocument.uri);
    const convert = (e: OutlineEntry): DocumentSymbol => ({
      name: e.name,
      detail: e.detail,
      kind: SYMBOL_KINDS[e.kind],
      range: rangeOf(path, e.span.offset, e.span.length),
      selectionRange: rangeOf(path, e.selection.offset, e.selection.length),
      children: e.children.map(convert),
    });
    return outline(workspace!, path).map(convert);
  });

  connection.onDocumentFormatting(({ textDocument }) => {
    const path = pathOf(textDocument.uri);
    const doc = textOf(path);
    const result = formatSource({ path, text: doc.getText() });
    if (!result.ok || !result.changed) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: result.text }];
  });

  documents.listen(connection);
  connection.listen();
}
