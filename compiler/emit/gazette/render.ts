/**
 * Markdown → HTML page. markdown-it runs with raw HTML off; ids and classes come only from the
 * generator's `{id=…}` attributes (policy text has `{` escaped), and every value placed in the
 * page template is escaped, so no policy text reaches the HTML unescaped.
 */
import MarkdownIt from 'markdown-it';
import attrs from 'markdown-it-attrs';
import { rowspanPlugin } from './rowspan.js';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })
  .use(attrs, { allowedAttributes: ['id', 'class'] })
  .use(rowspanPlugin);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PageInfo {
  readonly title: string;
  /** Relative path from the page to the gazette root ('' or '../'). */
  readonly root: string;
  /** 草案 / 征求意见稿 / … printed across every page; absent for documents in force. */
  readonly watermark?: string;
  readonly policyVersion: string;
  readonly digest: string;
  readonly commit: string | null;
  readonly dirty: boolean;
}

/** Renders Markdown with the gazette's markdown-it setup (used for the HTML pages). */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** A complete HTML page: the rendered body, watermark and the footer every printed page carries. */
export function htmlPage(body: string, info: PageInfo): string {
  const source = info.commit ? `${info.commit}${info.dirty ? '（含未提交修改）' : ''}` : '（无 git 提交）';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)}</title>
<link rel="stylesheet" href="${info.root}gazette.css">
</head>
<body${info.watermark ? ' class="watermarked"' : ''}>
${info.watermark ? `<div class="watermark" aria-hidden="true">${escapeHtml(info.watermark)}</div>\n` : ''}<main>
${body}</main>
<footer class="gazette">政策版本 ${escapeHtml(info.policyVersion)} · policy.json sha256 ${escapeHtml(info.digest)} · 源提交 ${escapeHtml(source)} · <a href="${info.root}index.html">公报目录</a></footer>
</body>
</html>
`;
}
