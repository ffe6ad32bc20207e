/**
 * The revision note (修订说明): the amending decisions (修改决定) from an earlier revision of the
 * policy to this build, so a published gazette carries its own changes. Which revision and
 * version it was compared with is build data, for the colophon.
 */
import type { Decision } from '../../diff/amendment.js';
import type { Flavour } from './flavour.js';
import { md } from './text.js';

/** What the build compared against: the earlier revision and the decisions since. */
export interface Amendments {
  /** The earlier revision, as shown (a short commit id). */
  readonly since: string;
  /** The policy version at that revision. */
  readonly sinceVersion: string;
  readonly decisions: readonly Decision[];
}

export function amendmentsMarkdown(a: Amendments, f: Flavour): string {
  const out = [`# 修订说明${f.anchor('amendments')}`, ''];
  if (a.decisions.length === 0) out.push('本公报所载文件自上次公布以来未作修改。', '');
  else out.push('本公报所载文件自上次公布以来的修改如下。', '');
  for (const d of a.decisions) out.push(`## ${md(d.title)}`, '', ...d.paragraphs.flatMap((p) => [md(p), '']));
  return out.join('\n');
}
