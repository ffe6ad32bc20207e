/** The gazette in the site: exactly the pages `qingdan build` writes under `dist/gazette/`. */
import { emitArtifacts } from '../build.js';
import type { SiteInput } from './input.js';

export const GAZETTE_DIR = 'gazette';

/** The gazette's files under `gazette/`, as the build emits them for the head commit. */
export function gazetteFiles(input: SiteInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, content] of emitArtifacts(input.policy, { commit: input.head, dirty: false })) {
    if (path.startsWith(`${GAZETTE_DIR}/`)) out.set(path, content);
  }
  return out;
}

/** The link from a page at `root` to the gazette page of a list and, optionally, an anchor in it. */
export function listHref(root: string, list: string, anchor?: string): string {
  return `${root}${GAZETTE_DIR}/lists/${encodeURIComponent(list)}.html${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}
