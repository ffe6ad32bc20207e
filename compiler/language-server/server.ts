/**
 * The `.qd` language server over stdio (`qingdan lsp`): diagnostics as you type, hover, go to
 * definition, find references, completion, document symbols and formatting. The protocol is
 * `vscode-languageserver`'s; the answers come from `features.ts` over a `PolicyWorkspace`, which
 * holds the editor's text of open documents and the disk's of the rest (files the editor reports
 * changed on disk are read again, as is a document once closed).
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Location,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../diagnostic-codes.js';
import { hintText, messageOf, noteText, type Diagnostic } from '../diagnostics.js';
import { formatSource } from '../format.js';
import { completion, definition, hover, outline, references, type OutlineEntry } from './features.js';
import { contextDiagnostics, documentUri, positionParam } from './params.js';
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

/** What a published diagnostic carries for the server itself (LSP `data`). */
interface DiagnosticData {
  readonly id: string;
  readonly fix?: { readonly offset: number; readonly length: number; readonly replacement: string };
}

const HINT: Record<Lang, string> = { zh: '提示：', en: 'hint: ' };
const REPLACE: Record<Lang, string> = { zh: '改为 ', en: 'Replace with ' };
const REMOVE: Record<Lang, string> = { zh: '删除', en: 'Remove it' };

/** Starts the server on stdin/stdout; resolves when the client ends the session. */
export function startLanguageServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  let workspace: PolicyWorkspace | undefined;
  /** What was last published per file, so only changes are sent. */
  const published = new Map<string, string>();
  const texts = new Map<string, TextDocument>();

  /**
   * Documents that are no file (an editor's unsaved `untitled:` buffer): the workspace knows each
   * by its URI. Taking every URI for a file threw at each request on such a document.
   */
  const unsaved = new Set<string>();
  /** The workspace's name for a document: its path from the root, or the URI of one that is no file. */
  const pathOf = (uri: string): string => {
    if (uri.startsWith('file:')) {
      try {
        return relative(workspace!.root, fileURLToPath(uri));
      } catch {
        // a file URL this system cannot open (another host): known by its URI, as an unsaved one
      }
    }
    unsaved.add(uri);
    return uri;
  };
  const uriOf = (path: string) => (unsaved.has(path) ? path : pathToFileURL(resolve(workspace!.root, path)).href);
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

  /** The client's language (its `locale`), Chinese when it names none: the drafters read Chinese. */
  let lang: Lang = 'zh';

  const toLsp = (d: Diagnostic): LspDiagnostic => ({
    range: rangeOf(d.span!.file, d.span!.offset, d.span!.length),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'qingdan',
    message: [messageOf(d, lang), ...(d.hint ? [`${HINT[lang]}${hintText(d.hint, lang)}`] : [])].join('\n'),
    ...(d.related.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: uriOf(r.span.file), range: rangeOf(r.span.file, r.span.offset, r.span.length) }, message: noteText(r.note, lang) })) } : {}),
    // The catalogue id and the fix travel with the diagnostic, so a quick fix needs no lookup.
    data: { id: d.id, ...(d.fix ? { fix: { offset: d.fix.span.offset, length: d.fix.span.length, replacement: d.fix.replacement } } : {}) } satisfies DiagnosticData,
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

  /** The client lets the server ask to hear of files changed on disk. */
  let watchFiles = false;

  connection.onInitialize(async (params) => {
    if (params.locale) lang = /^zh/i.test(params.locale) ? 'zh' : 'en';
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'qingdan' },
    };
  });
  connection.onInitialized(() => {
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.qd' }] });
    publish();
  });

  documents.onDidChangeContent((change) => {
    const path = pathOf(change.document.uri);
    workspace!.setText(path, change.document.getText());
    publish(path);
  });

  /** Takes the disk's text of files no editor holds any more, and publishes what changed. */
  const readFromDisk = async (uris: readonly string[]) => {
    for (const uri of uris) {
      const path = pathOf(uri);
      await workspace!.readFromDisk(path);
      if (!workspace!.source(path)) {
        // Gone from the policy: its diagnostics are cleared, and the others' republished without it.
        published.delete(path);
        unsaved.delete(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    publish();
  };
  documents.onDidClose(({ document }) => readFromDisk([document.uri]));
  // Files written, created or deleted on disk (a checkout, `qingdan fmt`, `qingdan new list`);
  // an open document keeps the editor's text.
  connection.onDidChangeWatchedFiles(({ changes }) => readFromDisk(changes.map((c) => c.uri).filter((uri) => uri.endsWith('.qd') && !documents.get(uri))));

  connection.onHover((params) => {
    const path = pathOf(documentUri(params));
    const found = hover(workspace!, path, textOf(path).offsetAt(positionParam(params)));
    return found ? { contents: { kind: 'markdown', value: found.markdown }, range: rangeOf(path, found.at.offset, found.at.length) } : null;
  });

  connection.onDefinition((params): Location | null => {
    const path = pathOf(documentUri(params));
    const place = definition(workspace!, path, textOf(path).offsetAt(positionParam(params)));
    return place ? { uri: uriOf(place.path), range: rangeOf(place.path, place.offset, place.length) } : null;
  });

  connection.onReferences((params): Location[] => {
    const path = pathOf(documentUri(params));
    return references(workspace!, path, textOf(path).offsetAt(positionParam(params)), params.context?.includeDeclaration === true).map((p) => ({ uri: uriOf(p.path), range: rangeOf(p.path, p.offset, p.length) }));
  });

  connection.onCompletion((params) => {
    const doc = textOf(pathOf(documentUri(params)));
    const position = positionParam(params);
    const prefix = doc.getText({ start: { line: position.line, character: 0 }, end: position });
    return completion(workspace!, prefix).map((c) => ({ label: c.label, kind: COMPLETION_KINDS[c.kind], ...(c.detail ? { detail: c.detail } : {}) }));
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const path = pathOf(documentUri(params));
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

  // The quick fixes of the diagnostics the client sends back: each carries its own fix.
  connection.onCodeAction((params): CodeAction[] => {
    const uri = documentUri(params);
    const doc = textOf(pathOf(uri));
    return contextDiagnostics<LspDiagnostic>(params).flatMap((d) => {
      const fix = (d.data as DiagnosticData | undefined)?.fix;
      if (d.source !== 'qingdan' || !fix) return [];
      const range = { start: doc.positionAt(fix.offset), end: doc.positionAt(fix.offset + fix.length) };
      const title = fix.replacement === '' ? REMOVE[lang] : `${REPLACE[lang]}${fix.replacement}`;
      return [{ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [{ range, newText: fix.replacement }] } } }];
    });
  });

  connection.onDocumentFormatting((params) => {
    const path = pathOf(documentUri(params));
    const doc = textOf(path);
    const result = formatSource({ path, text: doc.getText() });
    if (!result.ok || !result.changed) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: result.text }];
  });

  documents.listen(connection);
  connection.listen();
}
