/**
 * Compiling the two revisions of a diff. The head is nearly always the base with a few files
 * changed, so when the base compiles cleanly the head reuses the base's work on every file
 * whose text is unchanged: its parse, the verdict of the file-local checker rules (which depends
 * on the file alone, and was "no error") and its lowered lists (while their references resolve
 * as before). Only the changed files are parsed and checked by the file-local rules; the rules
 * that look across files check the whole head.
 *
 * A diff needs only the artifacts or the errors, so the head's warnings are not collected. A
 * head with an error is compiled again from scratch: its diagnostics are then exactly those
 * `compileSources` gives, located in the head's own files.
 */
import type { PolicyFile } from '../ast.js';
import { check } from '../check/check.js';
import { missingPolicyParts } from '../check/rules/OnePerPolicyRule.js';
import { crossFileRules, fileLocalRules } from '../check/specified-rules.js';
import { compileSources, type CompileResult } from '../compile.js';
import { hasErrors } from '../diagnostics.js';
import { lowerPolicy } from '../emit/lower.js';
import { LoweredLists } from '../emit/lowered-lists.js';
import { parseSource, type ParseResult } from '../parse.js';
import type { Source } from '../source.js';
import { collectSymbols } from '../symbols.js';

/** What a revision gives the compiler. */
export interface RevisionInput {
  readonly sources: readonly Source[];
  readonly version: string;
}

/** Compiles `base`, then `head` reusing the base's work on the files they share. */
export function compilePair(base: RevisionInput, head: RevisionInput): { base: CompileResult; head: CompileResult } {
  const parsedByText = new Map<string, ParseResult>();
  const lists = new LoweredLists();
  const parseBase = (source: Source) => {
    const parsed = parseSource(source);
    parsedByText.set(source.text, parsed);
    return parsed;
  };
  const baseResult = compileSources(base.sources, base.version, parseBase, lists);
  // On a clean base, no result means the head has an error: compiled in full, it is located.
  if (!hasErrors(baseResult.diagnostics)) return { base: baseResult, head: compileOnCleanBase(head, parsedByText, lists) ?? compileSources(head.sources, head.version) };
  // A broken base still lends its parses: they carry no error of an unchanged file's own.
  const headResult = compileSources(head.sources, head.version, (source) => parsedByText.get(source.text) ?? parseSource(source));
  return { base: baseResult, head: hasErrors(headResult.diagnostics) ? compileSources(head.sources, head.version) : headResult };
}

/**
 * The head compiled on a base that compiled without error, or undefined when the head has an
 * error (the caller then compiles it in full to locate them). `parsed` holds the base's parse
 * of each text, `lists` its lowered lists.
 */
function compileOnCleanBase(head: RevisionInput, parsed: ReadonlyMap<string, ParseResult>, lists: LoweredLists): CompileResult | undefined {
  const files: PolicyFile[] = [];
  const changed: PolicyFile[] = [];
  for (const source of head.sources) {
    const known = parsed.get(source.text);
    if (known) {
      files.push(known.file);
      continue;
    }
    const fresh = parseSource(source);
    if (hasErrors(fresh.diagnostics)) return undefined;
    files.push(fresh.file);
    changed.push(fresh.file);
  }
  const symbols = collectSymbols(files);
  if (hasErrors(check(changed, symbols, fileLocalRules)) || hasErrors(check(files, symbols, crossFileRules)) || hasErrors(missingPolicyParts(files))) return undefined;
  const lowered = lowerPolicy(files, symbols, head.version, lists);
  if (!lowered.artifact || hasErrors(lowered.diagnostics)) return undefined;
  return { files, symbols, diagnostics: [], artifact: lowered.artifact };
}
