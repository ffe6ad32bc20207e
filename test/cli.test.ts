/** The CLI as a user runs it: exit codes, JSON output, NO_COLOR, and no stack trace on any input. */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './support.js';

function qingdan(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/qingdan.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('qingdan check', () => {
  it('exits 0 on the real policy', () => {
    const r = qingdan(['check']);
    expect(r.stderr).toMatch(/no errors/);
    expect(r.code).toBe(0);
  });

  it('exits 1 with located, coded errors and a code frame', async () => {
    const dir = await tempDir();
    const file = join(dir, 'bad.qd');
    await writeFile(file, 'list icv "清单" {\n  secter S16\n}\n');
    const r = qingdan(['check', 'policy', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[QD2001]');
    expect(r.stderr).toContain('bad.qd:2:3');
    expect(r.stderr).toContain("did you mean 'sector'?");
    expect(r.stderr).toMatch(/2 \| {3}secter S16\n\s+\| {3}\^{6}/);
    expect(r.stderr).not.toMatch(/\x1b\[/); // NO_COLOR
  });

  it('prints diagnostics as JSON with --json', async () => {
    const dir = await tempDir();
    const file = join(dir, 'bad.qd');
    await writeFile(file, 'zone x "区" basis measures.art99\n');
    const r = qingdan(['check', '--json', 'policy', file]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'QD2003', line: 1, column: 18, severity: 'error', hint: expect.stringContaining('measures.art9') })]);
  });

  it('exits 2 on usage errors and unreadable paths', () => {
    expect(qingdan(['check', '--bogus']).code).toBe(2);
    expect(qingdan(['frobnicate']).code).toBe(2);
    const missing = qingdan(['check', 'no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('QD4001');
  });

  it('prints help and exits 0', () => {
    const r = qingdan(['build', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--out');
    expect(r.stdout).toContain('--json');
  });

  it('accepts an empty file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.qd'), '');
    expect(qingdan(['check', join(dir, 'empty.qd')]).code).toBe(0);
  });

  it('never prints a stack trace, whatever the input', async () => {
    const dir = await tempDir();
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
      const r = qingdan(['check', join(dir, name)]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(r.stderr, name).toMatch(/error\[QD\d{4}\]/);
    }
  });
});

describe('qingdan diff', () => {
  it('says an unknown revision is unknown (exit 2), not an internal error', () => {
    const r = qingdan(['diff', 'no-such-revision']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qingdan: unknown git revision 'no-such-revision' (a commit, branch or tag of this repository)\n");
  });
});

describe('qingdan evaluate', () => {
  const request = { asOf: '2027-06-01', processor: { zone: 'outside', ciio: false }, transfer: { isExport: true, personalInfo: { persons: 150_000 } } };

  it('prints a readable decision with citations and exits 0', async () => {
    const dir = await tempDir();
    const built = qingdan(['build', '--out', join(dir, 'dist')]);
    expect(built.code).toBe(0);
    const file = join(dir, 'request.json');
    await writeFile(file, JSON.stringify(request));
    const r = qingdan(['evaluate', file, '--dist', join(dir, 'dist')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pathway: standard-contract-or-certification');
    expect(r.stdout).toContain('national.art8');
    const json = qingdan(['evaluate', file, '--dist', join(dir, 'dist'), '--json', '--as-of', '2028-01-02']);
    expect(JSON.parse(json.stdout)).toMatchObject({ pathway: 'standard-contract-or-certification', asOf: '2028-01-02', basis: { kind: 'baseline' } });
  });

  it('decides the README examples as the README shows', async () => {
    const dir = await tempDir();
    expect(qingdan(['build', '--out', join(dir, 'dist')]).code).toBe(0);
    const decide = (name: string) => JSON.parse(qingdan(['evaluate', `examples/requests/${name}.json`, '--dist', join(dir, 'dist'), '--json']).stdout);
    expect(decide('ecommerce-payments-preview')).toMatchObject({
      pathway: 'standard-contract-or-certification',
      preview: true,
      basis: { kind: 'list', lists: ['cross-border-ecommerce'] },
      reasons: [{ code: 'list-item-threshold', source: 'cross-border-ecommerce.payment-transactions', citations: ['measures.art10'] }],
    });
    expect(decide('outside-zone-national')).toMatchObject({
      pathway: 'security-assessment',
      basis: { kind: 'baseline' },
      reasons: [{ code: 'national-threshold', citations: ['measures.art14', 'national.art7'] }],
    });
  });

  it('exits 2 on an invalid request, listing every problem', async () => {
    const dir = await tempDir();
    qingdan(['build', '--out', join(dir, 'dist')]);
    const file = join(dir, 'request.json');
    await writeFile(file, JSON.stringify({ ...request, processor: { zone: 'mars' } }));
    const r = qingdan(['evaluate', file, '--dist', join(dir, 'dist')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/processor/zone');
    expect(r.stderr).toContain('/processor/ciio');
  });

  it('exits 2 with a clear message when there is no built policy', async () => {
    const dir = await tempDir();
    const file = join(dir, 'request.json');
    await writeFile(file, JSON.stringify(request));
    const r = qingdan(['evaluate', file, '--dist', join(dir, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot load the policy: .*qingdan build/);
  });
});
