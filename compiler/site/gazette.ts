/**
 * The gazette in the site: the pages `qingdan build` writes under `dist/gazette/`, with one link
 * added to each HTML page's footer, back to the proposals board.
 */
import { emitArtifacts } from '../build.js';
import type { SiteInput } from './input.js';
import { rootOf } from './layout.js';

const FOOTER = '<footer class="gazette">';

export const GAZETTE_DIR = 'gazette';

/** The gazette's files under `gazette/`, as the build emits them for the head commit. */
export function gazetteFiles(input: SiteInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, content] of emitArtifacts(input.policy, { commit: input.head, dirty: false })) {
    if (!path.startsWith(`${GAZETTE_DIR}/`)) continue;
    out.set(path, path.endsWith('.html') ? content.replace(FOOTER, `${FOOTER}<a href="${rootOf(path)}index.html">提案公示板</a> · `) : content);
  }
  return out;
}

/** The link from a page at `root` to the gazette page of a list and, optionally, an anchor in it. */
export function listHref(root: string, list: string, anchor?: string): string {
  return `${root}${GAZETTE_DIR}/lists/${encodeURIComponent(list)}.html${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}
