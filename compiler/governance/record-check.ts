/**
 * A record the CLI is about to write (a comment, concern, disposition, sign-off, or a proposal's
 * new stage), checked as `governance check` will read it: `proposal comment --text ''` wrote a
 * comment that check then refused (QD5002), and the drafter found out only in CI.
 */
import type { Term } from '../diagnostic-codes.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Source } from '../source.js';
import { commentSchema, concernSchema, proposalSchema, signoffSchema } from './schemas.js';
import { parseYamlFile } from './yaml-source.js';

/** The records the CLI writes, and the schema check reads each with. */
const SCHEMAS = { proposal: proposalSchema, comment: commentSchema, concern: concernSchema, signoff: signoffSchema } as const;

export type WrittenRecord = keyof typeof SCHEMAS & Term<'governanceFile'>;

/** The syntax and schema problems of `source` as a record of kind `what` (none when check will accept its shape). */
export function recordProblems(source: Source, what: WrittenRecord): Diagnostic[] {
  return parseYamlFile(source, SCHEMAS[what], what).diagnostics;
}
