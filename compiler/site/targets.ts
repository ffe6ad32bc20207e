/**
 * What a comment or concern is about, as a reader sees it: the list item by its 序号 and title,
 * linked to its row in the gazette (or the list itself), from the policy at the head.
 */
import { displayTitle, numberedItems } from '../emit/gazette/list.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';
import { listHref } from './gazette.js';
import { esc } from './html.js';

/** The target as a link into the gazette from a page at `root`; an unknown target is shown as written. */
export function targetLink(target: string, policy: PolicyArtifact, root: string): string {
  const listId = target.split('.')[0]!;
  const list = policy.lists.find((l) => l.id === listId);
  if (!list) return `<code>${esc(target)}</code>`;
  if (target === listId) return `<a href="${esc(listHref(root, listId, listId))}">《${esc(displayTitle(list))}》</a>`;
  const found = numberedItems(list).find((n) => n.item.id === target);
  if (!found) return `<code>${esc(target)}</code>`;
  return `<a href="${esc(listHref(root, listId, target))}">第${found.number}项　${esc(found.item.title)}</a>`;
}
