/**
 * The parts of a request's params the server reads, checked before it reads them: a client
 * that sends a malformed request (a null position, no document) is told so with InvalidParams,
 * as the JSON-RPC specification asks, instead of an InternalError from a TypeError deep in a
 * handler — which reads as the server's fault.
 */
import { ErrorCodes, ResponseError, type Position } from 'vscode-languageserver/node';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function invalid(what: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `invalid params: ${what}`);
}

/** The URI of the request's `textDocument`. */
export function documentUri(params: unknown): string {
  const doc = isObject(params) ? params['textDocument'] : undefined;
  const uri = isObject(doc) ? doc['uri'] : undefined;
  if (typeof uri !== 'string' || uri === '') throw invalid('textDocument.uri must be a URI');
  return uri;
}

/** The request's `position`: a line and a character, both whole numbers from 0. */
export function positionParam(params: unknown): Position {
  const position = isObject(params) ? params['position'] : undefined;
  if (!isObject(position) || !isIndex(position['line']) || !isIndex(position['character'])) throw invalid('position must have a line and a character, each a whole number from 0');
  return { line: position['line'], character: position['character'] };
}

/** The diagnostics of a code-action request's `context` (an array, each with a range). */
export function contextDiagnostics<D>(params: unknown): readonly D[] {
  const context = isObject(params) ? params['context'] : undefined;
  const diagnostics = isObject(context) ? context['diagnostics'] : undefined;
  if (!Array.isArray(diagnostics) || !diagnostics.every(isObject)) throw invalid('context.diagnostics must be an array of diagnostics');
  return diagnostics as D[];
}
