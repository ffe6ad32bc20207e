/**
 * Governance files are YAML validated by JSON Schemas. This is the one place that parses a
 * YAML file and turns both YAML syntax errors and every ajv error into located, coded
 * diagnostics (file:line:column with a code frame), exactly like the errors of `.qd` files.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { createAjv } from '../emit/validate.js';
import { spanAt, type Source, type Span } from '../source.js';

export interface YamlFile<T> {
  readonly source: Source;
  /** The parsed value; present only when the file parses and conforms to its schema. */
  readonly value?: T;
  readonly doc: Document.Parsed;
  readonly diagnostics: Diagnostic[];
}

const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    v = createAjv().compile(schema);
    validators.set(schema, v);
  }
  return v;
}

/** The span of the first line of a region (collections span many lines; one line is enough to point). */
function firstLine(source: Source, start: number, end: number): Span {
  const nl = source.text.indexOf('\n', start);
  const stop = nl >= 0 && nl < end ? nl : end;
  return spanAt(source, start, Math.max(1, stop - start));
}

function nodeSpan(source: Source, node: Node | null | undefined): Span | undefined {
  if (!node || !node.range) return undefined;
  const [start, valueEnd] = node.range;
  return isScalar(node) ? spanAt(source, start, Math.max(1, valueEnd - start)) : firstLine(source, start, valueEnd);
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Walks a JSON pointer through the YAML tree; returns the node and, for map entries, the key node. */
function locate(doc: Document.Parsed, pointer: string): { node?: Node; key?: Node } {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return { node: node as Node };
      key = isNode(pair.key) ? pair.key : undefined;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return { node: node as Node };
      key = undefined;
      node = item;
    } else break;
  }
  return { ...(isNode(node) ? { node } : {}), ...(key ? { key } : {}) };
}

/** The span an ajv error points at: the offending key for unknown properties, the value otherwise. */
export function spanOfPointer(file: { source: Source; doc: Document.Parsed }, pointer: string, property?: string): Span | undefined {
  const at = locate(file.doc, pointer);
  if (property !== undefined) {
    const child = locate(file.doc, `${pointer}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (child.key) return nodeSpan(file.source, child.key);
  }
  return nodeSpan(file.source, at.node) ?? nodeSpan(file.source, at.key) ?? spanAt(file.source, 0, 1);
}

function describe(e: ErrorObject): { message: string; property?: string } {
  switch (e.keyword) {
    case 'additionalProperties':
      return { message: `has unknown property '${String(e.params.additionalProperty)}'`, property: String(e.params.additionalProperty) };
    case 'required':
      return { message: `is missing required property '${String(e.params.missingProperty)}'` };
    case 'enum':
      return { message: `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}` };
    default:
      return { message: e.message ?? e.keyword };
  }
}

/** Ajv errors worth showing: drop the "must match then schema" wrappers that repeat a nested error. */
function usefulErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => e.keyword !== 'if' && !(e.keyword === 'anyOf' && errors.length > 1));
}

/**
 * The shapes a governance file may not use: anchors and aliases (one value standing for
 * another), explicit tags (a value read as another type) and keys that are not plain strings.
 * Each has a reading that differs between tools; governance files are read one way only.
 */
function shapeErrors(source: Source, doc: Document.Parsed): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (node: Node, shape: string) => out.push(diagnostic('governance-yaml-shape', nodeSpan(source, node) ?? spanAt(source, 0, 1), { shape }));
  visit(doc, {
    Alias(_, node) {
      report(node, 'an alias (*name)');
    },
    Node(_, node) {
      if (isAlias(node)) return;
      if (node.anchor) report(node, 'an anchor (&name)');
      if (node.tag) report(node, `a tag (${node.tag})`);
    },
    Pair(_, pair) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string') report((isNode(pair.key) ? pair.key : doc.contents) as Node, 'a key that is not a plain string');
    },
  });
  return out;
}

/** Parses `source` as YAML and validates it against `schema`; `what` names the kind of file in messages. */
export function parseYamlFile<T>(source: Source, schema: object, what: string): YamlFile<T> {
  const doc = parseDocument(source.text, { prettyErrors: false, uniqueKeys: true, merge: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    diagnostics.push(diagnostic('governance-yaml-syntax', spanAt(source, start, Math.max(1, end - start)), { message: e.message.split('\n')[0] ?? e.code }));
  }
  if (!diagnostics.length) diagnostics.push(...shapeErrors(source, doc));
  if (diagnostics.length) return { source, doc, diagnostics };
  const value = doc.toJS() as unknown;
  const validate = validatorFor(schema);
  if (validate(value)) return { source, doc, value: value as T, diagnostics };
  for (const e of usefulErrors(validate.errors ?? [])) {
    const { message, property } = describe(e);
    const pointer = e.instancePath || '/';
    diagnostics.push(diagnostic('governance-schema', spanOfPointer({ source, doc }, e.instancePath, property), { what, pointer, message }));
  }
  return { source, doc, diagnostics };
}
