/**
 * Governance files are YAML validated by JSON Schemas. This is the one place that parses a
 * YAML file and turns both YAML syntax errors and every ajv error into located, coded
 * diagnostics (file:line:column with a code frame), exactly like the errors of `.qd` files.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { TERMS, type Term } from '../diagnostic-codes.js';
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

const JSON_TYPES = new Set<string>(Object.keys(TERMS.jsonType));
const FORMATS = new Set<string>(Object.keys(TERMS.schemaFormat));
const quoted = (v: unknown) => `'${String(v)}'`;

/**
 * One ajv error as a catalogued diagnostic, by its keyword and params (never ajv's English
 * message): located at the offending key for unknown properties, at the value otherwise.
 */
function schemaDiagnostic(file: { source: Source; doc: Document.Parsed }, e: ErrorObject, what: Term<'governanceFile'>): Diagnostic {
  const at = { file: what, pointer: e.instancePath || '/' };
  const span = (property?: string) => spanOfPointer(file, e.instancePath, property);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return diagnostic('schema-unknown-property', span(String(p.additionalProperty)), { ...at, property: quoted(p.additionalProperty) });
    case 'required':
      return diagnostic('schema-required', span(), { ...at, property: quoted(p.missingProperty) });
    case 'enum':
      return diagnostic('schema-enum', span(), { ...at, allowed: (p.allowedValues as unknown[]).map(String) });
    case 'const':
      return diagnostic('schema-const', span(), { ...at, allowed: quoted(p.allowedValue) });
    case 'type': {
      const types = String(p.type).split(',').filter((t): t is Term<'jsonType'> => JSON_TYPES.has(t));
      return types.length ? diagnostic('schema-type', span(), { ...at, type: types }) : diagnostic('schema-other', span(), { ...at, keyword: e.keyword });
    }
    case 'pattern':
      return diagnostic('schema-pattern', span(), { ...at, pattern: `/${String(p.pattern)}/` });
    case 'format':
      return diagnostic('schema-format', span(), { ...at, format: FORMATS.has(String(p.format)) ? (String(p.format) as Term<'schemaFormat'>) : 'other' });
    case 'minimum':
    case 'exclusiveMinimum':
      return diagnostic('schema-minimum', span(), { ...at, limit: Number(p.limit) });
    case 'maximum':
    case 'exclusiveMaximum':
      return diagnostic('schema-maximum', span(), { ...at, limit: Number(p.limit) });
    case 'minItems':
      return diagnostic('schema-min-items', span(), { ...at, limit: Number(p.limit) });
    case 'maxItems':
      return diagnostic('schema-max-items', span(), { ...at, limit: Number(p.limit) });
    case 'minLength':
      return diagnostic('schema-min-length', span(), { ...at, limit: Number(p.limit) });
    case 'maxLength':
      return diagnostic('schema-max-length', span(), { ...at, limit: Number(p.limit) });
    case 'uniqueItems':
      // ajv reports the later index as i and the earlier as j; people count entries from 1.
      return diagnostic('schema-unique-items', span(), { ...at, first: Number(p.j) + 1, second: Number(p.i) + 1 });
    case 'propertyNames':
      return diagnostic('schema-property-name', span(String(p.propertyName)), { ...at, property: quoted(p.propertyName) });
    default:
      return diagnostic('schema-other', span(), { ...at, keyword: e.keyword });
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
  const where = (node: Node) => nodeSpan(source, node) ?? spanAt(source, 0, 1);
  const report = (node: Node, shape: Term<'yamlShape'>) => out.push(diagnostic('governance-yaml-shape', where(node), { shape }));
  visit(doc, {
    Alias(_, node) {
      report(node, 'alias');
    },
    Node(_, node) {
      if (isAlias(node)) return;
      if (node.anchor) report(node, 'anchor');
      if (node.tag) out.push(diagnostic('governance-yaml-tag', where(node), { tag: node.tag }));
    },
    Pair(_, pair) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string') report((isNode(pair.key) ? pair.key : doc.contents) as Node, 'non-string-key');
    },
  });
  return out;
}

/** Parses `source` as YAML and validates it against `schema`; `what` names the kind of file in messages. */
export function parseYamlFile<T>(source: Source, schema: object, what: Term<'governanceFile'>): YamlFile<T> {
  const doc = parseDocument(source.text, { prettyErrors: false, uniqueKeys: true, merge: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    diagnostics.push(diagnostic('governance-yaml-syntax', spanAt(source, start, Math.max(1, end - start)), { problem: e.code }));
  }
  if (!diagnostics.length) diagnostics.push(...shapeErrors(source, doc));
  if (diagnostics.length) return { source, doc, diagnostics };
  const value = doc.toJS() as unknown;
  const validate = validatorFor(schema);
  if (validate(value)) return { source, doc, value: value as T, diagnostics };
  for (const e of usefulErrors(validate.errors ?? [])) diagnostics.push(schemaDiagnostic({ source, doc }, e, what));
  return { source, doc, diagnostics };
}
