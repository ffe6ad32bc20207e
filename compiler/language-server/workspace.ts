/**
 * The language server's view of the policy: every `.qd` file of the workspace's policy folder,
 * with the editor's unsaved text in place of the file's where a document is open. A change
 * re-parses only the changed file (only the changed declaration, see `reparse.ts`); the
 * others' parses are reused, and the whole policy is
 * re-checked (symbols and rules are cheap next to parsing) so cross-file errors stay right.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { checkSources, MAX_SOURCE_BYTES, readSources, sourceTooLarge, type CheckResult } from '../compile.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseSource, type ParseResult } from '../parse.js';
import { spanAt, type Source } from '../source.js';
import { occurrencesOf, type Occurrence } from './occurrences.js';
import { reparse } from './reparse.js';

export class PolicyWorkspace {
  private readonly sources = new Map<string, Source>();
  private readonly parses = new Map<string, { readonly text: string; readonly result: ParseResult }>();
  private checked: CheckResult | undefined;
  private readonly occurrenceCache = new Map<string, Occurrence[]>();
  /** The policy folder, relative to the root: `policy`, or `.` for a root without one. */
  private folder = 'policy';

  /** `root` is the project folder; its `policy/` (or, lacking one, the root itself) is read. */
  constructor(readonly root: string) {}

  /** Reads the policy files from disk. */
  async load(): Promise<void> {
    this.folder = existsSync(join(this.root, 'policy')) ? 'policy' : '.';
    const read = await readSources([this.folder], this.root);
    for (const s of read.sources) this.sources.set(s.path, s);
    this.invalidate();
  }

  /**
   * Replaces a file's text (an open or edited document); the file joins the policy if new — a
   * document from elsewhere, or one never saved (`path` is then its URI), while it is open.
   */
  setText(path: string, text: string): void {
    if (this.sources.get(path)?.text === text) return;
    this.sources.set(path, { path, text });
    this.invalidate();
  }

  /**
   * The file as the disk has it, when no editor holds it (a document was closed, or a file
   * changed on disk): a file of the policy folder is read again, and leaves when it is gone;
   * any other document leaves the policy. Closed documents stayed, so a scratch copy of a list,
   * once closed, kept reporting every id of the real list as a duplicate until a restart.
   */
  async readFromDisk(path: string): Promise<void> {
    const saved = this.inPolicyFolder(path) ? (await readSources([path], this.root)).sources[0] : undefined;
    if (saved) this.setText(path, saved.text);
    else if (this.sources.delete(path)) this.invalidate();
  }

  /** A `.qd` file under the policy folder: one `load` reads. */
  private inPolicyFolder(path: string): boolean {
    const rel = relative(this.folder, path);
    return path.endsWith('.qd') && !isAbsolute(path) && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
  }

  private invalidate(): void {
    this.checked = undefined;
    this.occurrenceCache.clear();
  }

  source(path: string): Source | undefined {
    return this.sources.get(path);
  }

  /**
   * The files, those of the policy folder first: a document opened from elsewhere comes after
   * them, so an id it repeats is reported in it, not in the policy's own file.
   */
  paths(): string[] {
    const all = [...this.sources.keys()].sort();
    return [...all.filter((p) => this.inPolicyFolder(p)), ...all.filter((p) => !this.inPolicyFolder(p))];
  }

  private parse = (source: Source): ParseResult => {
    const cached = this.parses.get(source.path);
    if (cached && cached.text === source.text) return cached.result;
    const result = tooLarge(source) ?? reparse(cached, source);
    this.parses.set(source.path, { text: source.text, result });
    return result;
  };

  /** The checked policy: files, symbols, diagnostics. */
  analysis(): CheckResult {
    this.checked ??= checkSources(
      this.paths().map((p) => this.sources.get(p)!),
      this.parse,
    );
    return this.checked;
  }

  /** Diagnostics by file (every file present, with an empty list when clean). */
  diagnosticsByFile(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>(this.paths().map((p) => [p, []]));
    for (const d of this.analysis().diagnostics) if (d.span) out.get(d.span.file)?.push(d);
    return out;
  }

  occurrences(path: string): Occurrence[] {
    let list = this.occurrenceCache.get(path);
    if (!list) {
      const { files, symbols } = this.analysis();
      const file = files.find((f) => f.path === path);
      list = file ? occurrencesOf(file, symbols) : [];
      this.occurrenceCache.set(path, list);
    }
    return list;
  }
}

/**
 * An open document larger than a source may be (`qingdan check` refuses it, QD4014): not parsed,
 * the one diagnostic said at its start — parsing it on every keystroke would stall the editor.
 */
function tooLarge(source: Source): ParseResult | undefined {
  if (source.text.length * 3 <= MAX_SOURCE_BYTES) return undefined; // UTF-8 takes at most 3 bytes per UTF-16 unit
  const bytes = Buffer.byteLength(source.text, 'utf8');
  if (bytes <= MAX_SOURCE_BYTES) return undefined;
  const { file } = parseSource({ path: source.path, text: '' });
  return { file, diagnostics: [sourceTooLarge(source.path, bytes, spanAt(source, 0, 0))] };
}
