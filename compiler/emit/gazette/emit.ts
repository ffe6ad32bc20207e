/**
 * The gazette: every document of the policy as Markdown and as an HTML page, from the same
 * compiled artifact, under `gazette/` in the build output.
 */
import type { PolicyArtifact } from '../../../runtime/artifact.js';
import { amendmentsMarkdown, type Amendments } from './amendments.js';
import { annexMarkdown } from './annex.js';
import { baselineMarkdown } from './baseline.js';
import { documentMarkdown } from './document.js';
import { indexMarkdown } from './index-page.js';
import { listMarkdown } from './list.js';
import { htmlPage, renderMarkdown, type PageInfo } from './render.js';
import { GAZETTE_CSS } from './style.js';

const WATERMARKS: Partial<Record<string, string>> = { draft: '草案', consultation: '征求意见稿', approved: '尚未施行', repealed: '已废止' };

export interface GazetteSource {
  readonly digest: string;
  readonly commit: string | null;
  readonly dirty: boolean;
  /** When given, the gazette includes a revision note with these amendments. */
  readonly amendments?: Amendments;
}

/** Path (relative to `gazette/`) → content, for every Markdown and HTML page and the stylesheet. */
export function emitGazette(policy: PolicyArtifact, source: GazetteSource): Map<string, string> {
  const pages: Array<{ path: string; title: string; markdown: string; watermark?: string }> = [
    { path: 'index', title: '数据出境负面清单公报', markdown: indexMarkdown(policy, source.amendments) },
    ...policy.documents.map((d) => ({ path: d.id, title: d.title, markdown: documentMarkdown(d) })),
    { path: policy.annex.id, title: policy.annex.title, markdown: annexMarkdown(policy.annex) },
    {
      path: 'baseline',
      title: `国家基线：${policy.baseline.title}`,
      markdown: baselineMarkdown(policy.baseline, policy.documents.find((d) => d.id === policy.baseline.id), policy.annex),
    },
    ...policy.lists.map((l) => ({
      path: `lists/${l.id}`,
      title: l.title,
      markdown: listMarkdown(l, policy, policy.annex),
      ...(WATERMARKS[l.status] ? { watermark: WATERMARKS[l.status] } : {}),
    })),
    ...(source.amendments ? [{ path: 'amendments', title: '修订说明', markdown: amendmentsMarkdown(source.amendments, policy.policyVersion) }] : []),
  ];
  const files = new Map<string, string>([['gazette.css', GAZETTE_CSS]]);
  for (const page of pages) {
    const info: PageInfo = {
      title: page.title,
      root: page.path.includes('/') ? '../' : '',
      ...(page.watermark ? { watermark: page.watermark } : {}),
      policyVersion: policy.policyVersion,
      digest: source.digest,
      commit: source.commit,
      dirty: source.dirty,
    };
    files.set(`${page.path}.md`, page.markdown);
    files.set(`${page.path}.html`, htmlPage(renderMarkdown(page.markdown), info));
  }
  return files;
}
