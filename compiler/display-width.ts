/** How wide text shows in a terminal, for lining up columns under Chinese. */
import { eastAsianWidth } from 'get-east-asian-width';

/** Display width of a string in a terminal: CJK characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch === '\t' ? 4 : eastAsianWidth(ch.codePointAt(0)!);
  return w;
}
