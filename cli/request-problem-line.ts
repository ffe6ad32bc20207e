/** A request problem as the CLI prints it under a refusal. */
import type { Lang } from '../compiler/diagnostic-codes.js';
import { printableText } from '../compiler/printable.js';
import { problemString, requestProblemText } from '../compiler/problem-messages.js';
import type { RequestProblem } from '../runtime/request.js';

/**
 * `  <pointer>：<text>` in `lang`, with its line break. Pointers and names come from the input (a
 * request, a bundle's policy.json): control characters are shown escaped, never sent to the terminal.
 */
export function requestProblemLine(p: RequestProblem, lang: Lang): string {
  return `${printableText(`  ${p.pointer || '/'}${lang === 'zh' ? '：' : ': '}${problemString(requestProblemText(p), lang)}`)}\n`;
}
