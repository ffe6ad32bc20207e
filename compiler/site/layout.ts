/**
 * The shell of every site page (the gazette's own pages excepted): a skip link, the header with
 * the site's navigation, the page's main content and a footer. Relative links only, no script,
 * no font or request from elsewhere: the site opens from disk (file://) and from any static host.
 */
import { escapeHtml } from '../emit/gazette/render.js';

export interface NavEntry {
  readonly href: string;
  readonly label: string;
}

export interface SitePageInfo {
  readonly title: string;
  /** This page's path from the site root (`index.html`, `proposals/2026-0001-icv.html`). */
  readonly path: string;
  readonly nav: readonly NavEntry[];
  /** The date the site shows its ages and deadlines against (YYYY-MM-DD). */
  readonly date: string;
}

/** The relative path from `path` back to the site root ('' or '../', …). */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

/** A complete HTML page around `body` (HTML already escaped where it holds text). */
export function sitePage(body: string, info: SitePageInfo): string {
  const root = rootOf(info.path);
  const nav = info.nav
    .map((n) => `<li><a href="${root}${n.href}"${n.href === info.path ? ' aria-current="page"' : ''}>${escapeHtml(n.label)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} · 数据出境负面清单</title>
<link rel="stylesheet" href="${root}site.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site"><p class="site-name">数据出境负面清单 · 制定与征求意见</p>
<nav aria-label="网站导航"><ul>${nav}</ul></nav></header>
<main id="main">
${body}</main>
<footer class="site"><p>本站为静态页面，离线可读，不向外部发出任何请求；天数与期限计至 ${escapeHtml(info.date)}。</p></footer>
</body>
</html>
`;
}
