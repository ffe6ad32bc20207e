/**
 * What a 400 says, in the language its reader asked for. A problem keeps its closed `keyword`,
 * `params` and English `message` (the contract), and gains `says` — the id, arguments and text of
 * the same sentence the CLI prints — in Chinese or English, negotiated from Accept-Language
 * (RFC 9110 §12.5.4; `zh-CN`, `zh-Hant` and `zh` all read Chinese), English when the client names
 * neither.
 */
import Negotiator from 'negotiator';
import type { Lang } from '../compiler/diagnostic-codes.js';
import { requestProblemText, withText } from '../compiler/problem-messages.js';
import type { RequestProblem } from '../runtime/request.js';

const LANGS: Lang[] = ['en', 'zh'];

/** The language a client reads, from its Accept-Language header. */
export function readerLanguage(acceptLanguage: string | undefined): Lang {
  return new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(LANGS) === 'zh' ? 'zh' : 'en';
}

/** Request problems with what each says, in `lang`. */
export function problemsSaid(problems: readonly RequestProblem[], lang: Lang): RequestProblem[] {
  return problems.map((p) => withText(p, requestProblemText(p), lang));
}
