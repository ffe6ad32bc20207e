/**
 * A list's bookkeeping — its `status` and `proposal` link — read through the parser, for
 * governance reading a `.qd` file at any revision (no regular expression reads `.qd` text).
 */
import type { ListDecl, PolicyFile } from './ast.js';
import { parseSource } from './parse.js';
import { printFile } from './printer.js';
import type { Source } from './source.js';

export interface ListBookkeeping {
  readonly list: string;
  readonly status?: string;
  readonly proposal?: string;
}

function lists(file: PolicyFile): ListDecl[] {
  return file.declarations.filter((d): d is ListDecl => d.kind === 'List');
}

/** The status and proposal link of every list in `source` (a file that does not parse gives what did). */
export function readListBookkeeping(source: Source): ListBookkeeping[] {
  return lists(parseSource(source).file).map((l) => ({
    list: l.id.text,
    ...(l.status ? { status: l.status.text } : {}),
    ...(l.proposal ? { proposal: l.proposal.value } : {}),
  }));
}

/**
 * Whether two versions of a file differ at most in their lists' status and proposal links (and
 * layout or comments): both are printed without comments and with that bookkeeping blanked, and
 * compared. False when either does not parse cleanly.
 */
export function differsOnlyInBookkeeping(before: Source, after: Source): boolean {
  const canonical = (source: Source): string | undefined => {
    const parsed = parseSource(source);
    if (parsed.diagnostics.length) return undefined;
    const declarations = parsed.file.declarations.map((d) => {
      if (d.kind !== 'List') return d;
      const { status: _status, proposal: _proposal, ...rest } = d;
      return rest;
    });
    return printFile({ ...parsed.file, declarations });
  };
  const a = canonical(before);
  return a !== undefined && a === canonical(after);
}
