/** The anchors of docs/reading-of-the-law.md, where every inference the runtime reports links. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support.js';

export const READING_PATH = 'docs/reading-of-the-law.md';

/** The anchors (`<a id="…"></a>`) of the reading of the law. */
export function readingAnchors(): Set<string> {
  const text = readFileSync(join(ROOT, READING_PATH), 'utf8');
  return new Set([...text.matchAll(/<a id="([a-z0-9-]+)"><\/a>/g)].map((m) => m[1]!));
}
