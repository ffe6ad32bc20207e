/**
 * What a proposal changes, from its base to the head: the semantic diff (compiler/diff/) of the
 * documents it governs — its lists, or for a baseline proposal everything but the lists — with
 * the diff's own Markdown rendered, and the amending decisions a legislative office would draft.
 */
import { amendmentDecisions } from '../diff/amendment.js';
import { bumpFor, maxBump, type PolicyChange, type PolicyDiff } from '../diff/change.js';
import { diffPolicies } from '../diff/diff.js';
import { diffMarkdown } from '../diff/markdown.js';
import { renderMarkdown } from '../emit/gazette/render.js';
import type { ProposalMeta } from '../governance/model.js';
import type { PolicyArtifact } from '../../runtime/artifact.js';
import { esc } from './html.js';
import { shiftHeadings } from './list-view.js';

/** The part of `diff` that `keep` selects, with its summary and bump counted again. */
export function restrictDiff(diff: PolicyDiff, keep: (c: PolicyChange) => boolean): PolicyDiff {
  const changes = diff.changes.filter(keep);
  const count = (k: PolicyChange['classification']) => changes.filter((c) => c.classification === k).length;
  return {
    ...diff,
    changes,
    summary: { tightening: count('tightening'), loosening: count('loosening'), mixed: count('mixed'), editorial: count('editorial'), breaking: changes.filter((c) => c.breaking).length },
    bump: changes.reduce<PolicyDiff['bump']>((acc, c) => maxBump(acc, bumpFor(c)), 'none'),
  };
}

/** The changes a proposal governs: its own lists', or (baseline, governance) those outside every list. */
export function governedBy(meta: ProposalMeta, head: PolicyArtifact, base: PolicyArtifact): (c: PolicyChange) => boolean {
  if ((meta.kind ?? 'list') === 'list') return (c) => meta.lists.includes(c.container);
  const lists = new Set([...head.lists, ...base.lists].map((l) => l.id));
  return (c) => !lists.has(c.container);
}

/** The semantic diff (rendered from its Markdown) and the amending decisions, under headings of `level`. */
export function proposalDiffHtml(meta: ProposalMeta, base: { commit?: string; policy?: PolicyArtifact }, head: PolicyArtifact, headCommit: string, level: number): string {
  if (!base.policy) return `<p class="meta">没有可比较的基准版本（提案建立于仓库的第一个提交，或基准版本无法编译）：下方修订对照将全部内容标为新增。</p>\n`;
  const diff = restrictDiff(diffPolicies(base.policy, head, { base: base.commit!.slice(0, 12), head: headCommit.slice(0, 12) }), governedBy(meta, head, base.policy));
  const decisions = amendmentDecisions(diff, base.policy, head);
  const decisionsHtml = decisions.length
    ? decisions.map((d) => `<h${level + 1}>${esc(d.title)}</h${level + 1}>\n${d.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n`).join('')
    : '<p class="meta">没有须以修改决定形式公布的变化。</p>\n';
  return `<h${level}>语义差异</h${level}>
<p class="meta">基准：提交 <code>${esc(base.commit!.slice(0, 12))}</code>（政策版本 ${esc(base.policy.policyVersion)}）；对照：提交 <code>${esc(headCommit.slice(0, 12))}</code>（政策版本 ${esc(head.policyVersion)}）。</p>
<div class="diff-markdown">
${shiftHeadings(renderMarkdown(diffMarkdown(diff, { lang: 'zh', maxBytes: Number.MAX_SAFE_INTEGER })), level - 1)}</div>
<h${level}>修改决定（草拟）</h${level}>
${decisionsHtml}`;
}
