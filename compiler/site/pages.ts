/**
 * The site's parts, in the order of its navigation. Each part names its entry in the header's
 * navigation and writes its own files; adding a page to the site is one entry in this list.
 */
import { boardFiles } from './board.js';
import { gazetteFiles } from './gazette.js';
import type { SiteInput } from './input.js';
import type { NavEntry } from './layout.js';
import { SELF_ASSESSMENT_PAGE, selfAssessmentFiles } from './self-assessment/page.js';

export interface SitePart {
  /** The navigation entry: the page's path from the site root, and its label. */
  readonly nav: NavEntry;
  /** Path (from the site root) → content of every file of this part; `nav` is the site's navigation. */
  emit(input: SiteInput, nav: readonly NavEntry[]): Map<string, string>;
}

export const SITE_PARTS: readonly SitePart[] = [
  { nav: { href: 'index.html', label: '提案公示板' }, emit: boardFiles },
  { nav: { href: 'gazette/index.html', label: '公报' }, emit: gazetteFiles },
  { nav: { href: SELF_ASSESSMENT_PAGE, label: '出境自评估' }, emit: selfAssessmentFiles },
];
