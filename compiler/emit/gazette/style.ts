/** The gazettes' stylesheet: readable on screen, A4 in print with page numbers and whole table rows. */
export const GAZETTE_CSS = `:root { --ink: #1a1a1a; --muted: #666; --rule: #999; }
html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Songti SC", serif; color: var(--ink); line-height: 1.75; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem 4rem; }
h1 { text-align: center; font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; }
p { text-indent: 2em; margin: 0.3rem 0; }
blockquote p, td p, li p, .editorial, .reading, .source, .publication { text-indent: 0; }
.unconfirmed { color: #8a4b00; }
.doc-number { text-align: center; text-indent: 0; }
.signature { text-align: right; text-indent: 0; }
blockquote { border-left: 3px solid var(--rule); margin: 1rem 0; padding: 0.2rem 1rem; color: var(--muted); }
.editorial, .reading { color: #8a4b00; font-size: 0.9em; }
.editorial::before { content: "〔编者注〕"; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 7rem; color: rgba(180, 0, 0, 0.12); transform: rotate(-30deg); pointer-events: none; z-index: 10; }
footer.gazette { margin-top: 3rem; border-top: 1px solid var(--rule); font-size: 0.75rem; color: var(--muted); }
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #666; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  footer.gazette { position: fixed; bottom: 0; left: 0; right: 0; margin: 0; padding-top: 2mm; background: white; }
  main { margin-bottom: 14mm; }
  a { color: inherit; text-decoration: none; }
}
`;
