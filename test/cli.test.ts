/**
 * The CLI as a user runs it: exit codes, JSON output, NO_COLOR, and no stack trace on any input.
 * Commands run in-process through the same `main` as bin/qingdan.js (see runCli); the smoke
 * tests at the end spawn the compiled command once per command.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../cli/messages.js';
import { render } from '../compiler/diagnostics.js';
import { latinWordsIn } from './latin-words.js';
import { diagnosticLine, projectTempDir, ROOT, runCli as qingdan, spawnCli, STACK_FRAME, tempDir, type CliRun } from './support.js';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('qingdan check', () => {
  it('exits 0 on the real policy', async () => {
    const r = await qingdan(['check']);
    expect(r.stderr).toMatch(/no errors/);
    expect(r.code).toBe(0);
  });

  it('exits 1 with located, coded errors and a code frame', async () => {
    const dir = await projectTempDir();
    const file = join(dir, 'bad.qd');
    await writeFile(file, 'list icv "清单" {\n  secter S16\n}\n');
    const r = await qingdan(['check', 'policy', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[QD2001]');
    expect(r.stderr).toContain('bad.qd:2:3');
    expect(r.stderr).toContain("did you mean 'sector'?");
    expect(r.stderr).toMatch(/2 \| {3}secter S16\n\s+\| {3}\^{6}/);
    expect(r.stderr).not.toMatch(/\x1b\[/); // NO_COLOR
  });

  it('prints diagnostics as JSON with --json', async () => {
    const dir = await projectTempDir();
    const file = join(dir, 'bad.qd');
    await writeFile(file, 'zone x "区" basis measures.art99\n');
    const r = await qingdan(['check', '--json', 'policy', file]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'QD2003', line: 1, column: 18, severity: 'error', hint: expect.objectContaining({ id: 'did-you-mean', args: { words: expect.arrayContaining(['measures.art9']) } }) })]);
  });

  it('exits 2 on usage errors and unreadable paths', async () => {
    expect((await qingdan(['check', '--bogus'])).code).toBe(2);
    expect((await qingdan(['frobnicate'])).code).toBe(2);
    const missing = await qingdan(['check', 'no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('QD4001');
  });

  it('prints help and exits 0', async () => {
    const r = await qingdan(['build', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--out');
    expect(r.stdout).toContain('--json');
  });

  it('accepts an empty file', async () => {
    const dir = await projectTempDir();
    await writeFile(join(dir, 'empty.qd'), '');
    expect((await qingdan(['check', 'policy', join(dir, 'empty.qd')])).code).toBe(0);
  });

  it('never prints a stack trace, whatever the input', async () => {
    const dir = await projectTempDir();
    const inputs: Record<string, string | Buffer> = {
      'binary.qd': Buffer.from([0, 255, 254, 1, 2, 3, 0x7b, 0x22]),
      'nested.qd': `${'list a "x" { scenario s "y" { '.repeat(200)}`,
      'chinese.qd': '清单 智能网联汽车 { 车主个人信息 }',
      'braces.qd': '}}}}{{{{',
      'strings.qd': '"unterminated\n"also',
      'long.qd': `list a "${'长'.repeat(100_000)}" {`,
      'numbers.qd': 'list a "x" { scenario s "y" { item i "z" { assessment when persons >= 99999999999999999999999万 } } }',
    };
    for (const [name, content] of Object.entries(inputs)) {
      await writeFile(join(dir, name), content);
      const r = await qingdan(['check', join(dir, name)]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).not.toMatch(STACK_FRAME);
      expect(r.stderr, name).toMatch(/error\[QD\d{4}\]/);
    }
  });
});

describe('qingdan diff', () => {
  it('says an unknown revision is unknown (exit 2), not an internal error', async () => {
    const r = await qingdan(['diff', 'no-such-revision']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error\[QD4031\]: [^\n]*'no-such-revision'\n/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('says a folder outside any git repository is one (QD4032), not that the revision is unknown', async () => {
    const dir = await tempDir();
    const r = await qingdan(['diff', 'HEAD~1', 'HEAD'], { cwd: dir });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('not-a-repository', { path: dir })]);
    // With no revision named, the default base is looked for: an internal error before.
    const bare = await qingdan(['diff'], { cwd: dir });
    expect([bare.code, bare.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('not-a-repository', { path: dir })]);
  });
});

describe('qingdan evaluate', () => {
  const request = { asOf: '2027-06-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 150_000 } } };
  // One `qingdan build` serves every test that decides: they only read what it wrote.
  let dir: string;
  let built: CliRun;
  beforeAll(async () => {
    dir = await tempDir();
    built = await qingdan(['build', '--out', join(dir, 'dist')]);
  });

  it('prints a readable decision with citations and exits 0', async () => {
    expect(built.code).toBe(0);
    const file = join(dir, 'request.json');
    await writeFile(file, JSON.stringify(request));
    const r = await qingdan(['evaluate', file, '--dist', join(dir, 'dist')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pathway: standard-contract-or-certification');
    expect(r.stdout).toContain('national.art8');
    // In Chinese: the labels catalogued, the law's wording only, no English prose (a reason's source, baseline or a list id, is code).
    const zh = await qingdan(['--lang', 'zh', 'evaluate', file, '--dist', join(dir, 'dist')]);
    expect(zh.stdout).toContain(`${render(MESSAGES['decision-pathway'], {}, 'zh')}：standard-contract-or-certification`);
    expect(latinWordsIn(zh.stdout).filter((w) => w !== 'baseline'), zh.stdout).toEqual([]);
    const json = await qingdan(['evaluate', file, '--dist', join(dir, 'dist'), '--json', '--as-of', '2028-01-02']);
    expect(JSON.parse(json.stdout)).toMatchObject({ pathway: 'standard-contract-or-certification', asOf: '2028-01-02', basis: { kind: 'baseline' } });
  });

  it('reads a request saved with a byte order mark (as Windows editors save UTF-8), from a file and from stdin', async () => {
    expect(built.code).toBe(0);
    const file = join(dir, 'request-bom.json');
    await writeFile(file, `\uFEFF${JSON.stringify(request)}`);
    const fromFile = await qingdan(['evaluate', file, '--dist', join(dir, 'dist'), '--json']);
    expect([fromFile.code, JSON.parse(fromFile.stdout).pathway]).toEqual([0, 'standard-contract-or-certification']);
    const fromStdin = await qingdan(['evaluate', '-', '--dist', join(dir, 'dist'), '--json'], { stdin: `\uFEFF${JSON.stringify(request)}` });
    expect([fromStdin.code, JSON.parse(fromStdin.stdout).pathway]).toEqual([0, 'standard-contract-or-certification']);
  });

  it('reads a request or a report only up to 16 MiB, from a file or an endless stdin (before: `yes | qingdan evaluate -` read until the heap ran out)', async () => {
    let pulled = 0;
    const chunk = '{'.repeat(64 * 1024);
    async function* endless() {
      for (;;) {
        pulled++;
        yield chunk;
      }
    }
    const limit = 16 * 1024 * 1024;
    const fromStdin = await qingdan(['evaluate', '-', '--dist', join(dir, 'dist')], { stdin: endless() });
    expect([fromStdin.code, fromStdin.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-stdin-too-large', { limit })]);
    expect(pulled).toBeLessThan(limit / chunk.length + 8); // it stopped reading
    const big = join(dir, 'big.json');
    await writeFile(big, '');
    await truncate(big, limit + 1); // sparse: no 16 MiB written
    const fromFile = await qingdan(['evaluate', big, '--dist', join(dir, 'dist')]);
    expect([fromFile.code, fromFile.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-input-too-large', { path: big, limit })]);
    const report = await qingdan(['report', 'check', big, '--dist', join(dir, 'dist')]);
    expect([report.code, report.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-input-too-large', { path: big, limit })]);
  });

  it('decides the README examples as the README shows', async () => {
    expect(built.code).toBe(0);
    const decide = async (name: string) => JSON.parse((await qingdan(['evaluate', `examples/requests/${name}.json`, '--dist', join(dir, 'dist'), '--json'])).stdout);
    expect(await decide('ecommerce-payments-preview')).toMatchObject({
      pathway: 'standard-contract-or-certification',
      preview: true,
      basis: { kind: 'list', lists: ['cross-border-ecommerce'] },
      reasons: [{ code: 'list-item-threshold', source: 'cross-border-ecommerce.payment-transactions', citations: ['measures.art10'] }],
    });
    expect(await decide('outside-zone-national')).toMatchObject({
      pathway: 'security-assessment',
      basis: { kind: 'baseline' },
      reasons: [{ code: 'national-threshold', citations: ['measures.art14', 'national.art7'] }],
    });
  });

  it('exits 1 on an invalid request, as report check does on an invalid report, naming the file and every problem', async () => {
    const file = join(dir, 'invalid-request.json');
    await writeFile(file, JSON.stringify({ ...request, processor: { zone: 'mars' } }));
    const r = await qingdan(['evaluate', file, '--dist', join(dir, 'dist')]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toContain(file);
    expect(r.stderr).toContain('/processor/zone');
    expect(r.stderr).toContain('/processor/ciio');
  });

  it('refuses an --as-of that is no day as the option\u2019s mistake, as report check does (QD4060)', async () => {
    const file = join(dir, 'request.json');
    await writeFile(file, JSON.stringify(request));
    for (const asOf of ['2027-02-29', '']) {
      const r = await qingdan(['evaluate', file, '--dist', join(dir, 'dist'), '--as-of', asOf]);
      expect([asOf, r.code, r.stderr.split('\n')[0]]).toEqual([asOf, 2, diagnosticLine('cli-invalid-date', { option: '--as-of', date: `'${asOf}'` })]);
    }
  });

  it('exits 2 with a clear message when there is no built policy', async () => {
    const dir = await tempDir();
    const file = join(dir, 'request.json');
    await writeFile(file, JSON.stringify(request));
    const r = await qingdan(['evaluate', file, '--dist', join(dir, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(diagnosticLine('cli-policy-refused', { path: join(dir, 'nowhere'), reason: 'missing' }));
    expect(r.stderr).toMatch(/= runtime \(its own output, verbatim\): *\n.*qingdan build/);
  });
});

/**
 * Each command once as a user runs it: `node bin/qingdan.js` on the compiled lib/ (which
 * test/global-setup.ts brings up to date), with its exit code, what goes to stdout and what to
 * stderr, and no stack trace.
 */
describe('the installed command, one spawned process per command', () => {
  const request = { asOf: '2027-06-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 150_000 } } };
  const noTrace = (r: { stdout: string; stderr: string }) => {
    expect(r.stdout).not.toMatch(STACK_FRAME);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  };

  it('--version prints the version on stdout', () => {
    const r = spawnCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('check: diagnostics on stderr, nothing on stdout, exit 1', async () => {
    const dir = await projectTempDir();
    await writeFile(join(dir, 'bad.qd'), 'list icv "清单" {\n  secter S16\n}\n');
    const r = spawnCli(['check', join(dir, 'bad.qd')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error[QD2001]');
    noTrace(r);
  });

  it('build, evaluate and gazette: JSON and page lists on stdout, nothing on stderr', async () => {
    const dir = await tempDir();
    const built = spawnCli(['build', '--out', join(dir, 'dist'), '--json']);
    expect(built.code).toBe(0);
    expect(built.stderr).toBe('');
    expect(JSON.parse(built.stdout)).toMatchObject({ ok: true, files: expect.arrayContaining(['policy.json', 'manifest.json']) });

    const decided = spawnCli(['evaluate', '-', '--dist', join(dir, 'dist'), '--json'], { stdin: JSON.stringify(request) });
    expect(decided.code).toBe(0);
    expect(decided.stderr).toBe('');
    expect(JSON.parse(decided.stdout)).toMatchObject({ pathway: 'standard-contract-or-certification', basis: { kind: 'baseline' } });

    const pages = spawnCli(['gazette', 'measures', '--dist', join(dir, 'dist')]);
    expect(pages).toMatchObject({ code: 0, stdout: `${join(dir, 'dist', 'gazette', 'measures.html')}\n`, stderr: '' });
  });

  it('keys, bundle and verify: a key id and a verdict on stdout, what was written on stderr', async () => {
    const dir = await tempDir();
    const keys = spawnCli(['keys', 'generate', 'keys'], { cwd: dir });
    expect(keys.code).toBe(0);
    expect(keys.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(keys.stderr).toContain('private.pem');

    const bundled = spawnCli(['bundle', '-o', join(dir, 'bundle.tar.gz'), '--sign', join(dir, 'keys/private.pem')]);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe('');
    expect(bundled.stderr).toMatch(/^bundled .*, signed into /);

    const verified = spawnCli(['verify', 'bundle.tar.gz', '--key', 'keys/public.pem', '--json'], { cwd: dir });
    expect(verified.code).toBe(0);
    expect(verified.stderr).toBe('');
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
  });

  it('diff and release check: an unknown revision is exit 2 with one coded diagnostic on stderr', () => {
    for (const args of [['diff', 'no-such-revision'], ['release', 'check', '--base', 'no-such-revision']]) {
      const r = spawnCli(args);
      expect(r, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^error\[QD4031\]: [^\n]*'no-such-revision'\n {2}= hint: [^\n]*\n$/);
    }
  });

  it('proposal and governance: JSON verdicts on stdout', () => {
    const status = spawnCli(['proposal', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(status.stderr).toBe('');
    expect(JSON.parse(status.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ id: expect.any(String), stage: expect.any(String) })]));

    const governance = spawnCli(['governance', 'check', '--no-history', '--json']);
    expect(governance.code).toBe(0);
    expect(governance.stderr).toBe('');
    expect(JSON.parse(governance.stdout)).toMatchObject({ ok: true, history: false });
  });

  it('stops quietly when its reader closes the pipe (`qingdan … | head`)', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/qingdan.js'), '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('says an output it cannot write (a full disk behind `> file`) as QD4016 with exit 2 (a stack trace and exit 1 before)', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [join(ROOT, 'bin/qingdan.js'), 'governance', 'check', '--no-history', '--json'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', LC_ALL: 'en_US.UTF-8' }, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const [code] = (await once(child, 'close')) as [number | null];
      expect([code, stderr.split('\n')[0]]).toEqual([2, diagnosticLine('io-failed', { operation: 'write', path: '<stdout>', reason: 'ENOSPC' })]);
      expect(stderr).not.toMatch(STACK_FRAME);
    } finally {
      closeSync(full);
    }
  });

  it('shows the control characters of a path in its messages escaped, as diagnostics do (they went to the terminal raw)', async () => {
    const dir = join(await tempDir(), 'keys\u001b[31mred');
    const r = await qingdan(['keys', 'generate', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('keys\\u001b[31mred');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('a usage error goes to stderr with exit 2', () => {
    const r = spawnCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error\[QD4051\]: .*frobnicate/);
    noTrace(r);
  });
});
