/** QD4001 for a file or folder that could not be read, by its errno code (a closed, translated reason). */
import { TERMS, type Term } from './diagnostic-codes.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';

/** The diagnostic for `error` (a Node errno exception, or anything thrown) reading `path`. */
export function readFailure(path: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && code in TERMS.ioReason) return diagnostic('cannot-read', undefined, { path, reason: code as Term<'ioReason'> });
  return diagnostic('cannot-read-errno', undefined, { path, errno: code ?? 'EUNKNOWN' });
}
