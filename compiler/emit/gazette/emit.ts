/**
 * The gazette: every document of the policy as a plain Markdown file and as an HTML page, both
 * generated from the same compiled artifact, under `gazette/` in the build output. The official
 * pages carry no internal ids or build data; those are on the colophon.
 */
import type { PolicyArtifact } from '../../../runtime/artifact.js';
import { amendmentsMarkdown, type Amendments } from './amendments.js';
import { annexMarkdown } from './annex.js';
import { baselineMarkdown, baselineTitle } from './baseline.js';
import { colophonMarkdown, type BuildRecord } from './colophon.js';
import { documentMarkdown } from './document.js';
import { MARKED, PLAIN, type Flavour } from './flavour.js';
import { indexMarkdown } from './index-page.js';
import { displayTitle, listMarkdown } from './list.js';
import { htmlPage, renderMarkdown, type PageInfo } from './render.js';
import { GAZETTE_CSS } from './style.js';

const WATERMARKS: Partial<Record<string, string>> = { draft: '草案', consultation: '征求意见稿', approved: '尚未施行', repealed: '已废止' };

export interface GazetteSource extends BuildRecord {
  /** When given, the gazette includes a revision note with these amendments. */
  readonly amendments?: Amendments;
}

interface Page {
  readonly path: string;
  readonly title: string;
  readonly markdown: (f: Flavour) => string;
  readonly watermark?: string;
}

/** Path (relative to `gazette/`) → content, for every Markdown and HTML page and the stylesheet. */
export function emitGazette(policy: PolicyArtifact, source: GazetteSource): Map<string, string> {
  const pages: Page[] = [
    { path: 'index', title: '数据出境负面清单公报', markdown: (f) => indexMarkdown(policy, source.amendments, f) },
    ...policy.documents.map((d) => ({ path: d.id, title: d.title, markdown: (f: Flavour) => documentMarkdown(d, f) })),
    { path: policy.annex.id, title: policy.annex.title, markdown: (f) => annexMarkdown(policy.annex, f) },
    { path: 'baseline', title: baselineTitle(policy.baseline), markdown: (f) => baselineMarkdown(policy.baseline, policy.documents, policy.annex, f) },
    ...policy.lists.map((l) => ({
      path: `lists/${l.id}`,
      title: displayTitle(l),
      markdown: (f: Flavour) => listMarkdown(l, policy, policy.annex, f),
      ...(WATERMARKS[l.status] ? { watermark: WATERMARKS[l.status] } : {}),
    })),
    ...(source.amendments ? [{ path: 'amendments', title: '修订说明', markdown: (f: Flavour) => amendmentsMarkdown(source.amendments!, f) }] : []),
    { path: 'colophon', title: '版本与核对信息', markdown: (f) => colophonMarkdown(policy, source, source.amendments, f) },
  ];
  const files = new Map<string, string>([['gazette.css', GAZETTE_CSS]]);
  for (const page of pages) {
    const info: PageInfo = { title: page.title, root: page.path.includes('/') ? '../' : '', ...(page.watermark ? { watermark: page.watermark } : {}) };
    files.set(`${page.path}.md`, page.markdown(PLAIN));
    files.set(`${page.path}.html`, htmlPage(renderMarkdown(page.markdown(MARKED)), info));
  }
  return files;
}
