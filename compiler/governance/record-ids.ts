/**
 * The ids of a proposal's comments and concerns: `c-001` for a comment, `k-001` for a concern,
 * each kind numbered on its own, so an id never names two records. A record is filed as
 * `comments/c-001.yaml` or `concerns/k-001.yaml`; files of the earlier form (`comments/001.yaml`,
 * one sequence for both kinds) keep their number and are read under the same ids (`c-001`).
 */
import { recordName } from './context.js';

export type RecordKind = 'comment' | 'concern';

/** The id prefix and folder of each kind of record. */
export const RECORD_KINDS: Record<RecordKind, { readonly prefix: string; readonly folder: string }> = {
  comment: { prefix: 'c', folder: 'comments' },
  concern: { prefix: 'k', folder: 'concerns' },
};

/** The number in a record's file name (`c-004.yaml`, `004.yaml` → 4), or undefined when it has none. */
export function recordNumber(path: string): number | undefined {
  const m = /^(?:[ck]-)?(\d+)$/.exec(recordName(path));
  return m ? Number(m[1]) : undefined;
}

/** The id of the record filed at `path` under the `kind` folder. */
export function recordId(kind: RecordKind, path: string): string {
  const n = recordNumber(path);
  return n === undefined ? recordName(path) : formatRecordId(kind, n);
}

/** `c-001`, `k-012`. */
export function formatRecordId(kind: RecordKind, n: number): string {
  return `${RECORD_KINDS[kind].prefix}-${String(n).padStart(3, '0')}`;
}

/** The next id of `kind`, after every number the records of that kind already use. */
export function nextRecordId(kind: RecordKind, paths: readonly string[]): string {
  return formatRecordId(kind, Math.max(0, ...paths.map((p) => recordNumber(p) ?? 0)) + 1);
}

/** Why `findRecord` found no single record: the id names several (`ids`), or none (`known`: the ids there are). */
export type RecordNotFound = { readonly error: 'ambiguous'; readonly ids: readonly string[] } | { readonly error: 'unknown'; readonly known: readonly string[] };

/** The record a command names: `c-001`, `k-001`, or a bare number when only one record has it. */
export function findRecord<C extends { path: string }, K extends { path: string }>(
  id: string,
  records: { readonly comments: readonly C[]; readonly concerns: readonly K[] },
): { comment: C } | { concern: K } | RecordNotFound {
  const comment = records.comments.filter((c) => recordId('comment', c.path) === id || (/^\d+$/.test(id) && recordNumber(c.path) === Number(id)));
  const concern = records.concerns.filter((c) => recordId('concern', c.path) === id || (/^\d+$/.test(id) && recordNumber(c.path) === Number(id)));
  if (comment.length + concern.length > 1) {
    return { error: 'ambiguous', ids: [...comment.map((c) => recordId('comment', c.path)), ...concern.map((c) => recordId('concern', c.path))] };
  }
  if (comment[0]) return { comment: comment[0] };
  if (concern[0]) return { concern: concern[0] };
  return { error: 'unknown', known: [...records.comments.map((c) => recordId('comment', c.path)), ...records.concerns.map((c) => recordId('concern', c.path))] };
}
