/**
 * The revision note (修订说明): the amendment text (修改决定) from an earlier revision of the
 * policy to this build, as the diff words it, so a published gazette carries its own changes.
 */
import { md } from './text.js';

/** What the build compared against: the earlier revision and its amendment text. */
export interface Amendments {
  /** The earlier revision, as shown (a short commit id). */
  readonly since: string;
  /** The policy version at that revision. */
  readonly sinceVersion: string;
  /** `amendmentText` of the diff: blocks of 关于修改《…》的决定 and numbered sentences. */
  readonly text: string;
}

export function amendmentsMarkdown(a: Amendments, policyVersion: string): string {
  const out = ['# 修订说明 {id=amendments}', '', `本公报（政策版本 ${md(policyVersion)}）相对于政策版本 ${md(a.sinceVersion)}（源提交 ${md(a.since)}）的修改如下。`, ''];
  for (const line of a.text.split('\n')) {
    if (line === '') continue;
    // A decision's title is a heading; its numbered sentences are paragraphs.
    out.push(/^关于修改《.*》的决定$/.test(line) ? `## ${md(line)}` : md(line), '');
  }
  return out.join('\n');
}
