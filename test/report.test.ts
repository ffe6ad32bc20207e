/**
 * The export report of measures Art. 15: its schema (published in dist/schema, precompiled into
 * the runtime), `qingdan report check` against the bundle it was filed with and against an
 * amended one, and `qingdan report compare` against export logs with duplicates, exempt
 * transfers, other years and bad lines (measures Arts 19, 27).
 */
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../compiler/emit/schemas/report.schema.js';
import { createAjv } from '../compiler/emit/validate.js';
import { checkReport, countExportLog, ExportLogCounter, fileChunks, Policy, reportOf, reportProblems, type ExportReport } from '../runtime/index.js';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { PersonLimitError, PersonSet } from '../runtime/person-set.js';
import type { EvaluationRequest } from '../runtime/request.js';
import { makeFixtures, variant, type Fixtures } from './bundle-fixtures.js';
import { buildRealPolicy, diagnosticLine, runCli, STACK_FRAME, tempDir } from './support.js';

const REQUEST: EvaluationRequest = {
  asOf: '2027-06-01',
  preview: true,
  processor: { zone: 'nansha', ciio: false },
  transfer: { isExport: true, sector: 'S16', items: [{ id: 'icv.owner-pi', persons: 80_000 }, { id: 'icv.supplier-contacts', persons: 120_000 }] },
};

function reportWith(policy: Policy, request: EvaluationRequest = REQUEST): ExportReport {
  return reportOf(request, policy.evaluate(request), {
    filed: '2027-06-02',
    processor: { name: '广州示例汽车科技有限公司', creditCode: '91440101MA5XXXXX0X' },
    scenarios: [{ title: '售后服务', scenario: 'icv.after-sales' }],
    recipients: [{ name: 'Example Motors GmbH', region: '德国', regionCode: 'DE', purpose: '全球售后质保与召回服务', items: ['icv.owner-pi'] }],
  });
}

/** The real policy with icv.owner-pi's contract threshold lowered from 10万 to 5万: an amended list. */
function amend(policyJson: string): string {
  const p = JSON.parse(policyJson) as PolicyArtifact;
  const lower = (c: unknown): unknown => {
    if (Array.isArray(c)) return c.map(lower);
    if (c && typeof c === 'object') return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, k === 'min' && v === 100_000 ? 50_000 : lower(v)]));
    return c;
  };
  const lists = p.lists.map((l) => ({ ...l, scenarios: l.scenarios.map((s) => ({ ...s, items: s.items.map((i) => (i.id === 'icv.owner-pi' ? { ...i, ladder: lower(i.ladder) } : i)) })) }));
  return JSON.stringify({ ...p, lists });
}

let fx: Fixtures;
let dir: string;
let policy: Policy;
let dist: string;

beforeAll(async () => {
  fx = await makeFixtures();
  dir = await tempDir('qingdan-report-');
  dist = (await buildRealPolicy()).outDir;
  policy = await Policy.load(fx.base);
  await writeFile(join(dir, 'base.tar.gz'), fx.base);
  await writeFile(join(dir, 'amended.tar.gz'), variant(fx.base, '9.3.0', amend, (await import('node:crypto')).createPrivateKey(fx.keys.privateKey)));
  await writeFile(join(dir, 'public.pem'), fx.keys.publicKey);
  await writeFile(join(dir, 'other.pem'), fx.other.publicKey);
  await writeFile(join(dir, 'report.json'), JSON.stringify(reportWith(policy), null, 2));
}, 120_000);

describe('the report schema', () => {
  it('is published with the build, and compiles as draft 2020-12', async () => {
    expect(JSON.parse(await readFile(join(dist, 'schema/report.schema.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(reportSchema)));
    expect(() => createAjv().compile(reportSchema)).not.toThrow();
  });

  it('accepts the report of a decision, with the pathway per item and the bundle it was decided with', () => {
    const report = reportWith(policy);
    expect(reportProblems(policy, report)).toEqual([]);
    expect(report.decision).toEqual({
      pathway: 'standard-contract-or-certification',
      items: [
        { item: 'icv.owner-pi', pathway: 'exempt' },
        { item: 'icv.supplier-contacts', pathway: 'standard-contract-or-certification' },
      ],
      policy: { version: policy.version, digest: policy.digest },
    });
  });

  it('locates every problem by JSON pointer, with a code', () => {
    const good = reportWith(policy);
    const bad = { ...good, filed: '2027-02-30', recipients: [], processor: { ...good.processor, creditCode: 'x' }, decision: { ...good.decision, policy: { version: '1', digest: 'abc' } }, extra: 1 };
    const problems = reportProblems(policy, bad);
    expect(problems.every((p) => p.code === 'schema')).toBe(true);
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/decision/policy/digest', '/extra', '/filed', '/processor/creditCode', '/recipients'].sort());
    // What only the policy can say: names it does not define, and a report that does not hang together.
    const odd = {
      ...good,
      processor: { ...good.processor, zone: 'atlantis' },
      exemptions: ['art99'],
      recipients: [{ ...good.recipients[0]!, items: ['icv.ota-records'] }],
      decision: { ...good.decision, items: good.decision.items.slice(1) },
    };
    expect(reportProblems(policy, odd).map((p) => [p.pointer, p.code])).toEqual([
      ['/processor/zone', 'unknown-name'],
      ['/exemptions/0', 'unknown-name'],
      ['/recipients/0/items/0', 'recipient-item-not-in-catalogue'],
      ['/catalogue/0/item', 'decision-items-mismatch'],
    ]);
  });

  it('re-decides a report: unchanged with the bundle it was filed with, the changed item named after an amendment', async () => {
    const report = reportWith(policy);
    expect(checkReport(policy, report)).toMatchObject({ problems: [], changes: [], policyChanged: false });
    const amended = await Policy.load(await readFile(join(dir, 'amended.tar.gz')));
    const check = checkReport(amended, report);
    expect(check.policyChanged).toBe(true);
    expect(check.changes.map((c) => [c.item, c.filed, c.now])).toEqual([['icv.owner-pi', 'exempt', 'standard-contract-or-certification']]);
    expect(check.changes[0]!.reasons.map((r) => r.source)).toEqual(['icv.owner-pi']);
  });
});

describe('qingdan report check', () => {
  it('exits 0 for a report unchanged under the bundle it was filed with (signed by the trusted key)', async () => {
    const r = await runCli(['report', 'check', join(dir, 'report.json'), '--bundle', join(dir, 'base.tar.gz'), '--key', join(dir, 'public.pem'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, policyChanged: false, changes: [] });
    // The same report saved with a byte order mark, as Windows editors save UTF-8.
    await writeFile(join(dir, 'report-bom.json'), `\uFEFF${await readFile(join(dir, 'report.json'), 'utf8')}`);
    const bom = await runCli(['report', 'check', join(dir, 'report-bom.json'), '--bundle', join(dir, 'base.tar.gz'), '--key', join(dir, 'public.pem'), '--json']);
    expect([bom.code, JSON.parse(bom.stdout).ok]).toEqual([0, true]);
  });

  it('exits 1 naming the item whose pathway changed after the list was amended', async () => {
    const r = await runCli(['report', 'check', join(dir, 'report.json'), '--bundle', join(dir, 'amended.tar.gz'), '--key', join(dir, 'public.pem'), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { policyChanged: boolean; current: { version: string }; changes: { item?: string; filed: string; now: string }[] };
    expect(out.policyChanged).toBe(true);
    expect(out.current.version).toBe('9.3.0');
    expect(out.changes.map((c) => [c.item, c.filed, c.now])).toEqual([['icv.owner-pi', 'exempt', 'standard-contract-or-certification']]);
    const text = await runCli(['report', 'check', join(dir, 'report.json'), '--bundle', join(dir, 'amended.tar.gz')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('icv.owner-pi');
  });

  it('exits 1 with every problem of an invalid report; 2 for a bundle no trusted key signed, a missing file or a bad --as-of', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...reportWith(policy), catalogue: [{ item: 'icv.owner-pi', persons: -1 }] }));
    const bad = await runCli(['report', 'check', join(dir, 'bad.json'), '--dist', dist, '--json']);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as { problems: { pointer: string; code: string }[] }).problems.map((p) => [p.pointer, p.code])).toEqual(
      expect.arrayContaining([
        ['/catalogue/0/sensitivePersons', 'schema'],
        ['/catalogue/0/persons', 'schema'],
      ]),
    );
    await writeFile(join(dir, 'not-json.json'), '{"version": 1,');
    const notJson = await runCli(['report', 'check', join(dir, 'not-json.json'), '--dist', dist]);
    expect([notJson.code, notJson.stderr]).toEqual([1, expect.stringContaining('[not-json]')]);
    const untrusted = await runCli(['report', 'check', join(dir, 'report.json'), '--bundle', join(dir, 'base.tar.gz'), '--key', join(dir, 'other.pem')]);
    expect([untrusted.code, untrusted.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-policy-refused', { path: join(dir, 'base.tar.gz'), reason: 'signature-unknown-key' })]);
    expect((await runCli(['report', 'check', join(dir, 'absent.json'), '--dist', dist])).code).toBe(2);
    expect((await runCli(['report', 'check', join(dir, 'report.json'), '--dist', dist, '--as-of', '2027-13-01'])).code).toBe(2);
    for (const r of [bad, notJson, untrusted]) expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

/** A log of the exports behind REQUEST's report, with what Art. 27 does not count and bad lines. */
const LOG = [
  '{"date":"2027-01-03","item":"icv.owner-pi","persons":79000}',
  // the same five persons sent again and again count five times… once each
  ...['p1', 'p2', 'p1', 'p3', 'p4', 'p1', 'p5', 'p2'].map((k) => `{"date":"2027-02-01","item":"icv.owner-pi","personKey":"${k}"}`),
  // sensitive personal information of two persons (one twice): not reported — crosses the row's threshold
  '{"date":"2027-03-01","item":"icv.owner-pi","personKey":"p9","sensitive":true}',
  '{"date":"2027-03-02","item":"icv.owner-pi","personKey":"p9","sensitive":true}\r',
  '{"date":"2027-03-02","item":"icv.owner-pi","personKey":"p10","sensitive":true}',
  // under national Art. 5(1): not counted (measures Art. 27), else owner-pi would pass 10万
  '{"date":"2027-03-05","item":"icv.owner-pi","persons":50000,"exemption":"art5.1"}',
  '{"date":"2026-12-31","item":"icv.owner-pi","persons":999999}',
  '{"date":"2027-04-01","item":"icv.supplier-contacts","persons":120000}',
  '',
  '{"date":"2027-04-02","item":"icv.driving-trajectory","sensitivePersons":3}',
  'not json',
  '{"date":"2027-02-30","item":"icv.owner-pi","persons":1}',
  '{"date":"2027-04-03","item":"icv.owner-pi","persons":-1}',
  '{"date":"2027-04-04","item":"icv.owner-pi","persons":1,"exemption":"art9"}',
  '[1]',
].join('\n');

describe('qingdan report compare', () => {
  it('counts as Art. 27 does and lists every difference; bad lines located and coded', async () => {
    await writeFile(join(dir, 'exports.jsonl'), LOG);
    const r = await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'exports.jsonl'), '--bundle', join(dir, 'base.tar.gz'), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      lines: number;
      otherYear: number;
      invalid: number;
      problems: { line: number; pointer: string; code: string }[];
      parts: { item: string; persons: number; sensitivePersons: number; excludedLines: number; excludedPersons: number }[];
      differences: { kind: string; item?: string; measure?: string; filed?: string; actual?: unknown }[];
    };
    expect(out.lines).toBe(22);
    expect(out.otherYear).toBe(1);
    expect(out.problems.map((p) => [p.line, p.code, p.pointer])).toEqual([
      [18, 'not-json', ''],
      [19, 'line-invalid', '/date'],
      [20, 'line-invalid', '/persons'],
      [21, 'unknown-exemption', '/exemption'],
      [22, 'line-invalid', ''],
    ]);
    expect(out.invalid).toBe(5);
    expect(out.parts.find((p) => p.item === 'icv.owner-pi')).toMatchObject({ persons: 79_005, sensitivePersons: 2, excludedLines: 1, excludedPersons: 50_000 });
    expect(out.differences.map((d) => [d.kind, d.item, d.measure ?? d.actual])).toEqual([
      ['volume-below-report', 'icv.owner-pi', 'persons'],
      ['volume-above-report', 'icv.owner-pi', 'sensitivePersons'],
      ['unreported-item', 'icv.driving-trajectory', undefined],
      ['threshold-crossed', 'icv.owner-pi', 'standard-contract-or-certification'],
      ['threshold-crossed', 'icv.driving-trajectory', 'standard-contract-or-certification'],
    ]);
    const text = await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'exports.jsonl'), '--bundle', join(dir, 'base.tar.gz')]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`exports.jsonl:18: [not-json]`);
    expect(text.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 0 for a log consistent with the report, and 2 for a log it cannot read', async () => {
    await writeFile(join(dir, 'consistent.jsonl'), '{"date":"2027-01-03","item":"icv.owner-pi","persons":80000}\n{"date":"2027-04-01","item":"icv.supplier-contacts","persons":120000}\n');
    const ok = await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'consistent.jsonl'), '--dist', dist, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, differences: [] });
    expect((await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'absent.jsonl'), '--dist', dist])).code).toBe(2);
    expect((await runCli(['report', 'compare', join(dir, 'report.json'), dir, '--dist', dist])).code).toBe(2);
  });

  it('names every reported part the log has no line of, and says "consistent" only when nothing failed (an empty log was consistent)', async () => {
    await writeFile(join(dir, 'empty.jsonl'), '');
    const empty = await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'empty.jsonl'), '--dist', dist, '--json']);
    const below = (JSON.parse(empty.stdout) as { differences: { kind: string; item: string; actual: number }[] }).differences;
    expect(below.map((d) => [d.kind, d.item, d.actual])).toEqual([
      ['volume-below-report', 'icv.owner-pi', 0],
      ['volume-below-report', 'icv.supplier-contacts', 0],
    ]);
    const emptyText = await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'empty.jsonl'), '--dist', dist]);
    expect(emptyText.stdout).not.toContain('consistent with');
    await writeFile(join(dir, 'bad.jsonl'), 'bad\n');
    const bad = await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'bad.jsonl'), '--dist', dist]);
    expect([bad.code, bad.stdout.includes('consistent with')]).toEqual([1, false]);
  });

  it('decides a volume past the contract\'s largest at that largest, as strictly (it blamed the log as unreadable)', async () => {
    await writeFile(join(dir, 'huge.jsonl'), '{"date":"2027-01-03","item":"icv.owner-pi","persons":999999999999999}\n');
    const r = await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'huge.jsonl'), '--dist', dist, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { actualPathway: string; differences: { kind: string; item?: string }[] };
    expect(out.actualPathway).toBe('security-assessment');
    expect(out.differences.filter((d) => d.kind === 'threshold-crossed').map((d) => d.item)).toContain('icv.owner-pi');
  });

  it('reads a log from standard input (-), and refuses a device by what it is (it said "a folder", and "-" was no file)', async () => {
    const line = '{"date":"2027-01-03","item":"icv.owner-pi","persons":80000}\n{"date":"2027-04-01","item":"icv.supplier-contacts","persons":120000}\n';
    const piped = await runCli(['report', 'compare', join(dir, 'report.json'), '-', '--dist', dist, '--json'], { stdin: line });
    expect([piped.code, (JSON.parse(piped.stdout) as { lines: number }).lines]).toEqual([0, 2]);
    const zero = await runCli(['report', 'compare', join(dir, 'report.json'), '/dev/zero', '--dist', dist]);
    expect([zero.code, zero.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cannot-read', { path: '/dev/zero', reason: 'not-regular' })]);
  });

  it('stops, said, when the person keys exceed the bound', async () => {
    const r = await runCli(['report', 'compare', join(dir, 'report.json'), join(dir, 'exports.jsonl'), '--dist', dist, '--max-persons', '3', '--json']);
    const out = JSON.parse(r.stdout) as { incomplete: boolean; problems: { code: string; line: number }[] };
    expect(r.code).toBe(1);
    expect(out.incomplete).toBe(true);
    expect(out.problems.at(-1)).toMatchObject({ code: 'too-many-persons', line: 6 });
  });
});

describe('the export log counter', () => {
  const exemptions = new Set(['art3', 'art4', 'art5.1', 'art5.2', 'art5.3']);
  const countOf = (chunks: readonly Uint8Array[], maxLineBytes?: number) => {
    const c = new ExportLogCounter({ year: 2027, exemptions, ...(maxLineBytes ? { maxLineBytes } : {}) });
    for (const chunk of chunks) c.push(chunk);
    return c.finish();
  };

  it('counts the same however the bytes are cut into chunks', () => {
    const bytes = Buffer.from(LOG + '\n{"date":"2027-05-01","item":"personalInfo","personKey":"甲"}');
    const whole = countOf([bytes]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        expect(countOf(points.slice(1).map((end, i) => bytes.subarray(points[i]!, end)))).toEqual(whole);
      }),
      { seed: 3, numRuns: 200 },
    );
    expect(whole.parts.find((p) => p.item === 'personalInfo')).toMatchObject({ persons: 1 });
  });

  it('counts a log saved with a byte order mark as the same log without it, however the chunks cut the mark', () => {
    const bytes = Buffer.from(LOG);
    const whole = countOf([bytes]);
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    for (const cut of [1, 2, 3, 4, 10]) expect(countOf([marked.subarray(0, cut), marked.subarray(cut)])).toEqual(whole);
    expect(countOf([marked.subarray(0, 1), marked.subarray(1, 2), marked.subarray(2)])).toEqual(whole);
    // Only at the very start: the same bytes later in a line are that line's.
    expect(countOf([Buffer.concat([bytes, Buffer.from('\n\uFEFF{}')])]).invalid).toBe(whole.invalid + 1);
    // A log of nothing but the start of a mark is one line, and not JSON.
    expect(countOf([Buffer.from([0xef, 0xbb])]).problems.map((p) => p.code)).toEqual(['not-json']);
  });

  it('reads a line the same whether it is in the documented order (read from bytes) or not (parsed as JSON)', () => {
    const line = fc.record({
      date: fc.constantFrom('2027-01-01', '2027-02-29', '2028-02-29', '2026-12-31', '2027-13-01', '2027-00-10'),
      item: fc.constantFrom('icv.owner-pi', 'icv.ota-records', 'personalInfo', 'bad item', 'icv.'),
      volume: fc.oneof(
        fc.record({ persons: fc.oneof(fc.nat(), fc.constant(-1), fc.constant(1.5)) }, { requiredKeys: [] }),
        fc.record({ persons: fc.nat(99_999), sensitivePersons: fc.nat(99_999) }),
        fc.record({ personKey: fc.oneof(fc.constantFrom('p1', 'p2', '甲', ''), fc.string({ maxLength: 4 })), sensitive: fc.boolean() }, { requiredKeys: ['personKey'] }),
      ),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const canonical = lines.map((l) => JSON.stringify({ date: l.date, item: l.item, ...l.volume })).join('\n');
        const reordered = lines.map((l) => JSON.stringify({ ...l.volume, item: l.item, date: l.date }, null, 1).replace(/\n/g, '')).join('\n');
        expect(countOf([Buffer.from(canonical)])).toEqual(countOf([Buffer.from(reordered)]));
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('counts every line the same read from its bytes as parsed as JSON: exemptions, odd spacing, escapes, duplicates, unicode keys, odd numbers', () => {
    // Each line as a machine writes it (documented order, no spaces), sometimes disturbed; the
    // reference is the same text with one leading space per line, which only JSON.parse reads.
    // Mostly valid values (so the same person recurs often), sometimes an odd one.
    const mostly = <T,>(usual: readonly T[], odd: readonly T[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
    const value = mostly(['0', '7', '12345', '999999999999999'], ['1234567890123456', '-1', '1.5', '01', '1.0', '1e1', '"3"', 'null']);
    const key = fc.oneof(
      mostly(['p1', 'p2', '甲', '\\u0070\\u0031'], ['p1 ', '甲乙', 'é', 'a\\b', 'a\\"b', '', '~', '\\u007f', 'a\x7f', 'a\tb', 'a\u0001bcdef']),
      // The same person written plainly or with an escape, the escape at each place in a four-byte word.
      { weight: 3, arbitrary: fc.tuple(fc.nat(3), fc.boolean()).map(([n, escaped]) => `${'q'.repeat(n)}${escaped ? '\\u0032' : '2'}`) },
      // Around the longest key read (256).
      fc.integer({ min: 250, max: 262 }).map((n) => 'y'.repeat(n)),
    );
    const line = fc.record({
      date: mostly(['2027-01-01', '2027-12-31'], ['2028-02-29', '2027-02-29', '2026-12-31', '2027-13-01', '2027-1-01', '2O27-01-01']),
      item: mostly(['icv.owner-pi', 'personalInfo'], ['icv.owner-p', 'icv.owner-pi2', 'a.b', 'bad item', 'icv.', 'icv.ow\\u006eer-pi', 'icv.甲']),
      volume: fc.oneof(
        fc.record({ persons: value }),
        fc.record({ sensitivePersons: value }),
        fc.record({ persons: value, sensitivePersons: value }),
        fc.record({ sensitivePersons: value, persons: value }),
        { weight: 3, arbitrary: fc.record({ personKey: key }) },
        { weight: 3, arbitrary: fc.record({ personKey: key, sensitive: mostly(['true', 'false'], ['"true"', '1']) }) },
        fc.record({ personKey: key, persons: value }),
        fc.constant({}),
      ),
      exemption: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: mostly(['"art5.1"', '"art3"', '"art5.3"'], ['"art9"', '"art5"', '"art5.1 "', '"art5\\u002e1"', '5', 'null']) }),
      // Mostly the documented form: nothing extra, no space (a space goes before field `space` if there is one).
      extra: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(',"note":"x"', ' ', ',"exemption":"art3"') }),
      space: fc.nat(14),
    });
    const render = (l: { date: string; item: string; volume: Record<string, string>; exemption?: string; extra?: string; space: number }): string => {
      const fields = [`"date":"${l.date}"`, `"item":"${l.item}"`, ...Object.entries(l.volume).map(([k, v]) => `"${k}":${k === 'personKey' ? `"${v}"` : v}`)];
      if (l.exemption !== undefined) fields.push(`"exemption":${l.exemption}`);
      // Sometimes a space after a colon or a comma (valid JSON, not the documented form).
      const text = `{${fields.map((f, i) => (i === l.space ? ` ${f.replace(':', ': ')}` : f)).join(',')}}`;
      return l.extra === undefined ? text : `${text.slice(0, -1)}${l.extra}}`;
    };
    const shape = (c: ReturnType<typeof countOf>) => ({ ...c, problems: c.problems.map(({ message: _, ...p }) => p) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const texts = lines.map(render);
        const read = countOf([Buffer.from(texts.join('\n'))]);
        expect(shape(read)).toEqual(shape(countOf([Buffer.from(texts.map((t) => ` ${t}`).join('\n'))])));
      }),
      { seed: 16, numRuns: 600 },
    );
  });

  it('cuts lines at their line breaks even where an item left open would read on into the next line', () => {
    const count = countOf([Buffer.from('{"date":"2027-01-01","item":"a.b\n","persons":5}\n{"date":"2027-01-01","item":"a.b","persons":2}\r\n{"date":"2027-01-01","item":"a.b","persons":3}\r\r\n')]);
    expect(count.lines).toBe(4);
    expect(count.problems.map((p) => [p.line, p.code])).toEqual([[1, 'not-json'], [2, 'not-json']]);
    expect(count.parts).toMatchObject([{ item: 'a.b', persons: 5, firstLine: 3, lastLine: 4 }]);
  });

  it('reads an exempt transfer in the documented form as not counted, with its persons set apart', () => {
    const count = countOf([
      Buffer.from(
        [
          '{"date":"2027-03-05","item":"icv.owner-pi","persons":40,"exemption":"art5.1"}',
          '{"date":"2027-03-05","item":"icv.owner-pi","persons":2,"sensitivePersons":3,"exemption":"art3"}',
          '{"date":"2027-03-06","item":"icv.owner-pi","personKey":"p1","sensitive":true,"exemption":"art4"}',
          '{"date":"2027-03-07","item":"icv.owner-pi","personKey":"p1","sensitive":true}',
          '{"date":"2026-03-07","item":"icv.owner-pi","persons":9,"exemption":"art5.2"}',
          '{"date":"2027-03-08","item":"icv.owner-pi","persons":9,"exemption":"art9"}',
        ].join('\n'),
      ),
    ]);
    expect(count.parts).toEqual([{ item: 'icv.owner-pi', lines: 1, persons: 0, sensitivePersons: 1, excludedLines: 3, excludedPersons: 46, firstLine: 4, lastLine: 4, lastDate: '2027-03-07' }]);
    expect(count.otherYear).toBe(1);
    expect(count.problems.map((p) => [p.line, p.code, p.pointer])).toEqual([[6, 'unknown-exemption', '/exemption']]);
  });

  it('finds each line\'s item by its bytes, past the items it keeps as bytes and among items that are prefixes of others', () => {
    // 45 items (more than the counter keeps as bytes), with l.i1 a prefix of l.i10–l.i19.
    const items = Array.from({ length: 45 }, (_, i) => `l.i${i}`);
    const lines: string[] = [];
    const expected = new Map<string, number>();
    for (let n = 0; n < 2_000; n++) {
      const item = items[(n * 7) % items.length]!;
      const persons = n % 13;
      lines.push(JSON.stringify({ date: '2027-03-01', item, persons }));
      expected.set(item, (expected.get(item) ?? 0) + persons);
    }
    const count = countOf([Buffer.from(lines.join('\n'))]);
    expect(new Map(count.parts.map((p) => [p.item, p.persons]))).toEqual(expected);
    const reordered = lines.map((l) => JSON.stringify(JSON.parse(l), ['persons', 'item', 'date'])).join('\n');
    expect(countOf([Buffer.from(reordered)])).toEqual(count);
  });

  it('counts a file read into one reused buffer the same as the whole log, however small the buffer', async () => {
    const path = join(dir, 'chunks.jsonl');
    await writeFile(path, LOG);
    const whole = countOf([Buffer.from(LOG)]);
    for (const size of [1, 3, 7, 64, 1 << 20]) {
      const handle = await open(path, 'r');
      try {
        expect(await countExportLog(fileChunks(handle, size), { year: 2027, exemptions })).toEqual({ ...whole, incomplete: false });
      } finally {
        await handle.close();
      }
    }
  });

  it('refuses a line longer than the bound without holding it, and goes on', () => {
    const long = `{"date":"2027-01-01","item":"icv.owner-pi","persons":1,"note":"${'x'.repeat(300)}"}`;
    const count = countOf([Buffer.from(`${long.slice(0, 100)}`), Buffer.from(`${long.slice(100)}\n{"date":"2027-01-02","item":"icv.owner-pi","persons":2}\n`)], 200);
    expect(count.problems.map((p) => [p.line, p.code])).toEqual([[1, 'line-too-long']]);
    expect(count.parts[0]).toMatchObject({ persons: 2, firstLine: 2 });
  });

  it('de-duplicates persons looked up in batches exactly as one at a time, and refuses the same person past the limit', () => {
    // A key's bytes where a line would have them: after other bytes, before others.
    const bytesOf = (key: string): [DataView, number, number] => {
      const b = Buffer.from(`{"x":"${key}"}`);
      return [new DataView(b.buffer, b.byteOffset, b.length), 6, 6 + key.length];
    };
    const keys: [number, string][] = [];
    let seed = 11;
    for (let n = 0; n < 50_000; n++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      keys.push([seed % 5, `k${(seed >>> 9) % 20_000}`]);
    }
    const reference = new Map<number, Set<string>>();
    for (const [slot, key] of keys) reference.set(slot, (reference.get(slot) ?? new Set()).add(key));
    const batched = new PersonSet(1_000_000, 16);
    for (const [slot, key] of keys) batched.defer(slot, ...bytesOf(key));
    batched.flush();
    for (const [slot, set] of reference) expect(batched.countOf(slot)).toBe(set.size);
    expect(batched.size).toBe([...reference.values()].reduce((n, s) => n + s.size, 0));
    // A key given as a string is the same person as its bytes.
    for (const [slot, key] of keys.slice(0, 2_000)) expect(batched.add(slot, key)).toBe(false);
    expect(batched.add(0, 'k20000')).toBe(true);
    // The limit: the same person (the same n) is refused, batched or not.
    const refusedAt = (defer: boolean): number => {
      const set = new PersonSet(7_000, 16);
      for (let n = 0; n < keys.length; n++) {
        const [slot, key] = keys[n]!;
        try {
          if (defer) set.defer(slot, ...bytesOf(key));
          else set.add(slot, key);
        } catch (e) {
          expect(e).toBeInstanceOf(PersonLimitError);
          return n;
        }
      }
      return -1;
    };
    expect(refusedAt(true)).toBeGreaterThan(7_000);
    expect(refusedAt(true)).toBe(refusedAt(false));
  });

  it('de-duplicates person keys per item and measure exactly (hashed set against a Set of strings)', () => {
    const set = new PersonSet(1_000_000, 16);
    const reference = new Set<string>();
    let seed = 5;
    let disagreements = 0;
    for (let n = 0; n < 200_000; n++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const slot = seed % 3;
      const key = `person-${(seed >>> 8) % 60_000}`;
      if (set.add(slot, key) === reference.has(`${slot}/${key}`)) disagreements++;
      reference.add(`${slot}/${key}`);
    }
    expect(disagreements).toBe(0);
    expect(set.size).toBe(reference.size);
    expect(set.size).toBeGreaterThan(100_000); // the table grew many times
  });
});
