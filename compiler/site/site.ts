/**
 * The review site: the board of proposals, a page per proposal and the gazette, as static files
 * with relative links only. The same input gives byte-identical files.
 */
import type { SiteInput } from './input.js';
import { SITE_PARTS } from './pages.js';
import { SITE_CSS } from './style.js';

/** Path (from the site root) → content of every file of the site. */
export function emitSite(input: SiteInput): Map<string, string> {
  const files = new Map<string, string>([['site.css', SITE_CSS]]);
  const nav = SITE_PARTS.map((p) => p.nav);
  for (const part of SITE_PARTS) for (const [path, content] of part.emit(input, nav)) files.set(path, content);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
