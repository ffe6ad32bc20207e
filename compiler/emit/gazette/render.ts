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
}

/** Renders Markdown with the gazette's markdown-it setup (used for the HTML pages). */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/**
 * A complete HTML page: the rendered body, watermark and a footer with the way back to the
 * index and on to the colophon, where the build data is (never on an official page).
 */
export function htmlPage(body: string, info: PageInfo): string {
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
<footer class="gazette"><a href="${info.root}index.html">公报目录</a> · <a href="${info.root}colophon.html">版本与核对信息</a></footer>
</body>
</html>
`;
}
