/**
 * The site's stylesheet: system fonts only (no web font is fetched), contrast above WCAG AA,
 * visible focus, and print rules that drop the navigation and keep table rows whole.
 */
export const SITE_CSS = `:root { --ink: #1a1a1a; --muted: #4d4d4d; --rule: #8c8c8c; --accent: #0b4f8a; --warn: #8a3b00; --ok: #1d5e20; --bg-soft: #f3f5f8; }
html { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; line-height: 1.7; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; z-index: 20; }
header.site { background: #0b2e4f; color: #fff; padding: 0.6rem 1.5rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 2rem; }
header.site .site-name { margin: 0; font-weight: bold; }
header.site ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 1.2rem; flex-wrap: wrap; }
header.site a { color: #fff; text-decoration: none; }
header.site a[aria-current="page"] { text-decoration: underline; text-underline-offset: 4px; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; font-size: 0.92rem; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
th { background: var(--bg-soft); }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.meta { color: var(--muted); }
.warn { color: var(--warn); }
.ok { color: var(--ok); }
.proposal-card { border: 1px solid var(--rule); border-radius: 4px; padding: 0.2rem 1rem 0.8rem; margin: 1.2rem 0; }
.proposal-card h2 { border: 0; margin-top: 0.8rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
ins { background: #d9f2d9; color: #0d3d10; text-decoration: underline; }
del { background: #fbe0e0; color: #6b1010; text-decoration: line-through; }
.gazette-view { border: 1px solid var(--rule); padding: 0.5rem 1.2rem; font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
.gazette-view h1 { text-align: center; }
.gazette-view p { text-indent: 2em; }
.gazette-view td p { text-indent: 0; }
.digest { font-family: monospace; font-size: 0.85em; word-break: break-all; }
footer.site { border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; padding: 0.5rem 1.5rem 2rem; max-width: 72rem; margin: 0 auto; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  header.site nav, .skip { display: none; }
  header.site { background: none; color: var(--ink); padding: 0; border-bottom: 1px solid var(--rule); }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .proposal-card { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
`;
