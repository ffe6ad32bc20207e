/**
 * @qingdan/runtime as an integrator gets it: packed with `npm pack`, installed from the tarball
 * into a project outside the repository, imported from a plain .mjs file, deciding from a
 * signed bundle with a trusted key. No TypeScript, no tsx, no registry.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../compiler/bundle/bundle.js';
import { generateKeyPair } from '../compiler/bundle/keys.js';
import { Policy } from '../runtime/policy.js';
import { ROOT, tempDir } from './support.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

const DECIDE = `import { readFileSync } from 'node:fs';
import { Policy, PolicyLoadError } from '@qingdan/runtime';

const trustedKeys = [readFileSync('public.pem', 'utf8')];
const policy = await Policy.load('bundle.tar.gz', { trustedKeys });
const decision = policy.evaluate(JSON.parse(readFileSync('request.json', 'utf8')));
let refused = null;
try {
  await Policy.load('unsigned.tar.gz', { trustedKeys });
} catch (e) {
  refused = e instanceof PolicyLoadError ? e.code : String(e);
}
process.stdout.write(JSON.stringify({ decision, refused }));
`;

describe('@qingdan/runtime from its tarball', () => {
  it('installs into a project outside the repository and decides from a plain .mjs file', { timeout: 300_000 }, async () => {
    const packs = await tempDir('qingdan-pack-');
    const packed = JSON.parse(npm(['pack', '--workspace', '@qingdan/runtime', '--pack-destination', packs, '--json'], ROOT)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('README.md');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);

    const project = await tempDir('qingdan-integrator-');
    expect(project.startsWith(ROOT)).toBe(false);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'integrator', private: true, type: 'module' }));
    // --offline: a zero-dependency tarball needs no registry.
    npm(['install', '--offline', join(packs, packed[0]!.filename)], project);
    const installed = JSON.parse(await readFile(join(project, 'node_modules/@qingdan/runtime/package.json'), 'utf8'));
    expect(installed.dependencies ?? {}).toEqual({});

    const keys = generateKeyPair();
    const signed = await bundle({ paths: ['policy'], root: ROOT, signingKey: createPrivateKey(keys.privateKey) });
    const unsigned = await bundle({ paths: ['policy'], root: ROOT });
    const request = await readFile(join(ROOT, 'examples/requests/ecommerce-payments-preview.json'), 'utf8');
    await writeFile(join(project, 'bundle.tar.gz'), signed.archive!);
    await writeFile(join(project, 'unsigned.tar.gz'), unsigned.archive!);
    await writeFile(join(project, 'public.pem'), keys.publicKey);
    await writeFile(join(project, 'request.json'), request);
    await writeFile(join(project, 'decide.mjs'), DECIDE);

    const out = JSON.parse(execFileSync(process.execPath, ['decide.mjs'], { cwd: project, encoding: 'utf8' }));
    const expected = (await Policy.load(signed.archive!)).evaluate(JSON.parse(request));
    expect(out.decision).toEqual(expected);
    expect(out.decision.policy.version).toBe(signed.manifest!.bundle!.version);
    expect(out.refused).toBe('signature-missing');
  });
});
