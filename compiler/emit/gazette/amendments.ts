/**
 * The revision note (修订说明): the amending decisions (修改决定) from an earlier revision of the
 * policy to this build, as the diff words them, so a published gazette carries its own changes.
 * Which revision and version it was compared with is build data, for the colophon.
 */
import type { Flavour } from './flavour.js';
import { md } from './text.js';

/** What the build compared against: the earlier revision and its amendment text. */
export interface Amendments {
  /** The earlier revision, as shown (a short commit id). */
  readonly since: string;
  /** The policy version at that revision. */
  readonly sinceVersion: string;
  /** `amendmentText` of the diff: decisions, each a title line followed by its paragraphs. */
  readonly text: string;
}

/** A numbered amendment (一、……) or a decision's closing paragraph; any other line is a decision's title. */
const PARAGRAPH = /^([一二三四五六七八九十百]+、|本决定|《)/;

export function amendmentsMarkdown(a: Amendments, f: Flavour): string {
  const out = [`# 修订说明${f.anchor('amendments')}`, '', '本公报所载文件自上次公布以来的修改如下。', ''];
  for (const line of a.text.split('\n')) {
    if (line === '' || line === '无修改。') continue;
    out.push(PARAGRAPH.test(line) ? md(line) : `## ${md(line)}`, '');
  }
  return out.join('\n');
}
