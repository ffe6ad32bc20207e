/**
 * The runtime's problems as data: every JSON Schema keyword of the published request and report
 * schemas is hit by a broken document generated from the schema itself, and the problem found
 * carries that keyword with ajv's params; the runtime's own checks (calendar dates, names the
 * policy does not define, reports that do not hang together, bad export-log lines) carry their
 * codes and params. The CLI renders all of them, and the differences `report compare` lists, in
 * both languages: `--lang zh` output of `evaluate`, `report check` and `report compare` holds no
 * English word outside code and data.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS, differenceText, logProblemText, reportProblemText, requestProblemText, problemString } from '../compiler/problem-messages.js';
import { reportSchema } from '../compiler/emit/schemas/report.schema.js';
import { requestSchema } from '../compiler/emit/schemas/request.schema.js';
import { countExportLog, Policy, PolicyLoadError, reportOf, reportProblems, type ExportReport, type LogProblem, type RequestProblem } from '../runtime/index.js';
import type { EvaluationRequest } from '../runtime/request.js';
import { SCHEMA_KEYWORDS } from '../runtime/validators.js';
import { verdictText } from '../cli/actions/diff.js';
import type { Io } from '../cli/io.js';
import { latinWordsIn } from './latin-words.js';
import { buildRealPolicy, runCli, tempDir } from './support.js';

type Json = unknown;
type Schema = { readonly [k: string]: unknown };

/** One way to break a document: the value at `path` replaced (or removed), and the problem expected. */
interface Breakage {
  readonly path: readonly (string | number)[];
  readonly value: Json | typeof REMOVE;
  readonly pointer: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}

const REMOVE = Symbol('remove');
const pointerOf = (path: readonly (string | number)[]) => path.map((p) => `/${p}`).join('');

/** A string `pattern` does not match. */
function notMatching(pattern: string): string {
  const re = new RegExp(pattern, 'u');
  return ['', ' ', '!', 'a', '0', 'S1', 'a.b.c'].find((c) => !re.test(c))!;
}

/** A value of another JSON type than `type`. */
function otherType(type: string): Json {
  return type === 'string' ? 7 : 'x';
}

/**
 * Every breakage of `value` (valid under `schema`) that one keyword of the schema refuses: each
 * keyword of each subschema the document reaches (its present properties, its arrays' first items).
 */
function* breakages(schema: Schema, value: Json, path: readonly (string | number)[]): Generator<Breakage> {
  const at = (keyword: string, replacement: Json, params: Record<string, unknown>): Breakage => ({ path, value: replacement, pointer: pointerOf(path), keyword, params });
  if (typeof schema.type === 'string') yield at('type', otherType(schema.type), { type: schema.type });
  if (typeof schema.pattern === 'string') yield at('pattern', notMatching(schema.pattern), { pattern: schema.pattern });
  if (typeof schema.minLength === 'number') yield at('minLength', 'x'.repeat(schema.minLength - 1), { limit: schema.minLength });
  if (typeof schema.maxLength === 'number') yield at('maxLength', 'x'.repeat(schema.maxLength + 1), { limit: schema.maxLength });
  if (schema.format === 'date') yield at('format', '2027-02-30', { format: 'date' });
  if (Array.isArray(schema.enum)) yield at('enum', 'no-such-value', { allowedValues: schema.enum });
  if ('const' in schema) yield at('const', schema.const === 1 ? 2 : 'other', { allowedValue: schema.const });
  if (typeof schema.minimum === 'number') yield at('minimum', schema.minimum - 1, { comparison: '>=', limit: schema.minimum });
  if (typeof schema.maximum === 'number') yield at('maximum', schema.maximum + 1, { comparison: '<=', limit: schema.maximum });
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number') yield at('minItems', [], { limit: schema.minItems });
    if (typeof schema.maxItems === 'number') yield at('maxItems', Array.from({ length: schema.maxItems + 1 }, () => value[0]), { limit: schema.maxItems });
    if (schema.items && value.length > 0) yield* breakages(schema.items as Schema, value[0], [...path, 0]);
  }
  if (schema.properties && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const r of (schema.required as string[] | undefined) ?? []) yield { path: [...path, r], value: REMOVE, pointer: pointerOf([...path, r]), keyword: 'required', params: { missingProperty: r } };
    if (schema.additionalProperties === false) yield { path: [...path, 'unexpected'], value: 1, pointer: pointerOf([...path, 'unexpected']), keyword: 'additionalProperties', params: { additionalProperty: 'unexpected' } };
    for (const [name, sub] of Object.entries(schema.properties as Record<string, Schema>)) {
      const v = (value as Record<string, Json>)[name];
      if (v !== undefined) yield* breakages(sub, v, [...path, name]);
    }
  }
}

/** `doc` with the breakage applied (a copy). */
function broken(doc: Json, b: Breakage): Json {
  if (b.path.length === 0) return b.value;
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let parent = copy;
  for (const key of b.path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = b.path.at(-1)!;
  if (b.value === REMOVE) delete parent[last];
  else parent[last] = b.value;
  return copy;
}

/** The keywords a schema uses, found by walking it. */
function keywordsOf(schema: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => keywordsOf(s, out));
  else if (schema !== null && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (SCHEMA_KEYWORDS.has(k) && !(k === 'additionalProperties' && v !== false)) out.add(k);
      if (k === 'properties') Object.values(v as object).forEach((s) => keywordsOf(s, out));
      else if (k === 'items') keywordsOf(v, out);
    }
  }
  return out;
}

const hasProblem = (problems: readonly { pointer: string; keyword?: string; params: unknown }[], b: Breakage) => problems.some((p) => p.pointer === b.pointer && p.keyword === b.keyword && isDeepStrictEqual(p.params, b.params));

let policy: Policy;
let dist: string;
let dir: string;
let request: EvaluationRequest;
let report: ExportReport;
/** A report of two items with nothing exempt, filed as exempt as a whole: what an export log can differ from. */
let plainReport: ExportReport;

const cliIo: Io = { cwd: '/', env: {}, stdout: { write: () => {}, colors: false }, stderr: { write: () => {}, colors: false }, stdin: (async function* () {})() };

beforeAll(async () => {
  dist = (await buildRealPolicy()).outDir;
  dir = await tempDir('qingdan-problems-');
  policy = await Policy.load(dist);
  const kind = policy.bundle.policy.annex.sensitiveKinds[0]!.code;
  const exemption = policy.bundle.policy.baseline.exemptions[0]!.code;
  // Every optional field present, so that every keyword of the schema has a value to break.
  request = {
    asOf: '2027-06-01',
    preview: true,
    processor: { zone: 'nansha', ciio: false, holdings: { persons: 1, sensitivePersons: 1, sensitiveKinds: [kind] } },
    transfer: { isExport: true, importantData: false, sector: 'S16', items: [{ id: 'icv.owner-pi', persons: 80_000, sensitivePersons: 0 }], personalInfo: { persons: 1, sensitivePersons: 0, sensitiveKinds: [kind] }, exemptions: [exemption], exportControl: false },
  };
  report = reportOf(request, policy.evaluate(request), {
    filed: '2027-06-02',
    processor: { name: '广州示例汽车科技有限公司', creditCode: '91440101MA5XXXXX0X' },
    scenarios: [{ title: '售后服务', scenario: 'icv.after-sales', description: '售后质保' }],
    recipients: [{ name: 'Example Motors GmbH', region: '德国', regionCode: 'DE', purpose: '全球售后质保与召回服务', items: ['icv.owner-pi'] }],
    titles: new Map([['icv.owner-pi', '车主个人信息']]),
  });
  const plain: EvaluationRequest = { asOf: '2027-06-01', preview: true, processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, sector: 'S16', items: [{ id: 'icv.owner-pi', persons: 80_000 }, { id: 'icv.supplier-contacts', persons: 1000 }] } };
  plainReport = reportOf(plain, policy.evaluate(plain), { filed: '2027-06-02', processor: { name: '广州示例汽车科技有限公司' }, scenarios: [{ title: '售后服务' }], recipients: [{ name: 'Example Motors GmbH', region: '德国', purpose: '全球售后质保' }] });
}, 120_000);

describe('problems as data', () => {
  it('names every keyword the precompiled validators report in the closed set', () => {
    const generated = readFileSync(new URL('../runtime/validators.generated.ts', import.meta.url), 'utf8');
    const used = new Set([...generated.matchAll(/keyword:"([^"]+)"/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !SCHEMA_KEYWORDS.has(k))).toEqual([]);
  });

  for (const [name, schema, doc, problemsOf] of [
    ['request', requestSchema, () => request, (d: Json) => policy.problems(d)],
    ['report', reportSchema, () => report, (d: Json) => reportProblems(policy, d)],
  ] as const) {
    it(`locates a broken ${name} for every keyword of its schema, with the keyword and ajv's params`, () => {
      expect(problemsOf(doc())).toEqual([]);
      const hit = new Set<string>();
      const missed: string[] = [];
      let count = 0;
      for (const b of breakages(schema as Schema, doc(), [])) {
        count++;
        const problems = problemsOf(broken(doc(), b)) as readonly (RequestProblem & { code?: string })[];
        if (hasProblem(problems, b)) hit.add(b.keyword);
        else missed.push(`${b.pointer} ${b.keyword}: ${JSON.stringify(problems.map((p) => [p.pointer, p.keyword, p.params]))}`);
        // Each problem of a schema is rendered from its own catalogue entry, never from ajv's words.
        for (const p of problems) expect(PROBLEMS, `${p.keyword}`).toHaveProperty([name === 'report' ? reportProblemText(p as never).id : requestProblemText(p).id]);
      }
      expect(missed).toEqual([]);
      expect(count).toBeGreaterThan(20);
      expect([...hit].sort()).toEqual([...keywordsOf(schema)].sort());
    });
  }

  it('renders every keyword of the closed set, with ajv\u2019s params, in both languages: every placeholder filled, the Chinese free of English words', () => {
    const samples: Record<string, object> = {
      required: { missingProperty: 'asOf' },
      additionalProperties: { additionalProperty: 'extra' },
      type: { type: 'integer,null' },
      enum: { allowedValues: ['a-1', 'b-2'] },
      const: { allowedValue: 1 },
      minimum: { comparison: '>=', limit: 0 },
      maximum: { comparison: '<=', limit: 9 },
      exclusiveMinimum: { comparison: '>', limit: 0 },
      exclusiveMaximum: { comparison: '<', limit: 9 },
      minLength: { limit: 1 },
      maxLength: { limit: 9 },
      minItems: { limit: 1 },
      maxItems: { limit: 9 },
      uniqueItems: { i: 3, j: 1 },
      pattern: { pattern: '^S\\d{2}$' },
      format: { format: 'date' },
      if: { failingKeyword: 'then' },
      oneOf: { passingSchemas: null },
      anyOf: {},
      not: {},
    };
    expect(Object.keys(samples).sort()).toEqual([...SCHEMA_KEYWORDS].sort());
    for (const [keyword, params] of [...Object.entries(samples), ['invalid', { keyword: 'dependentRequired' }] as const]) {
      const t = requestProblemText({ pointer: '/x', keyword, params, message: '' } as RequestProblem);
      for (const lang of ['zh', 'en'] as const) expect(problemString(t, lang), `${keyword} ${lang}`).not.toMatch(/\{[A-Za-z]\w*\}/);
      expect(english(problemString(t, 'zh'), ['extra']), keyword).toEqual([]);
    }
  });

  it('gives the runtime\u2019s own checks their keyword and params: a day the calendar lacks, a name the policy does not define', () => {
    const problems = policy.problems({ ...request, asOf: '2027-02-30', processor: { ...request.processor, zone: 'atlantis' }, transfer: { ...request.transfer, sector: 'S99' } });
    expect(problems.map((p) => [p.pointer, p.keyword])).toEqual([
      ['/asOf', 'calendar-date'],
      ['/processor/zone', 'unknown-name'],
      ['/transfer/sector', 'unknown-name'],
    ]);
    expect(problems[0]!.params).toEqual({ date: '2027-02-30' });
    expect(problems[1]!.params).toMatchObject({ vocabulary: 'zone', name: 'atlantis', allowed: expect.arrayContaining(['nansha', 'outside']) });
    expect(problems[2]!.params).toMatchObject({ vocabulary: 'sector', name: 'S99', allowed: expect.arrayContaining(['S16']) });
  });

  it('says how a report\u2019s decision does not match its catalogue, by a closed reason', () => {
    const d = report.decision.items[0]!;
    const odd = { ...report, decision: { ...report.decision, items: [d, d, { item: 'icv.ota-records', pathway: 'exempt' }] } };
    const problems = reportProblems(policy, odd);
    expect(problems.map((p) => [p.pointer, p.code, p.params])).toEqual([
      ['/decision/items/1', 'decision-items-mismatch', { item: 'icv.owner-pi', reason: 'decided-twice' }],
      ['/decision/items/2', 'decision-items-mismatch', { item: 'icv.ota-records', reason: 'not-in-catalogue' }],
    ]);
    const undecided = reportProblems(policy, { ...report, decision: { ...report.decision, items: [] }, recipients: [{ ...report.recipients[0]!, items: ['icv.ota-records'] }] });
    expect(undecided.map((p) => [p.pointer, p.code, p.params])).toEqual([
      ['/recipients/0/items/0', 'recipient-item-not-in-catalogue', { item: 'icv.ota-records' }],
      ['/catalogue/0/item', 'decision-items-mismatch', { item: 'icv.owner-pi', reason: 'not-decided' }],
    ]);
  });

  it('gives every bad export-log line its code and params: which rule a line-invalid line breaks', async () => {
    const lines = BAD_LINES.map((l) => l.text).join('\n');
    const count = await countExportLog(chunks(lines), { year: 2027, exemptions: new Set(['art3']), maxLineBytes: 200 });
    expect(count.problems.map((p) => [p.line, p.code, p.pointer, p.params])).toEqual(BAD_LINES.map((l, i) => [i + 1, l.code, l.pointer, l.params]));
    const stopped = await countExportLog(chunks('{"date":"2027-01-01","item":"a.b","personKey":"p1"}\n{"date":"2027-01-01","item":"a.b","personKey":"p2"}\n'), { year: 2027, exemptions: new Set(), maxPersons: 1 });
    expect(stopped.problems.map((p) => [p.code, p.params])).toEqual([['too-many-persons', { limit: 1 }]]);
  });
});

/** A bad line of each kind, with the problem it gets (maxLineBytes 200). */
const BAD_LINES: readonly { text: string; code: LogProblem['code']; pointer: string; params: object }[] = [
  { text: 'not json', code: 'not-json', pointer: '', params: {} },
  { text: '[1]', code: 'line-invalid', pointer: '', params: { rule: 'object' } },
  { text: '{"date":"2027-02-30","item":"a.b","persons":1}', code: 'line-invalid', pointer: '/date', params: { rule: 'date' } },
  { text: '{"date":"2027-03-01","item":"not an item","persons":1}', code: 'line-invalid', pointer: '/item', params: { rule: 'item' } },
  { text: '{"date":"2027-03-01","item":"a.b","personKey":""}', code: 'line-invalid', pointer: '/personKey', params: { rule: 'person-key' } },
  { text: '{"date":"2027-03-01","item":"a.b","personKey":"k","persons":1}', code: 'line-invalid', pointer: '/persons', params: { rule: 'one-person' } },
  { text: '{"date":"2027-03-01","item":"a.b","personKey":"k","sensitive":"yes"}', code: 'line-invalid', pointer: '/sensitive', params: { rule: 'boolean' } },
  { text: '{"date":"2027-03-01","item":"a.b","persons":-1}', code: 'line-invalid', pointer: '/persons', params: { rule: 'volume' } },
  { text: '{"date":"2027-03-01","item":"a.b"}', code: 'line-invalid', pointer: '', params: { rule: 'some-volume' } },
  { text: '{"date":"2027-03-01","item":"a.b","persons":1,"exemption":"art9"}', code: 'unknown-exemption', pointer: '/exemption', params: { exemption: 'art9', allowed: ['art3'] } },
  { text: `{"date":"2027-03-01","item":"a.b","persons":1,"note":"${'x'.repeat(200)}"}`, code: 'line-too-long', pointer: '', params: { limit: 200 } },
];

async function* chunks(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text);
}

/** The Latin words of `--lang zh` output once code and the data named are taken out, colours stripped. */
function english(output: string, data: readonly string[] = []): string[] {
  return latinWordsIn(stripVTControlCharacters(output), data);
}

describe('the CLI renders every problem in the reader\u2019s language', () => {
  it('qingdan --lang zh evaluate: a broken request for every keyword, no English word; --json gives each problem\u2019s id, args and text', async () => {
    const seen = new Set<string>();
    const files: string[] = [];
    for (const b of breakages(requestSchema as Schema, request, [])) {
      if (seen.has(b.keyword)) continue;
      seen.add(b.keyword);
      const file = join(dir, `request-${b.keyword}.json`);
      await writeFile(file, JSON.stringify(broken(request, b)));
      files.push(file);
    }
    const checks = join(dir, 'request-checks.json');
    await writeFile(checks, JSON.stringify({ ...request, asOf: '2027-02-30', processor: { ...request.processor, zone: 'atlantis' } }));
    files.push(checks);
    for (const file of files) {
      const zh = await runCli(['--lang', 'zh', 'evaluate', file, '--dist', dist]);
      expect(zh.code, file).toBe(1);
      expect(english(zh.stderr, ['unexpected']), `${file}: ${zh.stderr}`).toEqual([]);
      const json = await runCli(['--lang', 'zh', 'evaluate', file, '--dist', dist, '--json']);
      const problems = (JSON.parse(json.stdout) as { problems: (RequestProblem & { says: { id: string; args: object; text: string } })[] }).problems;
      expect(problems.length, file).toBeGreaterThan(0);
      for (const p of problems) expect(p.says).toEqual({ ...requestProblemText(p), text: problemString(requestProblemText(p), 'zh') });
    }
  });

  it('shows control characters a request or a report names escaped, never sends them to the terminal', async () => {
    const request = join(dir, 'request-escape.json');
    await writeFile(request, JSON.stringify({ ...JSON.parse(JSON.stringify(report)), '\u001b[2Jx': 1 }));
    for (const args of [['evaluate', request, '--dist', dist], ['report', 'check', request, '--dist', dist]]) {
      const r = await runCli(['--lang', 'zh', ...args]);
      expect(r.code).toBeGreaterThan(0);
      expect(r.stderr, args[0]).not.toContain('\u001b[2J');
      expect(r.stderr, args[0]).toContain('\\u001b[2Jx');
    }
  });

  it('qingdan --lang zh report check: a broken report for every keyword and every check, no English word', async () => {
    const seen = new Set<string>();
    const docs: Json[] = [];
    for (const b of breakages(reportSchema as Schema, report, [])) {
      if (seen.has(b.keyword)) continue;
      seen.add(b.keyword);
      docs.push(broken(report, b));
    }
    const d = report.decision.items[0]!;
    docs.push({ ...report, processor: { ...report.processor, zone: 'atlantis' }, decision: { ...report.decision, items: [d, d, { item: 'icv.ota-records', pathway: 'exempt' }] } });
    docs.push({ ...report, decision: { ...report.decision, items: [] }, recipients: [{ ...report.recipients[0]!, items: ['icv.ota-records'] }] });
    for (const [i, doc] of docs.entries()) {
      const file = join(dir, `report-${i}.json`);
      await writeFile(file, JSON.stringify(doc));
      const zh = await runCli(['--lang', 'zh', 'report', 'check', file, '--dist', dist]);
      expect(zh.code, file).toBe(1);
      expect(english(zh.stderr, ['unexpected']), `${file}: ${zh.stderr}`).toEqual([]);
    }
    // Valid, and re-decided: the lines of a check, in Chinese too (the reasons are the policy's Chinese).
    const good = join(dir, 'report-good.json');
    await writeFile(good, JSON.stringify({ ...report, decision: { ...report.decision, pathway: 'security-assessment', items: [{ item: 'icv.owner-pi', pathway: 'security-assessment' }] } }));
    const changed = await runCli(['--lang', 'zh', 'report', 'check', good, '--dist', dist]);
    expect(changed.code).toBe(1);
    expect(english(changed.stdout), changed.stdout).toEqual([]);
  });

  it('qingdan --lang zh report compare: every bad line and every kind of difference, no English word', async () => {
    const log = join(dir, 'exports.jsonl');
    const differing = [
      '{"date":"2027-01-03","item":"icv.owner-pi","persons":120000}',
      '{"date":"2027-03-01","item":"icv.supplier-contacts","persons":500}',
      '{"date":"2027-04-02","item":"icv.driving-trajectory","sensitivePersons":3}',
    ];
    await writeFile(log, [...differing, ...BAD_LINES.slice(0, -1).map((l) => l.text), `{"date":"2027-03-01","item":"a.b","persons":1,"note":"${'x'.repeat(70_000)}"}`].join('\n'));
    const file = join(dir, 'report-compare.json');
    await writeFile(file, JSON.stringify(plainReport));
    expect(plainReport.decision.pathway).toBe('exempt');
    const zh = await runCli(['--lang', 'zh', 'report', 'compare', file, log, '--dist', dist]);
    expect(zh.code).toBe(1);
    const json = JSON.parse((await runCli(['report', 'compare', file, log, '--dist', dist, '--json'])).stdout) as { differences: { kind: string; item?: string }[]; problems: LogProblem[] };
    expect(new Set(json.differences.map((d) => `${d.kind}${d.kind === 'threshold-crossed' && d.item === undefined ? ' (transfer)' : ''}`))).toEqual(new Set(['volume-below-report', 'volume-above-report', 'unreported-item', 'threshold-crossed', 'threshold-crossed (transfer)']));
    expect(new Set(json.problems.map((p) => p.code))).toEqual(new Set(['not-json', 'line-invalid', 'unknown-exemption', 'line-too-long']));
    // JSON.parse's own words follow the problem verbatim, under the tool's name: data, not prose.
    const nodeWords = ['node', ...json.problems.filter((p) => p.code === 'not-json').map((p) => p.message)];
    expect(english(zh.stderr + zh.stdout, nodeWords), zh.stderr + zh.stdout).toEqual([]);
    const stopped = await runCli(['--lang', 'zh', 'report', 'compare', file, log, '--dist', dist, '--max-persons', '1']);
    expect(english(stopped.stderr + stopped.stdout, nodeWords), stopped.stderr).toEqual([]);
    // English too: every text from the catalogue, none from the runtime's messages.
    const en = await runCli(['--lang', 'en', 'report', 'compare', file, log, '--dist', dist]);
    for (const p of json.problems) expect(en.stderr).toContain(problemString(logProblemText(p), 'en'));
    for (const d of json.differences) expect(stripVTControlCharacters(en.stdout)).toContain(problemString(differenceText(d as never), 'en'));
  });
});

describe('release check', () => {
  it('renders each verdict with its bumps in both languages, the Chinese free of English words', () => {
    const bumps = ['major', 'minor', 'patch', 'none'] as const;
    for (const verdict of ['no-change', 'no-changeset', 'bump-too-small', 'sufficient'] as const) {
      for (const required of bumps) {
        for (const declared of bumps) {
          const v = { ok: verdict === 'sufficient' || verdict === 'no-change', verdict, required, declared, changesets: [] };
          const zh = verdictText({ ...cliIo, lang: 'zh' }, v);
          const en = verdictText({ ...cliIo, lang: 'en' }, v);
          expect(english(zh), zh).toEqual([]);
          expect(zh).not.toBe(en);
          if (verdict !== 'no-change') expect(en, verdict).toContain(required);
        }
      }
    }
  });
});

describe('a bundle that breaks its schema', () => {
  it('is refused with each problem located and rendered in the reader’s language', async () => {
    const broken = join(dir, 'broken-dist');
    await cp(dist, broken, { recursive: true, dereference: true });
    const artifact = JSON.parse(await readFile(join(broken, 'policy.json'), 'utf8')) as { lists: { status: string }[]; zones: unknown[] };
    artifact.lists[0]!.status = 'bogus';
    const bytes = Buffer.from(JSON.stringify(artifact));
    await writeFile(join(broken, 'policy.json'), bytes);
    const manifest = JSON.parse(await readFile(join(broken, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { sha256: string; bytes: number }> };
    manifest.artifacts['policy.json'] = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    await writeFile(join(broken, 'manifest.json'), JSON.stringify(manifest));
    const error = await Policy.load(broken).then(
      () => undefined,
      (e: unknown) => e as PolicyLoadError,
    );
    expect(error?.code).toBe('schema-invalid');
    expect(error!.problems.map((p) => [p.pointer, p.keyword])).toEqual([['/lists/0/status', 'enum']]);
    const request = join(dir, 'request-ok.json');
    await writeFile(request, JSON.stringify({ asOf: '2027-06-01', processor: { zone: 'nansha', ciio: false }, transfer: { isExport: false } }));
    const zh = await runCli(['--lang', 'zh', 'evaluate', request, '--dist', broken]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`/lists/0/status：${problemString(requestProblemText(error!.problems[0]!), 'zh')}`);
    // The runtime's own account follows verbatim under its name: data, not prose; "Schema" names the format (the catalogue allows it).
    expect(english(zh.stderr, ['runtime', error!.message, 'Schema'])).toEqual([]);
  });
});
