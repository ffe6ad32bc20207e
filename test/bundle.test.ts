/**
 * Bundles: one deterministic archive of data, signed over its manifest, and every way of
 * tampering with one refused with its own code before anything in it is believed.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, bundleFiles } from '../compiler/bundle/bundle.js';
import { generateKeyPair, signManifest } from '../compiler/bundle/keys.js';
import { tar, tarGz } from '../compiler/bundle/tar.js';
import type { Manifest } from '../runtime/artifact.js';
import { verifyBundleArchive, verifyBundleFiles, type VerifyOptions } from '../runtime/bundle-archive.js';
import { OptionError, PolicyLoadError, type PolicyLoadErrorCode } from '../runtime/errors.js';
import { readTarGz } from '../runtime/ustar.js';
import { Policy } from '../runtime/policy.js';
import { hint, hintText } from '../compiler/diagnostics.js';
import { runIn } from './governance/fixture.js';
import { buildRealPolicy, diagnosticLine, ROOT, tempDir } from './support.js';

const keys = generateKeyPair();
const other = generateKeyPair();
const privateKey: KeyObject = createPrivateKey(keys.privateKey);
let signed: Buffer;
let unsigned: Buffer;

beforeAll(async () => {
  const result = await bundle({ paths: ['policy'], root: ROOT, signingKey: privateKey });
  if (!result.archive) throw new Error(result.diagnostics.map((d) => d.code).join(', '));
  signed = result.archive;
  unsigned = tarGz(new Map([...readTarGz(signed)].filter(([name]) => name !== 'manifest.dsse.json')));
});

function refusal(archive: Uint8Array, options: VerifyOptions = { trustedKeys: [keys.publicKey] }): PolicyLoadErrorCode {
  return loadError(archive, options).code;
}

/** The error refusing `archive`; fails the test when it is accepted. */
function loadError(archive: Uint8Array, options: VerifyOptions = { trustedKeys: [keys.publicKey] }): PolicyLoadError {
  try {
    verifyBundleArchive(archive, options);
  } catch (e) {
    if (e instanceof PolicyLoadError) return e;
    throw e;
  }
  throw new Error('the bundle was accepted');
}

/** The signed bundle's files, changed by `edit`, packed again (the envelope left as it was). */
function altered(edit: (files: Map<string, Uint8Array>) => void): Buffer {
  const files = new Map(readTarGz(signed));
  edit(files);
  return tarGz(files);
}

function manifestOf(files: ReadonlyMap<string, Uint8Array>): Manifest {
  return JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8')) as Manifest;
}

/** Re-signs a changed manifest with the trusted key: what a thief of the key could do. */
function resigned(edit: (manifest: Manifest, files: Map<string, Uint8Array>) => Manifest): Buffer {
  const files = new Map(readTarGz(signed));
  const manifest = Buffer.from(JSON.stringify(edit(manifestOf(files), files)));
  files.set('manifest.json', manifest);
  files.set('manifest.dsse.json', Buffer.from(JSON.stringify(signManifest(manifest, privateKey))));
  return tarGz(files);
}

/** One raw ustar header, for archives `qingdan bundle` would never write. */
function rawHeader(name: string, size: number, type: string, options: { magic?: string } = {}): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'latin1');
  h.write('0000644\0', 100);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write(options.magic ?? 'ustar\x0000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** The signed bundle with one raw entry added at the end. */
function withRawEntry(name: string, content: Buffer, type: string): Buffer {
  const plain = gunzipSync(signed);
  const body = plain.subarray(0, plain.length - 1024);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return gzipSync(Buffer.concat([body, rawHeader(name, content.length, type), content, padding, Buffer.alloc(1024)]));
}

describe('qingdan bundle', () => {
  it('writes the same bytes from the same sources, with no timestamps, owners or OS in them', async () => {
    const again = await bundle({ paths: ['policy'], root: ROOT, signingKey: privateKey });
    expect(again.archive!.equals(signed)).toBe(true);
    expect(signed.readUInt32LE(4)).toBe(0); // gzip MTIME
    expect(signed[9]).toBe(255); // gzip OS: unknown
    const plain = gunzipSync(signed);
    for (let offset = 0; offset < plain.length && plain[offset] !== 0; ) {
      expect(plain.toString('latin1', offset + 136, offset + 147)).toBe('00000000000'); // mtime
      expect(plain.toString('latin1', offset + 100, offset + 107)).toBe('0000644'); // mode
      expect(plain.toString('latin1', offset + 108, offset + 115)).toBe('0000000'); // uid
      const size = parseInt(plain.toString('latin1', offset + 124, offset + 135), 8);
      offset += 512 + Math.ceil(size / 512) * 512;
    }
  });

  it('holds the manifest, its envelope, policy.json and the schemas — and no code', () => {
    expect([...readTarGz(signed).keys()]).toEqual([
      'manifest.json',
      'manifest.dsse.json',
      'policy.json',
      'schema/compact-decisions.schema.json',
      'schema/dense-decisions.schema.json',
      'schema/diff.schema.json',
      'schema/manifest.schema.json',
      'schema/policy.schema.json',
      'schema/report.schema.json',
      'schema/request.schema.json',
      'schema/response.schema.json',
      'schema/shared-batch.schema.json',
    ]);
  });

  it('carries the gazette as data when asked', async () => {
    const withGazette = await bundle({ paths: ['policy'], root: ROOT, gazette: true });
    const names = [...readTarGz(withGazette.archive!).keys()];
    expect(names.some((n) => n.startsWith('gazette/') && n.endsWith('.md'))).toBe(true);
    expect(names.some((n) => n.endsWith('.mjs') || n.endsWith('.js'))).toBe(false);
    expect(verifyBundleArchive(withGazette.archive!).identity.digest).toBe(verifyBundleArchive(signed).identity.digest);
  });

  it('names its content: the manifest carries the sha256 of policy.json and a version naming it', () => {
    const { manifest, identity } = verifyBundleArchive(signed, { trustedKeys: [keys.publicKey] });
    expect(manifest.bundle!.digest).toBe(manifest.artifacts['policy.json']!.sha256);
    expect(identity).toEqual({ version: manifest.bundle!.version, digest: manifest.bundle!.digest });
    expect(manifest.bundle!.provenance.lists.map((l) => l.id)).toContain('icv');
  });
});

describe('signatures: the loader’s keys decide, never the bundle', () => {
  it('accepts the bundle signed by a trusted key, among others', () => {
    expect(verifyBundleArchive(signed, { trustedKeys: [other.publicKey, keys.publicKey] }).identity.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('without trusted keys an unsigned bundle opens; with them it is refused (signature-missing)', () => {
    expect(verifyBundleArchive(unsigned).manifest.bundle).toBeDefined();
    expect(refusal(unsigned)).toBe('signature-missing');
  });

  it('an envelope stripped of its signatures (signature-stripped)', () => {
    const stripped = altered((files) => {
      const envelope = JSON.parse(Buffer.from(files.get('manifest.dsse.json')!).toString());
      files.set('manifest.dsse.json', Buffer.from(JSON.stringify({ ...envelope, signatures: [] })));
    });
    expect(refusal(stripped)).toBe('signature-stripped');
  });

  it('an envelope that is not DSSE of a qingdan manifest (signature-malformed)', () => {
    expect(refusal(altered((files) => files.set('manifest.dsse.json', Buffer.from('{not json'))))).toBe('signature-malformed');
    const wrongType = altered((files) => {
      const envelope = JSON.parse(Buffer.from(files.get('manifest.dsse.json')!).toString());
      files.set('manifest.dsse.json', Buffer.from(JSON.stringify({ ...envelope, payloadType: 'application/vnd.in-toto+json' })));
    });
    expect(refusal(wrongType)).toBe('signature-malformed');
  });

  it('signed by a key the loader does not trust (signature-unknown-key)', () => {
    expect(refusal(signed, { trustedKeys: [other.publicKey] })).toBe('signature-unknown-key');
    expect(refusal(signed, { trustedKeys: [] })).toBe('signature-unknown-key');
  });

  it('a signature that does not verify (signature-invalid)', () => {
    const forged = altered((files) => {
      const envelope = JSON.parse(Buffer.from(files.get('manifest.dsse.json')!).toString());
      const sig = Buffer.from(envelope.signatures[0].sig, 'base64');
      sig[0] = sig[0]! ^ 1;
      files.set('manifest.dsse.json', Buffer.from(JSON.stringify({ ...envelope, signatures: [{ ...envelope.signatures[0], sig: sig.toString('base64') }] })));
    });
    expect(refusal(forged)).toBe('signature-invalid');
    // A payload swapped for another manifest under the same signature.
    const swapped = altered((files) => {
      const envelope = JSON.parse(Buffer.from(files.get('manifest.dsse.json')!).toString());
      const manifest = Buffer.from(JSON.stringify({ ...manifestOf(files), policyVersion: '9.9.9' }));
      files.set('manifest.json', manifest);
      files.set('manifest.dsse.json', Buffer.from(JSON.stringify({ ...envelope, payload: manifest.toString('base64') })));
    });
    expect(refusal(swapped)).toBe('signature-invalid');
  });

  it('a manifest.json other than the one signed (manifest-mismatch)', () => {
    const edited = altered((files) => files.set('manifest.json', Buffer.from(JSON.stringify({ ...manifestOf(files), policyVersion: '9.9.9' }))));
    expect(refusal(edited)).toBe('manifest-mismatch');
  });
});

describe('archive contents are checked against the signed manifest', () => {
  it('an edited policy.json of the same size (digest-mismatch)', () => {
    const edited = altered((files) => {
      const text = Buffer.from(files.get('policy.json')!).toString('utf8');
      files.set('policy.json', Buffer.from(text.replace('"min":1000000', '"min":9000000')));
    });
    expect(refusal(edited)).toBe('digest-mismatch');
  });

  it('a file longer than the manifest says (archive-size)', () => {
    expect(refusal(altered((files) => files.set('policy.json', Buffer.concat([files.get('policy.json')!, Buffer.from(' ')]))))).toBe('archive-size');
  });

  it('a file the manifest does not list, e.g. code (archive-unexpected-file)', () => {
    expect(refusal(altered((files) => files.set('validators.mjs', Buffer.from('export const validateRequest = () => true;'))))).toBe('archive-unexpected-file');
  });

  it('a listed file left out (missing)', () => {
    expect(refusal(altered((files) => files.delete('schema/request.schema.json')))).toBe('missing');
  });

  it('a manifest of another schema version, even signed (unsupported-schema)', () => {
    expect(refusal(resigned((m) => ({ ...m, schemaVersion: 2 }) as unknown as Manifest))).toBe('unsupported-schema');
  });

  it('a manifest that is not JSON, in an unsigned bundle (invalid)', () => {
    const files = new Map(readTarGz(unsigned));
    files.set('manifest.json', Buffer.from('{'));
    expect(refusal(tarGz(files), {})).toBe('invalid');
  });

  it('a content digest that is not policy.json’s (digest-mismatch)', () => {
    expect(refusal(resigned((m) => ({ ...m, bundle: { ...m.bundle!, digest: '0'.repeat(64) } })))).toBe('digest-mismatch');
  });
});

describe('the ustar reader refuses what the format does not need', () => {
  it('a name climbing out with .. (archive-path)', () => {
    expect(refusal(withRawEntry('schema/../../etc/passwd', Buffer.from('x'), '0'))).toBe('archive-path');
  });

  it('an absolute name (archive-path)', () => {
    expect(refusal(withRawEntry('/etc/passwd', Buffer.from('x'), '0'))).toBe('archive-path');
  });

  it('a hidden or odd name (archive-path)', () => {
    expect(refusal(withRawEntry('schema/.hidden', Buffer.from('x'), '0'))).toBe('archive-path');
  });

  it('a symbolic or hard link (archive-link)', () => {
    expect(refusal(withRawEntry('evil', Buffer.alloc(0), '2'))).toBe('archive-link');
    expect(refusal(withRawEntry('evil', Buffer.alloc(0), '1'))).toBe('archive-link');
  });

  it('a folder or a pax header (archive-entry-type)', () => {
    expect(refusal(withRawEntry('schema', Buffer.alloc(0), '5'))).toBe('archive-entry-type');
    expect(refusal(withRawEntry('pax', Buffer.from('30 path=../../etc/passwd\n'), 'x'))).toBe('archive-entry-type');
  });

  it('a name given twice (archive-duplicate)', () => {
    const policy = readTarGz(signed).get('policy.json')!;
    expect(refusal(withRawEntry('policy.json', Buffer.from(policy), '0'))).toBe('archive-duplicate');
  });

  it('a truncated archive (archive-truncated)', () => {
    expect(refusal(signed.subarray(0, Math.floor(signed.length / 2)))).toBe('archive-truncated');
    const plain = gunzipSync(signed);
    expect(refusal(gzipSync(plain.subarray(0, 5000)))).toBe('archive-truncated');
  });

  it('bytes that are not a gzip stream, and a header failing its checksum (archive-corrupt)', () => {
    expect(refusal(Buffer.from('PK\x03\x04 not a tarball'))).toBe('archive-corrupt');
    const plain = Buffer.from(gunzipSync(signed));
    plain[0] = 'N'.charCodeAt(0); // manifest.json → Nanifest.json, checksum now wrong
    expect(refusal(gzipSync(plain))).toBe('archive-corrupt');
  });

  it('a flipped byte inside the gzip stream is refused as damaged, not as another format (archive-corrupt)', () => {
    const flipped = Buffer.from(signed);
    flipped[flipped.length - 6]! ^= 0xff; // in the CRC-32 of the trailer
    const error = loadError(flipped);
    expect(error.code).toBe('archive-corrupt');
    // The message is what a user reads first: it must not send them looking for a wrong file type.
    expect(error.message).not.toMatch(/not a gzip stream/);
    expect(error.message).toMatch(/damaged/);
  });

  it('a decompression bomb is bounded (archive-too-large)', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(bomb)).toBe('archive-too-large');
    expect(refusal(signed, { trustedKeys: [keys.publicKey], maxBytes: 10_000 })).toBe('archive-too-large');
  });
});

describe('the bundle writer', () => {
  it('writes what GNU-compatible readers and our reader read back identically', () => {
    const files = bundleFiles(Buffer.from('{}'), undefined, new Map([['b/x.json', Buffer.from('x'.repeat(700))], ['a.json', Buffer.alloc(0)]]));
    expect([...files.keys()]).toEqual(['manifest.json', 'a.json', 'b/x.json']);
    expect(tar(files).length % 512).toBe(0);
    const back = readTarGz(tarGz(files));
    expect([...back.keys()]).toEqual(['manifest.json', 'a.json', 'b/x.json']);
    expect(Buffer.from(back.get('b/x.json')!).toString()).toBe('x'.repeat(700));
  });
});

describe('qingdan keys generate, bundle --sign, verify', () => {
  it('signs with a generated key, verifies (exit 0), and refuses another key with its code (exit 1)', async () => {
    const dir = await tempDir();
    const generated = await runIn(dir, ['keys', 'generate', 'keys']);
    expect(generated.code).toBe(0);
    const pem = await readFile(join(dir, 'keys/public.pem'), 'utf8');
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await runIn(dir, ['keys', 'generate', 'keys'])).code).toBe(2); // never overwrites a key
    // A folder the file system refuses is an I/O error about its path, not an internal error or a hang.
    const unmade = await runIn(dir, ['keys', 'generate', '/proc/qingdan-test/keys']);
    expect(unmade.code).toBe(2);
    expect(unmade.stderr).toContain(diagnosticLine('io-failed', { operation: 'mkdir', path: '/proc/qingdan-test', reason: 'ENOENT' }));
    await writeFile(join(dir, 'a-file'), '');
    expect((await runIn(dir, ['keys', 'generate', 'a-file/keys'])).stderr).toContain(diagnosticLine('io-failed', { operation: 'mkdir', path: 'a-file/keys', reason: 'ENOTDIR' }));
    const out = join(dir, 'b.tar.gz');
    const bundled = await runIn(ROOT, ['bundle', '-o', out, '--sign', join(dir, 'keys/private.pem')]);
    expect(bundled.code).toBe(0);
    const good = await runIn(dir, ['verify', out, '--key', 'keys/public.pem', '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await runIn(dir, ['keys', 'generate', 'other']);
    const bad = await runIn(dir, ['verify', out, '--key', 'other/public.pem', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, code: 'signature-unknown-key' });
    const refused = await runIn(dir, ['--lang', 'zh', 'verify', out, '--key', 'other/public.pem']);
    expect([refused.code, refused.stderr.split('\n')[0]]).toEqual([1, diagnosticLine('cli-policy-refused', { path: out, reason: 'signature-unknown-key' }, 'zh')]);
  });

  it('writes -o only where nothing is or over an earlier bundle, through a temporary file renamed into place (before: -o README.md made the README an archive)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'README.md'), '# notes\n');
    await mkdir(join(dir, 'folder'));
    for (const out of ['README.md', 'folder']) {
      const r = await runIn(ROOT, ['bundle', '-o', join(dir, out)]);
      expect([out, r.code, r.stderr.split('\n')[0]]).toEqual([out, 2, diagnosticLine('cli-not-a-bundle-file', { path: join(dir, out) })]);
    }
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('# notes\n');
    const out = join(dir, 'bundle.tar.gz');
    expect((await runIn(ROOT, ['bundle', '-o', out])).code).toBe(0);
    const hasGazette = async () => [...readTarGz(await readFile(out)).keys()].some((name) => name.startsWith('gazette/'));
    expect(await hasGazette()).toBe(false);
    expect((await runIn(ROOT, ['bundle', '-o', out, '--gazette'])).code).toBe(0); // over the earlier bundle
    expect(await hasGazette()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'bundle.tar.gz', 'folder']); // no temporary left
    // An error about the temporary file names the file asked for.
    const missing = await runIn(ROOT, ['bundle', '-o', join(dir, 'absent/bundle.tar.gz')]);
    expect(missing.stderr).toContain(diagnosticLine('io-failed', { operation: 'open', path: join(dir, 'absent/bundle.tar.gz'), reason: 'ENOENT' }));
  });

  it('reads an archive only up to the bound (archive-too-large), from a file or a pipe, and still verifies one from a pipe', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'public.pem'), keys.publicKey);
    const huge = join(dir, 'disk.img');
    await writeFile(huge, '');
    await truncate(huge, 33 * 1024 * 1024); // sparse: a file named by mistake, larger than any bundle
    await expect(Policy.load(huge)).rejects.toMatchObject({ code: 'archive-too-large' });
    const refused = await runIn(dir, ['verify', 'disk.img', '--key', 'public.pem', '--json']);
    expect([refused.code, JSON.parse(refused.stdout).code]).toEqual([1, 'archive-too-large']);
    // A pipe, as `qingdan verify <(curl …)` gives it: read like a file.
    const fifo = join(dir, 'bundle.pipe');
    execFileSync('mkfifo', [fifo]);
    const writing = writeFile(fifo, signed);
    const piped = await runIn(dir, ['verify', 'bundle.pipe', '--key', 'public.pem', '--json']);
    await writing;
    expect([piped.code, JSON.parse(piped.stdout).ok]).toEqual([0, true]);
  });

  it('refuses a --key file that holds no Ed25519 public key (any other text, an EC key) before reading the bundle: verify, serve and report', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'not a key\n');
    await writeFile(join(dir, 'ec.pem'), generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }));
    await writeFile(join(dir, 'report.json'), '{}');
    for (const key of ['notes.txt', 'ec.pem']) {
      for (const args of [['verify', 'missing.tar.gz'], ['serve', 'missing.tar.gz', '--port', '0'], ['report', 'check', 'report.json', '--bundle', 'missing.tar.gz']]) {
        const r = await runIn(dir, [...args, '--key', key]);
        expect([args[0], key, r.code, r.stderr.split('\n')[0]]).toEqual([args[0], key, 2, diagnosticLine('cli-public-key', { path: key })]);
      }
    }
    // The variadic --key takes in a bundle named after it: the file is named, with the way out.
    await writeFile(join(dir, 'public.pem'), keys.publicKey);
    const swallowed = await runIn(dir, ['serve', '--key', 'public.pem', 'notes.txt', '--port', '0']);
    expect(swallowed.stderr.split('\n').slice(0, 2)).toEqual([diagnosticLine('cli-public-key', { path: 'notes.txt' }), `  = hint: ${hintText(hint('key-files'), 'en')}`]);
  });

  it('refuses a private key given as --key: a verifier was handed the signing key, and it was taken', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'private.pem'), keys.privateKey);
    const r = await runIn(dir, ['verify', 'missing.tar.gz', '--key', 'private.pem']);
    expect([r.code, r.stderr.split('\n').slice(0, 2)]).toEqual([2, [diagnosticLine('cli-public-key', { path: 'private.pem' }), `  = hint: ${hintText(hint('public-key-only'), 'en')}`]]);
  });

  it('reads a key file only up to 64 KiB (--key /dev/zero read 2 GiB, then said "error EUNKNOWN")', async () => {
    const dir = await tempDir();
    await symlink('/dev/zero', join(dir, 'zero.pem'));
    const verify = await runIn(dir, ['verify', 'missing.tar.gz', '--key', 'zero.pem']);
    expect([verify.code, verify.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-public-key', { path: 'zero.pem' })]);
    const sign = await runIn(dir, ['bundle', join(ROOT, 'policy'), '--sign', 'zero.pem', '-o', 'b.tar.gz']);
    expect([sign.code, sign.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-signing-key', { path: 'zero.pem' })]);
    expect(sign.stderr).toContain('65536');
  });
});

describe('Policy.load of a bundle', () => {
  const request = JSON.parse(`{"asOf":"2026-12-01","preview":true,"processor":{"zone":"nansha","ciio":false},"transfer":{"isExport":true,"items":[{"id":"cross-border-ecommerce.payment-transactions","persons":150000}]}}`);

  it('loads a signed archive (path or bytes) with its trusted key and decides under the bundle’s version', async () => {
    const path = join(await tempDir(), 'bundle.tar.gz');
    await writeFile(path, signed);
    const fromFile = await Policy.load(path, { trustedKeys: [keys.publicKey] });
    const fromBytes = await Policy.load(signed, { trustedKeys: [keys.publicKey] });
    const { identity } = verifyBundleArchive(signed);
    expect(fromFile.version).toBe(identity.version);
    const decision = fromBytes.evaluate(request);
    expect(decision.policy).toEqual({ version: identity.version, digest: identity.digest });
    expect(decision.pathway).toBe(fromFile.evaluate(request).pathway);
  });

  it('with trusted keys, refuses an unsigned archive and an unsigned build folder (signature-missing)', async () => {
    await expect(Policy.load(unsigned, { trustedKeys: [keys.publicKey] })).rejects.toMatchObject({ code: 'signature-missing' });
    const { outDir } = await buildRealPolicy();
    await expect(Policy.load(outDir, { trustedKeys: [keys.publicKey] })).rejects.toMatchObject({ code: 'signature-missing' });
    expect((await Policy.load(outDir)).digest).toBe(verifyBundleArchive(signed).identity.digest);
  });

  it('refuses a source or options it cannot use with an OptionError naming it, before reading anything', async () => {
    const cases: [string, unknown, unknown][] = [
      ['source', 42, undefined],
      ['source', undefined, undefined],
      ['source', new ArrayBuffer(8), undefined],
      ['options', signed, null],
      ['options', signed, 'strict'],
      // Before: one PEM text was read character by character, "this text is none".
      ['trustedKeys', signed, { trustedKeys: keys.publicKey }],
      ['trustedKeys', signed, { trustedKeys: [42] }],
      // Before: NaN lifted the bound on unpacking; -1 refused every bundle as too large.
      ['maxBytes', signed, { maxBytes: Number.NaN }],
      ['maxBytes', signed, { maxBytes: -1 }],
      ['previous', signed, { previous: { version: 'zzz', digest: 'f'.repeat(64) } }],
      ['previous', signed, { previous: { version: '1.0.0', digest: 'short' } }],
      ['previous', signed, { previous: null }],
    ];
    for (const [option, source, options] of cases) {
      const refused = await Policy.load(source as never, options as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect([option, refused instanceof OptionError && refused.option]).toEqual([option, option]);
    }
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(() => verifyBundleArchive(bomb, { maxBytes: Number.NaN })).toThrow(OptionError);
    expect(() => verifyBundleFiles(new Map(), { trustedKeys: keys.publicKey as never })).toThrow(OptionError);
  });

  it('answers listState only for a day that is one (a day that is none got the state of some other day)', async () => {
    const policy = await Policy.load(signed, { trustedKeys: [keys.publicKey] });
    expect(policy.listState('icv', '2099-01-01')).toBe('trial-ended');
    expect(policy.listState('no-such-list', '2027-06-01')).toBeUndefined();
    for (const day of ['2027/06/01', '2027-02-30', '', 'tomorrow', 20270601]) {
      const refused = (() => {
        try {
          return policy.listState('icv', day as string);
        } catch (e) {
          return e;
        }
      })();
      expect([day, refused instanceof OptionError && refused.option]).toEqual([day, 'asOf']);
    }
  });

  it('refuses a rolled-back or equivocating bundle against the one it holds', async () => {
    const held = verifyBundleArchive(signed).identity;
    await expect(Policy.load(signed, { previous: { version: '99.0.0', digest: 'f'.repeat(64) } })).rejects.toMatchObject({ code: 'rollback' });
    await expect(Policy.load(signed, { previous: { version: held.version, digest: 'f'.repeat(64) } })).rejects.toMatchObject({ code: 'equivocation' });
    expect((await Policy.load(signed, { previous: held })).digest).toBe(held.digest);
  });
});
