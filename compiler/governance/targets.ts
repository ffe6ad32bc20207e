/** What a comment, concern or identification record of a list proposal may name: its lists and their items. */
import type { ListInfo } from './lists.js';
import type { ProposalMeta } from './model.js';

/** `icv` and `icv.owner-pi`, … for every list of `meta` declared in `lists`. */
export function proposalTargets(meta: Pick<ProposalMeta, 'lists'>, lists: readonly ListInfo[]): string[] {
  return lists.filter((l) => meta.lists.includes(l.id)).flatMap((l) => [l.id, ...l.decl.scenarios.flatMap((s) => s.items.map((i) => `${l.id}.${i.id.text}`))]);
}
